package cn.officeflow.crisis;

import static cn.officeflow.crisis.CrisisVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.officeflow.platform.archive.ArchiveEntry;
import cn.officeflow.platform.archive.ArchiveService;
import cn.officeflow.platform.archive.ArchiveSource;
import cn.officeflow.platform.web.ValidationException;
import cn.officeflow.support.ProcessDriver;
import cn.officeflow.support.ProcessTest;
import cn.officeflow.support.TestClock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every path of bpmn/crisis_pr.bpmn on the real engine (H2) with the engine clock, started all three ways:
 * by the pr-team (published in 12 minutes: no warning, no escalation, both timers gone; a 追加回应 loop; the
 * 复盘报告 archived as .docx), by a 舆情监测 system's PublicOpinionAlert message (20-minute warning to the
 * pr-team and its head, 30-minute escalation to the leaders, published after 35 minutes: not met), and from a
 * 声誉 emergency through a call activity (timers count from the caller's reportedAt; the minutes go back as
 * crisisResponseMinutes). Invalid input is refused naming the field with nothing persisted.
 */
@ProcessTest
class CrisisProcessTest {

  static final String PR = "xuqing";

  /** The demo 舆情监测系统 account (integrations only). */
  static final String MONITOR_SYSTEM = "yuqing";

  static final String PASSWORD = "Office@2026";
  static final String LEGAL_USER = "zhoujie";
  static final String DIRECTOR = "zhaomin";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired CrisisService crises;
  @Autowired ArchiveService archive;
  @Autowired JdbcClient jdbc;

  ProcessDriver driver;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    driver = new ProcessDriver(engine);
    TestClock.set("2026-12-01T10:00:00");
  }

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  @Test
  void prTeamPublishesWithinTwelveMinutesSoNoTimerFiresThenFollowsUpTwiceAndArchivesTheReview() {
    ProcessInstance pi = driver.start(PR, PROCESS_KEY, report("食堂 食品安全"));
    String id = pi.getBusinessKey();
    CrisisCase c = crises.crisis(id);
    assertThat(c.origin()).isEqualTo(CrisisOrigin.TASKLIST);
    assertThat(c.initiatorName()).isEqualTo("许晴");
    assertThat(c.reportedAt()).isEqualTo(LocalDateTime.of(2026, 12, 1, 10, 0));
    assertThat(c.status()).isEqualTo(CrisisStatus.RESPONDING);
    assertThat(pi).isWaitingAt(TASK_MONITOR);
    assertThat(runtime.getVariable(pi.getId(), WARN_AT))
        .isEqualTo(TestClock.date("2026-12-01T10:20:00"));
    assertThat(runtime.getVariable(pi.getId(), ESCALATE_AT))
        .isEqualTo(TestClock.date("2026-12-01T10:30:00"));

    prepare(pi, "2026-12-01T10:03:00");
    TestClock.set("2026-12-01T10:11:30");
    // the form shows the draft as the text to publish
    assertThat(driver.taskFor(PR, pi.getId(), TASK_PUBLISH)).isNotNull();
    assertThat(
            engine
                .getTaskService()
                .getVariable(driver.taskFor(PR, pi.getId(), TASK_PUBLISH).getId(), RESPONSE_TEXT))
        .isEqualTo("关于网传食堂问题的情况说明（草案）");
    // bad input: refused naming the field, nothing recorded
    assertRefused(
        () ->
            driver.complete(
                PR, pi.getId(), TASK_PUBLISH, Map.of(RESPONSE_TEXT, "说明", CHANNEL, "朋友圈")),
        CHANNEL);
    assertThat(crises.crisis(id).firstResponseAt()).isNull();
    driver.complete(
        PR, pi.getId(), TASK_PUBLISH, Map.of(RESPONSE_TEXT, "关于网传食堂问题的情况说明", CHANNEL, "官方微博"));
    c = crises.crisis(id);
    assertThat(c.responseMinutes()).isEqualTo(12);
    assertThat(c.withinTarget()).isTrue();
    assertThat(c.firstResponseByName()).isEqualTo("许晴");
    assertThat(c.status()).isEqualTo(CrisisStatus.FOLLOWING_UP);
    assertThat(runtime.getVariable(pi.getId(), RESPONSE_MINUTES)).isEqualTo(12L);
    assertThat(pi).hasPassed(TASK_PUBLISH).isWaitingAt(TASK_FOLLOW_UP);
    // both timers were cancelled with the first response
    TestClock.set("2026-12-01T11:00:00");
    assertThat(driver.executeJobs(pi.getId())).isZero();
    assertThat(
            engine
                .getManagementService()
                .createJobQuery()
                .processInstanceId(pi.getId())
                .timers()
                .count())
        .isZero();
    assertThat(notifications(id)).isEmpty();
    assertThat(crises.crisis(id).warnedAt()).isNull();
    assertThat(crises.crisis(id).escalatedAt()).isNull();

    // 持续监测 → 追加回应 → 持续监测 → 已平息 → 复盘
    assertRefused(
        () ->
            driver.complete(
                PR,
                pi.getId(),
                TASK_FOLLOW_UP,
                Map.of(FOLLOW_UP_NOTES, "仍有转发", FOLLOW_UP_RESULT, "maybe")),
        FOLLOW_UP_RESULT);
    driver.complete(
        PR,
        pi.getId(),
        TASK_FOLLOW_UP,
        Map.of(FOLLOW_UP_NOTES, "仍有大V转发，评论质疑检测报告", FOLLOW_UP_RESULT, "respond"));
    assertThat(pi).isWaitingAt(TASK_FURTHER_RESPONSE);
    driver.complete(
        PR, pi.getId(), TASK_FURTHER_RESPONSE, Map.of(RESPONSE_TEXT, "公布第三方检测报告", CHANNEL, "官方网站"));
    assertThat(pi).isWaitingAt(TASK_FOLLOW_UP);
    // the loop starts with an empty form
    assertThat(
            engine
                .getTaskService()
                .getVariable(
                    driver.taskFor(PR, pi.getId(), TASK_FOLLOW_UP).getId(), FOLLOW_UP_NOTES))
        .isNull();
    driver.complete(
        PR,
        pi.getId(),
        TASK_FOLLOW_UP,
        Map.of(FOLLOW_UP_NOTES, "讨论量回落至日常水平", FOLLOW_UP_RESULT, "calm"));
    assertThat(pi).isWaitingAt(TASK_REVIEW);
    assertThat(crises.crisis(id).status()).isEqualTo(CrisisStatus.REVIEWING);
    String timeline =
        (String)
            engine
                .getTaskService()
                .getVariable(driver.taskFor(PR, pi.getId(), TASK_REVIEW).getId(), TIMELINE_TEXT);
    assertThat(timeline).contains("舆情上报", "法务意见", "发布回应", "追加回应", "首次回应用时 12 分钟");

    assertRefused(
        () -> driver.complete(PR, pi.getId(), TASK_REVIEW, Map.of(REVIEW_REPORT, "  ")),
        REVIEW_REPORT);
    assertRefused(
        () ->
            driver.complete(
                PR,
                pi.getId(),
                TASK_REVIEW,
                Map.of(REVIEW_REPORT, "报告", IMPROVEMENTS, "建立核查清单 | nobody | 2026-12-15")),
        IMPROVEMENTS);
    assertThat(crises.improvements(id)).isEmpty();
    driver.complete(
        PR,
        pi.getId(),
        TASK_REVIEW,
        Map.of(
            REVIEW_REPORT,
            "12分钟内发布首次回应，处置及时。",
            IMPROVEMENTS,
            "建立食堂舆情快速核查清单 | xuqing | 2026-12-15\n完善法务会商值班表 | 赵敏 | 2026-12-31"));
    c = crises.crisis(id);
    assertThat(c.status()).isEqualTo(CrisisStatus.IMPROVING);
    assertThat(c.closedAt()).isNull();
    assertThat(c.reviewReport()).contains("处置及时", "快速核查清单（责任人：许晴，2026-12-15 前完成）");
    // one tracked task per item: its owner, its due date
    assertThat(pi).isWaitingAt(TASK_IMPROVEMENT);
    Task mine = driver.taskFor(PR, pi.getId(), TASK_IMPROVEMENT);
    assertThat(mine.getAssignee()).isEqualTo(PR);
    assertThat(mine.getDueDate()).isEqualTo(TestClock.date("2026-12-15T18:00:00"));
    assertThat(engine.getTaskService().getVariable(mine.getId(), IMPROVEMENT_TEXT))
        .isEqualTo("建立食堂舆情快速核查清单");
    Task director = driver.taskFor(DIRECTOR, pi.getId(), TASK_IMPROVEMENT);
    assertThat(director.getAssignee()).isEqualTo(DIRECTOR);
    assertThat(director.getDueDate()).isEqualTo(TestClock.date("2026-12-31T18:00:00"));
    assertRefused(
        () -> driver.complete(PR, pi.getId(), TASK_IMPROVEMENT, Map.of(IMPROVEMENT_RESULT, "")),
        IMPROVEMENT_RESULT);
    driver.complete(PR, pi.getId(), TASK_IMPROVEMENT, Map.of(IMPROVEMENT_RESULT, "清单已印发"));
    assertThat(crises.crisis(id).status()).isEqualTo(CrisisStatus.IMPROVING);
    driver.complete(DIRECTOR, pi.getId(), TASK_IMPROVEMENT, Map.of(IMPROVEMENT_RESULT, "值班表已更新"));
    assertThat(pi).hasPassed(TASK_REVIEW, TASK_IMPROVEMENT, END_CLOSED).isEnded();
    c = crises.crisis(id);
    assertThat(c.status()).isEqualTo(CrisisStatus.CLOSED);
    assertThat(c.closedAt()).isNotNull();
    assertThat(crises.improvements(id))
        .extracting(
            CrisisImprovement::ownerName, CrisisImprovement::done, CrisisImprovement::result)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("许晴", true, "清单已印发"),
            org.assertj.core.groups.Tuple.tuple("赵敏", true, "值班表已更新"));
    ArchiveEntry entry = archive.findBySource(ArchiveSource.CRISIS, id).orElseThrow();
    assertThat(entry.id()).isEqualTo(c.archiveEntryId());
    assertThat(entry.fileName()).endsWith(".docx");
    assertThat(archive.content(entry.id())).startsWith((byte) 'P', (byte) 'K');
    assertThat(archive.verify().intact()).isTrue();
    assertThat(crises.steps(id))
        .extracting(CrisisStep::step)
        .containsExactly(
            "REPORT",
            "MONITOR",
            "ASSESS",
            "LEGAL",
            "DRAFT",
            "PUBLISH",
            "FOLLOW_UP",
            "RESPOND",
            "FOLLOW_UP",
            "REVIEW",
            "IMPROVE",
            "IMPROVE");
    assertThat(crises.steps(id).get(5).channel()).isEqualTo("官方微博");
  }

  @Test
  void anAlertWarnsAtTwentyEscalatesAtThirtyAndRecordsALateResponse() {
    String sender = MONITOR_SYSTEM;
    ProcessInstance pi =
        driver.as(
            sender,
            () ->
                runtime
                    .createMessageCorrelation(MESSAGE_ALERT)
                    .setVariables(alert("某单位 停车费"))
                    .correlateStartMessage());
    String id = pi.getBusinessKey();
    CrisisCase c = crises.crisis(id);
    assertThat(c.origin()).isEqualTo(CrisisOrigin.ALERT);
    assertThat(c.initiator()).isEqualTo(sender);
    assertThat(c.source()).isEqualTo("weibo-monitor");
    assertThat(pi).isWaitingAt(TASK_MONITOR);

    TestClock.set("2026-12-01T10:19:59");
    assertThat(driver.executeJobs(pi.getId())).isZero();
    TestClock.set("2026-12-01T10:20:01");
    driver.executeJobs(pi.getId());
    assertThat(pi).hasPassed(TIMER_WARNING, TASK_WARN, END_WARNED).isWaitingAt(TASK_MONITOR);
    // the pr-team (许晴) and its head: no pr-team member is a 部门负责人, so the 办公室主任 (赵敏)
    assertThat(notifications(id))
        .containsExactlyInAnyOrder(
            PR + "/MAIL", PR + "/SMS", DIRECTOR + "/MAIL", DIRECTOR + "/SMS");
    assertThat(templates(id)).containsOnly("crisis-warning");
    assertThat(crises.crisis(id).warnedAt()).isEqualTo(LocalDateTime.of(2026, 12, 1, 10, 20, 1));

    prepare(pi, "2026-12-01T10:25:00");
    TestClock.set("2026-12-01T10:30:01");
    driver.executeJobs(pi.getId());
    assertThat(pi)
        .hasPassed(TIMER_ESCALATE, TASK_ESCALATE, END_ESCALATED)
        .isWaitingAt(TASK_PUBLISH);
    assertThat(notifications(id))
        .contains("wuqiang/MAIL", "wuqiang/SMS", "hanbing/MAIL", "hanbing/SMS")
        .hasSize(10);
    assertThat(templates(id)).contains("crisis-escalation");
    assertThat(crises.crisis(id).escalatedAt()).isNotNull();

    TestClock.set("2026-12-01T10:35:00");
    driver.complete(PR, pi.getId(), TASK_PUBLISH, Map.of(RESPONSE_TEXT, "情况说明", CHANNEL, "媒体声明"));
    c = crises.crisis(id);
    assertThat(c.responseMinutes()).isEqualTo(35);
    assertThat(c.withinTarget()).isFalse();
    // nothing fires twice
    TestClock.set("2026-12-01T12:00:00");
    assertThat(driver.executeJobs(pi.getId())).isZero();
    assertThat(notifications(id)).hasSize(10);
    driver.complete(
        PR, pi.getId(), TASK_FOLLOW_UP, Map.of(FOLLOW_UP_NOTES, "已平息", FOLLOW_UP_RESULT, "calm"));
    driver.complete(PR, pi.getId(), TASK_REVIEW, Map.of(REVIEW_REPORT, "超时5分钟，原因：法务会商较慢。"));
    assertThat(pi).isEnded();
  }

  @Test
  void aReputationEmergencyCallsCrisisPrAndGetsTheResponseMinutesBack() {
    String deployment =
        repository
            .createDeployment()
            .name("crisis caller (test)")
            .addInputStream(
                // not *.bpmn in test resources: the application auto-deploys classpath*:**/*.bpmn
                "crisis_caller.bpmn", getClass().getResourceAsStream("/crisis/crisis_caller.xml"))
            .deploy()
            .getId();
    try {
      Map<String, Object> vars = new HashMap<>();
      vars.put(EMERGENCY_ID, "E-2026-0001");
      vars.put(REPORTED_AT, TestClock.date("2026-12-01T09:35:00"));
      vars.put(SCENARIO, "舆情发酵");
      vars.put(DESCRIPTION, "网传本单位车辆违规停放视频");
      vars.put(LOCATION, "北门");
      vars.put(LEVEL, "Ⅱ");
      ProcessInstance caller = runtime.startProcessInstanceByKey("crisis_caller", vars);
      ProcessInstance pi =
          runtime
              .createProcessInstanceQuery()
              .superProcessInstanceId(caller.getId())
              .singleResult();
      assertThat(pi).isNotNull();
      String id = pi.getBusinessKey();
      CrisisCase c = crises.crisis(id);
      assertThat(c.origin()).isEqualTo(CrisisOrigin.EMERGENCY);
      assertThat(c.emergencyId()).isEqualTo("E-2026-0001");
      assertThat(c.emergencyLevel()).isEqualTo("Ⅱ");
      assertThat(c.keyword()).isEqualTo("舆情发酵");
      assertThat(c.summary()).contains("违规停放", "北门", "Ⅱ级");
      // reported 25 minutes ago: the 20-minute warning is already due, the escalation not yet
      assertThat(c.reportedAt()).isEqualTo(LocalDateTime.of(2026, 12, 1, 9, 35));
      driver.executeJobs(pi.getId());
      assertThat(pi).hasPassed(TASK_WARN).hasNotPassed(TASK_ESCALATE);
      assertThat(templates(id)).containsOnly("crisis-warning");
      assertThat(
              jdbc.sql(
                      "select body from of_notification where business_key = :id and recipient = :r"
                          + " and channel = 'SMS'")
                  .param("id", id)
                  .param("r", PR)
                  .query(String.class)
                  .single())
          .contains("舆情发酵", "已 25 分钟未发布首次回应", "仅剩约 5 分钟");

      prepare(pi, "2026-12-01T10:02:00");
      TestClock.set("2026-12-01T10:04:10");
      driver.complete(PR, pi.getId(), TASK_PUBLISH, Map.of(RESPONSE_TEXT, "情况说明", CHANNEL, "官方微博"));
      // 29 min 10 s: counted as 30 minutes (rounded up), within the 30 minutes
      assertThat(crises.crisis(id).responseMinutes()).isEqualTo(30);
      assertThat(crises.crisis(id).withinTarget()).isTrue();
      driver.complete(
          PR, pi.getId(), TASK_FOLLOW_UP, Map.of(FOLLOW_UP_NOTES, "平息", FOLLOW_UP_RESULT, "calm"));
      driver.complete(PR, pi.getId(), TASK_REVIEW, Map.of(REVIEW_REPORT, "应急转入后首次回应用时30分钟。"));
      assertThat(pi).isEnded();
      assertThat(runtime.getVariable(caller.getId(), RESPONSE_MINUTES)).isEqualTo(30L);
      assertThat(caller).isWaitingAt("Task_AfterCrisis");
      engine
          .getTaskService()
          .complete(
              engine
                  .getTaskService()
                  .createTaskQuery()
                  .processInstanceId(caller.getId())
                  .singleResult()
                  .getId());
      assertThat(caller).isEnded();
    } finally {
      repository.deleteDeployment(deployment, true);
    }
  }

  @Test
  void badStartInputIsRefusedNamingTheFieldAndNothingIsStored() {
    long before = count();
    Map<String, Object> noKeyword = report("x");
    noKeyword.remove(KEYWORD);
    assertRefused(() -> driver.start(PR, PROCESS_KEY, noKeyword), KEYWORD);
    Map<String, Object> badSource = report("x");
    badSource.put(SOURCE, "小道消息");
    assertRefused(() -> driver.start(PR, PROCESS_KEY, badSource), SOURCE);
    Map<String, Object> badLink = report("x");
    badLink.put(LINK, "javascript:alert(1)");
    assertRefused(() -> driver.start(PR, PROCESS_KEY, badLink), LINK);
    Map<String, Object> extra = report("x");
    extra.put(REPORTED_AT, TestClock.date("2026-11-30T00:00:00"));
    assertRefused(() -> driver.start(PR, PROCESS_KEY, extra), REPORTED_AT);
    String sender = MONITOR_SYSTEM;
    Map<String, Object> alertWithoutSummary = alert("x");
    alertWithoutSummary.remove(SUMMARY);
    assertRefused(
        () ->
            driver.as(
                sender,
                () ->
                    runtime
                        .createMessageCorrelation(MESSAGE_ALERT)
                        .setVariables(alertWithoutSummary)
                        .correlateStartMessage()),
        SUMMARY);
    assertThat(count()).isEqualTo(before);
    // only the pr-team starts by hand
    assertThatThrownBy(() -> driver.start("zhangwei", PROCESS_KEY, report("x")))
        .isInstanceOf(AuthorizationException.class);
    // the 舆情监测 system's start permission (for its message) does not let it report by hand
    assertThatThrownBy(() -> driver.start(sender, PROCESS_KEY, report("x")))
        .isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("PublicOpinionAlert");
    assertThat(count()).isEqualTo(before);
  }

  /** 舆情监测 → 快速评估 → 法务意见 ∥ 品牌回应草案, leaving the case at 发布回应. */
  void prepare(ProcessInstance pi, String at) {
    TestClock.set(at);
    assertRefused(
        () -> driver.complete(PR, pi.getId(), TASK_MONITOR, Map.of(KEYWORD, "食堂", SPREAD, " ")),
        SPREAD);
    driver.complete(
        PR,
        pi.getId(),
        TASK_MONITOR,
        Map.of(
            KEYWORD, "食堂 食品安全", LINK, "https://weibo.example/1", SPREAD, "微博转发 1200，评论 300，持续上升"));
    assertRefused(
        () ->
            driver.complete(
                PR, pi.getId(), TASK_ASSESS, Map.of(IMPACT_LEVEL, "特大", ASSESSMENT, "扩散中")),
        IMPACT_LEVEL);
    driver.complete(
        PR, pi.getId(), TASK_ASSESS, Map.of(IMPACT_LEVEL, "较大", ASSESSMENT, "本地媒体已关注，持续扩散"));
    assertThat(pi).isWaitingAt(TASK_LEGAL, TASK_BRAND);
    driver.complete(LEGAL_USER, pi.getId(), TASK_LEGAL, Map.of(LEGAL_OPINION, "不得对未核实事实作出承诺"));
    assertThat(pi).isWaitingAt(TASK_BRAND);
    driver.complete(PR, pi.getId(), TASK_BRAND, Map.of(DRAFT, "关于网传食堂问题的情况说明（草案）"));
    assertThat(pi).isWaitingAt(TASK_PUBLISH);
  }

  static Map<String, Object> report(String keyword) {
    Map<String, Object> v = new HashMap<>();
    v.put(KEYWORD, keyword);
    v.put(SOURCE, "微博");
    v.put(SUMMARY, "网传本单位食堂食品安全问题");
    v.put(LINK, "https://weibo.example/1");
    return v;
  }

  static Map<String, Object> alert(String keyword) {
    Map<String, Object> v = new HashMap<>();
    v.put(KEYWORD, keyword);
    v.put(SOURCE, "weibo-monitor");
    v.put(SUMMARY, "关键词命中 35 条，1 小时内增长 300%");
    v.put(LINK, "https://monitor.example/alerts/42");
    return v;
  }

  static void assertRefused(Runnable action, String field) {
    assertThatThrownBy(action::run)
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).getField()).isEqualTo(field));
  }

  long count() {
    return jdbc.sql("select count(*) from of_crisis_case").query(Long.class).single();
  }

  List<String> notifications(String id) {
    return jdbc.sql("select recipient, channel from of_notification where business_key = :id")
        .param("id", id)
        .query((rs, i) -> rs.getString("recipient") + "/" + rs.getString("channel"))
        .list();
  }

  List<String> templates(String id) {
    return jdbc.sql("select template from of_notification where business_key = :id")
        .param("id", id)
        .query(String.class)
        .list();
  }
}
