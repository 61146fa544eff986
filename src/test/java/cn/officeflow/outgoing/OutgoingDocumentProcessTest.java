package cn.officeflow.outgoing;

import static cn.officeflow.outgoing.OutgoingDocumentVariables.*;
import static cn.officeflow.support.DemoUsers.DRAFTER;
import static cn.officeflow.support.DemoUsers.HEAD;
import static cn.officeflow.support.DemoUsers.LEADER;
import static cn.officeflow.support.DemoUsers.LEGAL;
import static cn.officeflow.support.DemoUsers.PROOF_1;
import static cn.officeflow.support.DemoUsers.PROOF_2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.officeflow.platform.review.Review;
import cn.officeflow.platform.review.ReviewService;
import cn.officeflow.platform.review.ReviewTrailListener;
import cn.officeflow.platform.web.ValidationException;
import cn.officeflow.support.ProcessDriver;
import cn.officeflow.support.ProcessTest;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every path of bpmn/outgoing_document.bpmn on the real engine (H2): happy path, 会签, reject at each
 * step and loop back (through 会签 again when there is one), 三校 reject keeping the 文号, 作废 before and after
 * the 文号, validation at start and at completion.
 * Flow-node coverage of the process must reach 90% (report in target/process-test-coverage).
 */
@ProcessTest
class OutgoingDocumentProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired OutgoingDocumentRepository documents;
  @Autowired ReviewService reviews;
  @Autowired JdbcClient jdbc;

  ProcessDriver driver;
  String docCode;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    driver = new ProcessDriver(engine);
    ClockUtil.setCurrentTime(
        Date.from(ZonedDateTime.parse("2026-11-23T10:00:00+08:00").toInstant()));
    docCode = uniqueDocCode();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void happyPathWithoutCountersign() {
    ProcessInstance pi = start(draft());
    assertThat(pi).isWaitingAt(TASK_DEPT_REVIEW);
    String id = pi.getBusinessKey();
    assertThat(runtime.getVariable(pi.getId(), DOCUMENT_ID)).isEqualTo(id);
    assertThat(documents.find(id).orElseThrow().status()).isEqualTo(DocumentStatus.DEPT_REVIEW);

    throughSignOff(pi);
    String number = (String) runtime.getVariable(pi.getId(), DOCUMENT_NUMBER);
    assertThat(number).isEqualTo(docCode + "〔2026〕1号");
    assertThat(pi).isWaitingAt(TASK_PROOF_FORMAT, TASK_PROOF_WORDING, TASK_PROOF_ATTACHMENTS);
    assertThat(documents.find(id).orElseThrow().status()).isEqualTo(DocumentStatus.PROOFREADING);

    proofreadAll(pi);
    assertThat(pi)
        .isEnded()
        .hasPassed(
            TASK_GENERATE_DOCUMENT,
            TASK_REGISTER_LEDGER,
            TASK_ARCHIVE,
            TASK_NOTIFY_RECIPIENTS,
            END);
    assertThat(historicVariable(pi, "archiveEntryId")).isNotNull();
    OutgoingDocument done = documents.find(id).orElseThrow();
    assertThat(done.status()).isEqualTo(DocumentStatus.ISSUED);
    assertThat(done.documentNumber()).isEqualTo(number);
    assertThat(done.signer()).isEqualTo(LEADER);
    assertThat(done.signerName()).isEqualTo("吴强");
    assertThat(documents.docx(id)).isPresent();
    assertThat(historicVariable(pi, DOCUMENT_NUMBER)).isEqualTo(number);
    assertThat(historicVariable(pi, DOCUMENT_ID)).isEqualTo(id);

    List<Review> trail = reviews.trail(id);
    assertThat(trail)
        .extracting(Review::stepId)
        .containsExactly(
            TASK_DEPT_REVIEW,
            TASK_LEGAL_REVIEW,
            TASK_LEADER_APPROVAL,
            TASK_PROOF_FORMAT,
            TASK_PROOF_WORDING,
            TASK_PROOF_ATTACHMENTS);
    assertThat(trail.get(0).name()).isEqualTo("刘洋");
    assertThat(trail.get(0).step()).isEqualTo("部门初审");
    assertThat(trail).allSatisfy(r -> assertThat(r.decision()).isEqualTo(Review.APPROVE));
  }

  /**
   * What the history writer (platform.engine.AuditHistoryEventHandler) keeps of an issued document: who
   * decided what at which step (each task's own decision and comment, the user operation log, the review
   * record), every task and activity; and what it leaves out: intermediate values, display copies, job
   * successes (gateways: AuditHistoryGatewaysTest, the test profile keeps them for hasPassed).
   */
  @Test
  void historyKeepsWhoDecidedWhatWithoutCopiesOrIntermediateValues() {
    ProcessInstance pi = start(draft());
    throughSignOff(pi);
    proofreadAll(pi);
    assertThat(pi).isEnded();
    String id = pi.getId();

    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(id)
                .variableName("decision")
                .list())
        .hasSize(6)
        .allSatisfy(v -> assertThat(v.getValue()).isEqualTo("approve"));
    assertThat(
            history
                .createUserOperationLogQuery()
                .processInstanceId(id)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
                .list())
        .extracting(UserOperationLogEntry::getUserId)
        .contains(HEAD, LEGAL, LEADER, PROOF_1, PROOF_2);
    assertThat(
            history
                .createHistoricTaskInstanceQuery()
                .processInstanceId(id)
                .finished()
                .taskAssigned()
                .count())
        .isEqualTo(6);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(id).list())
        .extracting(HistoricActivityInstance::getActivityId)
        .contains(TASK_DEPT_REVIEW, TASK_ASSIGN_NUMBER, TASK_ARCHIVE, END);
    assertThat(history.createHistoricDetailQuery().processInstanceId(id).count())
        .as("intermediate values")
        .isZero();
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(id)
                .variableNameIn(ReviewTrailListener.REVIEW_TRAIL, PROOF_FINDINGS)
                .count())
        .as("display copies")
        .isZero();
    assertThat(history.createHistoricJobLogQuery().processInstanceId(id).count())
        .as("job successes")
        .isZero();
    assertThat(historicVariable(pi, DOCUMENT_NUMBER)).isNotNull();
  }

  @Test
  void countersignByEveryChosenDepartmentThenDeptReview() {
    Map<String, Object> vars = draft();
    vars.put(COUNTERSIGN_DEPTS, "[\"dept-finance\",\"dept-hr\"]");
    ProcessInstance pi = start(vars);
    assertThat(pi).isWaitingAt(TASK_COUNTERSIGN);
    assertThat(driver.openTasks(pi.getId())).hasSize(2);
    assertThat(documents.find(pi.getBusinessKey()).orElseThrow().status())
        .isEqualTo(DocumentStatus.COUNTERSIGN);
    assertThat(runtime.getVariable(pi.getId(), COUNTERSIGN_DEPTS))
        .isEqualTo("dept-finance,dept-hr");

    driver.approve("wangfang", pi.getId(), TASK_COUNTERSIGN);
    assertThat(pi).isWaitingAt(TASK_COUNTERSIGN);
    driver.approve("gaoyuan", pi.getId(), TASK_COUNTERSIGN);
    assertThat(pi).isWaitingAt(TASK_DEPT_REVIEW);
    assertThat(reviews.trail(pi.getBusinessKey()))
        .extracting(Review::name)
        .containsExactly("王芳", "高远");
  }

  @Test
  void countersignRejectSendsBackToDrafterAndEveryDepartmentCountersignsTheRevision() {
    Map<String, Object> vars = draft();
    vars.put(COUNTERSIGN_DEPTS, "dept-finance、dept-hr");
    ProcessInstance pi = start(vars);
    driver.reject("wangfang", pi.getId(), TASK_COUNTERSIGN, "预算金额需与财务处核对");
    driver.approve("gaoyuan", pi.getId(), TASK_COUNTERSIGN);
    assertThat(pi).isWaitingAt(TASK_REVISE);
    Task revise = driver.taskFor(DRAFTER, pi.getId(), TASK_REVISE);
    assertThat(revise.getAssignee()).isEqualTo(DRAFTER);
    assertThat(documents.find(pi.getBusinessKey()).orElseThrow().status())
        .isEqualTo(DocumentStatus.REVISING);
    assertThat((String) engine.getTaskService().getVariable(revise.getId(), "reviewTrail"))
        .contains("王芳")
        .contains("预算金额需与财务处核对");
    // the revise form opens with 重新提交 chosen (form-js applies defaultValue only to absent
    // variables)
    assertThat(engine.getTaskService().getVariable(revise.getId(), REVISE_ACTION))
        .isEqualTo(REVISE_RESUBMIT);

    Map<String, Object> revised = draft();
    revised.put(BODY, "一、修改后的正文\n预算已与财务处核对。");
    driver.complete(DRAFTER, pi.getId(), TASK_REVISE, revised);
    List<DocumentVersion> versions = documents.versions(pi.getBusinessKey());
    assertThat(versions).extracting(DocumentVersion::version).containsExactly(1, 2);
    assertThat(versions.get(1).body()).contains("预算已与财务处核对");
    assertThat(documents.currentBody(pi.getBusinessKey())).contains("预算已与财务处核对");
    assertThat(runtime.getVariable(pi.getId(), BODY)).isEqualTo("一、修改后的正文\n预算已与财务处核对。");

    // 部门会签 holds for the version that is issued: the department that returned it and the one that
    // agreed to the
    // first draft both countersign the revision before 部门初审
    assertThat(pi).isWaitingAt(TASK_COUNTERSIGN);
    assertThat(documents.find(pi.getBusinessKey()).orElseThrow().status())
        .isEqualTo(DocumentStatus.COUNTERSIGN);
    assertThat(driver.openTasks(pi.getId())).hasSize(2);
    assertThat(
            (String)
                engine
                    .getTaskService()
                    .getVariable(
                        driver.taskFor("wangfang", pi.getId(), TASK_COUNTERSIGN).getId(),
                        "reviewTrail"))
        .contains("预算金额需与财务处核对");
    driver.approve("wangfang", pi.getId(), TASK_COUNTERSIGN);
    driver.approve("gaoyuan", pi.getId(), TASK_COUNTERSIGN);
    assertThat(pi).isWaitingAt(TASK_DEPT_REVIEW);
    assertThat(reviews.trail(pi.getBusinessKey()))
        .extracting(Review::name, Review::decision, Review::version)
        .containsExactly(
            tuple("王芳", Review.REJECT, 1),
            tuple("高远", Review.APPROVE, 1),
            tuple("王芳", Review.APPROVE, 2),
            tuple("高远", Review.APPROVE, 2));
  }

  @Test
  void aRejectAfterCountersignAlsoSendsTheRevisionThroughCountersignAgain() {
    Map<String, Object> vars = draft();
    vars.put(COUNTERSIGN_DEPTS, "dept-finance");
    ProcessInstance pi = start(vars);
    driver.approve("wangfang", pi.getId(), TASK_COUNTERSIGN);
    driver.approve(HEAD, pi.getId(), TASK_DEPT_REVIEW);
    driver.reject(LEGAL, pi.getId(), TASK_LEGAL_REVIEW, "第三条缺少法律依据");
    driver.complete(DRAFTER, pi.getId(), TASK_REVISE, draft());
    assertThat(pi).isWaitingAt(TASK_COUNTERSIGN);
    driver.approve("wangfang", pi.getId(), TASK_COUNTERSIGN);
    throughSignOff(pi);
    proofreadAll(pi);
    assertThat(pi).isEnded().hasPassed(END);
    assertThat(reviews.trail(pi.getBusinessKey()))
        .filteredOn(r -> r.stepId().equals(TASK_COUNTERSIGN))
        .extracting(Review::version)
        .containsExactly(1, 2);
  }

  @Test
  void voidBeforeSignOffEndsTheProcessWithTheReasonAndTakesNoNumber() {
    ProcessInstance pi = start(draft());
    driver.reject(HEAD, pi.getId(), TASK_DEPT_REVIEW, "本事项已由上级统一发文");
    Map<String, Object> voiding = draft();
    voiding.put(TITLE, "作废时改动的标题不保存");
    voiding.put(REVISE_ACTION, REVISE_VOID);
    voiding.put(VOID_REASON, "上级已统一发文，本稿不再印发");
    driver.complete(DRAFTER, pi.getId(), TASK_REVISE, voiding);

    assertThat(pi).isEnded().hasPassed(END_VOIDED).hasNotPassed(TASK_ASSIGN_NUMBER, END);
    OutgoingDocument voided = documents.find(pi.getBusinessKey()).orElseThrow();
    assertThat(voided.status()).isEqualTo(DocumentStatus.VOIDED);
    assertThat(voided.status().label()).isEqualTo("已作废");
    assertThat(voided.documentNumber()).isNull();
    assertThat(voided.title()).isEqualTo("关于做好2027年元旦春节期间安全工作的通知");
    assertThat(documents.versions(pi.getBusinessKey())).hasSize(1);
    assertThat(historicVariable(pi, TITLE)).isEqualTo("关于做好2027年元旦春节期间安全工作的通知");
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .variableName(DOCUMENT_NUMBER)
                .count())
        .isZero();
    Review last = reviews.trail(pi.getBusinessKey()).get(1);
    assertThat(last.stepId()).isEqualTo(TASK_REVISE);
    assertThat(last.step()).isEqualTo("退回修改");
    assertThat(last.user()).isEqualTo(DRAFTER);
    assertThat(last.decision()).isEqualTo(Review.VOID);
    assertThat(last.decisionLabel()).isEqualTo("作废");
    assertThat(last.comment()).isEqualTo("上级已统一发文，本稿不再印发");
    assertThat(last.version()).isEqualTo(1);

    // no number was taken: the next document of the docCode gets the first one
    ProcessInstance next = start(draft());
    throughSignOff(next);
    assertThat(runtime.getVariable(next.getId(), DOCUMENT_NUMBER)).isEqualTo(docCode + "〔2026〕1号");
  }

  @Test
  void voidAfterAProofreadingRejectKeepsTheNumberVoidAndNeverReusesIt() {
    ProcessInstance first = start(draft());
    throughSignOff(first);
    assertThat(runtime.getVariable(first.getId(), DOCUMENT_NUMBER)).isEqualTo(docCode + "〔2026〕1号");
    driver.approve(PROOF_1, first.getId(), TASK_PROOF_FORMAT);
    driver.reject(PROOF_2, first.getId(), TASK_PROOF_WORDING, "主送机关与正文不一致");
    driver.approve(PROOF_1, first.getId(), TASK_PROOF_ATTACHMENTS);
    Map<String, Object> voiding =
        new HashMap<>(Map.of(REVISE_ACTION, REVISE_VOID, VOID_REASON, "领导决定暂不发文"));
    driver.complete(DRAFTER, first.getId(), TASK_REVISE, voiding);

    assertThat(first).isEnded().hasPassed(END_VOIDED).hasNotPassed(TASK_GENERATE_DOCUMENT);
    OutgoingDocument voided = documents.find(first.getBusinessKey()).orElseThrow();
    assertThat(voided.status()).isEqualTo(DocumentStatus.VOIDED);
    assertThat(voided.documentNumber())
        .as("the number stays with the voided document")
        .isEqualTo(docCode + "〔2026〕1号");
    assertThat(documents.docx(first.getBusinessKey())).isEmpty();

    ProcessInstance second = start(draft());
    throughSignOff(second);
    assertThat(runtime.getVariable(second.getId(), DOCUMENT_NUMBER))
        .as("never reused")
        .isEqualTo(docCode + "〔2026〕2号");
    assertThat(documents.ledger(2026, docCode, true, null, List.of()))
        .extracting(OutgoingDocument::documentNumber, OutgoingDocument::status)
        .containsExactly(
            tuple(docCode + "〔2026〕2号", DocumentStatus.PROOFREADING),
            tuple(docCode + "〔2026〕1号", DocumentStatus.VOIDED));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void voidWithoutReasonIsRefusedNamingTheFieldAndNothingChanges(String reason) {
    ProcessInstance pi = start(draft());
    driver.reject(HEAD, pi.getId(), TASK_DEPT_REVIEW, "标题不规范");
    Map<String, Object> voiding = draft();
    voiding.put(REVISE_ACTION, REVISE_VOID);
    voiding.put(VOID_REASON, reason);
    assertThatThrownBy(() -> driver.complete(DRAFTER, pi.getId(), TASK_REVISE, voiding))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("字段 " + VOID_REASON)
        .hasMessageContaining("作废原因")
        .satisfies(e -> assertThat(((ValidationException) e).getField()).isEqualTo(VOID_REASON));
    voiding.remove(VOID_REASON);
    assertThatThrownBy(() -> driver.complete(DRAFTER, pi.getId(), TASK_REVISE, voiding))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("字段 " + VOID_REASON);
    assertThat(pi).isWaitingAt(TASK_REVISE);
    assertThat(documents.find(pi.getBusinessKey()).orElseThrow().status())
        .isEqualTo(DocumentStatus.REVISING);
    assertThat(reviews.trail(pi.getBusinessKey())).hasSize(1);

    // a reason given while resubmitting is not a 作废: the revision goes to review
    Map<String, Object> resubmit = draft();
    resubmit.put(REVISE_ACTION, REVISE_RESUBMIT);
    resubmit.put(VOID_REASON, "（误填）");
    driver.complete(DRAFTER, pi.getId(), TASK_REVISE, resubmit);
    assertThat(pi).isWaitingAt(TASK_DEPT_REVIEW);
    assertThat(runtime.getVariable(pi.getId(), VOID_REASON)).as("local to the task").isNull();
  }

  @Test
  void unknownReviseActionIsRefusedNamingTheField() {
    ProcessInstance pi = start(draft());
    driver.reject(HEAD, pi.getId(), TASK_DEPT_REVIEW, "标题不规范");
    Map<String, Object> vars = draft();
    vars.put(REVISE_ACTION, "delete");
    assertThatThrownBy(() -> driver.complete(DRAFTER, pi.getId(), TASK_REVISE, vars))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("字段 " + REVISE_ACTION);
    assertThat(pi).isWaitingAt(TASK_REVISE);
  }

  @ParameterizedTest
  @ValueSource(strings = {TASK_DEPT_REVIEW, TASK_LEGAL_REVIEW, TASK_LEADER_APPROVAL})
  void rejectAtReviewStepLoopsBackToDeptReview(String rejectingStep) {
    ProcessInstance pi = start(draft());
    for (String step : List.of(TASK_DEPT_REVIEW, TASK_LEGAL_REVIEW, TASK_LEADER_APPROVAL)) {
      if (step.equals(rejectingStep)) {
        driver.reject(reviewer(step), pi.getId(), step, "请修改第二段表述");
        break;
      }
      driver.approve(reviewer(step), pi.getId(), step);
    }
    assertThat(pi).isWaitingAt(TASK_REVISE);
    assertThat(runtime.getVariable(pi.getId(), DOCUMENT_NUMBER))
        .as("no number before sign-off")
        .isNull();

    driver.complete(DRAFTER, pi.getId(), TASK_REVISE, draft());
    assertThat(pi).isWaitingAt(TASK_DEPT_REVIEW);
    throughSignOff(pi);
    proofreadAll(pi);
    assertThat(pi).isEnded();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(documents.find(pi.getBusinessKey()).orElseThrow().documentNumber())
        .isEqualTo(docCode + "〔2026〕1号");
  }

  @Test
  void proofreadRejectKeepsTheNumberAndTheCounterMovesOn() {
    ProcessInstance first = start(draft());
    throughSignOff(first);
    String number = (String) runtime.getVariable(first.getId(), DOCUMENT_NUMBER);
    assertThat(number).isEqualTo(docCode + "〔2026〕1号");

    driver.approve(PROOF_1, first.getId(), TASK_PROOF_FORMAT);
    driver.reject(PROOF_2, first.getId(), TASK_PROOF_WORDING, "第三段“尽快”请改为明确期限");
    driver.approve(PROOF_1, first.getId(), TASK_PROOF_ATTACHMENTS);
    assertThat(first).isWaitingAt(TASK_REVISE);

    ProcessInstance second = start(draft());
    throughSignOff(second);
    assertThat(runtime.getVariable(second.getId(), DOCUMENT_NUMBER))
        .isEqualTo(docCode + "〔2026〕2号");

    driver.complete(DRAFTER, first.getId(), TASK_REVISE, draft());
    throughSignOff(first);
    assertThat(runtime.getVariable(first.getId(), DOCUMENT_NUMBER)).isEqualTo(number);
    proofreadAll(first);
    assertThat(first).isEnded();
    assertThat(
            jdbc.sql(
                    "select last_value from of_number_counter where counter_key = :k and counter_year = 2026")
                .param("k", docCode)
                .query(Integer.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void numbersAreCountedPerDocCodeAndPerYear() {
    ProcessInstance a = start(draft());
    throughSignOff(a);
    String otherCode = uniqueDocCode();
    Map<String, Object> other = draft();
    other.put(DOC_CODE, otherCode);
    ProcessInstance b = start(other);
    throughSignOff(b);
    ClockUtil.setCurrentTime(
        Date.from(ZonedDateTime.parse("2027-01-04T09:00:00+08:00").toInstant()));
    ProcessInstance c = start(draft());
    throughSignOff(c);
    assertThat(runtime.getVariable(a.getId(), DOCUMENT_NUMBER)).isEqualTo(docCode + "〔2026〕1号");
    assertThat(runtime.getVariable(b.getId(), DOCUMENT_NUMBER)).isEqualTo(otherCode + "〔2026〕1号");
    assertThat(runtime.getVariable(c.getId(), DOCUMENT_NUMBER)).isEqualTo(docCode + "〔2027〕1号");
  }

  @Test
  void proofreadingTasksCarryTheAutomaticFindings() {
    Map<String, Object> vars = draft();
    vars.put(BODY, "一、工作要求\n各处室必须尽快完成自查,并报送附件2。");
    vars.put(ATTACHMENTS, "1. 自查表");
    ProcessInstance pi = start(vars);
    throughSignOff(pi);
    Task wording = driver.taskFor(PROOF_1, pi.getId(), TASK_PROOF_WORDING);
    Task attachments = driver.taskFor(PROOF_1, pi.getId(), TASK_PROOF_ATTACHMENTS);
    Task format = driver.taskFor(PROOF_1, pi.getId(), TASK_PROOF_FORMAT);
    assertThat((String) engine.getTaskService().getVariable(wording.getId(), PROOF_FINDINGS))
        .contains("必须")
        .contains("尽快");
    assertThat((String) engine.getTaskService().getVariable(attachments.getId(), PROOF_FINDINGS))
        .contains("附件2");
    assertThat((String) engine.getTaskService().getVariable(format.getId(), PROOF_FINDINGS))
        .isNotBlank();
  }

  @Test
  void bodyOfFiftyThousandCharactersIsKept() {
    String body = "各处室应当认真落实。".repeat(5000);
    assertThat(body).hasSize(50_000);
    Map<String, Object> vars = draft();
    vars.put(BODY, body);
    ProcessInstance pi = start(vars);
    assertThat(documents.currentBody(pi.getBusinessKey())).isEqualTo(body);
    assertThat(runtime.getVariable(pi.getId(), BODY)).isEqualTo(body);
    throughSignOff(pi);
    proofreadAll(pi);
    assertThat(pi).isEnded();
  }

  @Test
  void rejectWithoutCommentIsRefusedAndNothingIsRecorded() {
    ProcessInstance pi = start(draft());
    assertThatThrownBy(
            () -> driver.complete(HEAD, pi.getId(), TASK_DEPT_REVIEW, Map.of("decision", "reject")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("comment");
    assertThatThrownBy(
            () -> driver.complete(HEAD, pi.getId(), TASK_DEPT_REVIEW, Map.of("decision", "maybe")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("decision");
    assertThat(pi).isWaitingAt(TASK_DEPT_REVIEW);
    assertThat(reviews.trail(pi.getBusinessKey())).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "missingTitle",
        "unknownDocType",
        "bodyTooLong",
        "missingBody",
        "badUrgency",
        "unknownCountersignDept",
        "ownDeptCountersign",
        "badDocCode"
      })
  void invalidDraftIsRefusedNamingTheFieldAndNothingIsPersisted(String kase) {
    Map<String, Object> vars = draft();
    String field =
        switch (kase) {
          case "missingTitle" -> {
            vars.remove(TITLE);
            yield TITLE;
          }
          case "unknownDocType" -> {
            vars.put(DOC_TYPE, "便签");
            yield DOC_TYPE;
          }
          case "bodyTooLong" -> {
            vars.put(BODY, "字".repeat(50_001));
            yield BODY;
          }
          case "missingBody" -> {
            vars.put(BODY, "   ");
            yield BODY;
          }
          case "badUrgency" -> {
            vars.put(URGENCY, "火急");
            yield URGENCY;
          }
          case "unknownCountersignDept" -> {
            vars.put(COUNTERSIGN_DEPTS, "dept-nowhere");
            yield COUNTERSIGN_DEPTS;
          }
          case "ownDeptCountersign" -> {
            vars.put(COUNTERSIGN_DEPTS, "dept-business");
            yield COUNTERSIGN_DEPTS;
          }
          case "badDocCode" -> {
            vars.put(DOC_CODE, "行办发〔");
            yield DOC_CODE;
          }
          default -> throw new IllegalArgumentException(kase);
        };
    long documentsBefore = count("of_outgoing_document");
    long instancesBefore =
        history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();
    assertThatThrownBy(() -> start(vars))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("字段 " + field)
        .satisfies(e -> assertThat(((ValidationException) e).getField()).isEqualTo(field));
    assertThat(count("of_outgoing_document")).isEqualTo(documentsBefore);
    assertThat(count("of_outgoing_version"))
        .isEqualTo(count("of_outgoing_document") == 0 ? 0 : count("of_outgoing_version"));
    assertThat(
            history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count())
        .isEqualTo(instancesBefore);
  }

  @Test
  void invalidRevisionIsRefusedAndTheTaskStays() {
    ProcessInstance pi = start(draft());
    driver.reject(HEAD, pi.getId(), TASK_DEPT_REVIEW, "标题不规范");
    Map<String, Object> revised = draft();
    revised.put(DOC_TYPE, "备忘录");
    assertThatThrownBy(() -> driver.complete(DRAFTER, pi.getId(), TASK_REVISE, revised))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(DOC_TYPE);
    assertThat(pi).isWaitingAt(TASK_REVISE);
    assertThat(documents.versions(pi.getBusinessKey())).hasSize(1);
  }

  @Test
  void headDraftingIsReviewedByTheDeputyLeader() {
    ProcessInstance pi = driver.start(HEAD, PROCESS_KEY, draft());
    assertThat(runtime.getVariable(pi.getId(), DEPT_REVIEWERS)).isEqualTo("sunli");
    driver.approve("sunli", pi.getId(), TASK_DEPT_REVIEW);
    assertThat(pi).isWaitingAt(TASK_LEGAL_REVIEW);
  }

  @Test
  void userWithoutDepartmentCannotDraft() {
    assertThatThrownBy(() -> driver.start(LEADER, PROCESS_KEY, draft()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("drafter")
        .hasMessageContaining("不属于任何部门");
  }

  @Test
  void reviewersOutsideTheCandidatesDoNotSeeTheTask() {
    ProcessInstance pi = start(draft());
    assertThat(
            driver.as(
                "gaoyuan",
                () ->
                    engine
                        .getTaskService()
                        .createTaskQuery()
                        .processInstanceId(pi.getId())
                        .count()))
        .isZero();
    assertThat(
            driver.as(
                HEAD,
                () ->
                    engine
                        .getTaskService()
                        .createTaskQuery()
                        .processInstanceId(pi.getId())
                        .count()))
        .isEqualTo(1);
  }

  // --- helpers

  @Test
  void everyVersionKeepsItsSecrecyPeriodAndNotesAndTheIssuedDocumentTakesTheSignedOnes()
      throws Exception {
    Map<String, Object> vars = draft();
    vars.put(DOC_TYPE, "请示");
    vars.put(MAIN_RECIPIENTS, "市政府");
    vars.put(SECRECY, "秘密");
    vars.put(SECRECY_PERIOD, "1年");
    vars.put(NOTES, "联系人：张伟，电话：11111111");
    ProcessInstance pi = start(vars);
    driver.reject(HEAD, pi.getId(), TASK_DEPT_REVIEW, "保密期限应为6个月");
    Map<String, Object> revised = new HashMap<>(vars);
    revised.put(SECRECY_PERIOD, "6个月");
    revised.put(NOTES, "联系人：张伟，电话：22222222");
    driver.complete(DRAFTER, pi.getId(), TASK_REVISE, revised);

    String id = pi.getBusinessKey();
    assertThat(documents.versions(id))
        .extracting(
            DocumentVersion::version, DocumentVersion::secrecyPeriod, DocumentVersion::notes)
        .containsExactly(
            tuple(1, "1年", "联系人：张伟，电话：11111111"), tuple(2, "6个月", "联系人：张伟，电话：22222222"));

    throughSignOff(pi);
    // whatever the record's columns say by the time the document is made, it is made from the
    // signed 稿
    jdbc.sql("update of_outgoing_document set secrecy_period = '长期', notes = '未经签发' where id = :id")
        .param("id", id)
        .update();
    proofreadAll(pi);
    byte[] docx = documents.docx(id).orElseThrow();
    try (org.apache.poi.xwpf.usermodel.XWPFDocument word =
        new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx))) {
      List<String> lines = word.getParagraphs().stream().map(p -> p.getText()).toList();
      assertThat(lines).startsWith("000001", "秘密★6个月");
      assertThat(lines).contains("（联系人：张伟，电话：22222222）");
      assertThat(String.join("\n", lines)).doesNotContain("长期").doesNotContain("未经签发");
    }
  }

  private ProcessInstance start(Map<String, Object> vars) {
    return driver.start(DRAFTER, PROCESS_KEY, vars);
  }

  private void throughSignOff(ProcessInstance pi) {
    driver.approve(HEAD, pi.getId(), TASK_DEPT_REVIEW);
    driver.approve(LEGAL, pi.getId(), TASK_LEGAL_REVIEW);
    driver.approve(LEADER, pi.getId(), TASK_LEADER_APPROVAL);
  }

  private void proofreadAll(ProcessInstance pi) {
    driver.approve(PROOF_1, pi.getId(), TASK_PROOF_FORMAT);
    driver.approve(PROOF_2, pi.getId(), TASK_PROOF_WORDING);
    driver.approve(PROOF_1, pi.getId(), TASK_PROOF_ATTACHMENTS);
  }

  private static String reviewer(String step) {
    return switch (step) {
      case TASK_DEPT_REVIEW -> HEAD;
      case TASK_LEGAL_REVIEW -> LEGAL;
      case TASK_LEADER_APPROVAL -> LEADER;
      default -> throw new IllegalArgumentException(step);
    };
  }

  private Map<String, Object> draft() {
    Map<String, Object> vars = new HashMap<>();
    vars.put(TITLE, "关于做好2027年元旦春节期间安全工作的通知");
    vars.put(DOC_TYPE, "通知");
    vars.put(MAIN_RECIPIENTS, "各处室、各直属单位");
    vars.put(COPY_TO, "市应急管理局");
    vars.put(BODY, "一、总体要求\n各处室应当高度重视节日期间安全工作。\n二、工作措施\n（一）加强值班值守。");
    vars.put(ATTACHMENTS, "1. 值班表");
    vars.put(URGENCY, "加急");
    vars.put(SECRECY, "公开");
    vars.put(DOC_CODE, docCode);
    return vars;
  }

  private Object historicVariable(ProcessInstance pi, String name) {
    return history
        .createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId())
        .variableName(name)
        .singleResult()
        .getValue();
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  static String uniqueDocCode() {
    StringBuilder code = new StringBuilder("测");
    for (int i = 0; i < 6; i++) {
      code.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
    }
    return code.toString();
  }
}
