package cn.officeflow.reimbursement;

import static cn.officeflow.reimbursement.ReimbursementVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.officeflow.platform.review.Review;
import cn.officeflow.platform.review.ReviewService;
import cn.officeflow.platform.web.AccessRefusedException;
import cn.officeflow.platform.web.ValidationException;
import cn.officeflow.support.ProcessDriver;
import cn.officeflow.support.ProcessTest;
import cn.officeflow.support.TestClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every path of bpmn/reimbursement.bpmn on the real engine (H2, engine clock): 初审 → 复核 → 付款 below the leader
 * threshold, 单位领导 above it, a reject at each review back to the applicant who resubmits or withdraws, the
 * 双签 rule (the 初审 user can neither claim, complete, be assigned nor be delegated 复核), invoices that do not add
 * up or are already claimed refused naming them with nothing stored, Json and String invoices, and the call by
 * 采购's payment request (a caller model from test resources, run without a user) getting paidAt back.
 */
@ProcessTest
class ReimbursementProcessTest {

  static final String APPLICANT_USER = "zhangwei";
  static final String FIRST = "chenjing";
  static final String SECOND = "wangfang";
  static final String LEADER = "wuqiang";
  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ReimbursementService service;
  @Autowired ReviewService reviews;
  @Autowired JdbcClient jdbc;
  @Autowired cn.officeflow.platform.taskops.TaskOperationsService taskOperations;

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
   * 不相容岗位: a finance officer's own claim is reviewed and paid by the other finance officers (the applicant
   * can neither claim nor complete 初审, 复核 or 付款登记), and a leader's own claim above the threshold is
   * approved by the other leader.
   */
  @Test
  void nobodyReviewsApprovesOrPaysTheirOwnClaim() throws Exception {
    String third = "caolan";
    String otherLeader = "hanbing";
    ProcessInstance own =
        start(
            FIRST,
            claim(
                "80.00", "会计培训资料费", List.of(invoice(code12(), number8(), "80.00", "2026-11-20"))));
    Task first = driver.taskFor(FIRST, own.getId(), TASK_FIRST_REVIEW);
    assertThatThrownBy(() -> driver.as(FIRST, () -> tasks.claim(first.getId(), FIRST)))
        .isInstanceOf(AccessRefusedException.class)
        .hasMessageContaining("财务初审")
        .hasMessageContaining("申请人");
    assertThatThrownBy(() -> driver.as(FIRST, () -> tasks.complete(first.getId(), approve())))
        .isInstanceOf(AccessRefusedException.class);
    assertThatThrownBy(() -> driver.as(SECOND, () -> tasks.setAssignee(first.getId(), FIRST)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("字段 userId");
    driver.approve(SECOND, own.getId(), TASK_FIRST_REVIEW);
    // 复核: neither the 初审 user nor the applicant; the third finance officer does it
    Task second = driver.taskFor(third, own.getId(), TASK_SECOND_REVIEW);
    for (String refused : List.of(FIRST, SECOND)) {
      assertThatThrownBy(() -> driver.as(refused, () -> tasks.claim(second.getId(), refused)))
          .as(refused)
          .isInstanceOf(AccessRefusedException.class);
    }
    driver.approve(third, own.getId(), TASK_SECOND_REVIEW);
    Task pay = driver.taskFor(SECOND, own.getId(), TASK_RECORD_PAYMENT);
    assertThatThrownBy(
            () ->
                driver.as(
                    FIRST,
                    () -> tasks.complete(pay.getId(), payment("2026-11-23", "银行转账", "LS-OWN"))))
        .isInstanceOf(AccessRefusedException.class);
    driver.complete(
        SECOND, own.getId(), TASK_RECORD_PAYMENT, payment("2026-11-23", "银行转账", "LS-OWN"));
    assertThat(own).isEnded().hasPassed(END_PAID);
    Reimbursement paid = service.claim(own.getBusinessKey());
    assertThat(paid.firstReviewer()).isEqualTo(SECOND);
    assertThat(paid.secondReviewer()).isEqualTo(third);
    assertThat(paid.paidBy()).isEqualTo(SECOND);

    // a leader's own claim above the threshold: the other leader approves
    ProcessInstance leaders =
        start(
            LEADER,
            claim(
                "15000.00",
                "外出调研差旅",
                List.of(invoice(code12(), number8(), "15000.00", "2026-11-20"))));
    driver.approve(FIRST, leaders.getId(), TASK_FIRST_REVIEW);
    driver.approve(SECOND, leaders.getId(), TASK_SECOND_REVIEW);
    Task approval = driver.taskFor(LEADER, leaders.getId(), TASK_LEADER_APPROVAL);
    assertThatThrownBy(() -> driver.as(LEADER, () -> tasks.complete(approval.getId(), approve())))
        .isInstanceOf(AccessRefusedException.class);
    driver.approve(otherLeader, leaders.getId(), TASK_LEADER_APPROVAL);
    assertThat(leaders).isWaitingAt(TASK_RECORD_PAYMENT);
  }

  @Test
  void smallClaimIsReviewedTwiceByTwoPeopleAndPaid() throws Exception {
    List<Map<String, Object>> invoices =
        List.of(
            invoice(code12(), number8(), "120.50", "2026-11-20"), digital("230.00", "2026-11-21"));
    ProcessInstance pi = start(APPLICANT_USER, claim("350.50", "11月差旅费", invoices));
    String id = pi.getBusinessKey();
    assertThat(pi).isWaitingAt(TASK_FIRST_REVIEW);
    Reimbursement claim = service.claim(id);
    assertThat(claim.status()).isEqualTo(ReimbursementStatus.FIRST_REVIEW);
    assertThat(claim.applicant()).isEqualTo(APPLICANT_USER);
    assertThat(claim.applicantName()).isEqualTo("张伟");
    assertThat(claim.amount()).isEqualByComparingTo("350.50");
    assertThat(claim.invoices()).hasSize(2);
    assertThat(claim.invoices().get(1).code()).isNull();
    assertThat((String) runtime.getVariable(pi.getId(), INVOICE_SUMMARY))
        .contains("（数电发票）")
        .contains("合计 2 张，350.50 元");
    assertThat(runtime.getVariable(pi.getId(), LEADER_APPROVAL_REQUIRED)).isEqualTo(false);

    driver.approve(FIRST, pi.getId(), TASK_FIRST_REVIEW);
    assertThat(pi).isWaitingAt(TASK_SECOND_REVIEW);
    assertThat(runtime.getVariable(pi.getId(), FIRST_REVIEWER)).isEqualTo(FIRST);
    assertThat(service.claim(id).status()).isEqualTo(ReimbursementStatus.SECOND_REVIEW);

    // 双签: the 初审 user may not claim nor complete 复核 (also without claiming it)
    Task second = driver.taskFor(FIRST, pi.getId(), TASK_SECOND_REVIEW);
    assertThatThrownBy(() -> driver.as(FIRST, () -> tasks.claim(second.getId(), FIRST)))
        .isInstanceOf(AccessRefusedException.class)
        .hasMessageContaining("财务复核")
        .hasMessageContaining("双签");
    assertThatThrownBy(() -> driver.as(FIRST, () -> tasks.complete(second.getId(), approve())))
        .isInstanceOf(AccessRefusedException.class);
    assertThatThrownBy(
            () ->
                driver.as(
                    FIRST, () -> engine.getFormService().submitTaskForm(second.getId(), approve())))
        .isInstanceOf(AccessRefusedException.class);
    // nor be handed it by someone else: assignee (转办) or delegate (委派)
    assertThatThrownBy(() -> driver.as(SECOND, () -> tasks.setAssignee(second.getId(), FIRST)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("字段 userId");
    driver.as(SECOND, () -> tasks.claim(second.getId(), SECOND));
    assertThatThrownBy(() -> driver.as(SECOND, () -> tasks.delegateTask(second.getId(), FIRST)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("字段 userId");
    assertThat(pi).isWaitingAt(TASK_SECOND_REVIEW);
    assertThat(tasks.createTaskQuery().taskId(second.getId()).singleResult().getAssignee())
        .isEqualTo(SECOND);

    driver.approve(SECOND, pi.getId(), TASK_SECOND_REVIEW);
    assertThat(pi).isWaitingAt(TASK_RECORD_PAYMENT);
    assertThat(service.claim(id).status()).isEqualTo(ReimbursementStatus.PAYMENT);
    // bad payments are refused naming the field, the task stays
    assertThatThrownBy(
            () ->
                driver.complete(
                    FIRST, pi.getId(), TASK_RECORD_PAYMENT, payment("2026-11-24", "银行转账", "LS1")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("字段 paidOn");
    assertThatThrownBy(
            () ->
                driver.complete(
                    FIRST, pi.getId(), TASK_RECORD_PAYMENT, payment("2026-11-23", "银行转账", "")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("字段 paymentReference");
    assertThatThrownBy(
            () ->
                driver.complete(
                    FIRST, pi.getId(), TASK_RECORD_PAYMENT, payment("2026-11-23", "支付宝", "x")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("字段 paymentMethod");
    driver.complete(
        FIRST, pi.getId(), TASK_RECORD_PAYMENT, payment("2026-11-23", "银行转账", "LS20261123001"));
    assertThat(pi).isEnded().hasPassed(END_PAID).hasNotPassed(TASK_LEADER_APPROVAL, TASK_REVISE);

    Reimbursement paid = service.claim(id);
    assertThat(paid.status()).isEqualTo(ReimbursementStatus.PAID);
    assertThat(paid.firstReviewer()).isEqualTo(FIRST);
    assertThat(paid.secondReviewer()).isEqualTo(SECOND);
    assertThat(paid.paidOn()).isEqualTo(LocalDate.of(2026, 11, 23));
    assertThat(paid.paymentMethod()).isEqualTo("银行转账");
    assertThat(paid.paymentReference()).isEqualTo("LS20261123001");
    assertThat(paid.paidBy()).isEqualTo(FIRST);
    assertThat(reviews.trail(id))
        .extracting(Review::stepId, Review::user)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(TASK_FIRST_REVIEW, FIRST),
            org.assertj.core.groups.Tuple.tuple(TASK_SECOND_REVIEW, SECOND),
            org.assertj.core.groups.Tuple.tuple(TASK_RECORD_PAYMENT, FIRST));

    // a paid invoice is never claimed again
    assertThatThrownBy(() -> start("lina", claim("120.50", "再报一次", List.of(invoices.get(0)))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("字段 invoices[0]")
        .hasMessageContaining("已付款的报销单");
  }

  @Test
  void aboveTheThresholdTheLeaderApprovesAndARejectGoesBackToTheApplicant() throws Exception {
    List<Map<String, Object>> invoices =
        List.of(
            invoice(code10(), number8(), "8000.00", "2026-11-02"),
            invoice(code10(), number8(), "4000.10", "2026-11-03"));
    ProcessInstance pi = start(APPLICANT_USER, claim("12000.10", "办公设备维修", invoices));
    String id = pi.getBusinessKey();
    assertThat(runtime.getVariable(pi.getId(), LEADER_APPROVAL_REQUIRED)).isEqualTo(true);
    driver.approve(FIRST, pi.getId(), TASK_FIRST_REVIEW);
    driver.approve(SECOND, pi.getId(), TASK_SECOND_REVIEW);
    assertThat(pi).isWaitingAt(TASK_LEADER_APPROVAL);
    assertThat(service.claim(id).status()).isEqualTo(ReimbursementStatus.LEADER_APPROVAL);
    driver.reject(LEADER, pi.getId(), TASK_LEADER_APPROVAL, "请补充维修合同");
    assertThat(pi).isWaitingAt(TASK_REVISE);
    assertThat(service.claim(id).status()).isEqualTo(ReimbursementStatus.REVISING);
    assertThat(driver.taskFor(APPLICANT_USER, pi.getId(), TASK_REVISE).getAssignee())
        .isEqualTo(APPLICANT_USER);

    // the revision is validated like the application
    Map<String, Object> bad = revise("12000.00", "办公设备维修（附合同）", invoices);
    assertThatThrownBy(() -> driver.complete(APPLICANT_USER, pi.getId(), TASK_REVISE, bad))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("字段 invoices")
        .hasMessageContaining("不一致");
    driver.complete(
        APPLICANT_USER, pi.getId(), TASK_REVISE, revise("12000.10", "办公设备维修（附合同）", invoices));
    assertThat(pi).isWaitingAt(TASK_FIRST_REVIEW);
    assertThat(service.claim(id).purpose()).isEqualTo("办公设备维修（附合同）");

    // this time 王芳 does 初审, so 陈静 may do 复核
    driver.approve(SECOND, pi.getId(), TASK_FIRST_REVIEW);
    Task second = driver.taskFor(SECOND, pi.getId(), TASK_SECOND_REVIEW);
    assertThatThrownBy(() -> driver.as(SECOND, () -> tasks.claim(second.getId(), SECOND)))
        .isInstanceOf(AccessRefusedException.class);
    driver.approve(FIRST, pi.getId(), TASK_SECOND_REVIEW);
    driver.approve(LEADER, pi.getId(), TASK_LEADER_APPROVAL);
    TestClock.set("2026-11-25T15:30:00");
    driver.complete(SECOND, pi.getId(), TASK_RECORD_PAYMENT, payment("2026-11-24", "支票", "ZP0012"));
    assertThat(pi).isEnded().hasPassed(TASK_LEADER_APPROVAL, TASK_REVISE, END_PAID);
    Reimbursement paid = service.claim(id);
    assertThat(paid.leader()).isEqualTo(LEADER);
    // the applicant was told by e-mail: returned (by whom, why), then paid
    assertThat(
            jdbc.sql(
                    "select subject from of_notification where business_key = :id and recipient = :r"
                        + " order by created_at")
                .param("id", id)
                .param("r", APPLICANT_USER)
                .query(String.class)
                .list())
        .containsExactly("【报销退回】12000.10 元（办公设备维修）被单位领导审批退回", "【报销已付款】12000.10 元（办公设备维修（附合同））");
    assertThat(paid.firstReviewer()).isEqualTo(SECOND);
    assertThat(paid.secondReviewer()).isEqualTo(FIRST);
    assertThat(paid.paidAt()).isEqualTo(LocalDate.of(2026, 11, 24).atStartOfDay());
    assertThat(reviews.trail(id))
        .extracting(Review::stepId)
        .containsExactly(
            TASK_FIRST_REVIEW,
            TASK_SECOND_REVIEW,
            TASK_LEADER_APPROVAL,
            TASK_REVISE,
            TASK_FIRST_REVIEW,
            TASK_SECOND_REVIEW,
            TASK_LEADER_APPROVAL,
            TASK_RECORD_PAYMENT);
  }

  @Test
  void whoever初审WasDelegatedToIsKeptOutOf复核Too() throws Exception {
    ProcessInstance pi =
        start(APPLICANT_USER, claim("66", "委派初审", List.of(digital("66", "2026-11-20"))));
    Task first = driver.taskFor(SECOND, pi.getId(), TASK_FIRST_REVIEW);
    driver.as(SECOND, () -> tasks.claim(first.getId(), SECOND));
    // 委派 (our task operation: the engine's own delegate needs TASK_ASSIGN, which finance has not)
    driver.as(SECOND, () -> taskOperations.delegate(first.getId(), FIRST, "请协助初审"));
    driver.as(FIRST, () -> tasks.resolveTask(first.getId()));
    driver.as(SECOND, () -> tasks.complete(first.getId(), approve()));
    assertThat(pi).isWaitingAt(TASK_SECOND_REVIEW);
    assertThat(runtime.getVariable(pi.getId(), FIRST_REVIEWER)).isEqualTo(SECOND + "," + FIRST);
    Task second = driver.taskFor(FIRST, pi.getId(), TASK_SECOND_REVIEW);
    for (String user : List.of(FIRST, SECOND)) {
      assertThatThrownBy(() -> driver.as(user, () -> tasks.claim(second.getId(), user)))
          .as(user)
          .isInstanceOf(AccessRefusedException.class);
    }
  }

  @Test
  void rejectedAtFirstReviewAndWithdrawnReleasesTheInvoices() throws Exception {
    List<Map<String, Object>> invoices = List.of(digital("88.00", "2026-11-10"));
    ProcessInstance pi = start(APPLICANT_USER, claim("88.00", "快递费", invoices));
    String id = pi.getBusinessKey();
    // while the claim is open its invoice is nobody else's
    assertThatThrownBy(() -> start("lina", claim("88.00", "快递费", invoices)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("字段 invoices[0]")
        .hasMessageContaining("另一张进行中的报销单");
    driver.reject(FIRST, pi.getId(), TASK_FIRST_REVIEW, "发票抬头不符");
    assertThat(pi).isWaitingAt(TASK_REVISE);
    Map<String, Object> withdraw = new HashMap<>(Map.of(REVISE_ACTION, WITHDRAW));
    assertThatThrownBy(() -> driver.complete(APPLICANT_USER, pi.getId(), TASK_REVISE, withdraw))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("字段 withdrawReason");
    withdraw.put(WITHDRAW_REASON, "抬头错误，重新开票后另行报销");
    driver.complete(APPLICANT_USER, pi.getId(), TASK_REVISE, withdraw);
    assertThat(pi).isEnded().hasPassed(END_WITHDRAWN).hasNotPassed(TASK_SECOND_REVIEW);
    assertThat(service.claim(id).status()).isEqualTo(ReimbursementStatus.WITHDRAWN);
    assertThat(reviews.trail(id))
        .extracting(Review::decision)
        .containsExactly(Review.REJECT, Review.WITHDRAW);
    // released: the invoice may be claimed again
    ProcessInstance again = start("lina", claim("88.00", "快递费（重新开票）", invoices));
    assertThat(again).isWaitingAt(TASK_FIRST_REVIEW);
  }

  @Test
  void rejectedAtSecondReviewIsResubmittedWithOtherInvoices() throws Exception {
    ProcessInstance pi =
        start(
            APPLICANT_USER,
            claim("500", "会议茶歇", List.of(invoice(code12(), number8(), "500", "2026-11-20"))));
    driver.approve(FIRST, pi.getId(), TASK_FIRST_REVIEW);
    driver.reject(SECOND, pi.getId(), TASK_SECOND_REVIEW, "发票应为增值税普通发票");
    assertThat(pi).isWaitingAt(TASK_REVISE);
    List<Map<String, Object>> replaced =
        List.of(digital("300.00", "2026-11-22"), digital("200", "2026-11-22"));
    driver.complete(APPLICANT_USER, pi.getId(), TASK_REVISE, revise("500.00", "会议茶歇", replaced));
    assertThat(pi).isWaitingAt(TASK_FIRST_REVIEW);
    Reimbursement claim = service.claim(pi.getBusinessKey());
    assertThat(claim.status()).isEqualTo(ReimbursementStatus.FIRST_REVIEW);
    assertThat(claim.invoices())
        .extracting(Invoice::number)
        .containsExactly(
            (String) replaced.get(0).get("number"), (String) replaced.get(1).get("number"));
    assertThat(
            jdbc.sql("select count(*) from of_reimbursement_invoice where reimbursement_id = :id")
                .param("id", claim.id())
                .query(Long.class)
                .single())
        .isEqualTo(2);
    assertThat(runtime.getVariable(pi.getId(), ReviewService.DECISION)).isNull();
    driver.approve(FIRST, pi.getId(), TASK_FIRST_REVIEW);
    driver.approve(SECOND, pi.getId(), TASK_SECOND_REVIEW);
    driver.complete(FIRST, pi.getId(), TASK_RECORD_PAYMENT, payment("2026-11-23", "现金", null));
    assertThat(pi).isEnded().hasPassed(END_PAID);
  }

  @Test
  void invalidClaimsAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
    long before = claims();
    Map<String, String> cases = new LinkedHashMap<>();
    String good =
        "{\"code\":\""
            + code12()
            + "\",\"number\":\""
            + number8()
            + "\",\"amount\":100,\"date\":\"2026-11-20\"}";
    cases.put("[" + good + "]|100.01", "invoices");
    cases.put("[" + good + "]|100.001", "amount");
    cases.put("[" + good + "]|-100", "amount");
    cases.put("[" + good + "]|abc", "amount");
    cases.put("not json|100", "invoices");
    cases.put("{}|100", "invoices");
    cases.put("[]|100", "invoices");
    cases.put("[" + good + "," + good + "]|200", "invoices[1]");
    cases.put(
        "[{\"code\":\"12345\",\"number\":\"12345678\",\"amount\":100,\"date\":\"2026-11-20\"}]|100",
        "invoices[0].code");
    cases.put(
        "[{\"code\":\"123456789012\",\"number\":\"123456\",\"amount\":100,\"date\":\"2026-11-20\"}]|100",
        "invoices[0].number");
    cases.put(
        "[{\"code\":\"12345\",\"number\":\"12345678901234567890\",\"amount\":100,\"date\":\"2026-11-20\"}]|100",
        "invoices[0].code");
    cases.put(
        "[{\"number\":\"12345678\",\"amount\":100,\"date\":\"2026-11-20\"}]|100",
        "invoices[0].code");
    cases.put(
        "[{\"code\":\"123456789012\",\"number\":\"12345678\",\"amount\":0,\"date\":\"2026-11-20\"}]|0.01",
        "invoices[0].amount");
    cases.put(
        "[{\"code\":\"123456789012\",\"number\":\"12345678\",\"amount\":100,\"date\":\"2026-11-24\"}]|100",
        "invoices[0].date");
    cases.put(
        "[{\"code\":\"123456789012\",\"number\":\"12345678\",\"amount\":100,\"date\":\"20.11.2026\"}]|100",
        "invoices[0].date");
    cases.put(
        "[{\"code\":\"123456789012\",\"number\":\"12345678\",\"amount\":100,\"date\":\"2026-11-20\",\"payee\":\"x\"}]|100",
        "invoices[0].payee");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      String[] parts = c.getKey().split("\\|");
      Map<String, Object> vars = new HashMap<>();
      vars.put(AMOUNT, parts[1]);
      vars.put(PURPOSE, "测试");
      vars.put(INVOICES, parts[0]);
      assertThatThrownBy(() -> start(APPLICANT_USER, vars))
          .as(c.getKey())
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("字段 " + c.getValue() + "：");
    }
    Map<String, Object> noPurpose = claim("100", " ", List.of(digital("100", "2026-11-20")));
    assertThatThrownBy(() -> start(APPLICANT_USER, noPurpose))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("字段 purpose");
    assertThat(claims()).isEqualTo(before);
  }

  @Test
  void invoicesAreAcceptedAsJsonAndAmountsAddUpToTheFen() throws Exception {
    List<Map<String, Object>> invoices =
        List.of(
            digital("0.10", "2026-11-20"),
            digital("0.20", "2026-11-20"),
            digital("33.33", "2026-11-20"));
    Map<String, Object> vars = new HashMap<>();
    vars.put(
        AMOUNT,
        33.63d); // a Double, as form-js sends it: 0.1 + 0.2 + 33.33 in fen, not in floating point
    vars.put(PURPOSE, "文具");
    vars.put(INVOICES, SpinValues.jsonValue(JSON.writeValueAsString(invoices)).create());
    ProcessInstance pi = start(APPLICANT_USER, vars);
    assertThat(pi).isWaitingAt(TASK_FIRST_REVIEW);
    Reimbursement claim = service.claim(pi.getBusinessKey());
    assertThat(claim.amount()).isEqualTo(new BigDecimal("33.63"));
    assertThat(claim.invoices())
        .extracting(Invoice::amount)
        .containsExactly(new BigDecimal("0.10"), new BigDecimal("0.20"), new BigDecimal("33.33"));
    assertThat(runtime.getVariable(pi.getId(), INVOICES)).isInstanceOf(String.class);
  }

  @Test
  void procurementsPaymentRequestStartsItWithoutAUserAndGetsPaidAtBack() throws Exception {
    Deployment caller =
        engine
            .getRepositoryService()
            .createDeployment()
            // the engine parses resources named *.bpmn: the file's name keeps it away from the
            // app's auto-deployment
            .addInputStream(
                "reimbursement-test-caller.bpmn",
                getClass().getResourceAsStream("/reimbursement/payment-request-caller.bpmn.xml"))
            .name("reimbursement-test-caller")
            .deploy();
    try {
      List<Map<String, Object>> invoices =
          List.of(invoice(code10(), number8(), "15600.00", "2026-11-18"));
      Map<String, Object> vars = new HashMap<>();
      vars.put(AMOUNT, 15600);
      vars.put(PURPOSE, "采购 PO-2026-0042 付款：打印机 4 台");
      vars.put(INVOICES, JSON.writeValueAsString(invoices));
      vars.put(PROCUREMENT_ID, "PO-2026-0042");
      vars.put(CLAIMANT, APPLICANT_USER);
      // the engine continues the procurement (no authenticated user)
      ProcessInstance procurement =
          runtime.startProcessInstanceByKey("reimbursement_test_caller", vars);
      ProcessInstance pi =
          runtime
              .createProcessInstanceQuery()
              .superProcessInstanceId(procurement.getId())
              .singleResult();
      assertThat(pi).isWaitingAt(TASK_FIRST_REVIEW);
      Reimbursement claim = service.claim(pi.getBusinessKey());
      assertThat(claim.applicant()).isEqualTo(APPLICANT_USER);
      assertThat(claim.procurementId()).isEqualTo("PO-2026-0042");
      driver.approve(FIRST, pi.getId(), TASK_FIRST_REVIEW);
      driver.approve(SECOND, pi.getId(), TASK_SECOND_REVIEW);
      driver.approve(LEADER, pi.getId(), TASK_LEADER_APPROVAL);
      driver.complete(
          SECOND, pi.getId(), TASK_RECORD_PAYMENT, payment("2026-11-23", "银行转账", "LS-PO-42"));
      assertThat(pi).isEnded().hasPassed(END_PAID);
      assertThat(procurement).isEnded();
      Object paidAt =
          history
              .createHistoricVariableInstanceQuery()
              .processInstanceId(procurement.getId())
              .variableName(PAID_AT)
              .singleResult()
              .getValue();
      assertThat(paidAt).isEqualTo(TestClock.date("2026-11-23T10:00:00"));

      // a caller without a valid claimant is refused, nothing started
      vars.put(CLAIMANT, "nobody-here");
      vars.put(INVOICES, JSON.writeValueAsString(List.of(digital("15600", "2026-11-18"))));
      assertThatThrownBy(() -> runtime.startProcessInstanceByKey("reimbursement_test_caller", vars))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("字段 claimant");
    } finally {
      engine.getRepositoryService().deleteDeployment(caller.getId(), true);
    }
  }

  // --- helpers

  ProcessInstance start(String user, Map<String, Object> vars) {
    return driver.start(user, PROCESS_KEY, vars);
  }

  long claims() {
    return jdbc.sql("select count(*) from of_reimbursement").query(Long.class).single();
  }

  static Map<String, Object> claim(
      String amount, String purpose, List<Map<String, Object>> invoices) throws Exception {
    Map<String, Object> vars = new HashMap<>();
    vars.put(AMOUNT, new BigDecimal(amount).doubleValue());
    vars.put(PURPOSE, purpose);
    vars.put(INVOICES, JSON.writeValueAsString(invoices));
    return vars;
  }

  static Map<String, Object> revise(
      String amount, String purpose, List<Map<String, Object>> invoices) throws Exception {
    Map<String, Object> vars = claim(amount, purpose, invoices);
    vars.put(REVISE_ACTION, RESUBMIT);
    return vars;
  }

  static Map<String, Object> approve() {
    return Map.of("decision", "approve", "comment", "同意");
  }

  static Map<String, Object> payment(String date, String method, String reference) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(PAID_ON, date);
    vars.put(PAYMENT_METHOD, method);
    vars.put(PAYMENT_REFERENCE, reference);
    return vars;
  }

  static Map<String, Object> invoice(String code, String number, String amount, String date) {
    Map<String, Object> invoice = new LinkedHashMap<>();
    invoice.put("code", code);
    invoice.put("number", number);
    invoice.put("amount", new BigDecimal(amount));
    invoice.put("date", date);
    return invoice;
  }

  static Map<String, Object> digital(String amount, String date) {
    return invoice("", digits(20), amount, date);
  }

  static String code10() {
    return digits(10);
  }

  static String code12() {
    return digits(12);
  }

  static String number8() {
    return digits(8);
  }

  static String digits(int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append(ThreadLocalRandom.current().nextInt(10));
    }
    return s.toString();
  }
}
