package cn.officeflow.emergency;

import static cn.officeflow.emergency.EmergencyVariables.EMERGENCY_COMMAND;

import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.engine.SystemAuthentication;
import cn.officeflow.platform.files.StoredFile;
import cn.officeflow.platform.files.StoredFileService;
import cn.officeflow.platform.notify.NotificationService;
import cn.officeflow.platform.org.RoleGroups;
import cn.officeflow.platform.web.ConflictException;
import cn.officeflow.platform.web.NotFoundException;
import cn.officeflow.platform.web.ValidationException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The REST side of 应急分级响应 with its read rules: emergency-command, leaders, office-director, auditors and
 * admins read every case; anyone else only the cases they take part in (reported, worked a task of, own an
 * improvement item of) — other ids answer 404 as if they did not exist. Evidence may be added or removed by the
 * case's participants, emergency-command and office-director while the case is open; once closed (结案) the
 * evidence is frozen (409).
 */
@Service
public class EmergencyQueries {

  static final Set<String> READER_ROLES =
      Set.of(
          EMERGENCY_COMMAND,
          RoleGroups.LEADERS,
          RoleGroups.OFFICE_DIRECTOR,
          RoleGroups.AUDITORS,
          RoleGroups.CAMUNDA_ADMIN);

  static final Set<String> EVIDENCE_ROLES =
      Set.of(EMERGENCY_COMMAND, RoleGroups.LEADERS, RoleGroups.OFFICE_DIRECTOR);

  private final EmergencyRepository cases;
  private final EmergencyReports reports;
  private final StoredFileService files;
  private final NotificationService notifications;
  private final IdentityService identity;
  private final HistoryService history;

  public EmergencyQueries(
      EmergencyRepository cases,
      EmergencyReports reports,
      StoredFileService files,
      NotificationService notifications,
      IdentityService identity,
      HistoryService history) {
    this.cases = cases;
    this.reports = reports;
    this.files = files;
    this.notifications = notifications;
    this.identity = identity;
    this.history = history;
  }

  /** {@code GET /api/emergencies?status=&level=}: the cases the user may read, newest first. */
  public List<Summary> list(String status, String level) {
    EmergencyStatus s = null;
    if (status != null && !status.isBlank()) {
      try {
        s = EmergencyStatus.valueOf(status.strip().toUpperCase());
      } catch (IllegalArgumentException e) {
        throw new ValidationException(
            "status", "status 必须是 RESPONDING、CLOSED、REVIEWED 或 DONE 之一，收到：" + status);
      }
    }
    String l = null;
    if (level != null && !level.isBlank()) {
      l = normaliseLevel(level.strip());
    }
    String user = user();
    boolean all = CurrentUser.inAnyGroup(identity, READER_ROLES);
    return cases.list(s, l).stream()
        .filter(e -> all || participant(e, user))
        .map(Summary::of)
        .toList();
  }

  /** Ⅰ–Ⅳ, or their ASCII spellings I, II, III, IV / 1–4; anything else → 400 naming level. */
  static String normaliseLevel(String level) {
    return switch (level.toUpperCase()) {
      case "Ⅰ", "I", "1" -> "Ⅰ";
      case "Ⅱ", "II", "2" -> "Ⅱ";
      case "Ⅲ", "III", "3" -> "Ⅲ";
      case "Ⅳ", "IV", "4" -> "Ⅳ";
      default -> throw new ValidationException("level", "level 必须是 Ⅰ、Ⅱ、Ⅲ、Ⅳ 之一（或 I–IV），收到：" + level);
    };
  }

  /** {@code GET /api/emergencies/{id}}: the case with timeline, evidence, response times, improvements. */
  public Detail detail(String id) {
    Emergency e = readable(id);
    return new Detail(
        Summary.of(e),
        e.description(),
        e.checklist(),
        e.crisisResponseMinutes(),
        e.lessons(),
        e.archiveEntryId(),
        reports.timeline(e),
        reports.responseTimes(e),
        files.list(e.id()),
        cases.improvements(e.id()),
        notifications.forBusinessKey(e.id()).size());
  }

  public List<StoredFile> evidence(String id) {
    return files.list(readable(id).id());
  }

  public StoredFile evidenceFile(String id, String fileId) {
    return files.file(readable(id).id(), fileId);
  }

  public byte[] evidenceContent(String id, String fileId) {
    return files.content(readable(id).id(), fileId);
  }

  /** Adds evidence while the case is open (409 once closed). */
  @Transactional
  public StoredFile upload(String id, String name, String mediaType, byte[] content) {
    Emergency e = writable(id);
    return files.store(e.id(), currentStep(e), name, mediaType, content);
  }

  @Transactional
  public void remove(String id, String fileId) {
    Emergency e = writable(id);
    StoredFile f = files.file(e.id(), fileId);
    if (!f.uploadedBy().equals(user()) && !CurrentUser.inAnyGroup(identity, EVIDENCE_ROLES)) {
      throw new ConflictException("只能删除自己上传的证据");
    }
    files.remove(e.id(), fileId);
  }

  private Emergency writable(String id) {
    Emergency e = readable(id);
    String user = user();
    if (!participant(e, user) && !CurrentUser.inAnyGroup(identity, EVIDENCE_ROLES)) {
      throw new NotFoundException("突发事件不存在：" + id);
    }
    Emergency locked = cases.lock(e.id()).orElseThrow();
    if (locked.closed()) {
      throw new ConflictException(
          "事件已于 " + EmergencyService.TIME.format(locked.closedAt()) + " 结案，证据已固定，不能再上传或删除");
    }
    return locked;
  }

  /** Whether the current user may read the case; empty when there is no such case. */
  public Optional<Boolean> mayRead(String id) {
    return cases
        .find(id)
        .map(e -> CurrentUser.inAnyGroup(identity, READER_ROLES) || participant(e, user()));
  }

  private Emergency readable(String id) {
    Emergency e = cases.find(id).orElseThrow(() -> new NotFoundException("突发事件不存在：" + id));
    if (!CurrentUser.inAnyGroup(identity, READER_ROLES) && !participant(e, user())) {
      throw new NotFoundException("突发事件不存在：" + id);
    }
    return e;
  }

  /** Reporter, assignee of any of its tasks (done or open), or owner of an improvement item. */
  boolean participant(Emergency e, String user) {
    if (user.equals(e.reporter())) {
      return true;
    }
    long tasks =
        SystemAuthentication.call(
            identity,
            () ->
                history
                    .createHistoricTaskInstanceQuery()
                    .processInstanceId(e.processInstanceId())
                    .taskAssignee(user)
                    .count());
    return tasks > 0 || cases.improvements(e.id()).stream().anyMatch(i -> i.ownerId().equals(user));
  }

  private String currentStep(Emergency e) {
    List<String> names =
        SystemAuthentication.call(
            identity,
            () ->
                history
                    .createHistoricTaskInstanceQuery()
                    .processInstanceId(e.processInstanceId())
                    .unfinished()
                    .list()
                    .stream()
                    .map(t -> t.getName())
                    .distinct()
                    .toList());
    return names.isEmpty() ? "报告" : String.join("、", names);
  }

  private String user() {
    return CurrentUser.id(identity).orElseThrow(() -> new NotFoundException("未登录"));
  }

  /** A case in lists. */
  public record Summary(
      String id,
      String level,
      String dimension,
      String scenario,
      String location,
      int injured,
      String status,
      String statusLabel,
      String reporter,
      String reporterName,
      LocalDateTime reportedAt,
      LocalDateTime safetyConfirmedAt,
      LocalDateTime closedAt,
      LocalDateTime reviewDueAt,
      LocalDateTime doneAt) {
    static Summary of(Emergency e) {
      return new Summary(
          e.id(),
          e.level(),
          e.dimension(),
          e.scenario(),
          e.location(),
          e.injured(),
          e.status().name(),
          e.status().label(),
          e.reporter(),
          e.reporterName(),
          e.reportedAt(),
          e.safetyConfirmedAt(),
          e.closedAt(),
          e.reviewDueAt(),
          e.doneAt());
    }
  }

  /** A case in full. */
  public record Detail(
      Summary emergency,
      String description,
      String checklist,
      Long crisisResponseMinutes,
      String lessons,
      String archiveEntryId,
      List<EmergencyReports.TimelineEntry> timeline,
      List<EmergencyReports.ResponseTime> responseTimes,
      List<StoredFile> evidence,
      List<EmergencyRepository.Improvement> improvements,
      int notifications) {}
}
