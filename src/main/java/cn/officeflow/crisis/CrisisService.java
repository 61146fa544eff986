package cn.officeflow.crisis;

import static cn.officeflow.crisis.CrisisVariables.*;

import cn.officeflow.platform.archive.ArchiveEntry;
import cn.officeflow.platform.archive.ArchiveService;
import cn.officeflow.platform.archive.ArchiveSource;
import cn.officeflow.platform.archive.NewArchiveEntry;
import cn.officeflow.platform.docgen.DocxGenerator;
import cn.officeflow.platform.docgen.OfficialDocument;
import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.engine.SystemAuthentication;
import cn.officeflow.platform.improve.ImprovementItem;
import cn.officeflow.platform.improve.ImprovementItems;
import cn.officeflow.platform.notify.Channel;
import cn.officeflow.platform.notify.NotificationService;
import cn.officeflow.platform.org.OrgService;
import cn.officeflow.platform.org.RoleGroups;
import cn.officeflow.platform.web.FormValues;
import cn.officeflow.platform.web.NotFoundException;
import cn.officeflow.platform.web.ValidationException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * 危机公关「30分钟响应」: a case starts from the pr-team's 舆情上报 form, from a 舆情监测 system's {@code
 * PublicOpinionAlert} message or from a 声誉 emergency (call activity) → 舆情监测 → 快速评估 (影响层级) → 法务意见 and
 * 品牌回应草案 in parallel → 发布回应 → 持续监测 (追加回应 until calm) → 《事件复盘报告》 (.docx, archived). The 30
 * minutes are wall-clock minutes from {@code reportedAt} (the caller's, else the start on the engine clock):
 * the BPMN's boundary timers warn the pr-team and its head at 20 and escalate to {@code leaders} at 30, and
 * are cancelled with the first published response. Every method runs in the engine's transaction: a
 * validation error (400 naming the field) rolls everything back.
 */
@Service("crisisService")
public class CrisisService {

  private static final Logger LOG = LoggerFactory.getLogger(CrisisService.class);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final Pattern URL = Pattern.compile("https?://\\S+");
  private static final List<String> FOLLOW_UP_RESULTS = List.of("calm", "respond");

  private final CrisisRepository cases;
  private final OrgService org;
  private final IdentityService identity;
  private final NotificationService notifications;
  private final ArchiveService archive;
  private final DocxGenerator docx = new DocxGenerator();

  public CrisisService(
      CrisisRepository cases,
      OrgService org,
      IdentityService identity,
      NotificationService notifications,
      ArchiveService archive) {
    this.cases = cases;
    this.org = org;
    this.identity = identity;
    this.notifications = notifications;
    this.archive = archive;
  }

  // ---- starts

  /**
   * End of StartEvent_Report: the pr-team's 舆情上报 from Tasklist/REST, or — when the instance has a super
   * process — a 声誉 case handed over by emergency_response.
   */
  public void startReported(DelegateExecution execution) {
    if (execution.getProcessInstance().getSuperExecution() != null) {
      startFromEmergency(execution);
      return;
    }
    String initiator = CurrentUser.initiator(execution, INITIATOR);
    if (initiator == null || initiator.isBlank()) {
      throw new ValidationException(INITIATOR, "舆情必须由已登录的品牌/舆情组成员上报");
    }
    // the start permission lets a 舆情监测 system's account start the process too (its message needs
    // it):
    // by hand only the pr-team reports
    if (!CurrentUser.groups(identity).contains(PR_TEAM)) {
      throw new AuthorizationException(
          "用户 " + initiator + " 无权上报舆情（需要角色：pr-team）；舆情监测系统请发送预警消息 " + MESSAGE_ALERT);
    }
    String keyword =
        FormValues.requiredText(execution.getVariable(KEYWORD), KEYWORD, MAX_KEYWORD, "关键词");
    String source = FormValues.oneOf(execution.getVariable(SOURCE), SOURCE, SOURCES, "舆情来源", null);
    String summary =
        FormValues.requiredText(execution.getVariable(SUMMARY), SUMMARY, MAX_SUMMARY, "舆情概要");
    String link = link(execution.getVariable(LINK));
    create(
        execution,
        CrisisOrigin.TASKLIST,
        initiator,
        keyword,
        source,
        summary,
        link,
        EngineClock.now(),
        null,
        null);
  }

  /** End of StartEvent_Alert: a 舆情监测 system's keyword alert (message {@code PublicOpinionAlert}). */
  public void startAlerted(DelegateExecution execution) {
    String sender = CurrentUser.initiator(execution, INITIATOR);
    if (sender == null || sender.isBlank()) {
      sender = CurrentUser.SYSTEM;
      execution.setVariable(INITIATOR, sender);
    }
    String keyword =
        FormValues.requiredText(execution.getVariable(KEYWORD), KEYWORD, MAX_KEYWORD, "关键词");
    String source = FormValues.requiredText(execution.getVariable(SOURCE), SOURCE, 100, "舆情来源");
    String summary =
        FormValues.requiredText(execution.getVariable(SUMMARY), SUMMARY, MAX_SUMMARY, "舆情概要");
    String link = link(execution.getVariable(LINK));
    create(
        execution,
        CrisisOrigin.ALERT,
        sender,
        keyword,
        source,
        summary,
        link,
        EngineClock.now(),
        null,
        null);
  }

  /**
   * A 声誉 case from emergency_response (in variables emergencyId, reportedAt, scenario, description,
   * location, level): lenient — the caller validated its own input, and a 危机公关 must start anyway — so
   * over-long texts are cut, a missing or unreadable reportedAt counts from now.
   */
  private void startFromEmergency(DelegateExecution execution) {
    String initiator = CurrentUser.idOrSystem(identity);
    execution.setVariable(INITIATOR, initiator);
    String scenario = cut(execution.getVariable(SCENARIO), MAX_KEYWORD);
    String description = cut(execution.getVariable(DESCRIPTION), MAX_SUMMARY - 120);
    String location = cut(execution.getVariable(LOCATION), 100);
    String level = cut(execution.getVariable(LEVEL), 10);
    String emergencyId = cut(execution.getVariable(EMERGENCY_ID), 64);
    LocalDateTime reportedAt =
        execution.getVariable(REPORTED_AT) instanceof Date d
            ? EngineClock.local(d)
            : EngineClock.now();
    String keyword = scenario == null ? "声誉事件" : scenario;
    StringBuilder summary = new StringBuilder();
    summary.append(description == null ? keyword : description);
    if (location != null) {
      summary.append("（地点：").append(location).append("）");
    }
    if (level != null) {
      summary.append("（应急等级：").append(level).append("级）");
    }
    create(
        execution,
        CrisisOrigin.EMERGENCY,
        initiator,
        keyword,
        "应急响应",
        summary.toString(),
        null,
        reportedAt,
        emergencyId,
        level);
  }

  private void create(
      DelegateExecution execution,
      CrisisOrigin origin,
      String initiator,
      String keyword,
      String source,
      String summary,
      String link,
      LocalDateTime reportedAt,
      String emergencyId,
      String level) {
    String id = UUID.randomUUID().toString();
    LocalDateTime now = EngineClock.now();
    String initiatorName = displayName(initiator);
    cases.insert(
        new CrisisCase(
            id,
            execution.getProcessInstanceId(),
            origin,
            emergencyId,
            level,
            keyword,
            source,
            summary,
            link,
            null,
            null,
            null,
            initiator,
            initiatorName,
            reportedAt,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            CrisisStatus.RESPONDING,
            null,
            null,
            null),
        now);
    cases.insertStep(
        id,
        "REPORT",
        origin == CrisisOrigin.TASKLIST ? "舆情上报" : origin == CrisisOrigin.ALERT ? "舆情预警" : "应急转入",
        keyword + "（" + source + "）：" + summary + (link == null ? "" : "\n链接：" + link),
        null,
        initiator,
        initiatorName,
        reportedAt);
    execution.setProcessBusinessKey(id);
    execution.setVariable(CASE_ID, id);
    execution.setVariable(KEYWORD, keyword);
    execution.setVariable(SOURCE, source);
    execution.setVariable(SUMMARY, summary);
    execution.setVariable(LINK, link);
    execution.setVariable(ORIGIN_LABEL, origin.label());
    execution.setVariable(REPORTED_AT_TEXT, TIME.format(reportedAt));
    execution.setVariable(WARN_AT, date(reportedAt.plusMinutes(WARN_MINUTES)));
    execution.setVariable(ESCALATE_AT, date(reportedAt.plusMinutes(TARGET_MINUTES)));
    execution.setVariable(CALMED, false);
    LOG.info("危机公关 {}（{}）：{}，{} 上报", id, origin.label(), keyword, TIME.format(reportedAt));
  }

  // ---- steps

  /** End of Task_Monitor (舆情监测): confirmed keywords and link, 传播情况. */
  public void monitor(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String keyword =
        FormValues.requiredText(execution.getVariable(KEYWORD), KEYWORD, MAX_KEYWORD, "关键词");
    String link = link(execution.getVariable(LINK));
    String spread =
        FormValues.requiredText(execution.getVariable(SPREAD), SPREAD, MAX_TEXT, "传播情况");
    String id = caseId(execution);
    LocalDateTime now = EngineClock.now();
    cases.monitored(id, keyword, link, spread, now);
    step(id, "MONITOR", "舆情监测", "关键词：" + keyword + "\n传播情况：" + spread, null, now);
    execution.setVariable(KEYWORD, keyword);
    execution.setVariable(LINK, link);
    execution.setVariable(SPREAD, spread);
  }

  /** End of Task_Assess (快速评估): 影响层级 一般/较大/重大 and the reasons. */
  public void assess(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String level =
        FormValues.oneOf(
            execution.getVariable(IMPACT_LEVEL), IMPACT_LEVEL, IMPACT_LEVELS, "影响层级", null);
    String assessment =
        FormValues.requiredText(execution.getVariable(ASSESSMENT), ASSESSMENT, MAX_TEXT, "评估依据");
    String id = caseId(execution);
    LocalDateTime now = EngineClock.now();
    cases.assessed(id, level, assessment, now);
    step(id, "ASSESS", "快速评估", "影响层级：" + level + "\n" + assessment, null, now);
    execution.setVariable(IMPACT_LEVEL, level);
    execution.setVariable(ASSESSMENT, assessment);
  }

  /** End of Task_LegalOpinion (法务意见). */
  public void legalOpinion(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String opinion =
        FormValues.requiredText(
            execution.getVariable(LEGAL_OPINION), LEGAL_OPINION, MAX_TEXT, "法务意见");
    String id = caseId(execution);
    step(id, "LEGAL", "法务意见", opinion, null, EngineClock.now());
    execution.getProcessInstance().setVariable(LEGAL_OPINION, opinion);
  }

  /** End of Task_BrandDraft (品牌回应草案). */
  public void brandDraft(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String draft = FormValues.requiredText(execution.getVariable(DRAFT), DRAFT, MAX_TEXT, "回应草案");
    String id = caseId(execution);
    step(id, "DRAFT", "品牌回应草案", draft, null, EngineClock.now());
    execution.getProcessInstance().setVariable(DRAFT, draft);
  }

  /**
   * End of Task_Publish (发布回应): the first response — text, channel, who (authentication) and when (engine
   * clock). Records the response minutes (wall clock, rounded up) and whether the 30 minutes were met; the
   * minutes go back to a calling process as {@code crisisResponseMinutes}.
   */
  public void publish(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String text = responseText(execution);
    String channel = responseChannel(execution);
    String id = caseId(execution);
    CrisisCase crisis = crisis(id);
    LocalDateTime now = EngineClock.now();
    String user = CurrentUser.idOrSystem(identity);
    long seconds = Math.max(0, Duration.between(crisis.reportedAt(), now).getSeconds());
    long minutes = (seconds + 59) / 60;
    boolean within = seconds <= TARGET_MINUTES * 60L;
    cases.firstResponse(id, now, user, displayName(user), (int) minutes, within);
    step(
        id,
        "PUBLISH",
        "发布回应",
        text + "\n（上报后 " + minutes + " 分钟，" + (within ? "达到" : "未达到") + "30分钟响应要求）",
        channel,
        now);
    DelegateExecution instance = execution.getProcessInstance();
    instance.setVariable(RESPONSE_MINUTES, minutes);
    instance.setVariable(FIRST_RESPONSE_TEXT, text);
    instance.setVariable(
        RESPONSE_SUMMARY,
        TIME.format(now)
            + " 经"
            + channel
            + "发布首次回应，用时 "
            + minutes
            + " 分钟（"
            + (within ? "达标" : "超时")
            + "）");
    LOG.info("危机公关 {} 首次回应：{} 分钟（{}）", id, minutes, within ? "达标" : "超过30分钟");
  }

  /** Timer_Warning (20 minutes without a response): SMS and mail to the pr-team and its head. */
  public void warn(DelegateExecution execution) {
    String id = caseId(execution);
    CrisisCase crisis = crisis(id);
    LocalDateTime now = EngineClock.now();
    cases.warned(id, now);
    List<String> recipients = new ArrayList<>(prTeamAndHeads());
    notifications.send("crisis-warning", model(crisis), recipients, Channel.BOTH, id);
    step(id, "WARN", "20分钟预警", "已短信和邮件提醒：" + names(recipients), null, now);
    LOG.info("危机公关 {} 已 20 分钟未回应，预警 {}", id, recipients);
  }

  /** Timer_Escalate (30 minutes without a response): SMS and mail to {@code leaders}, the pr-team's head too. */
  public void escalate(DelegateExecution execution) {
    String id = caseId(execution);
    CrisisCase crisis = crisis(id);
    LocalDateTime now = EngineClock.now();
    cases.escalated(id, now);
    LinkedHashSet<String> recipients = new LinkedHashSet<>(members(RoleGroups.LEADERS));
    recipients.addAll(prTeamHeads());
    notifications.send("crisis-escalation", model(crisis), recipients, Channel.BOTH, id);
    step(id, "ESCALATE", "30分钟升级", "超过30分钟未回应，已升级至单位领导：" + names(recipients), null, now);
    LOG.info("危机公关 {} 超过 30 分钟未回应，升级至单位领导 {}", id, recipients);
  }

  /** End of Task_FollowUp (持续监测): notes and calm | respond. */
  public void followUp(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String notes =
        FormValues.requiredText(
            execution.getVariable(FOLLOW_UP_NOTES), FOLLOW_UP_NOTES, MAX_TEXT, "监测情况");
    String result =
        FormValues.oneOf(
            execution.getVariable(FOLLOW_UP_RESULT),
            FOLLOW_UP_RESULT,
            FOLLOW_UP_RESULTS,
            "监测结论",
            null);
    boolean calm = result.equals("calm");
    String id = caseId(execution);
    LocalDateTime now = EngineClock.now();
    step(id, "FOLLOW_UP", "持续监测", notes + "\n结论：" + (calm ? "已平息" : "需追加回应"), null, now);
    if (calm) {
      cases.status(id, CrisisStatus.REVIEWING, now);
    }
    execution.getProcessInstance().setVariable(CALMED, calm);
  }

  /** End of Task_FurtherResponse (追加回应). */
  public void furtherResponse(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String text = responseText(execution);
    String channel = responseChannel(execution);
    step(caseId(execution), "RESPOND", "追加回应", text, channel, EngineClock.now());
  }

  /** The text of a 回应 (发布回应, 追加回应), required. */
  private static String responseText(DelegateExecution execution) {
    return FormValues.requiredText(
        execution.getVariable(RESPONSE_TEXT), RESPONSE_TEXT, MAX_TEXT, "回应内容");
  }

  /** The channel a 回应 is published on, one of {@link #CHANNELS}. */
  private static String responseChannel(DelegateExecution execution) {
    return FormValues.oneOf(execution.getVariable(CHANNEL), CHANNEL, CHANNELS, "发布渠道", null);
  }

  /** Start of Task_Review: the timeline and the response time for the 复盘 form. */
  public void prepareReview(DelegateExecution execution) {
    String id = caseId(execution);
    execution.getProcessInstance().setVariable(TIMELINE_TEXT, timelineText(id));
  }

  /**
   * End of Task_Review (《事件复盘报告》): the report text, generated as .docx and archived in the hash chain
   * (source 危机公关, the case id); the 改进措施 (one per line: 内容 | 责任人 | 完成期限) become tracked 整改落实
   * tasks, and the case closes when there are none or once they are all done.
   */
  public void review(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String report =
        FormValues.requiredText(
            execution.getVariable(REVIEW_REPORT), REVIEW_REPORT, MAX_REPORT, "复盘报告");
    Object rawImprovements = execution.getVariable(IMPROVEMENTS);
    FormValues.optionalText(rawImprovements, IMPROVEMENTS, MAX_TEXT, "改进措施");
    List<ImprovementItem> items =
        system(() -> ImprovementItems.parse(rawImprovements, IMPROVEMENTS, org));
    String id = caseId(execution);
    CrisisCase crisis = crisis(id);
    LocalDateTime now = EngineClock.now();
    String user = CurrentUser.idOrSystem(identity);
    StringBuilder full = new StringBuilder(report);
    if (!items.isEmpty()) {
      full.append("\n\n改进措施：");
      for (ImprovementItem item : items) {
        full.append("\n")
            .append(item.text())
            .append("（责任人：")
            .append(item.ownerName())
            .append("，")
            .append(item.due())
            .append(" 前完成）");
      }
    }
    step(id, "REVIEW", "事件复盘报告", full.toString(), null, now);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String itemId = UUID.randomUUID().toString();
      cases.insertImprovement(id, i + 1, items.get(i), itemId);
      ids.add(itemId);
    }
    ArchiveEntry entry = archiveReport(crisis, full.toString(), user, now);
    cases.reviewed(id, full.toString(), entry.id(), items.isEmpty(), now);
    execution.getProcessInstance().setVariable(IMPROVEMENT_IDS, ids);
    LOG.info("危机公关 {} 复盘报告已归档（{}），{} 项整改", id, entry.id(), items.size());
  }

  /** Collection of the Task_Improvement multi-instance: the ids of the case's improvement items. */
  @SuppressWarnings("unchecked")
  public List<String> improvementIds(DelegateExecution execution) {
    Object ids = execution.getVariable(IMPROVEMENT_IDS);
    return ids instanceof List<?> list ? (List<String>) list : List.of();
  }

  /** Assignee of one Task_Improvement: the item's owner. */
  public String improvementOwner(String improvementId) {
    return improvement(improvementId).owner();
  }

  /** Due date of one Task_Improvement: the item's 完成期限, end of that day. */
  public Date improvementDue(String improvementId) {
    return date(improvement(improvementId).due().atTime(18, 0));
  }

  /** Start of one Task_Improvement: what the owner sees on the form. */
  public void prepareImprovement(DelegateExecution execution) {
    CrisisImprovement item = improvement((String) execution.getVariable(IMPROVEMENT_ID));
    execution.setVariableLocal(IMPROVEMENT_TEXT, item.text());
    execution.setVariableLocal(IMPROVEMENT_DUE, item.due().toString());
  }

  /** End of one Task_Improvement (整改落实): the owner's 落实情况; the case closes with the last one. */
  public void improvementDone(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String result =
        FormValues.requiredText(
            execution.getVariable(IMPROVEMENT_RESULT), IMPROVEMENT_RESULT, 2000, "落实情况");
    CrisisImprovement item = improvement((String) execution.getVariable(IMPROVEMENT_ID));
    LocalDateTime now = EngineClock.now();
    String user = CurrentUser.idOrSystem(identity);
    cases.improvementDone(item.id(), result, user, now);
    step(item.caseId(), "IMPROVE", "整改落实", item.text() + "：" + result, null, now);
    if (cases.improvements(item.caseId()).stream().allMatch(CrisisImprovement::done)) {
      cases.closed(item.caseId(), now);
    }
  }

  public List<CrisisImprovement> improvements(String caseId) {
    return cases.improvements(caseId);
  }

  private CrisisImprovement improvement(String id) {
    return cases.improvement(id).orElseThrow(() -> new NotFoundException("整改事项不存在：" + id));
  }

  private ArchiveEntry archiveReport(
      CrisisCase crisis, String report, String user, LocalDateTime now) {
    return archive
        .findBySource(ArchiveSource.CRISIS, crisis.id())
        .orElseGet(
            () -> {
              String title = "事件复盘报告（" + crisis.keyword() + "）";
              StringBuilder body = new StringBuilder();
              body.append("一、事件概况\n");
              body.append(crisis.summary()).append("\n");
              body.append("来源：")
                  .append(crisis.origin().label())
                  .append("，上报时间 ")
                  .append(TIME.format(crisis.reportedAt()))
                  .append("。\n");
              if (crisis.impactLevel() != null) {
                body.append("影响层级：").append(crisis.impactLevel()).append("。\n");
              }
              body.append("二、30分钟响应\n");
              CrisisCase current = crisis(crisis.id());
              body.append(
                      current.responseMinutes() == null
                          ? "未发布首次回应。"
                          : "首次回应用时 "
                              + current.responseMinutes()
                              + " 分钟，"
                              + (Boolean.TRUE.equals(current.withinTarget()) ? "达到" : "未达到")
                              + "30分钟响应要求。")
                  .append("\n");
              body.append("三、处置经过\n");
              for (CrisisStep s : cases.steps(crisis.id())) {
                body.append(TIME.format(s.at()))
                    .append(" ")
                    .append(s.stepName())
                    .append("（")
                    .append(s.userName())
                    .append("）")
                    .append(s.channel() == null ? "" : "［" + s.channel() + "］")
                    .append("：")
                    .append(firstLine(s.detail()))
                    .append("\n");
              }
              body.append("四、复盘与改进\n").append(report);
              byte[] content =
                  docx.generate(
                      new OfficialDocument(
                          "行政办公室",
                          null,
                          "内部",
                          null,
                          null,
                          null,
                          false,
                          null,
                          title,
                          "单位领导",
                          body.toString(),
                          List.of(),
                          "行政办公室",
                          now.toLocalDate(),
                          null,
                          "行政办公室",
                          now.toLocalDate(),
                          null));
              List<Group> departments = system(() -> org.departmentsOf(user));
              String departmentId = departments.isEmpty() ? PR_TEAM : departments.get(0).getId();
              String departmentName =
                  departments.isEmpty()
                      ? RoleGroups.ALL.get(PR_TEAM)
                      : departments.get(0).getName();
              return archive.archive(
                  new NewArchiveEntry(
                      now.getYear(),
                      departmentId,
                      departmentName,
                      "内部",
                      ArchiveSource.CRISIS,
                      crisis.id(),
                      title,
                      null,
                      "事件复盘报告-" + crisis.id().substring(0, 8) + ".docx",
                      ArchiveService.DOCX,
                      content,
                      null,
                      null));
            });
  }

  // ---- reading

  public CrisisCase crisis(String id) {
    return cases.find(id).orElseThrow(() -> new NotFoundException("危机公关事件不存在：" + id));
  }

  public List<CrisisCase> list(CrisisStatus status) {
    return cases.list(status);
  }

  public List<CrisisCase> reportedBetween(LocalDateTime from, LocalDateTime to) {
    return cases.reportedBetween(from, to);
  }

  public List<CrisisStep> steps(String id) {
    return cases.steps(id);
  }

  /** The pr-team (品牌/舆情) members and its head. */
  public List<String> prTeamAndHeads() {
    LinkedHashSet<String> all = new LinkedHashSet<>(members(PR_TEAM));
    all.addAll(prTeamHeads());
    return List.copyOf(all);
  }

  /**
   * The pr-team's head: its members who are 部门负责人 (dept-heads); when none is, the 办公室主任
   * (office-director), who heads the 办公室 the team belongs to.
   */
  public List<String> prTeamHeads() {
    List<String> heads =
        members(PR_TEAM).stream()
            .filter(u -> system(() -> org.isMember(u, RoleGroups.DEPT_HEADS)))
            .toList();
    return heads.isEmpty() ? members(RoleGroups.OFFICE_DIRECTOR) : heads;
  }

  private String timelineText(String id) {
    StringBuilder text = new StringBuilder();
    for (CrisisStep s : cases.steps(id)) {
      text.append(TIME.format(s.at()))
          .append(" ")
          .append(s.stepName())
          .append("（")
          .append(s.userName())
          .append("）")
          .append(s.channel() == null ? "" : "［" + s.channel() + "］")
          .append("：")
          .append(firstLine(s.detail()))
          .append("\n");
    }
    CrisisCase crisis = crisis(id);
    if (crisis.responseMinutes() != null) {
      text.append("首次回应用时 ")
          .append(crisis.responseMinutes())
          .append(" 分钟（")
          .append(Boolean.TRUE.equals(crisis.withinTarget()) ? "达到" : "未达到")
          .append("30分钟响应要求）");
    }
    return text.toString().strip();
  }

  private Map<String, Object> model(CrisisCase crisis) {
    Map<String, Object> model = new HashMap<>();
    model.put("caseId", crisis.id());
    model.put("keyword", crisis.keyword());
    model.put("source", crisis.source());
    model.put("summary", firstLine(crisis.summary()));
    model.put("reportedAt", TIME.format(crisis.reportedAt()));
    model.put("minutes", Duration.between(crisis.reportedAt(), EngineClock.now()).toMinutes());
    model.put("impactLevel", crisis.impactLevel() == null ? "未评估" : crisis.impactLevel());
    return model;
  }

  private void step(
      String id, String step, String name, String detail, String channel, LocalDateTime at) {
    String user = CurrentUser.idOrSystem(identity);
    cases.insertStep(id, step, name, detail, channel, user, displayName(user), at);
  }

  private static String caseId(DelegateExecution execution) {
    return (String) execution.getVariable(CASE_ID);
  }

  private String displayName(String user) {
    if (user == null || CurrentUser.SYSTEM.equals(user)) {
      return "系统";
    }
    return system(() -> org.displayName(user));
  }

  private String names(java.util.Collection<String> users) {
    return String.join("、", users.stream().map(this::displayName).toList());
  }

  private List<String> members(String group) {
    return system(() -> org.members(group));
  }

  private <T> T system(Supplier<T> action) {
    return SystemAuthentication.call(identity, action);
  }

  private static String link(Object raw) {
    String link = FormValues.optionalText(raw, LINK, MAX_LINK, "链接");
    if (link != null && !URL.matcher(link).matches()) {
      throw new ValidationException(LINK, "链接必须是 http:// 或 https:// 开头的网址，收到：" + link);
    }
    return link;
  }

  private static String cut(Object raw, int max) {
    if (!(raw instanceof String text) || text.isBlank()) {
      return raw == null || raw instanceof String ? null : cut(String.valueOf(raw), max);
    }
    String value = text.strip().replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "");
    return value.codePointCount(0, value.length()) <= max
        ? value
        : value.substring(0, value.offsetByCodePoints(0, max));
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    String line = text.strip().split("\n", 2)[0];
    return line.length() > 120 ? line.substring(0, 120) + "…" : line;
  }

  private static Date date(LocalDateTime time) {
    return Date.from(time.atZone(EngineClock.ZONE).toInstant());
  }
}
