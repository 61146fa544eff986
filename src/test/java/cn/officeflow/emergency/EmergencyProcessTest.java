package cn.officeflow.emergency;

import static cn.officeflow.emergency.EmergencyVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.officeflow.platform.archive.ArchiveService;
import cn.officeflow.platform.archive.ArchiveSource;
import cn.officeflow.platform.web.ValidationException;
import cn.officeflow.support.ProcessDriver;
import cn.officeflow.support.ProcessTest;
import cn.officeflow.support.TestClock;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every path of bpmn/emergency_response.bpmn on the real engine (H2) with the engine clock: a Ⅰ级 fire reported
 * from Tasklist (leaders and emergency-command alerted by SMS and mail at once, the 15-minute safety deadline
 * escalated, nothing else before 人员安全确认, the 火灾 checklist refused out of order, the support report sent to
 * the leaders, 结案, the 复盘 reminder and the escalation on the 15th calendar day, improvements as tasks of their
 * owners); a Ⅳ级 资产 case (mail only, 资产抢救 after the safety check, no improvements); a Ⅱ级 声誉 case reported
 * by message (crisis_pr called with the contract's variables, its response time brought back); bad input
 * refused naming the field with nothing persisted.
 */
@ProcessTest
class EmergencyProcessTest {

  static final String STAFF = "zhangwei";
  static final String COMMAND = "linfeng";
  static final String DIRECTOR = "zhaomin";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;
  @Autowired EmergencyService emergencies;
  @Autowired ArchiveService archive;
  @Autowired JdbcClient jdbc;

  ProcessDriver driver;
  String stubDeployment;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    driver = new ProcessDriver(engine);
    TestClock.set("2026-11-23T10:00:00");
  }

  @AfterEach
  void tearDown() {
    TestClock.reset();
    if (stubDeployment != null) {
      repository.deleteDeployment(stubDeployment, true);
    }
  }

  @Test
  void levelOneFireFromTasklistRunsTheWholeResponseWithTimers() throws Exception {
    ProcessInstance pi = driver.start(STAFF, PROCESS_KEY, report("人员", "火灾", 0));
    String id = pi.getBusinessKey();
    Emergency e = emergencies.emergency(id);
    assertThat(e.level()).isEqualTo("Ⅰ");
    assertThat(e.reporter()).isEqualTo(STAFF);
    assertThat(e.reporterName()).isEqualTo("张伟");
    assertThat(e.status()).isEqualTo(EmergencyStatus.RESPONDING);
    assertThat(e.alertedAt()).isEqualTo(e.reportedAt());
    // 生命优先: nothing but 人员安全确认 is open
    assertThat(pi).isWaitingAtExactly(TASK_CONFIRM_SAFETY);
    assertThat(driver.openTasks(pi.getId())).hasSize(1);
    // Ⅰ: leaders and emergency-command, SMS and mail, at once
    assertThat(notifications(id, "emergency-alert"))
        .containsExactlyInAnyOrder(
            "wuqiang/SMS",
            "wuqiang/MAIL",
            "hanbing/SMS",
            "hanbing/MAIL",
            "linfeng/SMS",
            "linfeng/MAIL");
    Task confirm = driver.taskFor(COMMAND, pi.getId(), TASK_CONFIRM_SAFETY);
    assertThat(confirm.getDueDate()).isEqualTo(TestClock.date("2026-11-23T10:15:00"));

    // the 15-minute safety deadline passes: escalation, the task stays
    TestClock.set("2026-11-23T10:14:00");
    assertThat(driver.executeJobs(pi.getId())).isZero();
    TestClock.set("2026-11-23T10:15:01");
    driver.executeJobs(pi.getId());
    assertThat(pi)
        .hasPassed(TIMER_SAFETY_OVERDUE, TASK_ESCALATE_SAFETY)
        .isWaitingAt(TASK_CONFIRM_SAFETY);
    assertThat(notifications(id, "emergency-escalation")).contains("wuqiang/SMS", "linfeng/MAIL");

    // a confirmation without the count is refused
    assertThatThrownBy(
            () ->
                driver.complete(
                    COMMAND, pi.getId(), TASK_CONFIRM_SAFETY, Map.of(SAFETY_NOTE, "已疏散")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("受伤人数");
    TestClock.set("2026-11-23T10:16:00");
    driver.complete(
        COMMAND,
        pi.getId(),
        TASK_CONFIRM_SAFETY,
        Map.of(INJURED_CONFIRMED, 1, SAFETY_NOTE, "全员疏散，一人轻微烫伤已送医"));
    assertThat(pi).isWaitingAt(TASK_ON_SITE, TASK_SUPPORT);
    assertThat(pi).hasNotPassed(TASK_RESCUE_ASSETS);
    assertThat(driver.openTasks(pi.getId())).hasSize(2);
    assertThat(emergencies.emergency(id).injured()).isEqualTo(1);
    assertThat(runtime.getVariable(pi.getId(), MANUAL_TEXT).toString())
        .contains("1. 断电 → 2. 疏散 → 3. 清点人数");

    // the checklist: out of order, incomplete, going back in time, in the future → refused
    TestClock.set("2026-11-23T10:40:00");
    for (String bad :
        List.of(
            "疏散 | 10:20\n断电 | 10:18\n清点人数 | 10:30",
            "断电 | 10:18\n疏散 | 10:20",
            "断电 | 10:18\n疏散 | \n清点人数 | 10:30",
            "断电 | 10:25\n疏散 | 10:20\n清点人数 | 10:30",
            "断电 | 10:18\n疏散 | 10:20\n清点人数 | 10:50",
            "断电 | 09:50\n疏散 | 10:20\n清点人数 | 10:30")) {
      assertThatThrownBy(
              () ->
                  driver.complete(
                      DIRECTOR,
                      pi.getId(),
                      TASK_ON_SITE,
                      Map.of(CHECKLIST, bad, ON_SITE_REPORT, "火已扑灭")))
          .as(bad)
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("checklist");
    }
    assertThat(pi).isWaitingAt(TASK_ON_SITE);
    driver.complete(
        DIRECTOR,
        pi.getId(),
        TASK_ON_SITE,
        Map.of(CHECKLIST, "断电 | 10:18\n疏散 | 10:20\n清点人数 | 10:30", ON_SITE_REPORT, "火已扑灭"));
    assertThat(emergencies.emergency(id).checklist())
        .isEqualTo("断电 | 2026-11-23 10:18\n疏散 | 2026-11-23 10:20\n清点人数 | 2026-11-23 10:30");
    driver.complete(
        COMMAND,
        pi.getId(),
        TASK_SUPPORT,
        Map.of(MEDICAL, true, FIRE, true, POLICE, false, SUPPORT_REPORT, "120 与 119 已到场"));
    assertThat(notifications(id, "emergency-support-report"))
        .containsExactlyInAnyOrder("wuqiang/SMS", "wuqiang/MAIL", "hanbing/SMS", "hanbing/MAIL");

    // 结案 → 复盘 due 15 calendar days later
    e = emergencies.emergency(id);
    assertThat(e.status()).isEqualTo(EmergencyStatus.CLOSED);
    assertThat(e.reviewDueAt()).isEqualTo(e.closedAt().plusDays(15));
    assertThat(pi).isWaitingAt(TASK_REVIEW);
    Task review = driver.taskFor(COMMAND, pi.getId(), TASK_REVIEW);
    assertThat(review.getDueDate()).isEqualTo(TestClock.date("2026-12-08T10:40:00"));
    String timeline = (String) runtime.getVariable(pi.getId(), TIMELINE_TEXT);
    assertThat(timeline).contains("报告突发事件", "张伟", "人员安全确认", "林峰", "现场处置", "赵敏");
    assertThat((String) runtime.getVariable(pi.getId(), EVIDENCE_TEXT)).isEqualTo("（无）");
    String response = (String) runtime.getVariable(pi.getId(), RESPONSE_TEXT);
    assertThat(response)
        .contains("人员安全确认：16 分钟，目标 ≤ 15 分钟，超时")
        .contains("现场处置完成：40 分钟，目标 ≤ 120 分钟，达标");

    TestClock.set("2026-12-05T10:39:00");
    assertThat(driver.executeJobs(pi.getId())).isZero();
    TestClock.set("2026-12-05T10:40:01");
    driver.executeJobs(pi.getId());
    assertThat(pi).hasPassed(TIMER_REVIEW_REMINDER, TASK_REMIND_REVIEW);
    assertThat(notifications(id, "emergency-review-reminder"))
        .containsExactlyInAnyOrder("linfeng/SMS", "linfeng/MAIL");
    TestClock.set("2026-12-08T10:40:01");
    driver.executeJobs(pi.getId());
    assertThat(pi).hasPassed(TIMER_REVIEW_OVERDUE, TASK_ESCALATE_REVIEW).isWaitingAt(TASK_REVIEW);
    assertThat(notifications(id, "emergency-escalation")).contains("hanbing/SMS");

    // improvements: a bad line is refused naming the field
    assertThatThrownBy(
            () ->
                driver.complete(
                    COMMAND,
                    pi.getId(),
                    TASK_REVIEW,
                    Map.of(LESSONS, "断电及时", IMPROVEMENTS, "增设应急照明 | nobody | 2026-12-31")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("improvements");
    driver.complete(
        COMMAND,
        pi.getId(),
        TASK_REVIEW,
        Map.of(
            LESSONS,
            "断电及时，疏散有序；安全确认超时 1 分钟",
            IMPROVEMENTS,
            "增设应急照明 | zhaomin | 2026-12-31\n开展消防演练 | linfeng | 2027-01-15"));
    e = emergencies.emergency(id);
    assertThat(e.status()).isEqualTo(EmergencyStatus.REVIEWED);
    assertThat(archive.findBySource(ArchiveSource.EMERGENCY, id)).isPresent();
    byte[] zip = archive.content(e.archiveEntryId());
    assertThat(entries(zip)).contains("复盘报告.docx", "证据清单.txt");
    assertThat(archive.verify().intact()).isTrue();

    Task owner1 = driver.taskFor(DIRECTOR, pi.getId(), TASK_IMPROVE);
    assertThat(owner1.getAssignee()).isEqualTo(DIRECTOR);
    assertThat(owner1.getDueDate()).isEqualTo(TestClock.date("2026-12-31T23:59:00"));
    Task owner2 = driver.taskFor(COMMAND, pi.getId(), TASK_IMPROVE);
    assertThat(owner2.getAssignee()).isEqualTo(COMMAND);
    driver.complete(DIRECTOR, pi.getId(), TASK_IMPROVE, Map.of(IMPROVEMENT_RESULT, "已安装"));
    assertThat(pi).isWaitingAt(TASK_IMPROVE);
    driver.complete(COMMAND, pi.getId(), TASK_IMPROVE, Map.of(IMPROVEMENT_RESULT, "已演练"));
    assertThat(pi).isEnded();
    assertThat(emergencies.emergency(id).status()).isEqualTo(EmergencyStatus.DONE);
  }

  @Test
  void levelFourAssetCaseAlertsByMailAndRescuesAssetsOnlyAfterTheSafetyCheck() {
    ProcessInstance pi = driver.start(STAFF, PROCESS_KEY, report("资产", "仓库漏水", 0));
    String id = pi.getBusinessKey();
    assertThat(emergencies.emergency(id).level()).isEqualTo("Ⅳ");
    assertThat(notifications(id, "emergency-alert")).containsExactly("linfeng/MAIL");
    assertThat(pi).isWaitingAtExactly(TASK_CONFIRM_SAFETY);
    driver.complete(
        COMMAND, pi.getId(), TASK_CONFIRM_SAFETY, Map.of(INJURED_CONFIRMED, 0, SAFETY_NOTE, "无人员"));
    assertThat(pi).isWaitingAt(TASK_ON_SITE, TASK_SUPPORT, TASK_RESCUE_ASSETS);
    TestClock.set("2026-11-23T11:00:00");
    driver.complete(
        COMMAND, pi.getId(), TASK_RESCUE_ASSETS, Map.of(ASSETS_REPORT, "转移纸质档案 12 箱，无损失"));
    driver.complete(
        COMMAND,
        pi.getId(),
        TASK_ON_SITE,
        Map.of(CHECKLIST, "现场警戒 | 10:10\n控制事态 | 10:20\n清点人数 | 10:30", ON_SITE_REPORT, "已关阀"));
    driver.complete(COMMAND, pi.getId(), TASK_SUPPORT, Map.of(SUPPORT_REPORT, "无需外部协调"));
    assertThat(pi).isWaitingAt(TASK_REVIEW);
    driver.complete(COMMAND, pi.getId(), TASK_REVIEW, Map.of(LESSONS, "处置及时"));
    assertThat(pi).hasNotPassed(TASK_IMPROVE).isEnded();
    Emergency e = emergencies.emergency(id);
    assertThat(e.status()).isEqualTo(EmergencyStatus.DONE);
    assertThat(e.assetsDoneAt()).isNotNull();
  }

  @Test
  void reputationCaseByMessageCallsCrisisPrWithTheContractVariables() {
    // always the stub as the latest crisis_pr: the real one (crisis package) has its own tests, and
    // its
    // thirty-odd nodes, barely touched here, would pull this class under the 90% flow-node coverage
    stubDeployment =
        repository
            .createDeployment()
            .addClasspathResource("emergency/crisis_pr_stub.bpmn20.xml")
            .deploy()
            .getId();
    driver.as(
        STAFF,
        () ->
            runtime
                .createMessageCorrelation(MESSAGE_REPORTED)
                .setVariables(report("声誉", "舆情发酵", 0))
                .correlateStartMessage());
    String id =
        jdbc.sql("select id from of_emergency where scenario = '舆情发酵' order by reported_at desc")
            .query(String.class)
            .list()
            .get(0);
    Emergency e = emergencies.emergency(id);
    assertThat(e.level()).isEqualTo("Ⅱ");
    ProcessInstance pi =
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult();
    assertThat(pi).hasPassed(START_MESSAGE).isWaitingAtExactly(TASK_CONFIRM_SAFETY);
    assertThat(notifications(id, "emergency-alert"))
        .contains("linfeng/SMS", "zhaomin/MAIL")
        .doesNotContain("wuqiang/SMS");
    // no crisis_pr before 人员安全确认
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey("crisis_pr")
                .superProcessInstanceId(pi.getId())
                .count())
        .isZero();
    driver.complete(
        COMMAND,
        pi.getId(),
        TASK_CONFIRM_SAFETY,
        Map.of(INJURED_CONFIRMED, 0, SAFETY_NOTE, "无人员伤亡"));
    assertThat(pi).isWaitingAt(CALL_CRISIS_PR, TASK_ON_SITE, TASK_SUPPORT);
    ProcessInstance crisis =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey("crisis_pr")
            .superProcessInstanceId(pi.getId())
            .singleResult();
    assertThat(runtime.getVariable(crisis.getId(), EMERGENCY_ID)).isEqualTo(id);
    assertThat(runtime.getVariable(crisis.getId(), REPORTED_AT))
        .isEqualTo(EmergencyService.date(e.reportedAt()));
    assertThat(runtime.getVariable(crisis.getId(), LEVEL)).isEqualTo("Ⅱ");
    assertThat(runtime.getVariable(crisis.getId(), SCENARIO)).isEqualTo("舆情发酵");
    Task respond = tasks.createTaskQuery().processInstanceId(crisis.getId()).singleResult();
    tasks.complete(respond.getId());
    assertThat(emergencies.emergency(id).crisisResponseMinutes()).isEqualTo(12L);
    driver.complete(
        DIRECTOR,
        pi.getId(),
        TASK_ON_SITE,
        Map.of(CHECKLIST, "保全证据 | 10:00\n统一口径 | 10:00\n持续监测 | 10:00", ON_SITE_REPORT, "已处置"));
    driver.complete(COMMAND, pi.getId(), TASK_SUPPORT, Map.of(SUPPORT_REPORT, "已报告"));
    assertThat(pi).hasPassed(CALL_CRISIS_PR).isWaitingAt(TASK_REVIEW);
    assertThat((String) runtime.getVariable(pi.getId(), RESPONSE_TEXT))
        .contains("危机公关首次回应：12 分钟，目标 ≤ 30 分钟，达标");
  }

  @Test
  void badReportsAreRefusedNamingTheFieldAndNothingIsStored() {
    long before = count();
    assertRefused(report("天气", "火灾", 0), DIMENSION);
    assertRefused(report("人员", " ", 0), SCENARIO);
    assertRefused(report("人员", "火灾", -1), INJURED);
    Map<String, Object> noInjured = report("人员", "火灾", 0);
    noInjured.remove(INJURED);
    assertRefused(noInjured, INJURED);
    Map<String, Object> noLocation = report("人员", "火灾", 0);
    noLocation.put(LOCATION, "");
    assertRefused(noLocation, LOCATION);
    Map<String, Object> text = report("人员", "火灾", 0);
    text.put(INJURED, "两个");
    assertRefused(text, INJURED);
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void theChecklistRuleOnItsOwn() {
    var reported = java.time.LocalDateTime.of(2026, 11, 23, 10, 0);
    var now = java.time.LocalDateTime.of(2026, 11, 23, 11, 0);
    List<String> fire = List.of("断电", "疏散", "清点人数");
    assertThat(
            EmergencyService.checkChecklist(
                "断电 ｜ 2026-11-23 10:05\n\n疏散|10:05\n清点人数 | 10:50", fire, reported, now))
        .isEqualTo("断电 | 2026-11-23 10:05\n疏散 | 2026-11-23 10:05\n清点人数 | 2026-11-23 10:50");
    assertThatThrownBy(
            () ->
                EmergencyService.checkChecklist(
                    "断电 | 10:05\n疏散 | 10:06\n清点人数 | 10:07\n喝茶 | 10:08", fire, reported, now))
        .hasMessageContaining("第 4 行");
    assertThatThrownBy(() -> EmergencyService.checkChecklist("断电 | 25:00", fire, reported, now))
        .hasMessageContaining("时间格式");
  }

  private void assertRefused(Map<String, Object> variables, String field) {
    assertThatThrownBy(() -> driver.start(STAFF, PROCESS_KEY, variables))
        .as(field)
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(field);
  }

  private long count() {
    return jdbc.sql("select count(*) from of_emergency").query(Long.class).single();
  }

  static Map<String, Object> report(String dimension, String scenario, int injured) {
    Map<String, Object> v = new HashMap<>();
    v.put(DIMENSION, dimension);
    v.put(SCENARIO, scenario);
    v.put(LOCATION, "办公楼三层东侧");
    v.put(DESCRIPTION, "测试报告：" + scenario);
    v.put(INJURED, injured);
    return v;
  }

  private List<String> notifications(String businessKey, String template) {
    return jdbc.sql(
            "select recipient, channel from of_notification where business_key = :k and template = :t")
        .param("k", businessKey)
        .param("t", template)
        .query((rs, n) -> rs.getString(1) + "/" + rs.getString(2))
        .list();
  }

  private static List<String> entries(byte[] zip) throws Exception {
    List<String> names = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        names.add(entry.getName());
      }
    }
    return names;
  }
}
