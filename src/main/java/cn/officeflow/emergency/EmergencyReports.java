package cn.officeflow.emergency;

import static cn.officeflow.emergency.EmergencyService.TIME;
import static cn.officeflow.emergency.EmergencyService.minutes;

import cn.officeflow.platform.archive.ArchiveService;
import cn.officeflow.platform.archive.ArchiveSource;
import cn.officeflow.platform.archive.NewArchiveEntry;
import cn.officeflow.platform.docgen.DocxGenerator;
import cn.officeflow.platform.docgen.OfficialDocument;
import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.engine.SystemAuthentication;
import cn.officeflow.platform.files.StoredFile;
import cn.officeflow.platform.files.StoredFileService;
import cn.officeflow.platform.improve.ImprovementItem;
import cn.officeflow.platform.improve.ImprovementItems;
import cn.officeflow.platform.org.OrgService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The 三维报告 of an emergency: 事件经过 (a timeline built from the process history: who did what when, plus the
 * evidence uploads), 处置得失 (actual against target response times of the level), 优化建议 (parsed from the
 * 复盘 form), and the archived package: the .docx (platform.docgen, laid out as a 报告) with every evidence file
 * and a manifest of their SHA-256, as one ZIP in the archive's hash chain.
 */
@Component
public class EmergencyReports {

  /** Activity types shown in the timeline (gateways and plain events are structure, not steps). */
  static final Set<String> STEPS =
      Set.of(
          "startEvent",
          "messageStartEvent",
          "businessRuleTask",
          "serviceTask",
          "userTask",
          "callActivity",
          "boundaryTimer",
          "noneEndEvent",
          "terminateEndEvent");

  private final HistoryService history;
  private final IdentityService identity;
  private final OrgService org;
  private final StoredFileService files;
  private final EmergencyRepository cases;
  private final EmergencyProperties properties;
  private final DocxGenerator docx;
  private final ArchiveService archive;
  private final String issuer;

  public EmergencyReports(
      HistoryService history,
      IdentityService identity,
      OrgService org,
      StoredFileService files,
      EmergencyRepository cases,
      EmergencyProperties properties,
      DocxGenerator docx,
      ArchiveService archive,
      @Value("${officeflow.issuer-name:行政办公室}") String issuer) {
    this.history = history;
    this.identity = identity;
    this.org = org;
    this.files = files;
    this.cases = cases;
    this.properties = properties;
    this.docx = docx;
    this.archive = archive;
    this.issuer = issuer;
  }

  /** One line of the 事件经过. */
  public record TimelineEntry(
      LocalDateTime at, String step, String user, String userName, String what) {}

  /** One response time: actual minutes against the level's target (null target = no target). */
  public record ResponseTime(
      String step, LocalDateTime at, Long actualMinutes, Long targetMinutes, Boolean met) {}

  /** 事件经过, in time order: the report, each finished step with who did it, each evidence upload. */
  public List<TimelineEntry> timeline(Emergency e) {
    List<TimelineEntry> entries = new ArrayList<>();
    entries.add(
        new TimelineEntry(
            e.reportedAt(),
            "报告突发事件",
            e.reporter(),
            e.reporterName(),
            e.dimension() + "/" + e.scenario() + "，" + e.location() + "，受伤 " + e.injured() + " 人"));
    List<HistoricActivityInstance> activities =
        SystemAuthentication.call(
            identity,
            () ->
                history
                    .createHistoricActivityInstanceQuery()
                    .processInstanceId(e.processInstanceId())
                    .finished()
                    .orderByHistoricActivityInstanceEndTime()
                    .asc()
                    .list());
    for (HistoricActivityInstance a : activities) {
      if (!STEPS.contains(a.getActivityType())
          || a.getActivityType().endsWith("StartEvent")
          || a.getActivityType().equals("startEvent")
          || a.isCanceled()) {
        continue;
      }
      String user = a.getAssignee();
      String name =
          user == null ? "系统" : SystemAuthentication.call(identity, () -> org.displayName(user));
      entries.add(
          new TimelineEntry(
              local(a.getEndTime()),
              a.getActivityName(),
              user,
              name,
              "userTask".equals(a.getActivityType()) ? "办理完成" : "自动完成"));
    }
    for (StoredFile f : files.list(e.id())) {
      entries.add(
          new TimelineEntry(
              f.uploadedAt(),
              "上传证据",
              f.uploadedBy(),
              f.uploadedByName(),
              f.fileName() + "（SHA-256 " + f.sha256().substring(0, 16) + "…）"));
    }
    entries.sort(Comparator.comparing(TimelineEntry::at));
    return entries;
  }

  /** 处置得失: actual against target times of the case's level, from the report. */
  public List<ResponseTime> responseTimes(Emergency e) {
    List<ResponseTime> times = new ArrayList<>();
    EmergencyProperties.Level level =
        e.level() == null ? null : properties.level(e.level()).orElse(null);
    times.add(time("分级通知", e.reportedAt(), e.alertedAt(), 0L));
    times.add(
        time(
            "人员安全确认",
            e.reportedAt(),
            e.safetyConfirmedAt(),
            level == null ? null : level.getSafetyConfirm().toMinutes()));
    times.add(
        time(
            "现场处置完成",
            e.reportedAt(),
            e.onSiteDoneAt(),
            level == null ? null : level.getOnSite().toMinutes()));
    times.add(time("后方支持报告", e.reportedAt(), e.supportDoneAt(), null));
    if (EmergencyVariables.ASSETS.equals(e.dimension())) {
      times.add(time("资产抢救完成", e.reportedAt(), e.assetsDoneAt(), null));
    }
    if (EmergencyVariables.REPUTATION.equals(e.dimension())) {
      Long m = e.crisisResponseMinutes();
      times.add(new ResponseTime("危机公关首次回应", e.crisisDoneAt(), m, 30L, m == null ? null : m <= 30));
    }
    times.add(time("结案", e.reportedAt(), e.closedAt(), null));
    return times;
  }

  private static ResponseTime time(
      String step, LocalDateTime from, LocalDateTime to, Long targetMinutes) {
    Long actual = to == null ? null : minutes(from, to);
    Boolean met = actual == null || targetMinutes == null ? null : actual <= targetMinutes;
    return new ResponseTime(step, to, actual, targetMinutes, met);
  }

  public String timelineText(Emergency e) {
    List<String> lines = new ArrayList<>();
    for (TimelineEntry t : timeline(e)) {
      lines.add(TIME.format(t.at()) + "  " + t.step() + "  " + t.userName() + "  " + t.what());
    }
    return String.join("\n", lines);
  }

  /** The evidence as fixed at 结案: name, size, uploader, time and SHA-256, one per line. */
  public String evidenceText(Emergency e) {
    List<String> lines = new ArrayList<>();
    for (StoredFile f : files.list(e.id())) {
      lines.add(
          f.fileName()
              + "（"
              + f.size()
              + " 字节，"
              + f.uploadedByName()
              + " "
              + TIME.format(f.uploadedAt())
              + "，SHA-256 "
              + f.sha256()
              + "）");
    }
    return lines.isEmpty() ? "（无）" : String.join("\n", lines);
  }

  public String responseText(Emergency e) {
    List<String> lines = new ArrayList<>();
    lines.add(e.level() + "级事件，自报告时刻 " + TIME.format(e.reportedAt()) + " 起计：");
    for (ResponseTime r : responseTimes(e)) {
      String actual = r.actualMinutes() == null ? "未完成" : r.actualMinutes() + " 分钟";
      String target = r.targetMinutes() == null ? "" : "，目标 ≤ " + r.targetMinutes() + " 分钟";
      String verdict = r.met() == null ? "" : Boolean.TRUE.equals(r.met()) ? "，达标" : "，超时";
      lines.add(r.step() + "：" + actual + target + verdict);
    }
    return String.join("\n", lines);
  }

  /**
   * 优化建议 with owners and due dates, one per line {@code 内容 | 责任人 | YYYY-MM-DD}, parsed by the platform's
   * {@link ImprovementItems} (400 naming the field and the line); empty = none.
   */
  public List<EmergencyRepository.Improvement> parseImprovements(Object raw, String field) {
    List<ImprovementItem> items =
        SystemAuthentication.call(identity, () -> ImprovementItems.parse(raw, field, org));
    List<EmergencyRepository.Improvement> out = new ArrayList<>();
    for (ImprovementItem i : items) {
      out.add(
          new EmergencyRepository.Improvement(
              out.size() + 1, i.text(), i.ownerId(), i.ownerName(), i.due(), null, null));
    }
    return out;
  }

  /** The .docx 复盘报告. */
  public byte[] reportDocx(Emergency e) {
    StringBuilder body = new StringBuilder();
    body.append(e.reportedAt().toLocalDate())
        .append("，")
        .append(e.location())
        .append("发生")
        .append(e.level())
        .append("级")
        .append(e.dimension())
        .append("类突发事件（")
        .append(e.scenario())
        .append("）。现将复盘情况报告如下。\n");
    body.append("一、事件经过\n");
    for (TimelineEntry t : timeline(e)) {
      body.append(TIME.format(t.at()))
          .append("，")
          .append(t.userName())
          .append("：")
          .append(t.step())
          .append("（")
          .append(t.what())
          .append("）。\n");
    }
    body.append("二、处置得失\n");
    responseText(e).lines().forEach(l -> body.append(l).append("\n"));
    if (e.lessons() != null) {
      body.append(e.lessons().strip()).append("\n");
    }
    body.append("三、优化建议\n");
    List<EmergencyRepository.Improvement> items = cases.improvements(e.id());
    if (items.isEmpty()) {
      body.append("无。\n");
    }
    for (EmergencyRepository.Improvement i : items) {
      body.append("（")
          .append(i.seq())
          .append("）")
          .append(i.content())
          .append("，责任人")
          .append(i.ownerName())
          .append("，")
          .append(i.due())
          .append("前完成。\n");
    }
    body.append("特此报告。");
    LocalDate today = EngineClock.today();
    return docx.generate(
        new OfficialDocument(
            issuer,
            null,
            "内部",
            null,
            null,
            null,
            false,
            null,
            "关于" + e.location() + e.scenario() + "事件的复盘报告",
            "单位领导",
            body.toString(),
            files.list(e.id()).stream().map(StoredFile::fileName).toList(),
            issuer,
            today,
            null,
            issuer,
            today,
            null));
  }

  /** Archives the report with the evidence (one ZIP) in the hash chain; returns the archive entry id. */
  public String archive(Emergency e) {
    byte[] report = reportDocx(e);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StringBuilder manifest = new StringBuilder("文件\tSHA-256\t上传人\t上传时间\n");
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("复盘报告.docx"));
      zip.write(report);
      zip.closeEntry();
      int n = 0;
      for (StoredFile f : files.list(e.id())) {
        String name = "证据/" + (++n) + "-" + f.fileName();
        zip.putNextEntry(new ZipEntry(name));
        zip.write(files.content(e.id(), f.id()));
        zip.closeEntry();
        manifest
            .append(name)
            .append('\t')
            .append(f.sha256())
            .append('\t')
            .append(f.uploadedByName())
            .append('\t')
            .append(TIME.format(f.uploadedAt()))
            .append('\n');
      }
      zip.putNextEntry(new ZipEntry("证据清单.txt"));
      zip.write(manifest.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    String department = properties.getArchiveDepartment();
    String departmentName = SystemAuthentication.call(identity, () -> org.groupName(department));
    return archive
        .archive(
            new NewArchiveEntry(
                e.reportedAt().getYear(),
                department,
                departmentName,
                "内部",
                ArchiveSource.EMERGENCY,
                e.id(),
                "关于" + e.location() + e.scenario() + "事件的复盘报告",
                null,
                "应急复盘-" + e.id() + ".zip",
                "application/zip",
                bytes.toByteArray(),
                null,
                null))
        .id();
  }

  static LocalDateTime local(Date date) {
    return EngineClock.local(date);
  }

  static long minutesBetween(LocalDateTime a, LocalDateTime b) {
    return Duration.between(a, b).toMinutes();
  }
}
