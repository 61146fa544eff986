package cn.officeflow.procurement;

import static cn.officeflow.procurement.ProcurementVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.officeflow.platform.archive.ArchiveService;
import cn.officeflow.platform.archive.ArchiveSource;
import cn.officeflow.platform.inventory.InventoryService;
import cn.officeflow.platform.web.AccessRefusedException;
import cn.officeflow.platform.web.ValidationException;
import cn.officeflow.support.ProcessDriver;
import cn.officeflow.support.ProcessTest;
import cn.officeflow.support.TestClock;
import java.math.BigDecimal;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
 * Every path of bpmn/procurement.bpmn and bpmn/supplier_review.bpmn on the real engine (H2) with the engine clock:
 * request → research (merge, from stock, purchase) → quotes (≥ 3; single source approved / rejected) → sample
 * (fail → quotes again, pass) → the DMN's approval chain (1, 2 and 4 levels; reject) → budget (within, flexible
 * with leaders approve / reject, over) → order → receipt (stock, invoices) → payment via a reimbursement stub; JIT
 * start by ReorderPointReached; the quarterly supplier review with the grade rule; invalid input refused naming the
 * field.
 */
@ProcessTest
class ProcurementProcessTest {

  static final String REQUESTER = "zhangwei";
  static final String BUYER = "fengtao";
  static final String WAREHOUSE_USER = "huanglei";
  static final String DIRECTOR = "zhaomin";
  static final String DEPUTY = "sunli";
  static final String LEADER = "wuqiang";
  static final String FINANCE_USER = "chenjing";
  static final String PAPER = "7b1d0c3a-0001-4c6e-8f10-000000000001";
  static final String PEN = "7b1d0c3a-0001-4c6e-8f10-000000000002";
  static final String CHAIR = "7b1d0c3a-0001-4c6e-8f10-000000000007";

  static final String S1 = "晨光文具示范供应商";
  static final String S2 = "得力办公示范供应商";
  static final String S3 = "联想办公设备示范供应商";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired ProcurementRepository repo;
  @Autowired InventoryService inventory;
  @Autowired JdbcClient jdbc;
  @Autowired ArchiveService archive;

  ProcessDriver driver;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    driver = new ProcessDriver(engine);
    TestClock.set("2026-11-23T10:00:00");
    if (repository.createProcessDefinitionQuery().processDefinitionKey("reimbursement").count() == 0
        || repository.createDeploymentQuery().deploymentName("reimbursement-stub").count() == 0) {
      repository
          .createDeployment()
          .name("reimbursement-stub")
          .addInputStream(
              "reimbursement-stub.bpmn",
              getClass().getResourceAsStream("/procurement/reimbursement-stub.xml"))
          .deploy();
    }
    budget("dept-business", "2026Q4", "100000", "80000");
  }

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  void budget(String dept, String quarter, String rigid, String flexible) {
    jdbc.sql("delete from of_budget where department_id = ? and quarter = ?")
        .params(dept, quarter)
        .update();
    jdbc.sql(
            "insert into of_budget (id, department_id, quarter, rigid_amount, flexible_amount, committed_amount,"
                + " used_amount, updated_at, version) values (?,?,?,?,?,0,0,?,0)")
        .params(
            java.util.UUID.randomUUID().toString(),
            dept,
            quarter,
            new BigDecimal(rigid),
            new BigDecimal(flexible),
            new java.sql.Timestamp(System.currentTimeMillis()))
        .update();
  }

  ProcessInstance request(String itemId, String description, String category, int quantity) {
    Map<String, Object> v = new HashMap<>();
    if (itemId != null) {
      v.put(ITEM_ID, itemId);
    } else {
      v.put(ITEM_DESCRIPTION, description);
      v.put(CATEGORY, category);
    }
    v.put(QUANTITY, quantity);
    v.put(REASON, "业务处日常办公需要");
    return driver.start(REQUESTER, PROCESS_KEY, v);
  }

  void research(ProcessInstance pi, String outcome) {
    driver.complete(BUYER, pi.getId(), TASK_RESEARCH, Map.of(RESEARCH_OUTCOME, outcome));
  }

  static Map<String, Object> quotes(String lines, String chosen, String reason) {
    Map<String, Object> v = new HashMap<>();
    v.put(QUOTES, lines);
    v.put(CHOSEN_SUPPLIER, chosen);
    if (reason != null) {
      v.put(CHOICE_REASON, reason);
    }
    return v;
  }

  static String three(String a, String b, String c) {
    return S1
        + " | "
        + a
        + " | 7 | 含运费\n"
        + S2
        + " | "
        + b
        + " | 5 | 含运费\n"
        + S3
        + " | "
        + c
        + " | 10 | 货到付款";
  }

  String purchaseId(ProcessInstance pi) {
    return history
        .createHistoricProcessInstanceQuery()
        .processInstanceId(pi.getId())
        .singleResult()
        .getBusinessKey();
  }

  ProcurementRepository.Budget businessBudget() {
    return repo.budget("dept-business", "2026Q4").orElseThrow();
  }

  void receiveAndPay(ProcessInstance pi, String amount) {
    driver.complete(BUYER, pi.getId(), TASK_ORDER, Map.of(ORDER_NUMBER, "PO-2026-001"));
    // an 11-digit 发票代码 exists nowhere (报销 would refuse it later): refused at receipt already
    assertThatThrownBy(
            () ->
                driver.complete(
                    WAREHOUSE_USER,
                    pi.getId(),
                    TASK_RECEIVE,
                    Map.of(
                        RECEIVED_QUANTITY,
                        10,
                        INVOICES,
                        "31002311301 | 12345678 | " + amount + " | 2026-11-20")))
        .hasMessageContaining("发票代码应为 10 或 12 位数字");
    driver.complete(
        WAREHOUSE_USER,
        pi.getId(),
        TASK_RECEIVE,
        Map.of(
            RECEIVED_QUANTITY,
            10,
            INVOICES,
            "3100231130 | 12345678 | " + amount + " | 2026-11-20"));
    assertThat(pi).isWaitingAt(CALL_PAYMENT);
    ProcessInstance payment =
        runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
    assertThat(runtime.getVariable(payment.getId(), "claimant")).isEqualTo(REQUESTER);
    assertThat(runtime.getVariable(payment.getId(), "procurementId")).isEqualTo(purchaseId(pi));
    assertThat((String) runtime.getVariable(payment.getId(), "invoices"))
        .contains("\"code\":\"3100231130\"");
    driver.complete(FINANCE_USER, payment.getId(), "Task_Pay", Map.of(PAID_AT, new Date()));
    assertThat(pi).isEnded().hasPassed(END_DONE);
  }

  /** 4,800 of paper, 3 quotes, cheapest chosen: office-director only, within budget, stock +10, savings 700. */
  @Test
  void happyPathSmallPurchase() {
    int before = inventory.get(PAPER).stock();
    ProcessInstance pi = request(PAPER, null, null, 10);
    assertThat(pi).isWaitingAt(TASK_RESEARCH);
    assertThat(runtime.getVariable(pi.getId(), STOCK_INFO).toString()).contains("库存");
    research(pi, OUTCOME_PURCHASE);
    driver.complete(
        BUYER, pi.getId(), TASK_COMPARE_QUOTES, quotes(three("4800", "5000", "5500"), S1, null));
    assertThat(pi).hasPassed(TASK_APPROVAL_LEVELS).isWaitingAt(TASK_APPROVE);
    assertThat(runtime.getVariable(pi.getId(), APPROVERS)).isEqualTo("office-director");
    assertThat((String) runtime.getVariable(pi.getId(), QUOTE_TABLE)).contains("节约：700.00");
    driver.approve(DIRECTOR, pi.getId(), TASK_APPROVE);
    assertThat(pi).hasPassed(TASK_BUDGET_CHECK).isWaitingAt(TASK_ORDER);
    assertThat(businessBudget().committedAmount()).isEqualByComparingTo("4800");
    receiveAndPay(pi, "4800.00");
    assertThat(inventory.get(PAPER).stock()).isEqualTo(before + 10);
    ProcurementRepository.Purchase p = repo.purchase(purchaseId(pi)).orElseThrow();
    assertThat(p.status()).isEqualTo("DONE");
    assertThat(p.savings()).isEqualByComparingTo("700");
    assertThat(businessBudget().usedAmount()).isEqualByComparingTo("4800");
    assertThat(businessBudget().committedAmount()).isEqualByComparingTo("0");
    assertThat(repo.invoices(p.id())).hasSize(1);
    // numbered at the request, the 采购记录 archived in the hash chain when done
    assertThat(p.purchaseNumber()).matches("采购〔2026〕\\d+号");
    assertThat(
            (String)
                history
                    .createHistoricVariableInstanceQuery()
                    .processInstanceId(pi.getId())
                    .variableName(SUMMARY)
                    .singleResult()
                    .getValue())
        .startsWith(p.purchaseNumber());
    var entry = archive.entry(p.archiveEntryId());
    assertThat(entry.source()).isEqualTo(ArchiveSource.PROCUREMENT);
    assertThat(entry.sourceId()).isEqualTo(p.id());
    assertThat(entry.documentNumber()).isEqualTo(p.purchaseNumber());
    String record =
        new String(archive.content(entry.id()), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(record)
        .contains(p.purchaseNumber())
        .contains(S1)
        .contains("700.00 元")
        .contains("PO-2026-001")
        .contains("3100231130")
        .contains("赵敏");
    assertThat(archive.verify().intact()).isTrue();
  }

  /** The warehouse has enough: issued from stock, the request ends. */
  @Test
  void fulfilledFromStock() {
    int before = inventory.get(PEN).stock();
    ProcessInstance pi = request(PEN, null, null, 5);
    research(pi, OUTCOME_STOCK);
    assertThat(pi).isEnded().hasPassed(TASK_ISSUE_FROM_STOCK, END_FROM_STOCK);
    assertThat(inventory.get(PEN).stock()).isEqualTo(before - 5);
    assertThat(repo.purchase(purchaseId(pi)).orElseThrow().status()).isEqualTo("FROM_STOCK");
  }

  /** A second request for the same new item merges into the first: quantities add up. */
  @Test
  void similarRequestsMerge() {
    ProcessInstance first = request(null, "碎纸机（合并测试）", "办公设备", 1);
    ProcessInstance second = request(null, "碎纸机（合并测试）", "办公设备", 2);
    assertThat(runtime.getVariable(second.getId(), OPEN_SIMILAR).toString())
        .contains(purchaseId(first));
    research(second, OUTCOME_MERGE);
    assertThat(second).isEnded().hasPassed(END_MERGED);
    assertThat(repo.purchase(purchaseId(first)).orElseThrow().quantity()).isEqualTo(3);
    assertThat(repo.purchase(purchaseId(second)).orElseThrow().mergedInto())
        .isEqualTo(purchaseId(first));
  }

  /**
   * Single source: rejected by the office director → quotes again; approved the second time. 家具 needs a sample:
   * fail → quotes again; pass → 2 levels (office-director, then the department's 分管领导 sunli); into the flexible
   * budget → leaders approve → order.
   */
  @Test
  void singleSourceSampleTwoLevelsAndFlexibleBudget() {
    budget("dept-business", "2026Q4", "15000", "10000");
    ProcessInstance pi = request(CHAIR, null, null, 10);
    research(pi, OUTCOME_PURCHASE);
    Map<String, Object> single = quotes(S1 + " | 12000 | 7 | 独家型号", S1, null);
    single.put(SINGLE_SOURCE_REASON, "与现有办公椅同型号，仅此一家供货");
    driver.complete(BUYER, pi.getId(), TASK_COMPARE_QUOTES, single);
    assertThat(pi).isWaitingAt(TASK_APPROVE_SINGLE_SOURCE);
    driver.reject(DIRECTOR, pi.getId(), TASK_APPROVE_SINGLE_SOURCE, "请再询两家");
    assertThat(pi).isWaitingAt(TASK_COMPARE_QUOTES);
    driver.complete(BUYER, pi.getId(), TASK_COMPARE_QUOTES, single);
    driver.approve(DIRECTOR, pi.getId(), TASK_APPROVE_SINGLE_SOURCE);
    assertThat(pi).isWaitingAt(TASK_SAMPLE_TRIAL);
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getAssignee())
        .isEqualTo(REQUESTER);
    assertThatThrownBy(
            () ->
                driver.complete(
                    REQUESTER, pi.getId(), TASK_SAMPLE_TRIAL, Map.of(SAMPLE_RESULT, "fail")))
        .isInstanceOf(ValidationException.class)
        .hasFieldOrPropertyWithValue("field", SAMPLE_NOTE);
    driver.complete(
        REQUESTER,
        pi.getId(),
        TASK_SAMPLE_TRIAL,
        Map.of(SAMPLE_RESULT, "fail", SAMPLE_NOTE, "扶手松动"));
    assertThat(pi).isWaitingAt(TASK_COMPARE_QUOTES);
    driver.complete(
        BUYER,
        pi.getId(),
        TASK_COMPARE_QUOTES,
        quotes(three("12000", "11000", "13000"), S1, "质量更好，售后更近"));
    driver.complete(REQUESTER, pi.getId(), TASK_SAMPLE_TRIAL, Map.of(SAMPLE_RESULT, "pass"));
    assertThat(runtime.getVariable(pi.getId(), APPROVERS))
        .isEqualTo("office-director,deputy-leaders");
    driver.approve(DIRECTOR, pi.getId(), TASK_APPROVE);
    Task deputy = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(tasks.getIdentityLinksForTask(deputy.getId()).stream().map(IdentityLink::getUserId))
        .contains(DEPUTY);
    driver.approve(DEPUTY, pi.getId(), TASK_APPROVE);
    assertThat(pi).isWaitingAt(TASK_LEADER_BUDGET);
    driver.approve(LEADER, pi.getId(), TASK_LEADER_BUDGET);
    assertThat(pi).isWaitingAt(TASK_ORDER);
    assertThat(businessBudget().committedAmount()).isEqualByComparingTo("12000");
    assertThat(repo.purchase(purchaseId(pi)).orElseThrow().savings()).isEqualByComparingTo("1000");
  }

  /** 60,000: four levels in order; above the flexible amount, the leaders refuse → ends, nothing committed. */
  @Test
  void fourLevelsThenLeadersRefuseTheFlexibleBudget() {
    budget("dept-business", "2026Q4", "70000", "50000");
    ProcessInstance pi = request(PAPER, null, null, 10);
    research(pi, OUTCOME_PURCHASE);
    driver.complete(
        BUYER, pi.getId(), TASK_COMPARE_QUOTES, quotes(three("60000", "61000", "62000"), S1, null));
    assertThat(runtime.getVariable(pi.getId(), APPROVERS))
        .isEqualTo("office-director,deputy-leaders,leaders,finance");
    driver.approve(DIRECTOR, pi.getId(), TASK_APPROVE);
    driver.approve(DEPUTY, pi.getId(), TASK_APPROVE);
    driver.approve(LEADER, pi.getId(), TASK_APPROVE);
    driver.approve(FINANCE_USER, pi.getId(), TASK_APPROVE);
    assertThat(pi).isWaitingAt(TASK_LEADER_BUDGET);
    driver.reject(LEADER, pi.getId(), TASK_LEADER_BUDGET, "本季度不再追加");
    assertThat(pi).isEnded().hasPassed(END_BUDGET_REJECTED);
    assertThat(businessBudget().committedAmount()).isEqualByComparingTo("0");
  }

  /**
   * 刚性约束+弹性调整 on what the quarter has spent: up to the flexible amount a purchase goes on; above it the
   * leaders decide; above the rigid amount it is refused — exactly at the lines.
   */
  @Test
  void theBudgetLinesAreTheFlexibleAndTheRigidAmount() {
    budget("dept-business", "2026Q4", "4000", "3000");
    ProcessInstance first = approvedPurchase("3000");
    assertThat(first).isWaitingAt(TASK_ORDER);
    assertThat(businessBudget().committedAmount()).isEqualByComparingTo("3000");
    ProcessInstance second = approvedPurchase("1000");
    assertThat(second).isWaitingAt(TASK_LEADER_BUDGET);
    driver.approve(LEADER, second.getId(), TASK_LEADER_BUDGET);
    assertThat(second).isWaitingAt(TASK_ORDER);
    assertThat(businessBudget().committedAmount()).isEqualByComparingTo("4000");
    ProcessInstance third = approvedPurchase("0.01");
    assertThat(third).isEnded().hasPassed(END_OVER_BUDGET);
    assertThat(businessBudget().committedAmount()).isEqualByComparingTo("4000");
  }

  private ProcessInstance approvedPurchase(String amount) {
    ProcessInstance pi = request(PEN, null, null, 1);
    research(pi, OUTCOME_PURCHASE);
    driver.complete(
        BUYER,
        pi.getId(),
        TASK_COMPARE_QUOTES,
        quotes(
            three(
                amount,
                new BigDecimal(amount).add(BigDecimal.ONE).toPlainString(),
                new BigDecimal(amount).add(BigDecimal.TEN).toPlainString()),
            S1,
            null));
    driver.approve(DIRECTOR, pi.getId(), TASK_APPROVE);
    return pi;
  }

  /** Above the rigid amount: refused, ends. */
  @Test
  void overBudgetIsRefused() {
    budget("dept-business", "2026Q4", "3000", "1000");
    ProcessInstance pi = request(PAPER, null, null, 10);
    research(pi, OUTCOME_PURCHASE);
    driver.complete(
        BUYER, pi.getId(), TASK_COMPARE_QUOTES, quotes(three("4800", "5000", "5500"), S1, null));
    driver.approve(DIRECTOR, pi.getId(), TASK_APPROVE);
    assertThat(pi).isEnded().hasPassed(END_OVER_BUDGET);
    assertThat(repo.purchase(purchaseId(pi)).orElseThrow().status()).isEqualTo("OVER_BUDGET");
  }

  /** A reject in the chain ends the purchase. */
  @Test
  void rejectedInTheChain() {
    ProcessInstance pi = request(PAPER, null, null, 10);
    research(pi, OUTCOME_PURCHASE);
    driver.complete(
        BUYER, pi.getId(), TASK_COMPARE_QUOTES, quotes(three("8000", "9000", "9500"), S1, null));
    driver.approve(DIRECTOR, pi.getId(), TASK_APPROVE);
    driver.reject(DEPUTY, pi.getId(), TASK_APPROVE, "暂缓采购");
    assertThat(pi).isEnded().hasPassed(END_REJECTED);
    assertThat(repo.purchase(purchaseId(pi)).orElseThrow().status()).isEqualTo("REJECTED");
  }

  /**
   * 退回比价: an approver sends the purchase back; the buyer changes the quotes and the chain starts again from
   * its first level. One person, one level: the office director who is also in finance approved level 1 and
   * is refused at level 4 (claim and complete), the other finance officer approves it.
   */
  @Test
  void sentBackToQuotesThenOnePersonApprovesOneLevel() {
    engine.getIdentityService().createMembership(DIRECTOR, "finance");
    try {
      ProcessInstance pi = request(PAPER, null, null, 10);
      research(pi, OUTCOME_PURCHASE);
      driver.complete(
          BUYER,
          pi.getId(),
          TASK_COMPARE_QUOTES,
          quotes(three("62000", "63000", "64000"), S1, null));
      driver.approve(DIRECTOR, pi.getId(), TASK_APPROVE);
      assertThat(runtime.getVariable(pi.getId(), CHAIN_APPROVERS)).isEqualTo(DIRECTOR);
      // a reject names what to do next; an unknown choice is refused naming the field, nothing
      // moves
      Map<String, Object> unknown = new HashMap<>();
      unknown.put("decision", "reject");
      unknown.put("comment", "价格偏高");
      unknown.put(REJECT_ACTION, "later");
      assertThatThrownBy(() -> driver.complete(DEPUTY, pi.getId(), TASK_APPROVE, unknown))
          .isInstanceOf(ValidationException.class)
          .hasFieldOrPropertyWithValue("field", REJECT_ACTION);
      Map<String, Object> sendBack = new HashMap<>(unknown);
      sendBack.put(REJECT_ACTION, SEND_BACK_REVISE);
      driver.complete(DEPUTY, pi.getId(), TASK_APPROVE, sendBack);
      assertThat(pi).isWaitingAt(TASK_COMPARE_QUOTES).hasNotPassed(END_REJECTED);
      Task again = driver.taskFor(BUYER, pi.getId(), TASK_COMPARE_QUOTES);
      assertThat((String) tasks.getVariable(again.getId(), "reviewTrail")).contains("价格偏高");
      assertThat(runtime.getVariables(pi.getId())).doesNotContainKey(REJECT_ACTION);

      driver.complete(
          BUYER,
          pi.getId(),
          TASK_COMPARE_QUOTES,
          quotes(three("58000", "59000", "60500"), S1, null));
      assertThat(runtime.getVariable(pi.getId(), CHAIN_APPROVERS)).isEqualTo("");
      driver.approve(DIRECTOR, pi.getId(), TASK_APPROVE);
      driver.approve(DEPUTY, pi.getId(), TASK_APPROVE);
      driver.approve(LEADER, pi.getId(), TASK_APPROVE);
      Task finance = driver.taskFor(DIRECTOR, pi.getId(), TASK_APPROVE);
      assertThatThrownBy(() -> driver.as(DIRECTOR, () -> tasks.claim(finance.getId(), DIRECTOR)))
          .isInstanceOf(AccessRefusedException.class)
          .hasMessageContaining("采购审批");
      assertThatThrownBy(
              () ->
                  driver.as(
                      DIRECTOR,
                      () ->
                          tasks.complete(
                              finance.getId(), Map.of("decision", "approve", "comment", "同意"))))
          .isInstanceOf(AccessRefusedException.class);
      driver.approve(FINANCE_USER, pi.getId(), TASK_APPROVE);
      assertThat(pi).isWaitingAt(TASK_ORDER);
      assertThat(runtime.getVariable(pi.getId(), CHAIN_APPROVERS))
          .isEqualTo(String.join(",", DIRECTOR, DEPUTY, LEADER, FINANCE_USER));
      assertThat(businessBudget().committedAmount()).isEqualByComparingTo("58000");
    } finally {
      engine.getIdentityService().deleteMembership(DIRECTOR, "finance");
    }
  }

  /**
   * Something the warehouse did not hold: at 验收入库 it becomes an item (the warehouse gives code and unit; the
   * unit value is the order amount over the quantity), the purchase points at it and the stock holds what came.
   */
  @Test
  void aNewItemBecomesAStockItemAtReceipt() {
    ProcessInstance pi = request(null, "装订夹条（A4，100支装）", "耗材", 10);
    research(pi, OUTCOME_PURCHASE);
    driver.complete(
        BUYER, pi.getId(), TASK_COMPARE_QUOTES, quotes(three("450", "480", "500"), S1, null));
    driver.approve(DIRECTOR, pi.getId(), TASK_APPROVE);
    driver.complete(BUYER, pi.getId(), TASK_ORDER, Map.of(ORDER_NUMBER, "PO-2026-NEW"));
    Map<String, Object> receipt = new HashMap<>();
    receipt.put(RECEIVED_QUANTITY, 9);
    receipt.put(INVOICES, "3100231130 | 22345678 | 450.00 | 2026-11-20");
    assertThatThrownBy(() -> driver.complete(WAREHOUSE_USER, pi.getId(), TASK_RECEIVE, receipt))
        .isInstanceOf(ValidationException.class)
        .hasFieldOrPropertyWithValue("field", NEW_ITEM_CODE);
    receipt.put(NEW_ITEM_CODE, "装订 夹条");
    receipt.put(NEW_ITEM_UNIT, "盒");
    assertThatThrownBy(() -> driver.complete(WAREHOUSE_USER, pi.getId(), TASK_RECEIVE, receipt))
        .isInstanceOf(ValidationException.class)
        .hasFieldOrPropertyWithValue("field", NEW_ITEM_CODE);
    receipt.put(NEW_ITEM_CODE, "HC-" + pi.getId().substring(0, 6));
    receipt.remove(NEW_ITEM_UNIT);
    assertThatThrownBy(() -> driver.complete(WAREHOUSE_USER, pi.getId(), TASK_RECEIVE, receipt))
        .isInstanceOf(ValidationException.class)
        .hasFieldOrPropertyWithValue("field", NEW_ITEM_UNIT);
    assertThat(inventory.list(null, "装订夹条")).isEmpty();
    receipt.put(NEW_ITEM_UNIT, "盒");
    driver.complete(WAREHOUSE_USER, pi.getId(), TASK_RECEIVE, receipt);

    ProcurementRepository.Purchase p = repo.purchase(purchaseId(pi)).orElseThrow();
    assertThat(p.itemId()).isNotNull();
    var item = inventory.get(p.itemId());
    assertThat(item.name()).isEqualTo("装订夹条（A4，100支装）");
    assertThat(item.category()).isEqualTo("耗材");
    assertThat(item.unit()).isEqualTo("盒");
    assertThat(item.stock()).isEqualTo(9);
    assertThat(item.unitValue()).isEqualByComparingTo("50.00");
    assertThat(inventory.movements(item.id()).get(0).reference()).isEqualTo(p.id());
  }

  /** A purchase of an item in stock does not take a new item's code at receipt. */
  @Test
  void aStockItemIsNotRegisteredAgainAtReceipt() {
    ProcessInstance pi = request(PEN, null, null, 10);
    research(pi, OUTCOME_PURCHASE);
    driver.complete(
        BUYER, pi.getId(), TASK_COMPARE_QUOTES, quotes(three("300", "320", "350"), S1, null));
    driver.approve(DIRECTOR, pi.getId(), TASK_APPROVE);
    driver.complete(BUYER, pi.getId(), TASK_ORDER, Map.of(ORDER_NUMBER, "PO-2026-PEN"));
    assertThatThrownBy(
            () ->
                driver.complete(
                    WAREHOUSE_USER,
                    pi.getId(),
                    TASK_RECEIVE,
                    Map.of(
                        RECEIVED_QUANTITY,
                        10,
                        INVOICES,
                        "3100231130 | 32345678 | 300.00 | 2026-11-20",
                        NEW_ITEM_CODE,
                        "BG-999")))
        .isInstanceOf(ValidationException.class)
        .hasFieldOrPropertyWithValue("field", NEW_ITEM_CODE);
    assertThat(pi).isWaitingAt(TASK_RECEIVE);
  }

  /** Quotes: fewer than 3 without a reason, not the cheapest without a reason, unknown supplier → 400 naming the field. */
  @Test
  void quoteRulesAreEnforced() {
    ProcessInstance pi = request(PAPER, null, null, 10);
    research(pi, OUTCOME_PURCHASE);
    assertThatThrownBy(
            () ->
                driver.complete(
                    BUYER,
                    pi.getId(),
                    TASK_COMPARE_QUOTES,
                    quotes(S1 + " | 100 | 1 | x\n" + S2 + " | 120 | 1 | y", S1, null)))
        .isInstanceOf(ValidationException.class)
        .hasFieldOrPropertyWithValue("field", QUOTES);
    assertThatThrownBy(
            () ->
                driver.complete(
                    BUYER,
                    pi.getId(),
                    TASK_COMPARE_QUOTES,
                    quotes(three("4800", "5000", "5500"), S2, null)))
        .isInstanceOf(ValidationException.class)
        .hasFieldOrPropertyWithValue("field", CHOICE_REASON);
    assertThatThrownBy(
            () ->
                driver.complete(
                    BUYER,
                    pi.getId(),
                    TASK_COMPARE_QUOTES,
                    quotes(three("-1", "5000", "5500"), S2, null)))
        .isInstanceOf(ValidationException.class)
        .hasFieldOrPropertyWithValue("field", QUOTES);
    assertThatThrownBy(
            () ->
                driver.complete(
                    BUYER,
                    pi.getId(),
                    TASK_COMPARE_QUOTES,
                    quotes("无名公司 | 1 | 1 | x", "无名公司", null)))
        .isInstanceOf(ValidationException.class)
        .hasFieldOrPropertyWithValue("field", QUOTES);
    assertThat(pi).isWaitingAt(TASK_COMPARE_QUOTES);
    assertThat(repo.quotes(purchaseId(pi))).isEmpty();
  }

  /** Start input: bad quantity, another department's budget, unknown item → 400 naming the field. */
  @Test
  void startIsValidated() {
    assertThatThrownBy(() -> request(PAPER, null, null, 0))
        .isInstanceOf(ValidationException.class)
        .hasFieldOrPropertyWithValue("field", QUANTITY);
    assertThatThrownBy(() -> request("no-such-item", null, null, 1))
        .isInstanceOf(ValidationException.class)
        .hasFieldOrPropertyWithValue("field", ITEM_ID);
    assertThatThrownBy(
            () ->
                driver.start(
                    REQUESTER,
                    PROCESS_KEY,
                    Map.of(
                        ITEM_ID,
                        PAPER,
                        QUANTITY,
                        1,
                        REASON,
                        "x",
                        BUDGET_DEPARTMENT,
                        "dept-finance")))
        .isInstanceOf(ValidationException.class)
        .hasFieldOrPropertyWithValue("field", BUDGET_DEPARTMENT);
  }

  /** JIT: ReorderPointReached correlated as the engine becomes a 需求调研 task for procurement with the item prefilled. */
  @Test
  void reorderPointStartsResearch() {
    Map<String, Object> v = new HashMap<>();
    v.put(ITEM_ID, PAPER);
    v.put(ITEM_NAME, "A4复印纸（70克，500张）");
    v.put(CATEGORY, "办公用品");
    v.put(STOCK, 19);
    v.put(REORDER_POINT, 20);
    v.put(QUANTITY, 100);
    ProcessInstance pi =
        driver.asSystem(
            () ->
                runtime
                    .createMessageCorrelation(MESSAGE_REORDER)
                    .setVariables(v)
                    .correlateStartMessage());
    assertThat(pi).hasPassed(START_REORDER).isWaitingAt(TASK_RESEARCH);
    Task task = driver.taskFor(BUYER, pi.getId(), TASK_RESEARCH);
    assertThat(task).isNotNull();
    ProcurementRepository.Purchase p = repo.purchase(purchaseId(pi)).orElseThrow();
    assertThat(p.origin()).isEqualTo("JIT");
    assertThat(p.quantity()).isEqualTo(100);
    assertThat(p.departmentId()).isEqualTo("dept-office");
    // the whole JIT purchase: charged to dept-office, the buyer claims the payment
    budget("dept-office", "2026Q4", "200000", "50000");
    research(pi, OUTCOME_PURCHASE);
    driver.complete(
        BUYER, pi.getId(), TASK_COMPARE_QUOTES, quotes(three("2000", "2100", "2300"), S1, null));
    driver.approve(DIRECTOR, pi.getId(), TASK_APPROVE);
    driver.complete(BUYER, pi.getId(), TASK_ORDER, Map.of(ORDER_NUMBER, "PO-JIT-1"));
    driver.complete(
        WAREHOUSE_USER,
        pi.getId(),
        TASK_RECEIVE,
        Map.of(RECEIVED_QUANTITY, 100, INVOICES, "3100231130 | 87654321 | 2000 | 2026-11-20"));
    ProcessInstance payment =
        runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
    assertThat(runtime.getVariable(payment.getId(), "claimant")).isEqualTo(BUYER);
  }

  /** The real platform: an issue below the reorder point starts a JIT procurement for the item (once). */
  @Test
  void inventoryIssueBelowTheReorderPointStartsAJitPurchase() {
    String toner = "7b1d0c3a-0001-4c6e-8f10-000000000003";
    var item = inventory.get(toner);
    long before =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(PROCESS_KEY)
            .variableValueEquals(ITEM_ID, toner)
            .count();
    driver.as(
        WAREHOUSE_USER,
        () -> inventory.issue(toner, item.stock() - item.reorderPoint() + 1, "领用", "test"));
    long after =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(PROCESS_KEY)
            .variableValueEquals(ITEM_ID, toner)
            .count();
    assertThat(after).isEqualTo(item.reorderOpen() ? before : before + 1);
    ProcessInstance pi =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(PROCESS_KEY)
            .variableValueEquals(ITEM_ID, toner)
            .list()
            .get(0);
    assertThat(pi).isWaitingAt(TASK_RESEARCH);
    assertThat(repo.purchase(purchaseId(pi)).orElseThrow().origin()).isEqualTo("JIT");
  }

  /**
   * supplier_review at 1 January 09:00: strategic and ordinary suppliers get a task (first quarter); two top
   * scores promote an ordinary supplier to 战略, a low score demotes a strategic one.
   */
  @Test
  void quarterlySupplierReview() {
    Job job =
        management
            .createJobQuery()
            .processDefinitionKey(REVIEW_PROCESS_KEY)
            .timers()
            .singleResult();
    management.recalculateJobDuedate(job.getId(), false);
    job = management.createJobQuery().jobId(job.getId()).singleResult();
    ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 1000));
    management.executeJob(job.getId());
    ProcessInstance review =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(REVIEW_PROCESS_KEY)
            .singleResult();
    long active = repo.suppliers().stream().filter(ProcurementRepository.Supplier::active).count();
    boolean january = cn.officeflow.platform.engine.EngineClock.today().getMonthValue() <= 3;
    List<Task> open = tasks.createTaskQuery().processInstanceId(review.getId()).list();
    long strategic =
        repo.suppliers().stream().filter(s -> s.active() && "STRATEGIC".equals(s.grade())).count();
    assertThat(open).hasSize((int) (january ? active : strategic));
    for (Task t : open) {
      String supplierId = (String) runtime.getVariable(t.getExecutionId(), SUPPLIER_ID);
      ProcurementRepository.Supplier s = repo.supplier(supplierId).orElseThrow();
      int score = "STRATEGIC".equals(s.grade()) ? 2 : 5;
      Map<String, Object> scores =
          Map.of(
              SCORE_QUALITY,
              score,
              SCORE_DELIVERY,
              score,
              SCORE_PRICE,
              score,
              SCORE_SERVICE,
              score,
              REVIEW_COMMENT,
              "走访记录");
      driver.as(
          BUYER,
          () -> {
            tasks.claim(t.getId(), BUYER);
            tasks.complete(t.getId(), scores);
          });
    }
    assertThat(review).isEnded();
    // the strategic ones scored 2 → 普通
    repo.suppliers().stream()
        .filter(s -> s.score() != null && s.score().compareTo(new BigDecimal("2.00")) == 0)
        .forEach(s -> assertThat(s.grade()).isEqualTo("ORDINARY"));
  }
}
