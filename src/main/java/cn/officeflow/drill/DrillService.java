package cn.officeflow.drill;

import static cn.officeflow.drill.DrillVariables.*;

import cn.officeflow.platform.calendar.WorkingDayCalendar;
import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.engine.SystemAuthentication;
import cn.officeflow.platform.improve.ImprovementItem;
import cn.officeflow.platform.improve.ImprovementItems;
import cn.officeflow.platform.notify.Channel;
import cn.officeflow.platform.notify.NotificationService;
import cn.officeflow.platform.org.OrgService;
import cn.officeflow.platform.org.RoleGroups;
import cn.officeflow.platform.review.ApprovalListener;
import cn.officeflow.platform.review.ReviewService;
import cn.officeflow.platform.web.AccessRefusedException;
import cn.officeflow.platform.web.FormValues;
import cn.officeflow.platform.web.NotFoundException;
import cn.officeflow.platform.web.ValidationException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * 应急演练 (seed 002 一、(五): 每季度组织消防、防暴演习): started each quarter by a timer (planning task for
 * {@code emergency-command} on the quarter's first working morning) or by hand by {@code emergency-command}
 * (planning task for the initiator) → 计划 → 通知全体员工 (双提醒) → 实施 by the organiser (participants,
 * evacuation time, headcount and its time, issues found) → 评估 by {@code emergency-command} (approve/reject;
 * reject → 实施 again) → 整改事项 as tracked tasks for their owners. A separate timer start at each quarter's end
 * checks that the quarter had a completed (evaluated) drill and reports it to {@code leaders} when not. Everything
 * runs in the engine's transaction: a validation error (400 naming the field) rolls the rows back too.
 */
@Service("drillService")
public class DrillService {

  public static final String STARTED_BY_TIMER = "TIMER";
  public static final String STARTED_BY_MANUAL = "MANUAL";
  public static final String EMERGENCY_COMMAND = "emergency-command";

  private static final Logger LOG = LoggerFactory.getLogger(DrillService.class);
  private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

  private final DrillRepository drills;
  private final WorkingDayCalendar workingDays;
  private final OrgService org;
  private final NotificationService notifications;
  private final ReviewService reviews;

  public DrillService(
      DrillRepository drills,
      WorkingDayCalendar workingDays,
      OrgService org,
      NotificationService notifications,
      ReviewService reviews) {
    this.drills = drills;
    this.workingDays = workingDays;
    this.org = org;
    this.notifications = notifications;
    this.reviews = reviews;
  }

  // --- start

  /**
   * Start of StartEvent_Drill. Started by a user (REST or Tasklist: the engine already checked that they are in
   * emergency-command): a manual start, the initiator plans; the start form is validated. Started by the engine
   * itself (no authenticated user: only the quarter process does that): the quarter's drill, planned by
   * emergency-command. A user cannot pass for the timer: who started comes from authentication, and the input
   * contract refuses {@code startedBy}.
   */
  public void start(DelegateExecution execution) {
    if (CurrentUser.id(execution.getProcessEngineServices().getIdentityService()).isEmpty()) {
      execution.setVariable(STARTED_BY, STARTED_BY_TIMER);
      return;
    }
    String initiator = CurrentUser.initiator(execution, INITIATOR);
    if (initiator == null || initiator.isBlank()) {
      throw new ValidationException(INITIATOR, "应急演练须由已登录的应急指挥人员发起");
    }
    if (!org.isMember(initiator, EMERGENCY_COMMAND)) {
      // Camunda's authorization lets only emergency-command start; this also holds for
      // camunda-admin
      throw new AccessRefusedException("只有应急指挥（emergency-command）可以发起应急演练");
    }
    String type = drillType(execution.getVariable(DRILL_TYPE), false);
    String reason =
        FormValues.optionalText(execution.getVariable(REASON), REASON, MAX_REASON, "发起说明");
    execution.setVariable(DRILL_TYPE, type);
    execution.setVariable(REASON, reason);
    execution.setVariable(STARTED_BY, STARTED_BY_MANUAL);
  }

  /** Task_StartDrill of the quarter process: the quarter's drill, started as the engine (no initiator). */
  public void startQuarterlyDrill(DelegateExecution execution) {
    Quarter quarter = Quarter.of(EngineClock.today());
    if (drills.inQuarter(quarter).stream().anyMatch(d -> STARTED_BY_TIMER.equals(d.startedBy()))) {
      // the quarter process run a second time for one quarter (by hand in Cockpit): one quarterly
      // drill only
      LOG.warn("应急演练季度调度：{} 已有定时发起的演练，不再重复发起", quarter.label());
      return;
    }
    String drill =
        SystemAuthentication.call(
            execution.getProcessEngineServices().getIdentityService(),
            () ->
                execution
                    .getProcessEngineServices()
                    .getRuntimeService()
                    .startProcessInstanceByKey(PROCESS_KEY)
                    .getId());
    execution.setVariable(DRILL_PROCESS_INSTANCE_ID, drill);
    LOG.info("应急演练季度调度：已发起本季度演练（流程实例 {}）", drill);
  }

  /**
   * timeDate of Timer_FirstWorkingMorning: {@value DrillVariables#WORKING_MORNING_HOUR}:00 (Beijing) of the first
   * working day on or after today; now when that moment has passed (the timer then fires at once).
   */
  public Date firstWorkingMorning() {
    LocalDateTime now = EngineClock.now();
    LocalDate day = now.toLocalDate();
    while (!workingDays.isWorkingDay(day)) {
      day = day.plusDays(1);
    }
    LocalDateTime morning = day.atTime(WORKING_MORNING_HOUR, 0);
    return date(morning.isBefore(now) ? now : morning);
  }

  /**
   * Start of Task_Plan: the drill's row, for the quarter it starts in (Beijing date), the business key and the
   * variables the forms show.
   */
  public void register(DelegateExecution execution) {
    LocalDateTime now = EngineClock.now();
    Quarter quarter = Quarter.of(now.toLocalDate());
    String initiator = (String) execution.getVariable(INITIATOR);
    String startedBy =
        STARTED_BY_MANUAL.equals(execution.getVariable(STARTED_BY))
            ? STARTED_BY_MANUAL
            : STARTED_BY_TIMER;
    String id = UUID.randomUUID().toString();
    String type = (String) execution.getVariable(DRILL_TYPE);
    drills.insert(
        id,
        execution.getProcessInstanceId(),
        quarter,
        startedBy,
        STARTED_BY_MANUAL.equals(startedBy) ? initiator : null,
        STARTED_BY_MANUAL.equals(startedBy) ? org.displayName(initiator) : null,
        (String) execution.getVariable(REASON),
        type,
        now);
    execution.setProcessBusinessKey(id);
    execution.setVariable(DRILL_ID, id);
    execution.setVariable(QUARTER, quarter.toString());
    execution.setVariable(QUARTER_LABEL, quarter.label());
    execution.setVariable(DRILL_TITLE, drill(id).title());
    execution.setVariable(STARTED_BY, startedBy);
    LOG.info(
        "应急演练 {}：{}（{}）",
        id,
        quarter.label(),
        STARTED_BY_MANUAL.equals(startedBy) ? "手动发起" : "季度定时发起");
  }

  /** Assignee of Task_Plan: the initiator of a manual start; none (emergency-command candidates) for the timer. */
  public String planner(DelegateExecution execution) {
    return STARTED_BY_MANUAL.equals(execution.getVariable(STARTED_BY))
        ? (String) execution.getVariable(INITIATOR)
        : null;
  }

  // --- 计划

  /** End of Task_Plan: type, date within the quarter, time, place, scenario, organiser. */
  public void plan(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String id = drillId(execution);
    Quarter quarter = Quarter.parse((String) execution.getVariable(QUARTER), QUARTER);
    String type = drillType(execution.getVariable(DRILL_TYPE), true);
    LocalDate date =
        FormValues.optionalDate(execution.getVariable(PLANNED_DATE), PLANNED_DATE, "演练日期");
    LocalDate today = EngineClock.today();
    if (date == null) {
      throw new ValidationException(PLANNED_DATE, "请填写演练日期");
    }
    if (date.isBefore(today)) {
      throw new ValidationException(PLANNED_DATE, "演练日期不能早于今天（" + today + "），收到：" + date);
    }
    if (date.isAfter(quarter.end())) {
      throw new ValidationException(
          PLANNED_DATE, "演练日期须在本季度内（" + quarter.label() + "截至 " + quarter.end() + "），收到：" + date);
    }
    String time =
        FormValues.optionalText(execution.getVariable(PLANNED_TIME), PLANNED_TIME, 5, "演练时间");
    if (time != null && !TIME.matcher(time).matches()) {
      throw new ValidationException(PLANNED_TIME, "演练时间格式必须为 HH:mm（如 09:30），收到：" + time);
    }
    String place = FormValues.requiredText(execution.getVariable(PLACE), PLACE, MAX_PLACE, "演练地点");
    String scenario =
        FormValues.requiredText(execution.getVariable(SCENARIO), SCENARIO, MAX_SCENARIO, "演练场景");
    String organiser =
        FormValues.requiredText(execution.getVariable(ORGANISER), ORGANISER, 64, "组织人（用户名）");
    if (!org.userExists(organiser) || !org.isMember(organiser, RoleGroups.STAFF)) {
      throw new ValidationException(ORGANISER, "组织人「" + organiser + "」不是本单位在册人员（请填写用户名）");
    }
    String user = ReviewService.currentUser(execution);
    String organiserName = org.displayName(organiser);
    LocalDateTime now = EngineClock.now();
    drills.plan(id, type, date, time, place, scenario, organiser, organiserName, user, now);
    execution.setVariable(DRILL_TYPE, type);
    execution.setVariable(PLANNED_DATE, date.toString());
    execution.setVariable(PLANNED_TIME, time);
    execution.setVariable(PLACE, place);
    execution.setVariable(SCENARIO, scenario);
    execution.setVariable(ORGANISER, organiser);
    execution.setVariable(ORGANISER_NAME, organiserName);
    execution.setVariable(DRILL_TITLE, drill(id).title());
    note(
        execution,
        user,
        "计划",
        type
            + "演练，"
            + date
            + (time == null ? "" : " " + time)
            + "，"
            + place
            + "，组织人 "
            + organiserName);
  }

  /** Task_NotifyStaff: 双提醒 (e-mail and SMS) to every member of {@code staff}. */
  public void notifyStaff(DelegateExecution execution) {
    String id = drillId(execution);
    Drill drill = drill(id);
    List<String> staff = org.members(RoleGroups.STAFF);
    Map<String, Object> model = model(drill);
    notifications.send("drill-notice", model, staff, Channel.BOTH, id);
    drills.notified(id, staff.size(), EngineClock.now());
    LOG.info("应急演练 {}：已通知全体员工 {} 人（邮件、短信）", id, staff.size());
  }

  /** Assignee of Task_Conduct: the organiser chosen at 计划. */
  public String organiser(DelegateExecution execution) {
    return (String) execution.getVariable(ORGANISER);
  }

  // --- 实施

  /** End of Task_Conduct: participants, measured times, headcount, issues found. */
  public void conduct(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String id = drillId(execution);
    String participants =
        FormValues.optionalText(
            execution.getVariable(PARTICIPANTS), PARTICIPANTS, MAX_PARTICIPANTS, "参演人员名单");
    Integer count =
        FormValues.optionalInt(
            execution.getVariable(PARTICIPANT_COUNT), PARTICIPANT_COUNT, 1, MAX_COUNT, "参演人数");
    if (participants != null) {
      int listed = (int) participants.lines().filter(l -> !l.isBlank()).count();
      List<String> names = FormValues.ids(participants, PARTICIPANTS, "参演人员名单");
      listed = Math.max(listed, names.size());
      if (count == null) {
        count = listed;
      } else if (count < listed) {
        throw new ValidationException(
            PARTICIPANT_COUNT, "参演人数（" + count + "）少于名单所列的 " + listed + " 人");
      }
    }
    if (count == null) {
      throw new ValidationException(PARTICIPANT_COUNT, "请填写参演人数或参演人员名单");
    }
    int evacuation =
        requiredSeconds(execution.getVariable(EVACUATION_SECONDS), EVACUATION_SECONDS, "疏散用时（秒）");
    Integer expected =
        FormValues.optionalInt(
            execution.getVariable(HEADCOUNT_EXPECTED), HEADCOUNT_EXPECTED, 1, MAX_COUNT, "应到人数");
    if (expected == null) {
      throw new ValidationException(HEADCOUNT_EXPECTED, "请填写清点人数的应到人数");
    }
    Integer present =
        FormValues.optionalInt(
            execution.getVariable(HEADCOUNT_PRESENT), HEADCOUNT_PRESENT, 0, MAX_COUNT, "实到人数");
    if (present == null) {
      throw new ValidationException(HEADCOUNT_PRESENT, "请填写清点人数的实到人数");
    }
    if (present > expected) {
      throw new ValidationException(
          HEADCOUNT_PRESENT, "实到人数（" + present + "）不能多于应到人数（" + expected + "）");
    }
    int headcountSeconds =
        requiredSeconds(execution.getVariable(HEADCOUNT_SECONDS), HEADCOUNT_SECONDS, "清点用时（秒）");
    String issues =
        FormValues.optionalText(execution.getVariable(ISSUES), ISSUES, MAX_ISSUES, "发现的问题");
    String user = ReviewService.currentUser(execution);
    drills.conduct(
        id,
        count,
        participants,
        evacuation,
        expected,
        present,
        headcountSeconds,
        issues,
        user,
        EngineClock.now());
    execution.setVariable(PARTICIPANT_COUNT, (long) count);
    execution.setVariable(EVACUATION_SECONDS, (long) evacuation);
    execution.setVariable(HEADCOUNT_EXPECTED, (long) expected);
    execution.setVariable(HEADCOUNT_PRESENT, (long) present);
    execution.setVariable(HEADCOUNT_SECONDS, (long) headcountSeconds);
    execution.setVariable(ISSUES, issues);
    execution.setVariable(CONDUCT_SUMMARY, conductSummary(drill(id)));
    execution.setVariable(ApprovalListener.REVISION_REQUIRED, false);
    note(execution, user, "实施", conductSummary(drill(id)).replace('\n', '；'));
  }

  // --- 评估

  /**
   * End of Task_Evaluate: decision + comment into the review trail (reject → 实施 again); on approve the
   * improvement items (内容 | 责任人 | 完成期限 per line) are stored, each becoming a Task_Improve for its owner.
   */
  public void evaluate(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    ReviewService.Decision decision =
        ReviewService.validate(
            execution.getVariable(ReviewService.DECISION),
            execution.getVariable(ReviewService.COMMENT));
    String id = drillId(execution);
    List<ImprovementItem> items =
        decision.rejected()
            ? List.of()
            : ImprovementItems.parse(
                execution.getVariable(IMPROVEMENT_ITEMS), IMPROVEMENT_ITEMS, org);
    String user = ReviewService.currentUser(execution);
    LocalDateTime now = EngineClock.now();
    reviews.record(execution, user);
    if (decision.rejected()) {
      drills.evaluate(id, user, decision.comment(), DrillStatus.SCHEDULED, now);
      execution.setVariable(ApprovalListener.REVISION_REQUIRED, true);
      execution.setVariable(HAS_ITEMS, false);
      return;
    }
    int seq = drills.items(id).size();
    for (ImprovementItem item : items) {
      drills.insertItem(
          UUID.randomUUID().toString(),
          id,
          ++seq,
          item.text(),
          item.ownerId(),
          item.ownerName(),
          item.due(),
          now);
    }
    drills.evaluate(
        id,
        user,
        decision.comment(),
        items.isEmpty() ? DrillStatus.DONE : DrillStatus.IMPROVING,
        now);
    execution.setVariable(ApprovalListener.REVISION_REQUIRED, false);
    execution.setVariable(HAS_ITEMS, !items.isEmpty());
    LOG.info("应急演练 {}：评估通过，整改事项 {} 项", id, items.size());
  }

  /** Collection of the Task_Improve multi-instance: the open improvement items of the drill, by id. */
  public List<String> openItemIds(DelegateExecution execution) {
    return drills.items(drillId(execution)).stream()
        .filter(i -> "OPEN".equals(i.status()))
        .map(DrillRepository.ImprovementRow::id)
        .toList();
  }

  public String itemOwner(String itemId) {
    return item(itemId).ownerId();
  }

  /**
   * Start of one SubProcess_Improve instance: the item's text and due date for its form, and an empty result,
   * local to this instance so that parallel items never share a variable.
   */
  public void showItem(DelegateExecution execution) {
    DrillRepository.ImprovementRow item = item((String) execution.getVariable(IMPROVEMENT_ITEM_ID));
    execution.setVariableLocal(IMPROVEMENT_TEXT, item.text());
    execution.setVariableLocal(IMPROVEMENT_DUE, item.due().toString());
    execution.setVariableLocal(IMPROVEMENT_RESULT, null);
  }

  /** Due date of one Task_Improve: the item's date, end of the working day (18:00 Beijing). */
  public Date itemDue(String itemId) {
    return date(item(itemId).due().atTime(LocalTime.of(18, 0)));
  }

  /** Timer_ItemOverdue: the item is past its date → 双提醒 to its owner and emergency-command. */
  public void remindOverdue(DelegateExecution execution) {
    DrillRepository.ImprovementRow item = item((String) execution.getVariable(IMPROVEMENT_ITEM_ID));
    Drill drill = drill(item.drillId());
    List<String> recipients = new ArrayList<>();
    recipients.add(item.ownerId());
    recipients.addAll(org.members(EMERGENCY_COMMAND));
    Map<String, Object> model = new HashMap<>();
    model.put("title", drill.title());
    model.put("text", item.text());
    model.put("ownerName", item.ownerName());
    model.put("due", item.due().toString());
    notifications.send("drill-overdue", model, recipients, Channel.BOTH, drill.id());
    LOG.info("应急演练 {}：整改事项「{}」逾期，已提醒 {}", drill.id(), item.text(), item.ownerName());
  }

  /** End of one Task_Improve: what was done. */
  public void improve(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String result =
        FormValues.requiredText(
            execution.getVariable(IMPROVEMENT_RESULT), IMPROVEMENT_RESULT, MAX_RESULT, "整改情况");
    String itemId = (String) execution.getVariable(IMPROVEMENT_ITEM_ID);
    DrillRepository.ImprovementRow item = item(itemId);
    drills.itemDone(itemId, result, EngineClock.now());
    note(execution, ReviewService.currentUser(execution), "整改", item.text() + "：" + result);
  }

  /** End event EndEvent_Done: the drill is complete (all improvement items done). */
  public void finish(DelegateExecution execution) {
    String id = drillId(execution);
    if (drill(id).status() != DrillStatus.DONE) {
      drills.done(id, EngineClock.now());
    }
  }

  // --- quarter-end check

  /**
   * Task_CheckQuarter (timer StartEvent_QuarterStart of the quarter process at the start of each quarter): the quarter that has just
   * ended — the one before the quarter of now + 12 h, so that the check finds the right quarter whether the server
   * runs on Beijing time or UTC and when the job runs late — had a completed (evaluated) drill?
   */
  public void checkQuarter(DelegateExecution execution) {
    Quarter quarter = Quarter.of(EngineClock.now().plusHours(12).toLocalDate()).previous();
    checkQuarter(execution, quarter);
  }

  void checkQuarter(DelegateExecution execution, Quarter quarter) {
    List<Drill> inQuarter = drills.inQuarter(quarter);
    long completed = inQuarter.stream().filter(Drill::completedWithinQuarter).count();
    execution.setProcessBusinessKey(checkKey(quarter));
    execution.setVariable(CHECKED_QUARTER, quarter.toString());
    execution.setVariable(QUARTER_LABEL, quarter.label());
    execution.setVariable(COVERED, completed > 0);
    if (drills.hasCheck(quarter)) {
      LOG.info("应急演练：{} 已核查过，不再重复", quarter.label());
      execution.setVariable(COVERED, true);
      return;
    }
    if (completed > 0) {
      drills.insertCheck(
          new DrillRepository.QuarterCheck(
              quarter.toString(),
              EngineClock.now(),
              true,
              inQuarter.size(),
              (int) completed,
              null,
              execution.getProcessInstanceId()));
      LOG.info("应急演练：{} 已完成演练 {} 次", quarter.label(), completed);
    }
  }

  /** Task_ReportMissed: the quarter had no completed drill → 双提醒 to the leaders, recorded. */
  public void reportMissed(DelegateExecution execution) {
    Quarter quarter =
        Quarter.parse((String) execution.getVariable(CHECKED_QUARTER), CHECKED_QUARTER);
    List<Drill> inQuarter = drills.inQuarter(quarter);
    List<String> leaders = org.members(RoleGroups.LEADERS);
    Map<String, Object> model = new HashMap<>();
    model.put("quarterLabel", quarter.label());
    model.put("quarterEnd", quarter.end().toString());
    List<String> open = new ArrayList<>();
    for (Drill d : inQuarter) {
      open.add(d.title() + "（" + d.status().label() + "）");
    }
    model.put("openDrills", String.join("；", open));
    notifications.send("drill-missed", model, leaders, Channel.BOTH, checkKey(quarter));
    drills.insertCheck(
        new DrillRepository.QuarterCheck(
            quarter.toString(),
            EngineClock.now(),
            false,
            inQuarter.size(),
            0,
            String.join(",", leaders),
            execution.getProcessInstanceId()));
    LOG.warn("应急演练：{} 没有完成的演练，已报告单位领导 {}", quarter.label(), String.join("、", leaders));
  }

  /** Business key of a quarter-end check (its notifications are listed under it). */
  public static String checkKey(Quarter quarter) {
    return "drill-quarter-" + quarter;
  }

  // --- reads

  public Drill drill(String id) {
    return drills.find(id).orElseThrow(() -> new NotFoundException("应急演练不存在：" + id));
  }

  public List<Drill> all() {
    return drills.all();
  }

  public List<DrillRepository.ImprovementRow> items(String drillId) {
    return drills.items(drillId);
  }

  public List<DrillRepository.QuarterCheck> checks() {
    return drills.checks();
  }

  // --- helpers

  private DrillRepository.ImprovementRow item(String itemId) {
    return drills.item(itemId).orElseThrow(() -> new NotFoundException("整改事项不存在：" + itemId));
  }

  private static String drillType(Object raw, boolean required) {
    String type = FormValues.oneOf(raw, DRILL_TYPE, DRILL_TYPES, "演练类型", required ? null : "");
    return type.isEmpty() ? null : type;
  }

  private static int requiredSeconds(Object raw, String field, String label) {
    Integer seconds = FormValues.optionalInt(raw, field, 1, MAX_SECONDS, label);
    if (seconds == null) {
      throw new ValidationException(field, "请填写" + label);
    }
    return seconds;
  }

  static String conductSummary(Drill d) {
    StringBuilder text = new StringBuilder();
    text.append("参演人数：").append(d.participantCount()).append(" 人\n");
    text.append("疏散用时：").append(duration(d.evacuationSeconds())).append('\n');
    text.append("清点人数：应到 ")
        .append(d.headcountExpected())
        .append(" 人，实到 ")
        .append(d.headcountPresent())
        .append(" 人，用时 ")
        .append(duration(d.headcountSeconds()))
        .append('\n');
    text.append("发现的问题：").append(d.issues() == null ? "无" : d.issues());
    return text.toString();
  }

  /** 3 分 25 秒 */
  static String duration(Integer seconds) {
    if (seconds == null) {
      return "";
    }
    int m = seconds / 60;
    int s = seconds % 60;
    return ((m > 0 ? m + " 分 " : "") + (s > 0 || m == 0 ? s + " 秒" : "")).strip();
  }

  private void note(DelegateExecution execution, String user, String kind, String comment) {
    reviews.note(
        execution.getProcessBusinessKey(),
        PROCESS_KEY,
        execution.getProcessInstanceId(),
        execution.getCurrentActivityId(),
        execution.getCurrentActivityName(),
        user,
        kind,
        comment,
        null);
  }

  private static Map<String, Object> model(Drill d) {
    Map<String, Object> model = new HashMap<>();
    model.put("title", d.title());
    model.put("drillId", d.id());
    model.put("drillType", d.drillType());
    model.put("plannedDate", d.plannedDate().toString());
    model.put("plannedTime", d.plannedTime() == null ? "" : d.plannedTime());
    model.put("place", d.place());
    model.put("scenario", d.scenario());
    model.put("organiserName", d.organiserName());
    return model;
  }

  private static Date date(LocalDateTime time) {
    return Date.from(time.atZone(EngineClock.ZONE).toInstant());
  }

  private static String drillId(DelegateExecution execution) {
    return (String) execution.getVariable(DRILL_ID);
  }
}
