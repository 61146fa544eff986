package cn.officeflow.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.inventory.InventoryService;
import cn.officeflow.procurement.ProcurementRepository;
import cn.officeflow.procurement.ProcurementVariables;
import cn.officeflow.procurement.Quarter;
import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.ProcessDriver;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The happy path of 采购 on MariaDB/MySQL: request with 4-byte characters → 调研 → 3 quotes (cheapest chosen) →
 * office-director → budget committed (row lock) → 下单 → 验收入库 (stock +, invoices) → payment by a reimbursement
 * stub; the rows, the budget and GET /api/procurement/purchases/{id} and /savings read back from the real database.
 */
class ProcurementOnMysqlTest extends MysqlSpringTestBase {

  static final String PAPER = "7b1d0c3a-0001-4c6e-8f10-000000000001";

  @Autowired ProcurementRepository repo;
  @Autowired InventoryService inventory;

  @Test
  void wholePurchaseOnTheRealDatabase() throws Exception {
    BpmnAwareTests.init(engine);
    ProcessDriver process = new ProcessDriver(engine);
    String run = runId();
    // the stub must be the latest reimbursement: the shared database may hold the real one deployed
    // after it
    // (ReimbursementOnMysqlTest)
    org.camunda.bpm.engine.repository.ProcessDefinition latest =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey("reimbursement")
            .latestVersion()
            .singleResult();
    if (latest == null
        || engine
                .getRepositoryService()
                .getBpmnModelInstance(latest.getId())
                .getModelElementById("Task_Pay")
            == null) {
      engine
          .getRepositoryService()
          .createDeployment()
          .name("reimbursement-stub")
          .addInputStream(
              "reimbursement-stub.bpmn",
              getClass().getResourceAsStream("/procurement/reimbursement-stub.xml"))
          .deploy();
    }
    String quarter = Quarter.of(EngineClock.today()).toString();
    jdbc.sql("delete from of_budget where department_id = 'dept-business' and quarter = :q")
        .param("q", quarter)
        .update();
    jdbc.sql(
            "insert into of_budget (id, department_id, quarter, rigid_amount, flexible_amount, committed_amount,"
                + " used_amount, updated_at, version) values (:id, 'dept-business', :q, 100000, 20000, 0, 0, :t, 0)")
        .param("id", UUID.randomUUID().toString())
        .param("q", quarter)
        .param("t", new Timestamp(System.currentTimeMillis()))
        .update();
    String[] suppliers = {"𠀀甲供应商" + run, "乙供应商😀" + run, "丙供应商" + run};
    for (String s : suppliers) {
      repo.insertSupplier(
          new ProcurementRepository.Supplier(
              UUID.randomUUID().toString(),
              s,
              "ORDINARY",
              "办公用品",
              "联系人",
              "13900000000",
              null,
              null,
              true,
              null,
              0),
          EngineClock.now());
    }
    int stockBefore = inventory.get(PAPER).stock();

    ProcessInstance pi =
        process.start(
            "zhangwei",
            ProcurementVariables.PROCESS_KEY,
            Map.of(
                ProcurementVariables.ITEM_ID,
                PAPER,
                ProcurementVariables.QUANTITY,
                10,
                ProcurementVariables.REASON,
                "𠀀业务处用纸😀 " + run));
    String id =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(pi.getId())
            .singleResult()
            .getBusinessKey();
    process.complete(
        "fengtao",
        pi.getId(),
        ProcurementVariables.TASK_RESEARCH,
        Map.of(ProcurementVariables.RESEARCH_OUTCOME, "purchase"));
    String quotes =
        suppliers[0]
            + " | 4800 | 7 | 含运费😀\n"
            + suppliers[1]
            + " | 5000 | 5 | x\n"
            + suppliers[2]
            + " | 5600.50 | 9 | y";
    long began = System.nanoTime();
    process.complete(
        "fengtao",
        pi.getId(),
        ProcurementVariables.TASK_COMPARE_QUOTES,
        Map.of(
            ProcurementVariables.QUOTES,
            quotes,
            ProcurementVariables.CHOSEN_SUPPLIER,
            suppliers[0]));
    long compareMillis = (System.nanoTime() - began) / 1_000_000;
    System.out.println(
        "measured: 供应商比价提交（3 家报价、比价表、DMN 审批层级）在 MariaDB 上用时 " + compareMillis + " ms");
    process.approve("zhaomin", pi.getId(), ProcurementVariables.TASK_APPROVE);
    assertThat(repo.budget("dept-business", quarter).orElseThrow().committedAmount())
        .isEqualByComparingTo("4800");
    process.complete(
        "fengtao",
        pi.getId(),
        ProcurementVariables.TASK_ORDER,
        Map.of(ProcurementVariables.ORDER_NUMBER, "PO-" + run));
    Map<String, Object> receipt = new HashMap<>();
    receipt.put(ProcurementVariables.RECEIVED_QUANTITY, 10);
    receipt.put(
        ProcurementVariables.INVOICES, "3100231130 | 12345678 | 4800.00 | " + EngineClock.today());
    process.complete("huanglei", pi.getId(), ProcurementVariables.TASK_RECEIVE, receipt);
    ProcessInstance payment =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .superProcessInstanceId(pi.getId())
            .singleResult();
    process.complete(
        "chenjing", payment.getId(), "Task_Pay", Map.of(ProcurementVariables.PAID_AT, new Date()));
    assertThat(pi).isEnded().hasPassed(ProcurementVariables.END_DONE);

    ProcurementRepository.Purchase p = repo.purchase(id).orElseThrow();
    assertThat(p.status()).isEqualTo("DONE");
    assertThat(p.reason()).isEqualTo("𠀀业务处用纸😀 " + run);
    assertThat(p.savings()).isEqualByComparingTo(new BigDecimal("800.50"));
    assertThat(repo.quotes(id))
        .extracting(ProcurementRepository.Quote::supplierName)
        .contains(suppliers[0], suppliers[1]);
    assertThat(inventory.get(PAPER).stock()).isEqualTo(stockBefore + 10);
    ProcurementRepository.Budget b = repo.budget("dept-business", quarter).orElseThrow();
    assertThat(b.usedAmount()).isEqualByComparingTo("4800");
    assertThat(b.committedAmount()).isEqualByComparingTo("0");
    String view =
        new String(
            get("/api/procurement/purchases/" + id, "zhangwei", DemoUsers.PASSWORD).body(),
            StandardCharsets.UTF_8);
    com.fasterxml.jackson.databind.JsonNode json =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(view);
    assertThat(json.at("/purchase/reason").asText()).isEqualTo("𠀀业务处用纸😀 " + run);
    assertThat(json.get("savings").decimalValue()).isEqualByComparingTo("800.50");
    String savings =
        new String(
            get(
                    "/api/procurement/savings?month="
                        + EngineClock.today().toString().substring(0, 7),
                    "zhaomin",
                    DemoUsers.PASSWORD)
                .body(),
            StandardCharsets.UTF_8);
    assertThat(savings).contains(id);
  }
}
