package cn.officeflow.supervision;

import static cn.officeflow.supervision.SupervisionVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.officeflow.platform.review.Review;
import cn.officeflow.platform.review.ReviewService;
import cn.officeflow.platform.web.ValidationException;
import cn.officeflow.support.ProcessDriver;
import cn.officeflow.support.ProcessTest;
import cn.officeflow.support.TestClock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every path of bpmn/supervision.bpmn on the real engine (H2) with the engine clock: green → yellow (双提醒 to
 * the handler and the 部门负责人) → red (通报 row, 督办 task for the 分管领导) across the 2026 国庆 holiday;
 * 办结 before yellow (no notifications); progress loops; 督查 reject back to 承办; 协办 in parallel, joined
 * before 督查 (given before or after 承办 started, no 督查 while it is pending, not asked again after a 退回,
 * timers firing while it is pending); 考核 stored; invalid input refused naming the field with nothing
 * persisted. Flow-node coverage ≥ 90%.
 */
@ProcessTest
class SupervisionProcessTest {

  static final String DIRECTOR = "zhaomin";
  static final String LEADER = "wuqiang";

  /** 业务处: 部门负责人 刘洋, 分管领导 孙丽, 科员 张伟. */
  static final String DEPT = "dept-business";

  static final String HEAD = "liuyang";
  static final String DEPUTY = "sunli";
  static final String HANDLER_USER = "zhangwei";

  /** 财务处: 部门负责人 王芳, no 分管领导. */
  static final String FINANCE = "dept-finance";

  static final String FINANCE_HEAD = "wangfang";
  static final String FINANCE_STAFF = "chenjing";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired FilterService filters;
  @Autowired AuthorizationService authorizations;
  @Autowired SupervisionService supervision;
  @Autowired ReviewService reviews;
  @Autowired JdbcClient jdbc;

  ProcessDriver driver;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    driver = new ProcessDriver(engine);
    clock("2026-11-23T10:00:00");
  }

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  @Test
  void yellowThenRedAcrossNationalDayThenInspectRejectAndAssessment() {
    clock("2026-09-21T09:00:00");
    ProcessInstance pi = start(item("国庆前后督办", DEPT, 9));
    String id = pi.getBusinessKey();
    SupervisionItem item = supervision.item(id);
    // 9 working days from Mon 21 Sep: 22–24, (中秋 25–27 Sep), 28–30, (国庆 1–7 Oct), 8, 9 and the 调休
    // Saturday 10 Oct
    assertThat(item.due()).isEqualTo(LocalDate.of(2026, 10, 10));
    // yellow after 2/3 of the time: 6 working days → 30 Sep, before 国庆; red after it
    assertThat(item.yellowAt()).isEqualTo(LocalDateTime.of(2026, 9, 30, 9, 0));
    assertThat(item.light()).isEqualTo(Light.GREEN);
    assertThat(item.status()).isEqualTo(SupervisionStatus.ASSIGNING);
    assertThat(item.departmentName()).isEqualTo("业务处");
    assertThat(item.initiatorName()).isEqualTo("赵敏");
    assertThat(pi).isWaitingAt(TASK_ASSIGN);
    assertThat(candidates(pi, TASK_ASSIGN)).containsExactly(HEAD);
    // the form's 承办人 choices: the lead department's members, as Tasklist reads them (Json)
    Task assign = driver.taskFor(HEAD, pi.getId(), TASK_ASSIGN);
    String options =
        engine
            .getTaskService()
            .getVariableTyped(assign.getId(), HANDLER_OPTIONS)
            .getValue()
            .toString();
    assertThat(options)
        .contains("{\"label\":\"张伟（zhangwei）\",\"value\":\"zhangwei\"}")
        .contains("\"value\":\"liuyang\"")
        .doesNotContain("chenjing");

    driver.complete(HEAD, pi.getId(), TASK_ASSIGN, Map.of(HANDLER, HANDLER_USER));
    assertThat(pi).isWaitingAt(TASK_HANDLE);
    assertThat(runtime.getVariables(pi.getId())).doesNotContainKey(HANDLER_OPTIONS);
    assertThat(supervision.item(id).handlerName()).isEqualTo("张伟");
    assertThat(supervision.item(id).status()).isEqualTo(SupervisionStatus.HANDLING);
    Task handle = driver.taskFor(HANDLER_USER, pi.getId(), TASK_HANDLE);
    assertThat(handle.getDueDate()).isEqualTo(date("2026-10-10T09:00:00"));

    // a progress report without 办结 loops back to 承办
    driver.complete(
        HANDLER_USER, pi.getId(), TASK_HANDLE, Map.of(PROGRESS, "已召开专题会，正在起草方案", FINISHED, false));
    assertThat(pi).isWaitingAt(TASK_HANDLE);
    assertThat(supervision.feedback(id))
        .extracting(SupervisionRepository.Feedback::progress)
        .containsExactly("已召开专题会，正在起草方案");

    // the day before yellow: nothing due
    clock("2026-09-29T18:00:00");
    assertThat(driver.executeJobs(pi.getId())).isZero();
    assertThat(notifications(id)).isEmpty();

    clock("2026-09-30T09:00:01");
    driver.executeJobs(pi.getId());
    assertThat(supervision.item(id).light()).isEqualTo(Light.YELLOW);
    assertThat(runtime.getVariable(pi.getId(), LIGHT)).isEqualTo("YELLOW");
    assertThat(pi)
        .hasPassed(TIMER_YELLOW, TASK_MARK_YELLOW, END_YELLOW_NOTIFIED)
        .isWaitingAt(TASK_HANDLE);
    assertThat(notifications(id))
        .containsExactlyInAnyOrder(
            HANDLER_USER + "/MAIL", HANDLER_USER + "/SMS", HEAD + "/MAIL", HEAD + "/SMS");
    assertThat(
            jdbc.sql("select template from of_notification where business_key = :id")
                .param("id", id)
                .query(String.class)
                .list())
        .containsOnly("supervision-yellow");

    // all through 国庆 and the day before the 调休 Saturday: still yellow
    clock("2026-10-09T23:00:00");
    assertThat(driver.executeJobs(pi.getId())).isZero();
    assertThat(bulletin(id)).isEmpty();
    Filter overdue =
        filters.createFilterQuery().filterName(OverdueFilterBootstrap.FILTER_NAME).singleResult();
    assertThat(overdueTasks(overdue, pi)).isEmpty();

    clock("2026-10-10T09:00:01");
    driver.executeJobs(pi.getId());
    SupervisionItem red = supervision.item(id);
    assertThat(red.light()).isEqualTo(Light.RED);
    assertThat(red.escalatedTo()).isEqualTo(DEPUTY);
    assertThat(pi).hasPassed(TIMER_RED, TASK_MARK_RED).isWaitingAt(TASK_HANDLE, TASK_ESCALATION);
    assertThat(candidates(pi, TASK_ESCALATION)).containsExactly(DEPUTY);
    List<BulletinEntry> bulletin = bulletin(id);
    assertThat(bulletin).hasSize(1);
    assertThat(bulletin.get(0).kind()).isEqualTo(SupervisionService.BULLETIN_OVERDUE);
    assertThat(bulletin.get(0).escalatedToNames()).isEqualTo("孙丽");
    assertThat(bulletin.get(0).handlerName()).isEqualTo("张伟");
    assertThat(bulletin.get(0).due()).isEqualTo(LocalDate.of(2026, 10, 10));
    assertThat(notifications(id)).contains(DEPUTY + "/MAIL", DEPUTY + "/SMS").hasSize(8);
    // the 超期事项 filter shows the overdue item's tasks
    assertThat(overdueTasks(overdue, pi))
        .extracting(Task::getTaskDefinitionKey)
        .contains(TASK_HANDLE, TASK_ESCALATION);

    driver.complete(DEPUTY, pi.getId(), TASK_ESCALATION, Map.of(INSTRUCTION, "请三日内办结并书面说明超期原因"));
    assertThat(pi).hasPassed(END_ESCALATED).isWaitingAt(TASK_HANDLE);
    assertThat(
            jdbc.sql("select escalation_note from of_supervision_item where id = :id")
                .param("id", id)
                .query(String.class)
                .single())
        .isEqualTo("孙丽：请三日内办结并书面说明超期原因");

    // 办结 → 督查 reject → back to 承办 → 办结 → 督查 approve → 考核
    clock("2026-10-12T10:00:00");
    driver.complete(
        HANDLER_USER, pi.getId(), TASK_HANDLE, Map.of(PROGRESS, "方案已印发", FINISHED, true));
    assertThat(pi).isWaitingAt(TASK_INSPECT);
    assertThat(supervision.item(id).status()).isEqualTo(SupervisionStatus.INSPECTING);
    driver.reject(DIRECTOR, pi.getId(), TASK_INSPECT, "缺少落实情况的佐证材料");
    assertThat(pi).isWaitingAt(TASK_HANDLE);
    assertThat(supervision.item(id).status()).isEqualTo(SupervisionStatus.HANDLING);
    Task again = driver.taskFor(HANDLER_USER, pi.getId(), TASK_HANDLE);
    assertThat((String) tasks.getVariable(again.getId(), "reviewTrail")).contains("缺少落实情况的佐证材料");
    // the timers do not fire twice
    assertThat(driver.executeJobs(pi.getId())).isZero();
    driver.complete(
        HANDLER_USER, pi.getId(), TASK_HANDLE, Map.of(PROGRESS, "补充佐证材料三份", FINISHED, true));
    driver.approve(DIRECTOR, pi.getId(), TASK_INSPECT);
    assertThat(pi).hasPassed(END_HANDLED).isWaitingAt(TASK_ASSESS);
    assertThat(supervision.item(id).status()).isEqualTo(SupervisionStatus.ASSESSING);

    driver.complete(DIRECTOR, pi.getId(), TASK_ASSESS, Map.of(SCORE, 70L, REMARKS, "超期办结，扣分"));
    assertThat(pi).isEnded().hasPassed(END_CLOSED);
    SupervisionItem done = supervision.item(id);
    assertThat(done.status()).isEqualTo(SupervisionStatus.DONE);
    assertThat(done.score()).isEqualTo(70);
    assertThat(done.remarks()).isEqualTo("超期办结，扣分");
    assertThat(done.light()).isEqualTo(Light.RED);
    assertThat(done.completedAt()).isEqualTo(LocalDateTime.of(2026, 10, 12, 10, 0));
    assertThat(supervision.feedback(id)).hasSize(3);
    assertThat(reviews.trail(id)).extracting(Review::decision).containsExactly("reject", "approve");
    assertThat(bulletin(id)).hasSize(1);
  }

  @Test
  void assistingDepartmentsGiveTheirInputInParallelBeforeHandlingCanFinish() {
    Map<String, Object> vars = item("跨部门督办事项", DEPT, 10);
    vars.put(ASSISTING_DEPARTMENTS, "[\"" + FINANCE + "\",\"dept-hr\"]");
    ProcessInstance pi = start(vars);
    String id = pi.getBusinessKey();
    assertThat(supervision.item(id).assistingDepartmentIds()).containsExactly(FINANCE, "dept-hr");
    assertThat(runtime.getVariable(pi.getId(), ASSISTING_NAMES)).isEqualTo("财务处、人事处");
    driver.complete(HEAD, pi.getId(), TASK_ASSIGN, Map.of(HANDLER, HANDLER_USER));
    assertThat(pi).isWaitingAt(TASK_HANDLE, TASK_ASSIST);
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey(TASK_ASSIST)
                .count())
        .isEqualTo(2);
    driver.complete(FINANCE_HEAD, pi.getId(), TASK_ASSIST, Map.of(OPINION, "经费已安排"));
    assertThatThrownBy(
            () ->
                driver.complete(
                    HANDLER_USER, pi.getId(), TASK_HANDLE, Map.of(PROGRESS, "已完成", FINISHED, true)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("字段 finished")
        .hasMessageContaining("人事处");
    driver.complete("gaoyuan", pi.getId(), TASK_ASSIST, Map.of(OPINION, "人员已抽调"));
    // same engine-clock instant: no order between the two
    assertThat(supervision.assists(id))
        .extracting(SupervisionRepository.Assist::departmentName)
        .containsExactlyInAnyOrder("财务处", "人事处");
    driver.complete(HANDLER_USER, pi.getId(), TASK_HANDLE, Map.of(PROGRESS, "已完成", FINISHED, true));
    assertThat(pi).hasPassed(GATEWAY_ASSIST_MERGE, GATEWAY_HANDLING_JOIN).isWaitingAt(TASK_INSPECT);
    driver.approve(DIRECTOR, pi.getId(), TASK_INSPECT);
    driver.complete(DIRECTOR, pi.getId(), TASK_ASSESS, Map.of(SCORE, 88L));
    assertThat(pi).isEnded();
  }

  /** 协办 before 承办: the 协办意见 waits at the join until the handler reports 办结, then 督查. */
  @Test
  void assistGivenBeforeHandlingWaitsAtTheJoinForTheHandler() {
    ProcessInstance pi = startWithAssist("协办先于承办");
    driver.complete(FINANCE_HEAD, pi.getId(), TASK_ASSIST, Map.of(OPINION, "经费已安排"));
    assertThat(pi)
        .hasPassed(GATEWAY_ASSIST_MERGE)
        .isWaitingAt(TASK_HANDLE, GATEWAY_HANDLING_JOIN)
        .isNotWaitingAt(TASK_INSPECT);
    assertThat(inspectTasks(pi)).isZero();
    // a progress report keeps 承办 going; the 协办 side keeps waiting at the join
    driver.complete(
        HANDLER_USER, pi.getId(), TASK_HANDLE, Map.of(PROGRESS, "正在落实", FINISHED, false));
    assertThat(pi).isWaitingAt(TASK_HANDLE, GATEWAY_HANDLING_JOIN);
    assertThat(inspectTasks(pi)).isZero();
    driver.complete(HANDLER_USER, pi.getId(), TASK_HANDLE, Map.of(PROGRESS, "已办结", FINISHED, true));
    assertThat(pi).hasPassed(GATEWAY_HANDLING_JOIN).isWaitingAt(TASK_INSPECT);
    assertThat(supervision.item(pi.getBusinessKey()).status())
        .isEqualTo(SupervisionStatus.INSPECTING);
    driver.approve(DIRECTOR, pi.getId(), TASK_INSPECT);
    assertThat(pi).isWaitingAt(TASK_ASSESS);
  }

  /**
   * 协办 after 承办 has started: while the 协办意见 is pending the handler may report progress but not 办结, and
   * there is no 督查 to accept; once it is in, 办结 goes through the join to 督查.
   */
  @Test
  void assistGivenAfterHandlingStartedAndNoInspectionWhileItIsPending() {
    ProcessInstance pi = startWithAssist("承办先于协办");
    String id = pi.getBusinessKey();
    driver.complete(
        HANDLER_USER, pi.getId(), TASK_HANDLE, Map.of(PROGRESS, "已制定方案", FINISHED, false));
    assertThatThrownBy(
            () ->
                driver.complete(
                    HANDLER_USER, pi.getId(), TASK_HANDLE, Map.of(PROGRESS, "已办结", FINISHED, true)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("字段 finished")
        .hasMessageContaining("财务处");
    assertThat(supervision.feedback(id)).hasSize(1);
    assertThat(pi).isWaitingAt(TASK_HANDLE, TASK_ASSIST).isNotWaitingAt(TASK_INSPECT);
    assertThat(inspectTasks(pi)).isZero();
    assertThat(supervision.item(id).status()).isEqualTo(SupervisionStatus.HANDLING);

    driver.complete(FINANCE_HEAD, pi.getId(), TASK_ASSIST, Map.of(OPINION, "经费已安排"));
    assertThat(pi).isWaitingAt(TASK_HANDLE, GATEWAY_HANDLING_JOIN);
    assertThat((String) runtime.getVariable(pi.getId(), ASSIST_TEXT)).contains("财务处 王芳：经费已安排");
    driver.complete(HANDLER_USER, pi.getId(), TASK_HANDLE, Map.of(PROGRESS, "已办结", FINISHED, true));
    assertThat(pi).isWaitingAt(TASK_INSPECT);
  }

  /**
   * The join holds on its own, not only the 办结 refusal: a 承办 token moved past 办结 (process-instance
   * modification over the REST API) still waits for the pending 协办意见 before 督查 exists.
   */
  @Test
  void theJoinKeepsInspectionWaitingForThePendingAssistEvenWhenHandlingIsMovedOn() {
    ProcessInstance pi = startWithAssist("强制移过办结");
    ActivityInstance tree = runtime.getActivityInstance(pi.getId());
    String subProcess = tree.getActivityInstances(SUB_PROCESS_HANDLING)[0].getId();
    String handle = tree.getActivityInstances(TASK_HANDLE)[0].getId();
    runtime
        .createProcessInstanceModification(pi.getId())
        .cancelActivityInstance(handle)
        .startTransition("Flow_Finished", subProcess)
        .execute();
    assertThat(pi).isWaitingAt(TASK_ASSIST, GATEWAY_HANDLING_JOIN).isNotWaitingAt(TASK_INSPECT);
    assertThat(inspectTasks(pi)).isZero();
    driver.complete(FINANCE_HEAD, pi.getId(), TASK_ASSIST, Map.of(OPINION, "同意"));
    assertThat(pi).isWaitingAt(TASK_INSPECT);
  }

  /** 督查 退回 after the 协办意见 are in: only 承办 again, the departments are not asked a second time. */
  @Test
  void inspectionRejectedAfterAssistGoesBackToHandlingWithoutAskingTheAssistAgain() {
    ProcessInstance pi = startWithAssist("退回重办");
    String id = pi.getBusinessKey();
    driver.complete(FINANCE_HEAD, pi.getId(), TASK_ASSIST, Map.of(OPINION, "经费已安排"));
    driver.complete(HANDLER_USER, pi.getId(), TASK_HANDLE, Map.of(PROGRESS, "已办结", FINISHED, true));
    driver.reject(DIRECTOR, pi.getId(), TASK_INSPECT, "请补充经费使用明细");
    assertThat(pi)
        .hasPassed(GATEWAY_HANDLING_RESTART, GATEWAY_HANDLING_FORK)
        .isWaitingAt(TASK_HANDLE)
        .isNotWaitingAt(TASK_ASSIST, TASK_INSPECT);
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey(TASK_ASSIST)
                .count())
        .isZero();
    assertThat(supervision.item(id).status()).isEqualTo(SupervisionStatus.HANDLING);
    driver.complete(
        HANDLER_USER, pi.getId(), TASK_HANDLE, Map.of(PROGRESS, "已补充明细", FINISHED, true));
    assertThat(pi).isWaitingAt(TASK_INSPECT);
    driver.approve(DIRECTOR, pi.getId(), TASK_INSPECT);
    driver.complete(DIRECTOR, pi.getId(), TASK_ASSESS, Map.of(SCORE, 90L));
    assertThat(pi).isEnded();
    assertThat(supervision.assists(id)).hasSize(1);
    assertThat(reviews.trail(id)).extracting(Review::decision).containsExactly("reject", "approve");
  }

  /** The lights run on the whole 承办与督查 subprocess: yellow and red fire once while a 协办意见 is pending. */
  @Test
  void timersFireWhileTheAssistIsPending() {
    ProcessInstance pi = startWithAssist("协办超期");
    String id = pi.getBusinessKey();
    // 3 working days from Mon 23 Nov → Thu 26 Nov; yellow after 2 → Wed 25 Nov
    clock("2026-11-25T10:00:01");
    driver.executeJobs(pi.getId());
    assertThat(supervision.item(id).light()).isEqualTo(Light.YELLOW);
    assertThat(pi).hasPassed(TASK_MARK_YELLOW).isWaitingAt(TASK_HANDLE, TASK_ASSIST);
    clock("2026-11-26T10:00:01");
    driver.executeJobs(pi.getId());
    assertThat(supervision.item(id).light()).isEqualTo(Light.RED);
    assertThat(pi).hasPassed(TASK_MARK_RED).isWaitingAt(TASK_HANDLE, TASK_ASSIST, TASK_ESCALATION);
    assertThat(bulletin(id)).hasSize(1);
    assertThat(driver.executeJobs(pi.getId())).isZero();
    driver.complete(FINANCE_HEAD, pi.getId(), TASK_ASSIST, Map.of(OPINION, "经费已安排"));
    driver.complete(
        HANDLER_USER, pi.getId(), TASK_HANDLE, Map.of(PROGRESS, "超期办结", FINISHED, true));
    driver.approve(DIRECTOR, pi.getId(), TASK_INSPECT);
    driver.complete(DIRECTOR, pi.getId(), TASK_ASSESS, Map.of(SCORE, 60L));
    assertThat(pi).isEnded();
  }

  @Test
  void assistingDepartmentsAreValidated() {
    for (String assisting : List.of("dept-nowhere", DEPT, "[\"dept-office\",")) {
      Map<String, Object> vars = item("协办校验", DEPT, 5);
      vars.put(ASSISTING_DEPARTMENTS, assisting);
      assertThatThrownBy(() -> start(vars))
          .as(assisting)
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("字段 assistingDepartments");
    }
  }

  @Test
  void finishedBeforeYellowSendsNothing() {
    ProcessInstance pi = start(item("按期办结", DEPT, 10));
    String id = pi.getBusinessKey();
    driver.complete(HEAD, pi.getId(), TASK_ASSIGN, Map.of(HANDLER, HANDLER_USER));
    clock("2026-11-25T10:00:00");
    driver.complete(
        HANDLER_USER, pi.getId(), TASK_HANDLE, Map.of(PROGRESS, "已全部完成", FINISHED, true));
    driver.approve(DIRECTOR, pi.getId(), TASK_INSPECT);
    driver.complete(DIRECTOR, pi.getId(), TASK_ASSESS, Map.of(SCORE, "95", REMARKS, "提前办结"));
    assertThat(pi).isEnded().hasPassed(END_CLOSED).hasNotPassed(TIMER_YELLOW, TIMER_RED);
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(notifications(id)).isEmpty();
    assertThat(bulletin(id)).isEmpty();
    SupervisionItem item = supervision.item(id);
    assertThat(item.light()).isEqualTo(Light.GREEN);
    assertThat(item.score()).isEqualTo(95);
    assertThat(item.due()).isEqualTo(LocalDate.of(2026, 12, 7));
  }

  @Test
  void departmentWithoutDeputyLeaderEscalatesToTheLeadersAndAssessmentEndsTheEscalation() {
    Map<String, Object> vars = item("财务处事项", FINANCE, 0);
    vars.remove(DEADLINE_DAYS);
    vars.put(DUE_DATE, "2026-11-27");
    ProcessInstance pi = start(vars);
    String id = pi.getBusinessKey();
    assertThat(supervision.item(id).due()).isEqualTo(LocalDate.of(2026, 11, 27));
    // 4 working days: yellow after round(4 × 2/3) = 3 → 26 Nov
    assertThat(supervision.item(id).yellowAt()).isEqualTo(LocalDateTime.of(2026, 11, 26, 10, 0));
    driver.complete(FINANCE_HEAD, pi.getId(), TASK_ASSIGN, Map.of(HANDLER, FINANCE_STAFF));

    clock("2026-11-30T08:00:00");
    driver.executeJobs(pi.getId());
    assertThat(supervision.item(id).light()).isEqualTo(Light.RED);
    assertThat(supervision.item(id).escalatedTo()).isEqualTo("leaders");
    assertThat(pi).isWaitingAt(TASK_HANDLE, TASK_ESCALATION);
    driver.taskFor(LEADER, pi.getId(), TASK_ESCALATION);
    assertThat(bulletin(id)).extracting(BulletinEntry::escalatedToNames).containsExactly("单位领导");

    driver.complete(
        FINANCE_STAFF, pi.getId(), TASK_HANDLE, Map.of(PROGRESS, "已完成", FINISHED, true));
    driver.approve(DIRECTOR, pi.getId(), TASK_INSPECT);
    driver.complete(DIRECTOR, pi.getId(), TASK_ASSESS, Map.of(SCORE, 60L));
    assertThat(pi).isEnded();
    assertThat(supervision.item(id).score()).isEqualTo(60);
  }

  @Test
  void handlerMustBelongToTheLeadDepartment() {
    ProcessInstance pi = start(item("交办校验", DEPT, 5));
    assertThatThrownBy(
            () -> driver.complete(HEAD, pi.getId(), TASK_ASSIGN, Map.of(HANDLER, FINANCE_STAFF)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("字段 handler");
    assertThat(pi).isWaitingAt(TASK_ASSIGN);
    assertThat(supervision.item(pi.getBusinessKey()).handler()).isNull();
  }

  @Test
  void progressAndScoreAreValidated() {
    ProcessInstance pi = start(item("进展校验", DEPT, 5));
    driver.complete(HEAD, pi.getId(), TASK_ASSIGN, Map.of(HANDLER, HANDLER_USER));
    assertThatThrownBy(
            () -> driver.complete(HANDLER_USER, pi.getId(), TASK_HANDLE, Map.of(FINISHED, true)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("字段 progress");
    assertThat(supervision.feedback(pi.getBusinessKey())).isEmpty();
    driver.complete(HANDLER_USER, pi.getId(), TASK_HANDLE, Map.of(PROGRESS, "完成", FINISHED, true));
    driver.approve(DIRECTOR, pi.getId(), TASK_INSPECT);
    assertThatThrownBy(
            () -> driver.complete(DIRECTOR, pi.getId(), TASK_ASSESS, Map.of(SCORE, 101L)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("字段 score");
    assertThat(pi).isWaitingAt(TASK_ASSESS);
    assertThat(supervision.item(pi.getBusinessKey()).score()).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "title|''|dept-business|5|''",
        "basis|督办|dept-business|5|''",
        "department|督办|dept-nowhere|5|''",
        "department|督办|leaders|5|''",
        "deadlineDays|督办|dept-business|0|''",
        "deadlineDays|督办|dept-business|251|''",
        "deadlineDays|督办|dept-business|''|''",
        "deadlineDays|督办|dept-business|5|2026-12-01",
        "dueDate|督办|dept-business|''|2026-11-20",
        "dueDate|督办|dept-business|''|2026-11-28",
        "dueDate|督办|dept-business|''|2026-13-01"
      })
  void invalidStartIsRefusedNamingTheFieldAndNothingIsPersisted(
      String field, String title, String department, String days, String dueDate) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(TITLE, title);
    vars.put(BASIS, field.equals("basis") ? "" : "2026年第5次主任办公会议定");
    vars.put(DEPARTMENT, department);
    vars.put(DEADLINE_DAYS, days.isEmpty() ? null : Long.parseLong(days));
    vars.put(DUE_DATE, dueDate.isEmpty() ? null : dueDate);
    long items = count("of_supervision_item");
    long instances = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();
    assertThatThrownBy(() -> start(vars))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("字段 " + field);
    assertThat(count("of_supervision_item")).isEqualTo(items);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count())
        .isEqualTo(instances);
  }

  @Test
  void onlyTheDirectorAndLeadersMayStart() {
    assertThatThrownBy(() -> driver.start(HANDLER_USER, PROCESS_KEY, item("越权立项", DEPT, 5)))
        .isInstanceOf(AuthorizationException.class);
    ProcessInstance byLeader = driver.start(LEADER, PROCESS_KEY, item("领导立项", DEPT, 5));
    assertThat(byLeader).isWaitingAt(TASK_ASSIGN);
  }

  @Test
  void overdueFilterExistsOnceAndIsReadableByDirectorAndClerks() {
    Filter filter =
        filters.createFilterQuery().filterName(OverdueFilterBootstrap.FILTER_NAME).singleResult();
    assertThat(filter).isNotNull();
    assertThat(filter.getOwner()).isNull();
    for (String group : List.of("office-director", "office-clerks")) {
      assertThat(
              authorizations
                  .createAuthorizationQuery()
                  .resourceType(Resources.FILTER)
                  .resourceId(filter.getId())
                  .groupIdIn(group)
                  .hasPermission(Permissions.READ)
                  .count())
          .as(group)
          .isEqualTo(1);
    }
  }

  @Test
  void yellowShareIsConfigurable() {
    assertThat(SupervisionService.share("2/3")).isEqualTo(2.0 / 3);
    assertThat(SupervisionService.share("0.5")).isEqualTo(0.5);
    assertThatThrownBy(() -> SupervisionService.share("3/2"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> SupervisionService.share("abc"))
        .isInstanceOf(IllegalStateException.class);
    assertThat(supervision.yellowDays(1)).isEqualTo(1);
    assertThat(supervision.yellowDays(3)).isEqualTo(2);
    assertThat(supervision.yellowDays(250)).isEqualTo(167);
  }

  // --- helpers

  ProcessInstance start(Map<String, Object> vars) {
    return driver.start(DIRECTOR, PROCESS_KEY, vars);
  }

  /** 业务处 handles (张伟), 财务处 assists, 3 working days; assigned and waiting at 承办 and 协办. */
  ProcessInstance startWithAssist(String title) {
    Map<String, Object> vars = item(title, DEPT, 3);
    vars.put(ASSISTING_DEPARTMENTS, "[\"" + FINANCE + "\"]");
    ProcessInstance pi = start(vars);
    driver.complete(HEAD, pi.getId(), TASK_ASSIGN, Map.of(HANDLER, HANDLER_USER));
    assertThat(pi).isWaitingAt(TASK_HANDLE, TASK_ASSIST);
    return pi;
  }

  long inspectTasks(ProcessInstance pi) {
    return tasks
        .createTaskQuery()
        .processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_INSPECT)
        .count();
  }

  static Map<String, Object> item(String title, String department, long days) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(TITLE, title);
    vars.put(BASIS, "2026年第5次主任办公会议定");
    vars.put(DEPARTMENT, department);
    vars.put(DEADLINE_DAYS, days);
    vars.put(REQUIREMENTS, "按期办结，每周反馈进度");
    return vars;
  }

  List<String> candidates(ProcessInstance pi, String taskKey) {
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceId(pi.getId())
            .taskDefinitionKey(taskKey)
            .singleResult();
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()))
        .map(IdentityLink::getUserId)
        .toList();
  }

  List<String> notifications(String id) {
    return jdbc.sql("select recipient, channel from of_notification where business_key = :id")
        .param("id", id)
        .query((rs, i) -> rs.getString("recipient") + "/" + rs.getString("channel"))
        .list();
  }

  List<BulletinEntry> bulletin(String id) {
    return supervision.bulletin().stream().filter(b -> b.itemId().equals(id)).toList();
  }

  List<Task> overdueTasks(Filter filter, ProcessInstance pi) {
    return filters.list(filter.getId(), tasks.createTaskQuery().processInstanceId(pi.getId()));
  }

  long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  static void clock(String localDateTime) {
    TestClock.set(localDateTime);
  }

  static Date date(String localDateTime) {
    return TestClock.date(localDateTime);
  }
}
