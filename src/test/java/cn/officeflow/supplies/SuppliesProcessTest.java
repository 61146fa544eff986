package cn.officeflow.supplies;

import static cn.officeflow.supplies.SuppliesVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.officeflow.platform.files.StoredFileService;
import cn.officeflow.platform.inventory.InventoryService;
import cn.officeflow.platform.inventory.StockShortageException;
import cn.officeflow.platform.notify.NotificationService;
import cn.officeflow.platform.web.ValidationException;
import cn.officeflow.support.ProcessDriver;
import cn.officeflow.support.ProcessTest;
import cn.officeflow.support.TestClock;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every path of bpmn/supplies_requisition.bpmn and bpmn/asset_disposal.bpmn on the real engine (H2) with the
 * engine clock: 领用 below the threshold (no approval), above it (部门负责人 approves or rejects), a short stock
 * refused at 发放 with 400 naming quantity (task stays open, stock unchanged), 不予发放, 以旧换新 without and with
 * the old item, 共享领用 of a non-shareable item refused, a loan reminded one working day before its return date
 * and escalated after it, then returned to stock; 报废 repairable, not written off, and scrapped through 核销 and
 * 环保处置 with its certificate (asset register and stock updated).
 */
@ProcessTest
class SuppliesProcessTest {

  static final String STAFF = "zhangwei";
  static final String HEAD = "liuyang";
  static final String WAREHOUSE_USER = "huanglei";
  static final String IT = "machao";
  static final String FINANCE_USER = "chenjing";
  static final String PAPER = "7b1d0c3a-0001-4c6e-8f10-000000000001";
  static final String LAPTOP = "7b1d0c3a-0001-4c6e-8f10-000000000004";
  static final String PROJECTOR = "7b1d0c3a-0001-4c6e-8f10-000000000005";
  static final String TONER = "7b1d0c3a-0001-4c6e-8f10-000000000003";
  static final String CHAIR = "7b1d0c3a-0001-4c6e-8f10-000000000007";

  @Autowired ProcessEngine engine;
  @Autowired InventoryService inventory;
  @Autowired SuppliesRepository repo;
  @Autowired StoredFileService files;
  @Autowired JdbcClient jdbc;
  @Autowired NotificationService notifications;

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

  ProcessInstance request(String item, int quantity, String kind, String returnDate) {
    Map<String, Object> v = new HashMap<>();
    v.put(ITEM_ID, item);
    v.put(QUANTITY, quantity);
    v.put(KIND, kind);
    v.put(PURPOSE, "日常办公");
    if (returnDate != null) {
      v.put(RETURN_DATE, returnDate);
    }
    return driver.start(STAFF, REQUISITION_KEY, v);
  }

  Map<String, Object> issue() {
    return Map.of(ISSUE_DECISION, "issue");
  }

  @Test
  void belowTheThresholdGoesStraightToTheWarehouse() {
    int before = inventory.get(PAPER).stock();
    ProcessInstance pi = request(PAPER, 2, NORMAL, null);
    assertThat(pi).isWaitingAt(TASK_ISSUE);
    driver.complete(WAREHOUSE_USER, pi.getId(), TASK_ISSUE, issue());
    assertThat(pi).isEnded().hasPassed("EndEvent_Issued");
    assertThat(inventory.get(PAPER).stock()).isEqualTo(before - 2);
    assertThat(repo.requisition(pi.getBusinessKey()).orElseThrow().status()).isEqualTo("ISSUED");
  }

  @Test
  void aboveTheThresholdTheHeadApprovesOrRejects() {
    ProcessInstance pi = request(CHAIR, 1, NORMAL, null); // 850 元 > 500
    assertThat(pi).isWaitingAt(TASK_APPROVE);
    driver.approve(HEAD, pi.getId(), TASK_APPROVE);
    assertThat(pi).isWaitingAt(TASK_ISSUE);
    driver.complete(WAREHOUSE_USER, pi.getId(), TASK_ISSUE, issue());
    assertThat(pi).isEnded();

    ProcessInstance rejected = request(CHAIR, 2, NORMAL, null);
    driver.reject(HEAD, rejected.getId(), TASK_APPROVE, "本月已领过");
    assertThat(rejected).isEnded().hasPassed("EndEvent_Rejected");
    assertThat(repo.requisition(rejected.getBusinessKey()).orElseThrow().status())
        .isEqualTo("REJECTED");
    assertThat(notifications.forBusinessKey(rejected.getBusinessKey()))
        .filteredOn(n -> n.template().equals("supplies-rejected"))
        .extracting(n -> n.recipient())
        .containsOnly(STAFF);
  }

  /** A 部门负责人's own requisition goes to the department's 分管领导, never to themselves. */
  @Test
  void aHeadsOwnRequisitionGoesToTheDeputyLeader() {
    ProcessInstance pi =
        driver.start(
            HEAD,
            REQUISITION_KEY,
            Map.of(ITEM_ID, CHAIR, QUANTITY, 1, KIND, NORMAL, PURPOSE, "会议室补充"));
    assertThat(pi).isWaitingAt(TASK_APPROVE);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), APPROVERS))
        .isEqualTo(java.util.List.of("sunli"));
    driver.approve("sunli", pi.getId(), TASK_APPROVE);
    assertThat(pi).isWaitingAt(TASK_ISSUE);
  }

  @Test
  void aShortStockIsRefusedAtIssueAndTheTaskStaysOpen() {
    int stock = inventory.get(LAPTOP).stock();
    ProcessInstance pi = request(LAPTOP, stock + 1, NORMAL, null);
    driver.approve(HEAD, pi.getId(), TASK_APPROVE);
    assertThatThrownBy(() -> driver.complete(WAREHOUSE_USER, pi.getId(), TASK_ISSUE, issue()))
        .isInstanceOf(StockShortageException.class)
        .hasMessageContaining("库存不足")
        .hasMessageContaining("不予发放");
    assertThat(pi).isWaitingAt(TASK_ISSUE);
    assertThat(inventory.get(LAPTOP).stock()).isEqualTo(stock);
    // refusing needs a reason
    assertThatThrownBy(
            () ->
                driver.complete(
                    WAREHOUSE_USER, pi.getId(), TASK_ISSUE, Map.of(ISSUE_DECISION, "refuse")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("原因");
    driver.complete(
        WAREHOUSE_USER,
        pi.getId(),
        TASK_ISSUE,
        Map.of(ISSUE_DECISION, "refuse", ISSUE_COMMENT, "库存不足，已提采购"));
    assertThat(pi).isEnded().hasPassed("EndEvent_Refused");
    assertThat(notifications.forBusinessKey(pi.getBusinessKey()))
        .filteredOn(n -> n.template().equals("supplies-refused"))
        .isNotEmpty();
    assertThat(repo.requisition(pi.getBusinessKey()).orElseThrow().status()).isEqualTo("REFUSED");
  }

  /**
   * JIT is the platform's: an issue that leaves the stock below the reorder point opens a reorder and starts
   * the process that waits for ReorderPointReached (采购). A stand-in version of {@code procurement} receives it
   * here, so that this class's coverage is about 物资, and is removed afterwards (the real model is the latest
   * again).
   */
  @Test
  void anIssueBelowTheReorderPointOpensAReorder() {
    Deployment standIn =
        engine
            .getRepositoryService()
            .createDeployment()
            .name("procurement stand-in")
            .addModelInstance(
                "procurement-stand-in.bpmn",
                Bpmn.createExecutableProcess("procurement")
                    .camundaHistoryTimeToLive(1)
                    .startEvent("StartEvent_Reorder")
                    .message(InventoryService.REORDER_MESSAGE)
                    .endEvent("EndEvent_Reordered")
                    .done())
            .deploy();
    try {
      int stock = inventory.get(TONER).stock();
      int take = stock - inventory.get(TONER).reorderPoint() + 1;
      ProcessInstance pi = request(TONER, take, NORMAL, null);
      driver.approve(HEAD, pi.getId(), TASK_APPROVE);
      driver.complete(WAREHOUSE_USER, pi.getId(), TASK_ISSUE, issue());
      assertThat(inventory.get(TONER).stock()).isEqualTo(stock - take);
      assertThat(inventory.get(TONER).reorderOpen()).isTrue();
      assertThat(inventory.movements(TONER))
          .anySatisfy(m -> assertThat(m.reference()).isEqualTo(pi.getBusinessKey()));
      assertThat(
              engine
                  .getHistoryService()
                  .createHistoricProcessInstanceQuery()
                  .processDefinitionId(
                      engine
                          .getRepositoryService()
                          .createProcessDefinitionQuery()
                          .deploymentId(standIn.getId())
                          .singleResult()
                          .getId())
                  .variableValueEquals("itemId", TONER)
                  .count())
          .isEqualTo(1);
    } finally {
      engine.getRepositoryService().deleteDeployment(standIn.getId(), true);
    }
  }

  @Test
  void anExchangeNeedsTheOldItemRecorded() {
    ProcessInstance pi = request(PAPER, 1, EXCHANGE, null);
    assertThatThrownBy(() -> driver.complete(WAREHOUSE_USER, pi.getId(), TASK_ISSUE, issue()))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.getField()).isEqualTo(OLD_ASSET_TAG));
    driver.complete(
        WAREHOUSE_USER,
        pi.getId(),
        TASK_ISSUE,
        Map.of(ISSUE_DECISION, "issue", OLD_ASSET_TAG, "SN-OLD-77", OLD_CONDITION, "卡纸，无法使用"));
    assertThat(pi).isEnded();
    var r = repo.requisition(pi.getBusinessKey()).orElseThrow();
    assertThat(r.oldAssetTag()).isEqualTo("SN-OLD-77");
    assertThat(r.oldReceivedBy()).isEqualTo(WAREHOUSE_USER);
    assertThat(repo.assetHistory("SN-OLD-77")).hasSize(1);
  }

  @Test
  void aNonShareableItemCannotBeLent() {
    int before = requisitionCount();
    assertThatThrownBy(() -> request(PAPER, 1, SHARED_KIND, "2026-11-27"))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.getField()).isEqualTo(KIND));
    assertThatThrownBy(() -> request(PROJECTOR, 1, SHARED_KIND, "2027-01-31"))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.getField()).isEqualTo(RETURN_DATE));
    assertThat(requisitionCount()).isEqualTo(before);
  }

  int requisitionCount() {
    return jdbc.sql("select count(*) from of_supplies_requisition").query(Integer.class).single();
  }

  @Test
  void aLoanIsRemindedEscalatedAndReturned() {
    int stock = inventory.get(PROJECTOR).stock();
    ProcessInstance pi = request(PROJECTOR, 1, SHARED_KIND, "2026-11-27"); // Friday
    driver.approve(HEAD, pi.getId(), TASK_APPROVE);
    driver.complete(
        WAREHOUSE_USER,
        pi.getId(),
        TASK_ISSUE,
        Map.of(ISSUE_DECISION, "issue", ASSET_TAG_ISSUED, "ZC-2025-TY01"));
    assertThat(pi).isWaitingAt(TASK_RETURN);
    assertThat(repo.asset("ZC-2025-TY01").orElseThrow())
        .satisfies(a -> assertThat(a.status()).isEqualTo("ON_LOAN"))
        .satisfies(a -> assertThat(a.holder()).isEqualTo(STAFF));
    assertThat(inventory.get(PROJECTOR).stock()).isEqualTo(stock - 1);
    assertThat(repo.loans())
        .extracting(SuppliesRepository.Requisition::id)
        .contains(pi.getBusinessKey());

    TestClock.set("2026-11-26T08:59:00");
    driver.executeJobs(pi.getId());
    assertThat(pi).hasNotPassed("Task_RemindBorrower");
    TestClock.set("2026-11-26T09:00:01"); // one working day before, 09:00
    driver.executeJobs(pi.getId());
    assertThat(pi).hasPassed("Task_RemindBorrower", "EndEvent_Reminded");
    assertThat(pi).hasNotPassed("Task_EscalateOverdue");
    TestClock.set("2026-11-28T09:00:01");
    driver.executeJobs(pi.getId());
    assertThat(pi).hasPassed("Task_EscalateOverdue", "EndEvent_Escalated");
    var sent = notifications.forBusinessKey(pi.getBusinessKey());
    assertThat(sent)
        .filteredOn(n -> n.template().equals("supplies-loan-reminder"))
        .extracting(n -> n.recipient())
        .containsOnly(STAFF);
    assertThat(sent)
        .filteredOn(n -> n.template().equals("supplies-loan-overdue"))
        .extracting(n -> n.recipient())
        .contains(STAFF, HEAD, WAREHOUSE_USER);
    assertThat(pi).isWaitingAt(TASK_RETURN);

    driver.complete(WAREHOUSE_USER, pi.getId(), TASK_RETURN, Map.of(RETURN_CONDITION, "完好"));
    assertThat(pi).isEnded().hasPassed("EndEvent_Returned");
    assertThat(inventory.get(PROJECTOR).stock()).isEqualTo(stock);
    assertThat(repo.requisition(pi.getBusinessKey()).orElseThrow().status()).isEqualTo("RETURNED");
    assertThat(repo.asset("ZC-2025-TY01").orElseThrow().status()).isEqualTo("IN_STOCK");
    assertThat(repo.assetHistory("ZC-2025-TY01"))
        .extracting(h -> h.status())
        .containsExactly("ON_LOAN", "IN_STOCK");
  }

  /** The reminder counts working days: a loan due on a Monday is reminded on the Friday before, 09:00. */
  @Test
  void theReminderSkipsTheWeekend() {
    ProcessInstance pi = request(PROJECTOR, 1, SHARED_KIND, "2026-11-30"); // Monday
    driver.approve(HEAD, pi.getId(), TASK_APPROVE);
    driver.complete(WAREHOUSE_USER, pi.getId(), TASK_ISSUE, issue());
    var reminder =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(pi.getId())
            .activityId(TIMER_REMIND)
            .singleResult();
    assertThat(reminder.getDuedate()).isEqualTo(TestClock.date("2026-11-27T09:00:00"));
    var overdue =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(pi.getId())
            .activityId(TIMER_OVERDUE)
            .singleResult();
    assertThat(overdue.getDuedate()).isEqualTo(TestClock.date("2026-12-01T09:00:00"));
    driver.complete(WAREHOUSE_USER, pi.getId(), TASK_RETURN, Map.of(RETURN_CONDITION, "完好"));
    assertThat(pi).isEnded();
  }

  @Test
  void aScrappedStockItemIsWrittenOffTheStock() {
    int stock = inventory.get(CHAIR).stock();
    ProcessInstance pi =
        driver.start(
            WAREHOUSE_USER, DISPOSAL_KEY, Map.of(ITEM_ID, CHAIR, QUANTITY, 2, REASON, "受潮霉变"));
    driver.complete(
        WAREHOUSE_USER,
        pi.getId(),
        TASK_APPRAISE,
        Map.of(APPRAISAL, "scrap", APPRAISAL_NOTE, "无法修复"));
    driver.complete(
        FINANCE_USER, pi.getId(), TASK_WRITE_OFF, Map.of("decision", "approve", BOOK_VALUE, "0"));
    driver.as(
        WAREHOUSE_USER,
        () ->
            files.store(
                pi.getBusinessKey(),
                SuppliesService.CERTIFICATE_STEP,
                "回收单.jpg",
                "image/jpeg",
                new byte[] {1, 2, 3}));
    driver.complete(WAREHOUSE_USER, pi.getId(), TASK_DISPOSE, Map.of(VENDOR, "绿源回收"));
    assertThat(pi).isEnded();
    assertThat(inventory.get(CHAIR).stock()).isEqualTo(stock - 2);
    assertThat(inventory.movements(CHAIR))
        .anySatisfy(m -> assertThat(m.reference()).isEqualTo(pi.getBusinessKey()));
  }

  // ------------------------------------------------------------------ 报废

  ProcessInstance disposeTag(String tag) {
    return driver.start(WAREHOUSE_USER, DISPOSAL_KEY, Map.of(ASSET_TAG, tag, REASON, "使用八年，主板损坏"));
  }

  @Test
  void aRepairableAssetIsNotScrapped() {
    ProcessInstance pi = disposeTag("ZC-2024-0002");
    driver.complete(
        IT, pi.getId(), TASK_APPRAISE, Map.of(APPRAISAL, "repairable", APPRAISAL_NOTE, "更换电池即可"));
    assertThat(pi).isEnded().hasPassed("EndEvent_Repairable");
    assertThat(repo.asset("ZC-2024-0002").orElseThrow().status()).isEqualTo("IN_USE");
  }

  @Test
  void financeMayRefuseTheWriteOff() {
    ProcessInstance pi =
        driver.start(
            WAREHOUSE_USER, DISPOSAL_KEY, Map.of(ITEM_ID, CHAIR, QUANTITY, 1, REASON, "椅脚断裂"));
    driver.complete(
        WAREHOUSE_USER,
        pi.getId(),
        TASK_APPRAISE,
        Map.of(APPRAISAL, "scrap", APPRAISAL_NOTE, "无法修复"));
    driver.reject(FINANCE_USER, pi.getId(), TASK_WRITE_OFF, "账面未提足折旧，暂缓");
    assertThat(pi).isEnded().hasPassed("EndEvent_NotWrittenOff");
  }

  @Test
  void aScrappedAssetIsWrittenOffDisposedAndRegistered() {
    ProcessInstance pi = disposeTag("ZC-2024-0001");
    driver.complete(
        IT, pi.getId(), TASK_APPRAISE, Map.of(APPRAISAL, "scrap", APPRAISAL_NOTE, "主板损坏，维修不经济"));
    driver.complete(
        FINANCE_USER,
        pi.getId(),
        TASK_WRITE_OFF,
        Map.of("decision", "approve", "comment", "同意核销", BOOK_VALUE, 320.5));
    String number = repo.disposal(pi.getBusinessKey()).orElseThrow().writeOffNumber();
    assertThat(number).isEqualTo("核销〔2026〕1号");
    assertThatThrownBy(
            () -> driver.complete(WAREHOUSE_USER, pi.getId(), TASK_DISPOSE, Map.of(VENDOR, "绿源回收")))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.getField()).isEqualTo("certificate"));
    driver.as(
        WAREHOUSE_USER,
        () ->
            files.store(
                pi.getBusinessKey(),
                SuppliesService.CERTIFICATE_STEP,
                "处置证明.pdf",
                "application/pdf",
                "证明".getBytes(StandardCharsets.UTF_8)));
    driver.complete(WAREHOUSE_USER, pi.getId(), TASK_DISPOSE, Map.of(VENDOR, "绿源回收"));
    assertThat(pi).isEnded().hasPassed("EndEvent_Disposed");
    var d = repo.disposal(pi.getBusinessKey()).orElseThrow();
    assertThat(d.status()).isEqualTo("DISPOSED");
    assertThat(d.certificateSha256()).hasSize(64);
    assertThat(repo.asset("ZC-2024-0001").orElseThrow().status()).isEqualTo("SCRAPPED");
    assertThat(repo.assetHistory("ZC-2024-0001")).extracting(h -> h.status()).contains("SCRAPPED");
    // a scrapped asset cannot be scrapped again
    assertThatThrownBy(() -> disposeTag("ZC-2024-0001"))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.getField()).isEqualTo(ASSET_TAG));
  }
}
