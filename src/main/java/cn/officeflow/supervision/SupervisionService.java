package cn.officeflow.supervision;

import static cn.officeflow.supervision.SupervisionVariables.*;

import cn.officeflow.platform.calendar.WorkingDayCalendar;
import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.forms.FormOptionSource;
import cn.officeflow.platform.notify.Channel;
import cn.officeflow.platform.notify.NotificationService;
import cn.officeflow.platform.org.OrgService;
import cn.officeflow.platform.org.RoleGroups;
import cn.officeflow.platform.review.ApprovalListener;
import cn.officeflow.platform.review.ReviewService;
import cn.officeflow.platform.web.FormValues;
import cn.officeflow.platform.web.NotFoundException;
import cn.officeflow.platform.web.ValidationException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * 督查督办: 立项 (office-director, leaders) → 交办 (the lead department's 部门负责人 picks the handler) → 承办 with
 * 进度反馈 until 办结 → 督查 (office-director, approve/reject) → 考核 (score, remarks) — with 红黄绿灯 on the handling
 * phase: yellow after {@code officeflow.supervision.yellow-share} of the working days (双提醒 to the handler and
 * the 部门负责人), red at the due date (通报 row and a 督办 task for the department's 分管领导, or the leaders
 * group when the department has none). Everything runs in the engine's transaction: a validation error (400
 * naming the field) rolls the item rows back with the engine state.
 */
@Service("supervisionService")
public class SupervisionService {

  public static final String BULLETIN_OVERDUE = "OVERDUE";
  private static final Logger LOG = LoggerFactory.getLogger(SupervisionService.class);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final SupervisionRepository items;
  private final WorkingDayCalendar workingDays;
  private final OrgService org;
  private final NotificationService notifications;
  private final double yellowShare;

  public SupervisionService(
      SupervisionRepository items,
      WorkingDayCalendar workingDays,
      OrgService org,
      NotificationService notifications,
      @Value("${officeflow.supervision.yellow-share:2/3}") String yellowShare) {
    this.items = items;
    this.workingDays = workingDays;
    this.org = org;
    this.notifications = notifications;
    this.yellowShare = share(yellowShare);
  }

  /** Process start (立项): validates the form, computes due and yellow moments, stores the item. */
  public void start(DelegateExecution execution) {
    String initiator = CurrentUser.initiator(execution, INITIATOR);
    if (initiator == null || initiator.isBlank()) {
      throw new ValidationException(INITIATOR, "督办事项必须由已登录的办公室主任或单位领导立项");
    }
    String title = text(execution.getVariable(TITLE), TITLE, MAX_TITLE, "督办事项标题", true);
    String basis = text(execution.getVariable(BASIS), BASIS, MAX_BASIS, "督办依据", true);
    String requirements =
        text(execution.getVariable(REQUIREMENTS), REQUIREMENTS, MAX_TEXT, "办理要求", false);
    Group department = department(execution.getVariable(DEPARTMENT));
    List<Group> assisting =
        assistingDepartments(execution.getVariable(ASSISTING_DEPARTMENTS), department);
    String incomingDocumentId =
        FormValues.optionalText(
            execution.getVariable(INCOMING_DOCUMENT_ID), INCOMING_DOCUMENT_ID, 36, "收文编号");

    LocalDateTime now = EngineClock.now();
    LocalDate today = now.toLocalDate();
    int days =
        deadlineDays(execution.getVariable(DEADLINE_DAYS), execution.getVariable(DUE_DATE), today);
    LocalDate due = workingDays.add(today, days);
    LocalDateTime dueAt = due.atTime(now.toLocalTime());
    LocalDateTime yellowAt = workingDays.add(today, yellowDays(days)).atTime(now.toLocalTime());

    String id = UUID.randomUUID().toString();
    items.insert(
        new SupervisionItem(
            id,
            execution.getProcessInstanceId(),
            title,
            basis,
            requirements,
            department.getId(),
            department.getName(),
            null,
            null,
            initiator,
            org.displayName(initiator),
            now,
            due,
            dueAt,
            yellowAt,
            Light.GREEN,
            SupervisionStatus.ASSIGNING,
            null,
            null,
            null,
            null,
            assisting.isEmpty()
                ? null
                : String.join(",", assisting.stream().map(Group::getId).toList()),
            incomingDocumentId));
    execution.setProcessBusinessKey(id);
    execution.setVariable(ITEM_ID, id);
    execution.setVariable(TITLE, title);
    execution.setVariable(BASIS, basis);
    execution.setVariable(REQUIREMENTS, requirements);
    execution.setVariable(DEPARTMENT, department.getId());
    execution.setVariable(DEPARTMENT_NAME, department.getName());
    execution.setVariable(DEADLINE_DAYS, (long) days);
    execution.setVariable(DUE_DATE, due.toString());
    execution.setVariable(DUE_AT, date(dueAt));
    execution.setVariable(YELLOW_AT, date(yellowAt));
    execution.setVariable(LIGHT, Light.GREEN.name());
    execution.setVariable(HANDLED, false);
    execution.setVariable(FEEDBACK_TEXT, "（暂无进度反馈）");
    execution.setVariable(
        ASSISTING_DEPARTMENTS, String.join(",", assisting.stream().map(Group::getId).toList()));
    execution.setVariable(
        ASSISTING_NAMES,
        assisting.isEmpty()
            ? "无"
            : String.join("、", assisting.stream().map(Group::getName).toList()));
    execution.setVariable(ASSIST_TEXT, assisting.isEmpty() ? "（无协办部门）" : "（暂无协办意见）");
    execution.setVariable(ApprovalListener.REVISION_REQUIRED, false);
    LOG.info(
        "督办立项 {}：{}，主办 {}，{} 个工作日，{} 到期，{} 黄灯",
        id,
        title,
        department.getName(),
        days,
        due,
        yellowAt.toLocalDate());
  }

  /** Candidate users of Task_Assign: the lead department's 部门负责人. */
  public List<String> departmentHeads(DelegateExecution execution) {
    return org.departmentHeads((String) execution.getVariable(DEPARTMENT));
  }

  /**
   * Collection of the Task_Assist multi-instance and condition of Gateway_HasAssist: the item's assisting
   * departments that have not given their input yet — all of them on the way in, none after a 督查 退回 once
   * every 协办意见 is in (the departments are not asked twice).
   */
  public List<String> pendingAssistingDepartments(DelegateExecution execution) {
    return pendingAssists(item(itemId(execution)));
  }

  /** Candidate users of one Task_Assist: the 部门负责人 of that assisting department. */
  public List<String> assistingHeads(String departmentId) {
    return org.departmentHeads(departmentId);
  }

  /** End of Task_Assist (协办): keeps the assisting department's input and shows it on the 承办 form. */
  public void recordAssist(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String opinion =
        FormValues.requiredText(execution.getVariable(OPINION), OPINION, MAX_TEXT, "协办意见");
    String department = (String) execution.getVariable(ASSIST_DEPARTMENT);
    String user = ReviewService.currentUser(execution);
    String id = itemId(execution);
    items.insertAssist(
        id,
        department,
        org.groupName(department),
        opinion,
        user,
        org.displayName(user),
        EngineClock.now());
    execution.setVariable(ASSIST_TEXT, assistText(id));
    LOG.info("督办 {} 收到 {} 的协办意见", id, org.groupName(department));
  }

  /** Assisting departments that have not given their input yet. */
  public List<String> pendingAssists(SupervisionItem item) {
    List<String> given =
        items.assists(item.id()).stream().map(SupervisionRepository.Assist::department).toList();
    return item.assistingDepartmentIds().stream().filter(d -> !given.contains(d)).toList();
  }

  public List<SupervisionRepository.Assist> assists(String itemId) {
    return items.assists(itemId);
  }

  /** Candidate users of Task_Escalation: the lead department's 分管领导 (empty → the leaders group). */
  public List<String> escalationUsers(DelegateExecution execution) {
    return org.deputyLeaders((String) execution.getVariable(DEPARTMENT));
  }

  /** Candidate groups of Task_Escalation: {@code leaders} only when the department has no 分管领导. */
  public List<String> escalationGroups(DelegateExecution execution) {
    return escalationUsers(execution).isEmpty() ? List.of(RoleGroups.LEADERS) : List.of();
  }

  /** Start of Task_Assign: the lead department's members, the choices of the form's 承办人. */
  public void handlerOptions(DelegateExecution execution) {
    execution.setVariable(
        HANDLER_OPTIONS,
        FormOptionSource.asVariable(org.memberOptions((String) execution.getVariable(DEPARTMENT))));
  }

  /** End of Task_Assign (交办): the handler must be a member of the lead department. */
  public void assign(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String department = (String) execution.getVariable(DEPARTMENT);
    Object raw = execution.getVariable(HANDLER);
    String handler = raw instanceof String s ? s.strip() : "";
    if (handler.isEmpty()) {
      throw new ValidationException(HANDLER, "请选择承办人");
    }
    if (!org.isMember(handler, department)) {
      throw new ValidationException(
          HANDLER, "承办人 " + handler + " 不是主办部门（" + execution.getVariable(DEPARTMENT_NAME) + "）的成员");
    }
    String name = org.displayName(handler);
    items.assignHandler(itemId(execution), handler, name, EngineClock.now());
    execution.setVariable(HANDLER, handler);
    execution.setVariable(HANDLER_NAME, name);
    execution.removeVariable(HANDLER_OPTIONS);
    LOG.info("督办 {} 交办给 {}", itemId(execution), name);
  }

  /** End of Task_Handle (承办): records the 进度反馈; 办结 ticked → on to 督查, else back to 承办. */
  public void recordProgress(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String progress = text(execution.getVariable(PROGRESS), PROGRESS, MAX_TEXT, "办理进展", true);
    boolean finished = FormValues.bool(execution.getVariable(FINISHED));
    String user = ReviewService.currentUser(execution);
    String id = itemId(execution);
    if (finished) {
      List<String> pending = pendingAssists(item(id));
      if (!pending.isEmpty()) {
        throw new ValidationException(
            FINISHED,
            "协办部门尚未全部反馈意见（待："
                + String.join("、", pending.stream().map(org::groupName).toList())
                + "），暂不能办结；可先提交进度反馈");
      }
    }
    LocalDateTime now = EngineClock.now();
    items.insertFeedback(id, progress, finished, user, org.displayName(user), now);
    if (finished) {
      items.updateStatus(id, SupervisionStatus.INSPECTING, now);
    }
    execution.setVariable(HANDLED, finished);
    execution.setVariable(ApprovalListener.REVISION_REQUIRED, false);
    execution.setVariable(FEEDBACK_TEXT, feedbackText(id));
  }

  /** Status write-back, called by expression listeners in the BPMN. */
  public void markStatus(DelegateExecution execution, String status) {
    items.updateStatus(itemId(execution), SupervisionStatus.valueOf(status), EngineClock.now());
  }

  /** Timer_Yellow fired: 黄灯 and 双提醒 to the handler and the lead department's 部门负责人. */
  public void markYellow(DelegateExecution execution) {
    String id = itemId(execution);
    SupervisionItem item = item(id);
    if (item.light() != Light.GREEN) {
      return;
    }
    items.updateLight(id, Light.YELLOW, EngineClock.now());
    execution.setVariable(LIGHT, Light.YELLOW.name());
    List<String> recipients = new ArrayList<>();
    recipients.add(item.handler());
    recipients.addAll(org.departmentHeads(item.department()));
    notifications.send("supervision-yellow", model(item), recipients, Channel.BOTH, id);
    LOG.info("督办 {} 亮黄灯：{}，{} 到期", id, item.title(), item.due());
  }

  /**
   * Timer_Red fired: 红灯, the 分管领导 (or the leaders group) recorded as escalated-to, a 通报 row, and 双提醒
   * to the 分管领导 and the handler. Task_Escalation follows in the BPMN.
   */
  public void markRed(DelegateExecution execution) {
    String id = itemId(execution);
    SupervisionItem item = item(id);
    LocalDateTime now = EngineClock.now();
    List<String> leaders = org.deputyLeaders(item.department());
    String escalatedTo = leaders.isEmpty() ? RoleGroups.LEADERS : String.join(",", leaders);
    String names =
        leaders.isEmpty()
            ? org.groupName(RoleGroups.LEADERS)
            : String.join("、", leaders.stream().map(org::displayName).toList());
    items.updateLight(id, Light.RED, now);
    items.escalate(id, escalatedTo, now);
    execution.setVariable(LIGHT, Light.RED.name());
    if (!items.hasBulletin(id, BULLETIN_OVERDUE)) {
      items.insertBulletin(
          new BulletinEntry(
              UUID.randomUUID().toString(),
              id,
              BULLETIN_OVERDUE,
              item.title(),
              item.department(),
              item.departmentName(),
              item.handler(),
              item.handlerName(),
              item.due(),
              escalatedTo,
              names,
              "超过办结期限 " + item.due() + " 仍未办结，已升级至分管领导 " + names + " 督办",
              now));
    }
    List<String> recipients = new ArrayList<>(leaders);
    recipients.add(item.handler());
    Map<String, Object> model = model(item);
    model.put("escalatedToNames", names);
    notifications.send("supervision-red", model, recipients, Channel.BOTH, id);
    LOG.info("督办 {} 亮红灯（超期），升级至 {}", id, names);
  }

  /** End of Task_Escalation: keeps the 分管领导's 督办意见. */
  public void recordInstruction(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String instruction = text(execution.getVariable(INSTRUCTION), INSTRUCTION, 2000, "督办意见", true);
    String user = ReviewService.currentUser(execution);
    items.escalationNote(
        itemId(execution), org.displayName(user) + "：" + instruction, EngineClock.now());
  }

  /** End of Task_Assess (考核): score 0–100 and remarks, kept for the monthly 通报. */
  public void assess(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    int score = score(execution.getVariable(SCORE));
    String remarks = text(execution.getVariable(REMARKS), REMARKS, 2000, "考核意见", false);
    items.assess(itemId(execution), score, remarks, EngineClock.now());
  }

  public SupervisionItem item(String id) {
    return items.find(id).orElseThrow(() -> new NotFoundException("督办事项不存在：" + id));
  }

  /** The 督办 item started for a 收文, if any. */
  public Optional<SupervisionItem> itemForIncoming(String incomingDocumentId) {
    return items.findByIncoming(incomingDocumentId);
  }

  public List<SupervisionItem> list(Light light) {
    return items.list(light);
  }

  public List<BulletinEntry> bulletin() {
    return items.bulletin();
  }

  public List<SupervisionRepository.Feedback> feedback(String itemId) {
    return items.feedback(itemId);
  }

  /** Working days until yellow: the configured share of the whole time, at least 1 and at most all. */
  int yellowDays(int days) {
    return (int) Math.max(1, Math.min(days, Math.round(days * yellowShare)));
  }

  // --- validation

  private Group department(Object raw) {
    String id = raw instanceof String s ? s.strip() : "";
    if (id.isEmpty()) {
      throw new ValidationException(DEPARTMENT, "请选择主办部门");
    }
    return org.departmentWithHead(id, DEPARTMENT, "主办部门");
  }

  private int deadlineDays(Object rawDays, Object rawDate, LocalDate today) {
    boolean hasDays = rawDays != null && !(rawDays instanceof String s && s.isBlank());
    boolean hasDate = rawDate != null && !(rawDate instanceof String s && s.isBlank());
    if (hasDays && hasDate) {
      throw new ValidationException(DEADLINE_DAYS, "办理时限（工作日）与办结期限只能填写其一");
    }
    if (hasDate) {
      LocalDate due = FormValues.optionalDate(rawDate, DUE_DATE, "办结期限");
      if (!due.isAfter(today)) {
        throw new ValidationException(DUE_DATE, "办结期限必须晚于今天（" + today + "），收到：" + due);
      }
      if (!workingDays.isWorkingDay(due)) {
        throw new ValidationException(DUE_DATE, "办结期限必须是工作日，" + due + " 是节假日或休息日");
      }
      int days = 0;
      for (LocalDate d = today.plusDays(1); !d.isAfter(due); d = d.plusDays(1)) {
        if (workingDays.isWorkingDay(d) && ++days > MAX_DAYS) {
          throw new ValidationException(DUE_DATE, "办结期限不能超过 " + MAX_DAYS + " 个工作日");
        }
      }
      return days;
    }
    if (!hasDays) {
      throw new ValidationException(DEADLINE_DAYS, "请填写办理时限（工作日）或办结期限");
    }
    return FormValues.optionalInt(rawDays, DEADLINE_DAYS, MIN_DAYS, MAX_DAYS, "办理时限（工作日）");
  }

  private static int score(Object raw) {
    Integer score = FormValues.optionalInt(raw, SCORE, 0, 100, "考核得分");
    if (score == null) {
      throw new ValidationException(SCORE, "考核得分必须是 0 到 100 的整数，收到：" + raw);
    }
    return score;
  }

  private static String text(Object raw, String field, int max, String label, boolean required) {
    if (raw != null && !(raw instanceof String)) {
      throw new ValidationException(field, label + "必须是文本");
    }
    String value = raw == null ? "" : ((String) raw).strip();
    if (required && value.isEmpty()) {
      throw new ValidationException(field, label + "必须填写");
    }
    if (value.length() > max) {
      throw new ValidationException(field, label + "不能超过 " + max + " 字");
    }
    return value.isEmpty() ? null : value;
  }

  static double share(String value) {
    try {
      String v = value.strip();
      int slash = v.indexOf('/');
      double share =
          slash < 0
              ? Double.parseDouble(v)
              : Double.parseDouble(v.substring(0, slash))
                  / Double.parseDouble(v.substring(slash + 1));
      if (!(share > 0 && share <= 1)) {
        throw new IllegalStateException(
            "officeflow.supervision.yellow-share 必须在 0 到 1 之间（如 2/3 或 0.6）：" + value);
      }
      return share;
    } catch (NumberFormatException e) {
      throw new IllegalStateException(
          "officeflow.supervision.yellow-share 不是有效的比例（如 2/3 或 0.6）：" + value, e);
    }
  }

  private List<Group> assistingDepartments(Object raw, Group lead) {
    return org.otherDepartmentsWithHead(
        FormValues.ids(raw, ASSISTING_DEPARTMENTS, "协办部门"), lead, ASSISTING_DEPARTMENTS, "协办部门");
  }

  private String assistText(String id) {
    StringBuilder text = new StringBuilder();
    for (SupervisionRepository.Assist a : items.assists(id)) {
      text.append(TIME.format(a.at()))
          .append("  ")
          .append(a.departmentName())
          .append(" ")
          .append(a.userName())
          .append("：")
          .append(a.opinion())
          .append('\n');
    }
    return text.isEmpty() ? "（暂无协办意见）" : text.toString().stripTrailing();
  }

  private String feedbackText(String id) {
    StringBuilder text = new StringBuilder();
    for (SupervisionRepository.Feedback f : items.feedback(id)) {
      text.append(TIME.format(f.at()))
          .append("  ")
          .append(f.userName())
          .append(f.finished() ? "（办结）" : "")
          .append("：")
          .append(f.progress())
          .append('\n');
    }
    return text.isEmpty() ? "（暂无进度反馈）" : text.toString().stripTrailing();
  }

  private static Map<String, Object> model(SupervisionItem item) {
    Map<String, Object> model = new HashMap<>();
    model.put("title", item.title());
    model.put("itemId", item.id());
    model.put("departmentName", item.departmentName());
    model.put("handlerName", item.handlerName() == null ? "" : item.handlerName());
    model.put("due", item.due().toString());
    return model;
  }

  private static Date date(LocalDateTime time) {
    return Date.from(time.atZone(EngineClock.ZONE).toInstant());
  }

  private static String itemId(DelegateExecution execution) {
    return (String) execution.getVariable(ITEM_ID);
  }
}
