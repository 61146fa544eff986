package cn.officeflow.mysql;

import static cn.officeflow.reimbursement.ReimbursementVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.reimbursement.ConcurrentInvoiceClaims;
import cn.officeflow.reimbursement.Reimbursement;
import cn.officeflow.reimbursement.ReimbursementService;
import cn.officeflow.reimbursement.ReimbursementStatus;
import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.Http;
import cn.officeflow.support.ProcessDriver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 报销 on MariaDB/MySQL: the happy path above the leader threshold (初审 and 复核 by two people, 领导, 付款) with
 * 4-byte characters, read back from the real database and through GET /api/reimbursements/{id}; and claims with
 * the same invoice at the same moment over REST: the unique key lets exactly one win.
 */
class ReimbursementOnMysqlTest extends MysqlSpringTestBase {

  static final String REST = "/engine-rest/engine/mysqlit";
  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ReimbursementService claims;

  /**
   * The real model must be the latest reimbursement: the shared database may hold procurement's test stub deployed
   * after it (ProcurementOnMysqlTest), which the application's auto-deployment does not replace.
   */
  @org.junit.jupiter.api.BeforeEach
  void realModelIsTheLatest() {
    var repository = engine.getRepositoryService();
    var latest =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(PROCESS_KEY)
            .latestVersion()
            .singleResult();
    if (repository.getBpmnModelInstance(latest.getId()).getModelElementById(TASK_SECOND_REVIEW)
        == null) {
      var deployment = repository.createDeployment().name("reimbursement-real");
      deployment.addClasspathResource("reimbursement.bpmn");
      for (String form : List.of("apply", "review", "revise", "payment")) {
        deployment.addClasspathResource("reimbursement-" + form + ".form");
      }
      deployment.deploy();
    }
  }

  @Test
  void wholeClaimOnTheRealDatabase() throws Exception {
    BpmnAwareTests.init(engine);
    ProcessDriver process = new ProcessDriver(engine);
    String today = EngineClock.today().toString();
    Map<String, Object> invoice = new LinkedHashMap<>();
    invoice.put("code", ConcurrentInvoiceClaims.digits(12));
    invoice.put("number", ConcurrentInvoiceClaims.digits(8));
    invoice.put("amount", 10000.01);
    invoice.put("date", today);
    Map<String, Object> vars = new HashMap<>();
    vars.put(AMOUNT, 10000.01);
    vars.put(PURPOSE, "会议费 𠀀😀 " + runId());
    vars.put(INVOICES, JSON.writeValueAsString(List.of(invoice)));
    ProcessInstance pi = process.start("zhangwei", PROCESS_KEY, vars);
    String id = pi.getBusinessKey();
    process.approve("chenjing", pi.getId(), TASK_FIRST_REVIEW);
    process.approve("wangfang", pi.getId(), TASK_SECOND_REVIEW);
    process.approve("wuqiang", pi.getId(), TASK_LEADER_APPROVAL);
    Map<String, Object> payment = new HashMap<>();
    payment.put(PAID_ON, today);
    payment.put(PAYMENT_METHOD, "公务卡");
    payment.put(PAYMENT_REFERENCE, "GWK-" + runId());
    process.complete("chenjing", pi.getId(), TASK_RECORD_PAYMENT, payment);
    assertThat(pi).isEnded().hasPassed(END_PAID);

    Reimbursement paid = claims.claim(id);
    assertThat(paid.status()).isEqualTo(ReimbursementStatus.PAID);
    assertThat(paid.purpose()).startsWith("会议费 𠀀😀");
    assertThat(paid.amount()).isEqualByComparingTo("10000.01");
    assertThat(paid.firstReviewer()).isEqualTo("chenjing");
    assertThat(paid.secondReviewer()).isEqualTo("wangfang");
    assertThat(paid.leader()).isEqualTo("wuqiang");
    JsonNode read = getJson("/api/reimbursements/" + id, "zhangwei", DemoUsers.PASSWORD);
    assertThat(read.path("status").asText()).isEqualTo("PAID");
    assertThat(read.path("reviews")).hasSize(4);
    assertThat(read.path("invoices").get(0).path("number").asText())
        .isEqualTo(invoice.get("number"));
  }

  @Test
  void claimsWithTheSameInvoiceAtTheSameMomentExactlyOneWins() throws Exception {
    ConcurrentInvoiceClaims.run(new Http(port), jdbc, REST, 10);
  }
}
