package cn.officeflow.procurement;

import static cn.officeflow.procurement.ProcurementVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.support.HttpTest;
import cn.officeflow.support.ProcessDriver;
import cn.officeflow.support.TestClock;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hand-off 采购 → 报销 with the real models (no stub): a purchase received with its supplier invoice becomes
 * a claim of the requester, 初审 and 复核 by two finance officers, the payment recorded; the purchase then ends
 * done. The processes share nothing in Java: the call activity and its variables are the whole contract.
 */
@HttpTest
class ProcurementPaidByReimbursementTest {

  static final String PAPER = "7b1d0c3a-0001-4c6e-8f10-000000000001";
  static final String S1 = "晨光文具示范供应商";
  static final String S2 = "得力办公示范供应商";
  static final String S3 = "联想办公设备示范供应商";

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;

  ProcessDriver driver;

  @BeforeEach
  void setUp() {
    driver = new ProcessDriver(engine);
    TestClock.set("2026-11-23T10:00:00");
    jdbc.sql("delete from of_budget where department_id = 'dept-business' and quarter = '2026Q4'")
        .update();
    jdbc.sql(
            "insert into of_budget (id, department_id, quarter, rigid_amount, flexible_amount,"
                + " committed_amount, used_amount, updated_at, version)"
                + " values (?, 'dept-business', '2026Q4', ?, ?, 0, 0, ?, 0)")
        .params(
            java.util.UUID.randomUUID().toString(),
            new BigDecimal("100000"),
            new BigDecimal("20000"),
            new java.sql.Timestamp(System.currentTimeMillis()))
        .update();
  }

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  @Test
  void aReceivedPurchaseIsPaidThroughAClaimWithTwoSignatures() {
    Map<String, Object> request = new HashMap<>();
    request.put(ITEM_ID, PAPER);
    request.put(QUANTITY, 10);
    request.put(REASON, "业务处日常办公需要");
    ProcessInstance purchase = driver.start("zhangwei", PROCESS_KEY, request);
    driver.complete(
        "fengtao", purchase.getId(), TASK_RESEARCH, Map.of(RESEARCH_OUTCOME, OUTCOME_PURCHASE));
    driver.complete(
        "fengtao",
        purchase.getId(),
        TASK_COMPARE_QUOTES,
        Map.of(
            QUOTES,
            S1 + " | 4800 | 7 | 含运费\n" + S2 + " | 5000 | 5 | 含运费\n" + S3 + " | 5500 | 10 | 货到付款",
            CHOSEN_SUPPLIER,
            S1));
    driver.approve("zhaomin", purchase.getId(), TASK_APPROVE);
    driver.complete("fengtao", purchase.getId(), TASK_ORDER, Map.of(ORDER_NUMBER, "PO-2026-101"));
    driver.complete(
        "huanglei",
        purchase.getId(),
        TASK_RECEIVE,
        Map.of(RECEIVED_QUANTITY, 10, INVOICES, "3100231130 | 55667788 | 4800.00 | 2026-11-20"));

    ProcessInstance claim =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .superProcessInstanceId(purchase.getId())
            .singleResult();
    assertThat(claim).isNotNull();
    assertThat(claim.getProcessDefinitionId()).startsWith("reimbursement:");
    String claimId = claim.getBusinessKey();
    Map<String, Object> row =
        jdbc.sql("select applicant, amount, status from of_reimbursement where id = ?")
            .param(claimId)
            .query()
            .singleRow();
    assertThat(row.get("applicant")).isEqualTo("zhangwei");
    assertThat((BigDecimal) row.get("amount")).isEqualByComparingTo("4800");

    driver.approve("chenjing", claim.getId(), "Task_FirstReview");
    driver.approve("wangfang", claim.getId(), "Task_SecondReview");
    driver.complete(
        "chenjing",
        claim.getId(),
        "Task_RecordPayment",
        Map.of(
            "paidOn", "2026-11-23", "paymentMethod", "银行转账", "paymentReference", "LS-PO-2026-101"));

    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceId(purchase.getId())
                .singleResult()
                .getEndActivityId())
        .isEqualTo(END_DONE);
    assertThat(
            jdbc.sql("select status from of_reimbursement where id = ?")
                .param(claimId)
                .query(String.class)
                .single())
        .isEqualTo("PAID");
    List<String> invoices =
        jdbc.sql("select invoice_key from of_reimbursement_invoice where reimbursement_id = ?")
            .param(claimId)
            .query(String.class)
            .list();
    assertThat(invoices).hasSize(1);
  }
}
