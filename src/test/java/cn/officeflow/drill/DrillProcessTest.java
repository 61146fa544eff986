package cn.officeflow.drill;

import static cn.officeflow.drill.DrillVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.officeflow.platform.org.OrgService;
import cn.officeflow.platform.review.Review;
import cn.officeflow.platform.review.ReviewService;
import cn.officeflow.platform.web.ValidationException;
import cn.officeflow.support.ProcessDriver;
import cn.officeflow.support.ProcessTest;
import cn.officeflow.support.TestClock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every path of bpmn/emergency_drill.bpmn on the real engine (H2) with the engine clock: the quarterly timer
 * start (fires at 00:00 on the quarter's first day, waits over 国庆 for the first working morning, planning task for
 * emergency-command), the manual start (planning task for the initiator), 双提醒 to all staff, 实施 with the
 * measured times, 评估 reject → 实施 again, approve with improvement items (one task per item for its owner, due on
 * its date) and without; the quarter-end check with no instance at all, with only an open drill (both reported to
 * the leaders) and with a completed drill (not reported); invalid input refused naming the field, nothing stored.
 */
@ProcessTest
class DrillProcessTest {

  static final String COMMAND = "linfeng";
  static final String ORGANISER_USER = "zhangwei";
  static final String OWNER = "machao";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired DrillService drills;
  @Autowired DrillQueries queries;
  @Autowired ReviewService reviews;
  @Autowired OrgService org;
  @Autowired JdbcClient jdbc;

  ProcessDriver driver;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    driver = new ProcessDriver(engine);
    TestClock.set("2026-11-23T10:00:00");
  }

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  /**
   * The quarter process at 1 October: Q3 had a completed drill (not reported); then it waits over 国庆 for the
   * first working morning and starts the Q4 drill, whose planning task goes to emergency-command; the drill runs
   * through 实施 and 评估 to one improvement task per item.
   */
  @Test
  void quarterStartChecksTheLastQuarterThenStartsTheDrillOnTheFirstWorkingMorning() {
    TestClock.set("2026-08-10T10:00:00");
    ProcessInstance q3 = driver.start(COMMAND, PROCESS_KEY, Map.of());
    driver.complete(COMMAND, q3.getId(), TASK_PLAN, plan("消防", "2026-08-20", COMMAND));
    driver.complete(COMMAND, q3.getId(), TASK_CONDUCT, conduct(200, 30, 30, 90));
    Map<String, Object> q3Evaluation = approve("合格");
    q3Evaluation.put(IMPROVEMENT_ITEMS, "灭火器年检 | machao | 2026-10-30");
    driver.complete(COMMAND, q3.getId(), TASK_EVALUATE, q3Evaluation);
    assertThat(q3).isWaitingAt(TASK_IMPROVE);

    TestClock.set("2026-09-30T10:00:00");
    Job start = timerStart();
    // cron 0 0 0 1 1,4,7,10 ? — midnight of 1 October in the server's zone
    Date due = serverMidnight(LocalDate.of(2026, 10, 1));
    assertThat(start.getDuedate()).isEqualTo(due);
    assertThat(executable(start)).isFalse();
    ClockUtil.setCurrentTime(new Date(due.getTime() + 1000));
    assertThat(executable(start)).isTrue();
    management.executeJob(start.getId());
    // the next quarter start is scheduled for 1 January
    assertThat(timerStart().getDuedate()).isEqualTo(serverMidnight(LocalDate.of(2027, 1, 1)));

    ProcessInstance quarter = quarterInstance("2026Q3");
    assertThat(quarter)
        .hasPassed(TASK_CHECK_QUARTER, GATEWAY_CHECK_DONE)
        .hasNotPassed(TASK_REPORT_MISSED)
        .isWaitingAt(TIMER_FIRST_WORKING_MORNING);
    assertThat(notifications(DrillService.checkKey(new Quarter(2026, 3)))).isEmpty();
    DrillRepository.QuarterCheck row = check("2026Q3");
    assertThat(row.covered()).isTrue();
    assertThat(row.completedDrills()).isEqualTo(1);
    assertThat(row.reportedTo()).isNull();
    // 国庆 1–7 October: the drill waits for Thursday 8 October, 09:00 Beijing
    Job morning = management.createJobQuery().processInstanceId(quarter.getId()).singleResult();
    assertThat(morning.getDuedate()).isEqualTo(TestClock.date("2026-10-08T09:00:00"));
    TestClock.set("2026-10-08T08:59:00");
    assertThat(driver.executeJobs(quarter.getId())).isZero();
    TestClock.set("2026-10-08T09:00:01");
    driver.executeJobs(quarter.getId());
    assertThat(quarter).isEnded().hasPassed(TASK_START_DRILL, END_STARTED);

    ProcessInstance pi =
        runtime
            .createProcessInstanceQuery()
            .processInstanceId(
                (String)
                    history
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(quarter.getId())
                        .variableName(DRILL_PROCESS_INSTANCE_ID)
                        .singleResult()
                        .getValue())
            .singleResult();
    assertThat(pi).hasPassed(START_DRILL).isWaitingAt(TASK_PLAN);
    String id = businessKey(pi);
    Task plan = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(plan.getAssignee()).as("no human initiator").isNull();
    assertThat(candidateGroups(plan)).containsExactly("emergency-command");
    Drill drill = drills.drill(id);
    assertThat(drill.quarter()).isEqualTo("2026Q4");
    assertThat(drill.startedBy()).isEqualTo(DrillService.STARTED_BY_TIMER);
    assertThat(drill.initiator()).isNull();
    assertThat(drill.status()).isEqualTo(DrillStatus.PLANNING);

    driver.complete(COMMAND, pi.getId(), TASK_PLAN, plan("消防", "2026-10-20", ORGANISER_USER));
    drill = drills.drill(id);
    assertThat(drill.title()).isEqualTo("2026年第四季度消防演练");
    assertThat(drill.organiserName()).isEqualTo("张伟");
    assertThat(drill.status()).isEqualTo(DrillStatus.SCHEDULED);
    // 双提醒 to every member of staff
    int staff = org.members("staff").size();
    assertThat(staff).isGreaterThan(10);
    assertThat(drill.notifiedCount()).isEqualTo(staff);
    assertThat(notifications(id)).hasSize(2 * staff).contains("wuqiang/MAIL", "wuqiang/SMS");
    assertThat(templates(id)).containsOnly("drill-notice");
    assertThat(pi).isWaitingAt(TASK_CONDUCT);
    assertThat(driver.taskFor(ORGANISER_USER, pi.getId(), TASK_CONDUCT).getAssignee())
        .isEqualTo(ORGANISER_USER);

    TestClock.set("2026-10-20T11:00:00");
    driver.complete(ORGANISER_USER, pi.getId(), TASK_CONDUCT, conduct(185, 45, 44, 120));
    drill = drills.drill(id);
    assertThat(drill.evacuationSeconds()).isEqualTo(185);
    assertThat(drill.headcountPresent()).isEqualTo(44);
    assertThat(drill.headcountSeconds()).isEqualTo(120);
    assertThat(drill.participantCount()).isEqualTo(45);
    assertThat(drill.status()).isEqualTo(DrillStatus.EVALUATING);
    assertThat((String) runtime.getVariable(pi.getId(), CONDUCT_SUMMARY))
        .contains("疏散用时：3 分 5 秒", "应到 45 人，实到 44 人，用时 2 分");

    Map<String, Object> evaluation = approve("疏散有序");
    evaluation.put(
        IMPROVEMENT_ITEMS, "三楼疏散指示灯损坏，更换 | machao | 2026-11-30\n\n补训未到人员 | 张伟 | 2026-12-15");
    driver.complete(COMMAND, pi.getId(), TASK_EVALUATE, evaluation);
    drill = drills.drill(id);
    assertThat(drill.status()).isEqualTo(DrillStatus.IMPROVING);
    assertThat(drill.status().completed()).isTrue();
    assertThat(pi).isWaitingAt(TASK_IMPROVE);
    List<Task> improve =
        tasks.createTaskQuery().processInstanceId(pi.getId()).orderByTaskAssignee().asc().list();
    assertThat(improve).extracting(Task::getAssignee).containsExactly(OWNER, ORGANISER_USER);
    assertThat(improve)
        .extracting(Task::getDueDate)
        .containsExactly(
            TestClock.date("2026-11-30T18:00:00"), TestClock.date("2026-12-15T18:00:00"));
    assertThat(tasks.getVariable(improve.get(0).getId(), IMPROVEMENT_TEXT))
        .isEqualTo("三楼疏散指示灯损坏，更换");
    assertThat(drills.items(id))
        .extracting(DrillRepository.ImprovementRow::ownerName)
        .containsExactly("马超", "张伟");

    // 张伟's item is done on time; 马超's passes its date: a reminder, the task stays
    driver.complete(
        ORGANISER_USER, pi.getId(), TASK_IMPROVE, Map.of(IMPROVEMENT_RESULT, "11月5日已补训"));
    TestClock.set("2026-11-30T17:59:00");
    assertThat(driver.executeJobs(pi.getId())).isZero();
    TestClock.set("2026-11-30T18:00:01");
    driver.executeJobs(pi.getId());
    assertThat(pi).hasPassed(TIMER_ITEM_OVERDUE, TASK_REMIND_OVERDUE).isWaitingAt(TASK_IMPROVE);
    assertThat(templates(id)).contains("drill-overdue");
    assertThat(
            jdbc.sql(
                    "select recipient from of_notification where business_key = :id and template ="
                        + " 'drill-overdue' and channel = 'SMS'")
                .param("id", id)
                .query(String.class)
                .list())
        .containsExactlyInAnyOrder(OWNER, COMMAND);
    driver.complete(OWNER, pi.getId(), TASK_IMPROVE, Map.of(IMPROVEMENT_RESULT, "已更换 6 盏"));
    assertThat(pi).isEnded().hasPassed(END_ITEM_DONE, GATEWAY_ITEMS_DONE, END_DONE);
    assertThat(drills.drill(id).status()).isEqualTo(DrillStatus.DONE);
    assertThat(drills.items(id))
        .extracting(DrillRepository.ImprovementRow::status)
        .containsOnly("DONE");
    assertThat(reviews.trail(id))
        .extracting(Review::decision)
        .containsExactly("计划", "实施", "approve", "整改", "整改");
    assertThat(reviews.trail(id).get(3).comment()).startsWith("补训未到人员");
  }

  @Test
  void manualStartPlansForTheInitiatorAndAnEvaluationRejectConductsAgain() {
    ProcessInstance pi =
        driver.start(COMMAND, PROCESS_KEY, Map.of(DRILL_TYPE, "防暴", REASON, "加做防暴演练"));
    assertThat(pi).isWaitingAt(TASK_PLAN);
    String id = businessKey(pi);
    Task plan = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(plan.getAssignee()).isEqualTo(COMMAND);
    Drill drill = drills.drill(id);
    assertThat(drill.startedBy()).isEqualTo(DrillService.STARTED_BY_MANUAL);
    assertThat(drill.initiatorName()).isEqualTo("林峰");
    assertThat(drill.drillType()).isEqualTo("防暴");
    assertThat(drill.quarter()).isEqualTo("2026Q4");

    driver.complete(COMMAND, pi.getId(), TASK_PLAN, plan("防暴", "2026-11-27", COMMAND));
    Map<String, Object> listOnly = conduct(300, 20, 20, 60);
    listOnly.remove(PARTICIPANT_COUNT);
    listOnly.put(PARTICIPANTS, "张伟\n刘洋\n孙丽");
    driver.complete(COMMAND, pi.getId(), TASK_CONDUCT, listOnly);
    assertThat(drills.drill(id).participantCount()).isEqualTo(3);

    driver.reject(COMMAND, pi.getId(), TASK_EVALUATE, "未按场景演练持械人员控制，重新实施");
    assertThat(pi).hasPassed(GATEWAY_CONDUCT).isWaitingAt(TASK_CONDUCT);
    assertThat(drills.drill(id).status()).isEqualTo(DrillStatus.SCHEDULED);
    assertThat(drills.drill(id).evaluatedAt()).isNull();
    Task again = driver.taskFor(COMMAND, pi.getId(), TASK_CONDUCT);
    assertThat((String) tasks.getVariable(again.getId(), "reviewTrail")).contains("重新实施");

    driver.complete(COMMAND, pi.getId(), TASK_CONDUCT, conduct(240, 20, 20, 50));
    driver.complete(COMMAND, pi.getId(), TASK_EVALUATE, approve(null));
    assertThat(pi).isEnded().hasPassed(END_DONE).hasNotPassed(TASK_IMPROVE);
    Drill done = drills.drill(id);
    assertThat(done.status()).isEqualTo(DrillStatus.DONE);
    assertThat(done.evacuationSeconds()).isEqualTo(240);
    assertThat(done.completedAt()).isNotNull();
    assertThat(reviews.trail(id))
        .extracting(Review::decision)
        .containsExactly("计划", "实施", "reject", "实施", "approve");
  }

  @Test
  void theQuarterProcessRunsOnTheDocumentedCron() {
    org.camunda.bpm.model.bpmn.instance.TimerEventDefinition timer =
        engine
            .getRepositoryService()
            .getBpmnModelInstance(
                engine
                    .getRepositoryService()
                    .createProcessDefinitionQuery()
                    .processDefinitionKey(QUARTER_PROCESS_KEY)
                    .latestVersion()
                    .singleResult()
                    .getId())
            .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.TimerEventDefinition.class)
            .stream()
            .filter(t -> t.getTimeCycle() != null)
            .findFirst()
            .orElseThrow();
    assertThat(timer.getTimeCycle().getTextContent()).isEqualTo(QUARTER_CRON);
  }

  @Test
  void onlyEmergencyCommandMayStartByHand() {
    for (String user : List.of(ORGANISER_USER, "wuqiang", "zhaomin")) {
      assertThatThrownBy(() -> driver.start(user, PROCESS_KEY, Map.of(REASON, "越权")))
          .as(user)
          .isInstanceOf(AuthorizationException.class);
    }
  }

  @Test
  void quarterWithoutAnyDrillIsReportedToTheLeaders() {
    fireQuarterStart(LocalDate.of(2026, 7, 1));
    assertThat(quarterInstance("2026Q2"))
        .hasPassed(TASK_REPORT_MISSED, GATEWAY_CHECK_DONE)
        .isWaitingAt(TIMER_FIRST_WORKING_MORNING);
    assertThat(notifications(DrillService.checkKey(new Quarter(2026, 2))))
        .containsExactlyInAnyOrder("wuqiang/MAIL", "wuqiang/SMS", "hanbing/MAIL", "hanbing/SMS");
    assertThat(body(DrillService.checkKey(new Quarter(2026, 2))))
        .contains("2026年第二季度", "没有发起任何应急演练");
    DrillRepository.QuarterCheck row = check("2026Q2");
    assertThat(row.covered()).isFalse();
    assertThat(row.drills()).isZero();
    assertThat(row.reportedTo()).isEqualTo("hanbing,wuqiang");
    // /api/emergencies/drills lists the quarter as missed
    TestClock.set("2026-11-23T10:00:00");
    DrillQueries.Overview overview = driver.as(COMMAND, () -> queries.drills("2026"));
    assertThat(overview.quartersWithoutDrill()).contains("2026Q2");
    DrillQueries.QuarterView q2 =
        overview.quarters().stream().filter(q -> q.quarter().equals("2026Q2")).findFirst().get();
    assertThat(q2.coverage()).isEqualTo("MISSED");
    assertThat(q2.reportedToLeaders()).isTrue();
    assertThat(q2.checkedAt()).isNotNull();
    assertThat(overview.quarters().get(0).quarter()).isEqualTo("2026Q4");
  }

  @Test
  void quarterWithOnlyAnOpenDrillIsReportedNamingIt() {
    TestClock.set("2026-02-10T10:00:00");
    ProcessInstance pi = driver.start(COMMAND, PROCESS_KEY, Map.of(DRILL_TYPE, "地震"));
    driver.complete(COMMAND, pi.getId(), TASK_PLAN, plan("地震", "2026-03-10", ORGANISER_USER));
    assertThat(pi).isWaitingAt(TASK_CONDUCT);

    fireQuarterStart(LocalDate.of(2026, 4, 1));
    assertThat(quarterInstance("2026Q1")).hasPassed(TASK_REPORT_MISSED);
    assertThat(body(DrillService.checkKey(new Quarter(2026, 1)))).contains("2026年第一季度地震演练（待实施）");
    assertThat(check("2026Q1").drills()).isEqualTo(1);
    assertThat(pi).isWaitingAt(TASK_CONDUCT);

    // finished late, in April: the drill is done, the first quarter stays missed
    TestClock.set("2026-04-02T10:00:00");
    driver.complete(ORGANISER_USER, pi.getId(), TASK_CONDUCT, conduct(150, 12, 12, 40));
    driver.complete(COMMAND, pi.getId(), TASK_EVALUATE, approve("补做"));
    assertThat(pi).isEnded();
    Drill late = drills.drill(businessKey(pi));
    assertThat(late.status()).isEqualTo(DrillStatus.DONE);
    assertThat(late.completedWithinQuarter()).isFalse();
    DrillQueries.QuarterView q1 =
        driver.as(COMMAND, () -> queries.drills("2026")).quarters().stream()
            .filter(q -> q.quarter().equals("2026Q1"))
            .findFirst()
            .orElseThrow();
    assertThat(q1.coverage()).isEqualTo("MISSED");
    assertThat(q1.completedDrills()).isZero();
    assertThat(q1.drills()).extracting(DrillQueries.DrillView::status).containsExactly("DONE");
  }

  @Test
  void invalidInputIsRefusedNamingTheFieldAndNothingIsStored() {
    long rows = count("of_drill");
    assertRefused(() -> driver.start(COMMAND, PROCESS_KEY, Map.of(DRILL_TYPE, "火灾")), DRILL_TYPE);
    assertThat(count("of_drill")).isEqualTo(rows);

    ProcessInstance pi = driver.start(COMMAND, PROCESS_KEY, Map.of());
    String id = businessKey(pi);
    for (Map.Entry<String, Map<String, Object>> bad :
        Map.of(
                PLANNED_DATE,
                plan("消防", "2027-01-04", COMMAND),
                "plannedDate ",
                plan("消防", "2026-11-20", COMMAND),
                ORGANISER,
                plan("消防", "2026-12-01", "nobody"),
                DRILL_TYPE,
                plan("火灾", "2026-12-01", COMMAND),
                "plannedDate  ",
                plan("消防", "2026-13-01", COMMAND))
            .entrySet()) {
      assertRefused(
          () -> driver.complete(COMMAND, pi.getId(), TASK_PLAN, bad.getValue()),
          bad.getKey().strip());
    }
    Map<String, Object> badTime = plan("消防", "2026-12-01", COMMAND);
    badTime.put(PLANNED_TIME, "25:00");
    assertRefused(() -> driver.complete(COMMAND, pi.getId(), TASK_PLAN, badTime), PLANNED_TIME);
    Map<String, Object> noPlace = plan("消防", "2026-12-01", COMMAND);
    noPlace.put(PLACE, " ");
    assertRefused(() -> driver.complete(COMMAND, pi.getId(), TASK_PLAN, noPlace), PLACE);
    assertThat(drills.drill(id).plannedDate()).isNull();
    assertThat(notifications(id)).isEmpty();

    driver.complete(COMMAND, pi.getId(), TASK_PLAN, plan("消防", "2026-12-01", COMMAND));
    Map<String, Object> negative = conduct(-5, 10, 10, 30);
    assertRefused(
        () -> driver.complete(COMMAND, pi.getId(), TASK_CONDUCT, negative), EVACUATION_SECONDS);
    Map<String, Object> text = conduct(60, 10, 10, 30);
    text.put(HEADCOUNT_SECONDS, "两分钟");
    assertRefused(
        () -> driver.complete(COMMAND, pi.getId(), TASK_CONDUCT, text), HEADCOUNT_SECONDS);
    assertRefused(
        () -> driver.complete(COMMAND, pi.getId(), TASK_CONDUCT, conduct(60, 10, 11, 30)),
        HEADCOUNT_PRESENT);
    Map<String, Object> fraction = conduct(60, 10, 10, 30);
    fraction.put(PARTICIPANT_COUNT, 10.5);
    assertRefused(
        () -> driver.complete(COMMAND, pi.getId(), TASK_CONDUCT, fraction), PARTICIPANT_COUNT);
    Map<String, Object> none = conduct(60, 10, 10, 30);
    none.remove(PARTICIPANT_COUNT);
    assertRefused(
        () -> driver.complete(COMMAND, pi.getId(), TASK_CONDUCT, none), PARTICIPANT_COUNT);
    assertThat(drills.drill(id).conductedAt()).isNull();

    driver.complete(COMMAND, pi.getId(), TASK_CONDUCT, conduct(60, 10, 10, 30));
    Map<String, Object> badItems = approve(null);
    badItems.put(IMPROVEMENT_ITEMS, "更换灭火器 | machao");
    assertRefused(
        () -> driver.complete(COMMAND, pi.getId(), TASK_EVALUATE, badItems), IMPROVEMENT_ITEMS);
    Map<String, Object> pastDue = approve(null);
    pastDue.put(IMPROVEMENT_ITEMS, "更换灭火器 | machao | 2026-01-01");
    assertRefused(
        () -> driver.complete(COMMAND, pi.getId(), TASK_EVALUATE, pastDue), IMPROVEMENT_ITEMS);
    assertRefused(
        () ->
            driver.complete(
                COMMAND, pi.getId(), TASK_EVALUATE, Map.of("decision", "reject", "comment", " ")),
        "comment");
    assertThat(drills.items(id)).isEmpty();
    assertThat(reviews.trail(id)).extracting(Review::decision).containsExactly("计划", "实施");
    assertThat(pi).isWaitingAt(TASK_EVALUATE);
  }

  // --- helpers

  static Map<String, Object> plan(String type, String date, String organiser) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(DRILL_TYPE, type);
    vars.put(PLANNED_DATE, date);
    vars.put(PLANNED_TIME, "10:00");
    vars.put(PLACE, "办公楼及东侧广场集合点");
    vars.put(SCENARIO, "三楼茶水间起火，烟雾蔓延至走廊");
    vars.put(ORGANISER, organiser);
    return vars;
  }

  static Map<String, Object> conduct(long evacuation, long expected, long present, long headcount) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(PARTICIPANT_COUNT, expected);
    vars.put(EVACUATION_SECONDS, evacuation);
    vars.put(HEADCOUNT_EXPECTED, expected);
    vars.put(HEADCOUNT_PRESENT, present);
    vars.put(HEADCOUNT_SECONDS, headcount);
    vars.put(ISSUES, "三楼东侧疏散指示灯不亮；一人未到");
    return vars;
  }

  static Map<String, Object> approve(String comment) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("decision", "approve");
    if (comment != null) {
      vars.put("comment", comment);
    }
    return vars;
  }

  void fireQuarterStart(LocalDate firstDayOfNextQuarter) {
    TestClock.set(firstDayOfNextQuarter.minusDays(1).atTime(12, 0).toString());
    Job check = timerStart();
    Date due = serverMidnight(firstDayOfNextQuarter);
    assertThat(check.getDuedate()).isEqualTo(due);
    ClockUtil.setCurrentTime(new Date(due.getTime() + 1000));
    management.executeJob(check.getId());
  }

  /** The quarter process's timer start job, its due date recalculated from the engine clock's now. */
  Job timerStart() {
    Job job =
        management
            .createJobQuery()
            .processDefinitionKey(QUARTER_PROCESS_KEY)
            .activityId(START_QUARTER)
            .timers()
            .singleResult();
    management.recalculateJobDuedate(job.getId(), false);
    return management.createJobQuery().jobId(job.getId()).singleResult();
  }

  boolean executable(Job job) {
    return management.createJobQuery().jobId(job.getId()).executable().count() == 1;
  }

  /** Midnight of {@code day} in the server's zone: cron runs there (production: TZ=Asia/Shanghai). */
  static Date serverMidnight(LocalDate day) {
    return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
  }

  String businessKey(ProcessInstance pi) {
    return history
        .createHistoricProcessInstanceQuery()
        .processInstanceId(pi.getId())
        .singleResult()
        .getBusinessKey();
  }

  ProcessInstance quarterInstance(String checkedQuarter) {
    HistoricProcessInstance run =
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(QUARTER_PROCESS_KEY)
            .processInstanceBusinessKey("drill-quarter-" + checkedQuarter)
            .singleResult();
    assertThat(run).as("quarter check of " + checkedQuarter).isNotNull();
    // every quarter check waits for the first working morning before it starts the drill
    ProcessInstance live =
        runtime.createProcessInstanceQuery().processInstanceId(run.getId()).singleResult();
    assertThat(live).as("waiting for the first working morning").isNotNull();
    return live;
  }

  DrillRepository.QuarterCheck check(String quarter) {
    return drills.checks().stream()
        .filter(c -> c.quarter().equals(quarter))
        .findFirst()
        .orElseThrow();
  }

  List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .toList();
  }

  List<String> notifications(String key) {
    return jdbc.sql("select recipient, channel from of_notification where business_key = :key")
        .param("key", key)
        .query((rs, i) -> rs.getString("recipient") + "/" + rs.getString("channel"))
        .list();
  }

  List<String> templates(String key) {
    return jdbc.sql("select template from of_notification where business_key = :key")
        .param("key", key)
        .query(String.class)
        .list();
  }

  String body(String key) {
    return jdbc.sql(
            "select body from of_notification where business_key = :key and channel = 'MAIL'"
                + " order by recipient")
        .param("key", key)
        .query(String.class)
        .list()
        .get(0);
  }

  long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  static void assertRefused(Runnable action, String field) {
    assertThatThrownBy(action::run)
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).getField()).isEqualTo(field));
  }
}
