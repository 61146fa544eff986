package cn.officeflow.platform.audit;

import static cn.officeflow.platform.web.Csv.cell;

import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.org.RoleGroups;
import cn.officeflow.platform.web.Csv;
import cn.officeflow.platform.web.ValidationException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST of 审计 (DESIGN.md "Audit and designers" contract): the process history for {@code auditors} and
 * {@code camunda-admin} ({@code /api/audit/process-instances}, its CSV, one instance), and the access audit log
 * for {@code auditors} and {@code audit-admins} (审计管理员) only ({@code /api/audit/events}, its CSV, verify and
 * head).
 */
@RestController
@RequestMapping("/api/audit")
public class AuditController {

  static final Set<String> EVENT_READERS = Set.of(RoleGroups.AUDITORS, RoleGroups.AUDIT_ADMINS);
  static final int MAX_CSV = 5000;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final ProcessHistory processes;
  private final AuditLog log;
  private final IdentityService identity;

  public AuditController(ProcessHistory processes, AuditLog log, IdentityService identity) {
    this.processes = processes;
    this.log = log;
    this.identity = identity;
  }

  /** The query parameters of a search (bound from the URL; validated by {@link #criteria}). */
  public record InstanceQuery(
      String processDefinitionKey,
      String finished,
      String startedAfter,
      String startedBefore,
      String user,
      String q,
      Integer firstResult,
      Integer maxResults) {}

  /** Finished and running instances, newest first; header X-Search-Truncated when a q search hit its limit. */
  @GetMapping("/process-instances")
  public ResponseEntity<List<ProcessHistory.InstanceSummary>> processInstances(
      InstanceQuery query) {
    ProcessHistory.SearchResult result =
        processes.search(
            criteria(
                query,
                AuditParams.range(query.firstResult(), 0, 0, 1_000_000, "firstResult", "起始序号"),
                AuditParams.range(query.maxResults(), 100, 1, 1000, "maxResults", "每页条数")));
    ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
    if (result.truncated()) {
      ok.header("X-Search-Truncated", "true");
    }
    return ok.body(result.instances());
  }

  /** The same search as CSV (at most {@value #MAX_CSV} rows; firstResult and maxResults do not apply). */
  @GetMapping(value = "/process-instances.csv", produces = "text/csv;charset=UTF-8")
  public ResponseEntity<byte[]> processInstancesCsv(InstanceQuery query) {
    List<String> rows =
        processes.search(criteria(query, 0, MAX_CSV)).instances().stream()
            .map(
                i ->
                    String.join(
                        ",",
                        cell(i.processName()),
                        cell(i.title()),
                        cell(i.number()),
                        cell(i.recordStatusLabel()),
                        cell(i.stateLabel()),
                        cell(i.startUserName()),
                        cell(format(i.startTime())),
                        cell(format(i.endTime())),
                        cell(duration(i.durationMillis())),
                        cell(i.businessKey()),
                        cell(i.id())))
            .toList();
    return Csv.download("流程审计.csv", "流程,标题,文号/编号,业务状态,实例状态,发起人,开始时间,结束时间,历时,业务键,流程实例编号", rows);
  }

  /** Timeline, review trail, variables at the end, files, archive, user operations, incidents. */
  @GetMapping("/process-instances/{id}")
  public ProcessHistory.InstanceDetail processInstance(@PathVariable String id) {
    return processes.detail(id);
  }

  /** The access audit log, newest first. */
  @GetMapping("/events")
  public List<AuditEvent> events(
      @RequestParam(required = false) String user,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) Integer limit) {
    requireEventReader("查询安全审计日志");
    return search(user, type, from, to, AuditParams.range(limit, 500, 1, MAX_CSV, "limit", "条数"));
  }

  @GetMapping(value = "/events.csv", produces = "text/csv;charset=UTF-8")
  public ResponseEntity<byte[]> eventsCsv(
      @RequestParam(required = false) String user,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    requireEventReader("导出安全审计日志");
    List<String> rows =
        search(user, type, from, to, MAX_CSV).stream()
            .map(
                e ->
                    String.join(
                        ",",
                        String.valueOf(e.seq()),
                        cell(format(e.occurredAt())),
                        cell(e.type().label()),
                        cell(e.action()),
                        cell(e.userId()),
                        cell(e.sourceAddress()),
                        cell(e.target()),
                        cell(e.result()),
                        cell(e.detail()),
                        cell(e.hash())))
            .toList();
    return Csv.download("安全审计日志.csv", "序号,时间,类型,操作,用户,来源地址,对象,结果,说明,哈希", rows);
  }

  /** {"intact": true, "checked": n} or the first broken record; with headSeq + headHash against a kept head. */
  @GetMapping("/events/verify")
  public AuditVerification verify(
      @RequestParam(required = false) Integer headSeq,
      @RequestParam(required = false) String headHash) {
    requireEventReader("核验安全审计日志");
    if ((headSeq == null) != (headHash == null || headHash.isBlank())) {
      throw new ValidationException(
          headSeq == null ? "headSeq" : "headHash", "链头序号 headSeq 与链头哈希 headHash 必须同时提供");
    }
    return log.verify(headSeq, headHash == null ? null : headHash.strip());
  }

  /** The newest record's seq and hash, to keep a copy of elsewhere. */
  @GetMapping("/events/head")
  public Map<String, Object> head() {
    requireEventReader("查看安全审计日志链头");
    Map<String, Object> head = new LinkedHashMap<>();
    log.head()
        .ifPresent(
            e -> {
              head.put("seq", e.seq());
              head.put("hash", e.hash());
              head.put("at", e.occurredAt());
            });
    return head;
  }

  private List<AuditEvent> search(String user, String type, String from, String to, int limit) {
    return log.search(
        AuditParams.text(user, "user", 128, "用户"),
        type(type),
        AuditParams.time(from, "from", "起始时间", false),
        AuditParams.time(to, "to", "截止时间", true),
        limit);
  }

  private static AuditEventType type(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    return Arrays.stream(AuditEventType.values())
        .filter(t -> t.name().equalsIgnoreCase(raw.strip()) || t.label().equals(raw.strip()))
        .findFirst()
        .orElseThrow(
            () ->
                new ValidationException(
                    "type",
                    "类型只能是 "
                        + String.join(
                            "、", Arrays.stream(AuditEventType.values()).map(Enum::name).toList())
                        + "，收到："
                        + raw.strip()));
  }

  private static ProcessHistory.Criteria criteria(
      InstanceQuery query, int firstResult, int maxResults) {
    LocalDateTime after = AuditParams.time(query.startedAfter(), "startedAfter", "开始时间起", false);
    LocalDateTime before = AuditParams.time(query.startedBefore(), "startedBefore", "开始时间止", true);
    if (after != null && before != null && !after.isBefore(before)) {
      throw new ValidationException("startedBefore", "开始时间止必须晚于开始时间起");
    }
    return new ProcessHistory.Criteria(
        AuditParams.text(query.processDefinitionKey(), "processDefinitionKey", 255, "流程"),
        AuditParams.bool(query.finished(), "finished", "是否办结"),
        after,
        before,
        AuditParams.text(query.user(), "user", 128, "人员"),
        AuditParams.text(query.q(), "q", 100, "标题或文号"),
        firstResult,
        maxResults);
  }

  private void requireEventReader(String action) {
    CurrentUser.requireAnyGroup(identity, EVENT_READERS, action);
  }

  private static String format(LocalDateTime time) {
    return time == null ? null : TIME.format(time);
  }

  private static String duration(Long millis) {
    if (millis == null) {
      return null;
    }
    Duration d = Duration.ofMillis(millis);
    if (d.toDays() > 0) {
      return d.toDays() + "天" + d.toHoursPart() + "小时";
    }
    if (d.toHours() > 0) {
      return d.toHours() + "小时" + d.toMinutesPart() + "分";
    }
    return d.toMinutes() + "分" + d.toSecondsPart() + "秒";
  }
}
