package cn.officeflow.emergency;

import static cn.officeflow.emergency.EmergencyVariables.*;

import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.engine.SystemAuthentication;
import cn.officeflow.platform.notify.Channel;
import cn.officeflow.platform.notify.NotificationService;
import cn.officeflow.platform.org.OrgService;
import cn.officeflow.platform.review.ReviewService;
import cn.officeflow.platform.web.FormValues;
import cn.officeflow.platform.web.NotFoundException;
import cn.officeflow.platform.web.ValidationException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * 应急分级响应: report (Tasklist form or message EmergencyReported) → 定级 (DMN emergency_level) → 分级通知 per
 * {@link EmergencyProperties} → 人员安全确认 (生命优先, deadline per level, escalation when missed) → 双轨行动
 * (现场处置 with the 《应急处置手册》 checklist enforced in order, 后方支持 with the report sent on to the leaders;
 * 资产抢救 for 资产 cases, crisis_pr for 声誉 cases) → 结案 (evidence frozen) → 复盘 within 15 calendar days →
 * report archived → improvement tasks. Everything runs in the engine's transaction: a validation error (400
 * naming the field) rolls back the case rows with the engine state.
 */
@Service("emergencyService")
public class EmergencyService {

  private static final Logger LOG = LoggerFactory.getLogger(EmergencyService.class);
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
  static final List<String> DIMENSIONS = List.of(PERSONNEL, ASSETS, REPUTATION);
  public static final String LEADERS = "leaders";

  private final EmergencyRepository cases;
  private final EmergencyProperties properties;
  private final NotificationService notifications;
  private final OrgService org;
  private final IdentityService identity;
  private final EmergencyReports reports;

  public EmergencyService(
      EmergencyRepository cases,
      EmergencyProperties properties,
      NotificationService notifications,
      OrgService org,
      IdentityService identity,
      EmergencyReports reports) {
    this.cases = cases;
    this.properties = properties;
    this.notifications = notifications;
    this.org = org;
    this.identity = identity;
    this.reports = reports;
  }

  // ---- process steps

  /** Process start (form or message): validates the report, records the case, sets the business key. */
  public void start(DelegateExecution execution) {
    String reporter = CurrentUser.initiator(execution, INITIATOR);
    if (reporter == null || reporter.isBlank()) {
      throw new ValidationException(INITIATOR, "突发事件必须由已登录的用户或系统报告");
    }
    String dimension =
        FormValues.requiredText(execution.getVariable(DIMENSION), DIMENSION, 10, "事件维度");
    if (!DIMENSIONS.contains(dimension)) {
      throw new ValidationException(
          DIMENSION, "事件维度必须是 " + String.join("、", DIMENSIONS) + " 之一，收到：" + dimension);
    }
    String scenario =
        FormValues.requiredText(execution.getVariable(SCENARIO), SCENARIO, MAX_SCENARIO, "情形");
    String location =
        FormValues.requiredText(execution.getVariable(LOCATION), LOCATION, MAX_LOCATION, "地点");
    String description =
        FormValues.requiredText(execution.getVariable(DESCRIPTION), DESCRIPTION, MAX_TEXT, "事件经过");
    Integer injured =
        FormValues.optionalInt(execution.getVariable(INJURED), INJURED, 0, MAX_INJURED, "受伤人数");
    if (injured == null) {
      throw new ValidationException(INJURED, "请填写受伤人数（没有人受伤填 0）");
    }
    LocalDateTime now = EngineClock.now();
    String id = UUID.randomUUID().toString();
    String reporterName = SystemAuthentication.call(identity, () -> org.displayName(reporter));
    cases.insert(
        new Emergency(
            id,
            execution.getProcessInstanceId(),
            reporter,
            reporterName,
            now,
            dimension,
            scenario,
            location,
            description,
            injured,
            null,
            EmergencyStatus.RESPONDING,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null));
    execution.setProcessBusinessKey(id);
    execution.setVariable(EMERGENCY_ID, id);
    execution.setVariable(REPORTED_AT, date(now));
    execution.setVariable(DIMENSION, dimension);
    execution.setVariable(SCENARIO, scenario);
    execution.setVariable(LOCATION, location);
    execution.setVariable(DESCRIPTION, description);
    execution.setVariable(INJURED, injured);
    execution.setVariable(REPORTER_NAME, reporterName);
    List<String> steps = properties.steps(scenario);
    execution.setVariable(CHECKLIST_TEMPLATE, checklistTemplate(steps));
    execution.setVariable(MANUAL_TEXT, manualText(scenario, steps));
    LOG.info(
        "突发事件 {}：{}/{}，{}，受伤 {} 人，报告人 {}", id, dimension, scenario, location, injured, reporter);
  }

  /** End of Task_DetermineLevel: the decision's level, kept on the case. */
  public void levelled(DelegateExecution execution) {
    String level = (String) execution.getVariable(LEVEL);
    if (!EmergencyConfiguration.LEVELS.contains(level)) {
      throw new IllegalStateException("emergency_level gave no level: " + level);
    }
    cases.set(id(execution), "emergency_level", level, EngineClock.now());
  }

  /** Task_Alert: alerts the level's groups on its channels at once and sets the safety deadline. */
  public void alert(DelegateExecution execution) {
    Emergency e = emergency(id(execution));
    EmergencyProperties.Level level = level(e.level());
    Set<Channel> channels = EnumSet.noneOf(Channel.class);
    level.getChannels().forEach(c -> channels.add(Channel.valueOf(c)));
    Set<String> recipients = new LinkedHashSet<>();
    SystemAuthentication.call(
        identity,
        () -> {
          level.getGroups().forEach(g -> recipients.addAll(org.members(g)));
          return null;
        });
    Map<String, Object> model = model(e);
    model.put("safetyMinutes", level.getSafetyConfirm().toMinutes());
    notifications.send("emergency-alert", model, recipients, channels, e.id());
    LocalDateTime now = EngineClock.now();
    cases.set(e.id(), "alerted_at", now, now);
    execution.setVariable(SAFETY_DUE_AT, date(e.reportedAt().plus(level.getSafetyConfirm())));
    LOG.info("突发事件 {} {}级：已通知 {} 人（{}）", e.id(), e.level(), recipients.size(), channels);
  }

  /** End of Task_ConfirmPersonnelSafety. */
  public void confirmSafety(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Integer injured =
        FormValues.optionalInt(
            execution.getVariable(INJURED_CONFIRMED), INJURED_CONFIRMED, 0, MAX_INJURED, "确认受伤人数");
    if (injured == null) {
      throw new ValidationException(INJURED_CONFIRMED, "请填写确认的受伤人数（没有人受伤填 0）");
    }
    FormValues.requiredText(execution.getVariable(SAFETY_NOTE), SAFETY_NOTE, MAX_TEXT, "人员安全情况");
    String id = id(execution);
    LocalDateTime now = EngineClock.now();
    cases.set(id, "injured", injured, now);
    cases.set(id, "safety_confirmed_by", ReviewService.currentUser(execution), now);
    cases.set(id, "safety_confirmed_at", now, now);
  }

  /** Timer_SafetyOverdue → Task_EscalateSafety: SMS and mail to the leaders and emergency-command. */
  public void escalateSafety(DelegateExecution execution) {
    Emergency e = emergency(id(execution));
    escalate(
        e,
        "人员安全确认超时",
        TIME.format(e.reportedAt().plus(level(e.level()).getSafetyConfirm())),
        List.of(LEADERS, EMERGENCY_COMMAND));
  }

  /** End of Task_OnSite: the manual's steps, all confirmed, in order, each with its time. */
  public void onSiteDone(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Emergency e = emergency(id(execution));
    String checklist =
        checkChecklist(
            execution.getVariable(CHECKLIST),
            properties.steps(e.scenario()),
            e.reportedAt(),
            EngineClock.now());
    FormValues.requiredText(
        execution.getVariable(ON_SITE_REPORT), ON_SITE_REPORT, MAX_TEXT, "现场处置情况");
    LocalDateTime now = EngineClock.now();
    cases.set(e.id(), "checklist", checklist, now);
    cases.set(e.id(), "on_site_done_at", now, now);
  }

  /**
   * The 现场处置 checklist: one line per step of the manual, {@code 步骤 | HH:mm} or {@code 步骤 | YYYY-MM-DD HH:mm},
   * in the manual's order, times not before the report, not after now and never going back. Returns the
   * normalised text; 400 naming {@code checklist} and the line otherwise.
   */
  static String checkChecklist(
      Object raw, List<String> steps, LocalDateTime reportedAt, LocalDateTime now) {
    String text = FormValues.requiredText(raw, CHECKLIST, MAX_TEXT, "处置步骤确认");
    List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    List<String> out = new ArrayList<>();
    LocalDateTime previous = reportedAt.truncatedTo(ChronoUnit.MINUTES);
    for (int i = 0; i < steps.size(); i++) {
      String expected = steps.get(i);
      if (i >= lines.size()) {
        throw new ValidationException(
            CHECKLIST, "第 " + (i + 1) + " 步「" + expected + "」尚未确认：《应急处置手册》的步骤须全部按顺序确认");
      }
      String[] parts = lines.get(i).split("[|｜]", -1);
      String step = parts[0].strip();
      if (!step.equals(expected)) {
        throw new ValidationException(
            CHECKLIST,
            "第 "
                + (i + 1)
                + " 步应为「"
                + expected
                + "」，收到「"
                + step
                + "」：须按《应急处置手册》顺序（"
                + String.join(" → ", steps)
                + "）逐步确认");
      }
      String time = parts.length < 2 ? "" : parts[1].strip();
      if (time.isEmpty() || parts.length > 2) {
        throw new ValidationException(
            CHECKLIST, "第 " + (i + 1) + " 步「" + expected + "」须写明完成时间，格式「" + expected + " | HH:mm」");
      }
      LocalDateTime at = parseTime(time, now, i + 1, expected);
      if (at.isBefore(previous)) {
        throw new ValidationException(
            CHECKLIST,
            "第 "
                + (i + 1)
                + " 步「"
                + expected
                + "」的时间 "
                + TIME.format(at)
                + " 早于"
                + (i == 0 ? "事件报告时间" : "上一步")
                + " "
                + TIME.format(previous)
                + "：须按顺序完成");
      }
      if (at.isAfter(now)) {
        throw new ValidationException(
            CHECKLIST, "第 " + (i + 1) + " 步「" + expected + "」的时间 " + TIME.format(at) + " 晚于现在");
      }
      previous = at;
      out.add(expected + " | " + TIME.format(at));
    }
    if (lines.size() > steps.size()) {
      throw new ValidationException(
          CHECKLIST, "第 " + (steps.size() + 1) + " 行不是《应急处置手册》的步骤：" + lines.get(steps.size()));
    }
    return String.join("\n", out);
  }

  private static LocalDateTime parseTime(String time, LocalDateTime now, int line, String step) {
    try {
      if (time.length() <= 5) {
        return LocalDateTime.of(now.toLocalDate(), LocalTime.parse(time, CLOCK));
      }
      return LocalDateTime.parse(time, TIME);
    } catch (DateTimeParseException ex) {
      throw new ValidationException(
          CHECKLIST,
          "第 " + line + " 步「" + step + "」的时间格式不对：" + time + "（应为 HH:mm 或 YYYY-MM-DD HH:mm）");
    }
  }

  /** End of Task_Support: the report goes on to the leaders (mail and SMS). */
  public void supportDone(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String report =
        FormValues.requiredText(
            execution.getVariable(SUPPORT_REPORT), SUPPORT_REPORT, MAX_TEXT, "向领导的报告");
    List<String> coordinated = new ArrayList<>();
    if (FormValues.bool(execution.getVariable(MEDICAL))) {
      coordinated.add("医疗");
    }
    if (FormValues.bool(execution.getVariable(POLICE))) {
      coordinated.add("公安");
    }
    if (FormValues.bool(execution.getVariable(FIRE))) {
      coordinated.add("消防");
    }
    Emergency e = emergency(id(execution));
    Map<String, Object> model = model(e);
    model.put("coordinated", coordinated.isEmpty() ? "（无需外部协调）" : String.join("、", coordinated));
    model.put("report", report);
    model.put(
        "reporterName",
        SystemAuthentication.call(
            identity, () -> org.displayName(ReviewService.currentUser(execution))));
    List<String> leaders = SystemAuthentication.call(identity, () -> org.members(LEADERS));
    notifications.send("emergency-support-report", model, leaders, Channel.BOTH, e.id());
    LocalDateTime now = EngineClock.now();
    cases.set(e.id(), "support_done_at", now, now);
  }

  /** End of Task_RescueAssets. */
  public void assetsDone(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    FormValues.requiredText(
        execution.getVariable(ASSETS_REPORT), ASSETS_REPORT, MAX_TEXT, "资产抢救情况");
    LocalDateTime now = EngineClock.now();
    cases.set(id(execution), "assets_done_at", now, now);
  }

  /** End of CallActivity_CrisisPr: the achieved first-response time of 危机公关. */
  public void crisisDone(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    LocalDateTime now = EngineClock.now();
    Object minutes = execution.getVariable(CRISIS_RESPONSE_MINUTES);
    if (minutes instanceof Number n) {
      cases.set(id(execution), "crisis_response_minutes", n.longValue(), now);
    }
    cases.set(id(execution), "crisis_done_at", now, now);
  }

  /** Task_Close (结案): evidence frozen from now on; 复盘 due in {@code review-days} calendar days. */
  public void close(DelegateExecution execution) {
    String id = id(execution);
    cases.lock(id);
    LocalDateTime now = EngineClock.now();
    LocalDateTime due = now.plusDays(properties.getReviewDays());
    cases.set(id, "closed_at", now, now);
    cases.set(id, "review_due_at", due, now);
    cases.set(id, "status", EmergencyStatus.CLOSED.name(), now);
    execution.setVariable(REVIEW_DUE_AT, date(due));
    execution.setVariable(
        REVIEW_REMIND_AT, date(due.minusDays(properties.getReviewReminderDays())));
    Emergency e = emergency(id);
    execution.setVariable(TIMELINE_TEXT, reports.timelineText(e));
    execution.setVariable(RESPONSE_TEXT, reports.responseText(e));
    execution.setVariable(EVIDENCE_TEXT, reports.evidenceText(e));
  }

  /** Timer_ReviewReminder → Task_RemindReview. */
  public void remindReview(DelegateExecution execution) {
    Emergency e = emergency(id(execution));
    Map<String, Object> model = model(e);
    model.put("due", TIME.format(e.reviewDueAt()));
    List<String> command =
        SystemAuthentication.call(identity, () -> org.members(EMERGENCY_COMMAND));
    notifications.send("emergency-review-reminder", model, command, Channel.BOTH, e.id());
  }

  /** Timer_ReviewOverdue → Task_EscalateReview: the leaders are told the 复盘 is overdue. */
  public void escalateReview(DelegateExecution execution) {
    Emergency e = emergency(id(execution));
    escalate(e, "复盘（三维报告）逾期未完成", TIME.format(e.reviewDueAt()), List.of(LEADERS));
  }

  /** End of Task_Review: 经验教训 and the 优化建议 with owners and due dates. */
  public void review(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String lessons =
        FormValues.requiredText(execution.getVariable(LESSONS), LESSONS, MAX_TEXT, "处置得失（经验教训）");
    List<EmergencyRepository.Improvement> items =
        reports.parseImprovements(execution.getVariable(IMPROVEMENTS), IMPROVEMENTS);
    String id = id(execution);
    LocalDateTime now = EngineClock.now();
    for (int i = 0; i < items.size(); i++) {
      cases.insertImprovement(id, i + 1, items.get(i));
    }
    cases.set(id, "lessons", lessons, now);
    cases.set(id, "reviewed_at", now, now);
    cases.set(id, "status", EmergencyStatus.REVIEWED.name(), now);
    execution.setVariable(IMPROVEMENT_COUNT, items.size());
  }

  /** Task_ArchiveReport: the .docx 复盘报告 with the evidence, archived in the hash chain. */
  public void archive(DelegateExecution execution) {
    Emergency e = emergency(id(execution));
    String entryId = reports.archive(e);
    cases.set(e.id(), "archive_entry_id", entryId, EngineClock.now());
  }

  /** Collection of Task_Improve: the item numbers 1..n. */
  public List<Integer> improvementSeqs(DelegateExecution execution) {
    return IntStream.rangeClosed(1, cases.improvements(id(execution)).size()).boxed().toList();
  }

  public String improvementOwner(DelegateExecution execution, Object seq) {
    return improvement(execution, seq).ownerId();
  }

  /** Due at the end of the item's day. */
  public Date improvementDue(DelegateExecution execution, Object seq) {
    return date(improvement(execution, seq).due().atTime(23, 59));
  }

  public String improvementText(DelegateExecution execution, Object seq) {
    EmergencyRepository.Improvement i = improvement(execution, seq);
    return i.content() + "（责任人：" + i.ownerName() + "，期限：" + i.due() + "）";
  }

  /** End of one Task_Improve. */
  public void improvementDone(DelegateExecution execution, Object seq) {
    if (execution.isCanceled()) {
      return;
    }
    String result =
        FormValues.requiredText(
            execution.getVariable(IMPROVEMENT_RESULT), IMPROVEMENT_RESULT, MAX_TEXT, "整改落实情况");
    cases.improvementDone(id(execution), ((Number) seq).intValue(), result, EngineClock.now());
  }

  /** EndEvent_Done. */
  public void finish(DelegateExecution execution) {
    LocalDateTime now = EngineClock.now();
    cases.set(id(execution), "done_at", now, now);
    cases.set(id(execution), "status", EmergencyStatus.DONE.name(), now);
  }

  // ---- helpers

  public Emergency emergency(String id) {
    return cases.find(id).orElseThrow(() -> new NotFoundException("突发事件不存在：" + id));
  }

  EmergencyProperties.Level level(String symbol) {
    return properties
        .level(symbol)
        .orElseThrow(() -> new IllegalStateException("no configuration for level " + symbol));
  }

  private EmergencyRepository.Improvement improvement(DelegateExecution execution, Object seq) {
    int n = ((Number) seq).intValue();
    return cases.improvements(id(execution)).stream()
        .filter(i -> i.seq() == n)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no improvement item " + n));
  }

  private void escalate(Emergency e, String what, String due, List<String> groups) {
    Map<String, Object> model = model(e);
    model.put("what", what);
    model.put("due", due);
    Set<String> recipients = new LinkedHashSet<>();
    SystemAuthentication.call(
        identity,
        () -> {
          groups.forEach(g -> recipients.addAll(org.members(g)));
          return null;
        });
    notifications.send("emergency-escalation", model, recipients, Channel.BOTH, e.id());
    LOG.info("突发事件 {}：{}，已通知 {}", e.id(), what, recipients);
  }

  private static Map<String, Object> model(Emergency e) {
    Map<String, Object> model = new HashMap<>();
    model.put("emergencyId", e.id());
    model.put("level", e.level() == null ? "" : e.level());
    model.put("dimension", e.dimension());
    model.put("scenario", e.scenario());
    model.put("location", e.location());
    model.put("description", e.description());
    model.put("injured", e.injured());
    model.put("reportedAt", TIME.format(e.reportedAt()));
    model.put("reporterName", e.reporterName());
    return model;
  }

  private static String id(DelegateExecution execution) {
    return (String) execution.getVariable(EMERGENCY_ID);
  }

  static String checklistTemplate(List<String> steps) {
    return String.join("\n", steps.stream().map(s -> s + " | ").toList());
  }

  static String manualText(String scenario, List<String> steps) {
    StringBuilder text = new StringBuilder("《应急处置手册》「" + scenario + "」：");
    for (int i = 0; i < steps.size(); i++) {
      text.append(i == 0 ? "" : " → ").append(i + 1).append(". ").append(steps.get(i));
    }
    return text.append("。逐行填写「步骤 | 完成时间(HH:mm)」，按顺序全部确认后方可提交。").toString();
  }

  static Date date(LocalDateTime time) {
    return Date.from(time.atZone(EngineClock.ZONE).toInstant());
  }

  static long minutes(LocalDateTime from, LocalDateTime to) {
    return Duration.between(from, to).toMinutes();
  }

  static LocalDate today() {
    return EngineClock.today();
  }
}
