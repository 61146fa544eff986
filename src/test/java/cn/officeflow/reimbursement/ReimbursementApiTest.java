package cn.officeflow.reimbursement;

import static cn.officeflow.reimbursement.ReimbursementVariables.*;
import static cn.officeflow.support.ApiResponses.assertRefused;
import static cn.officeflow.support.ApiResponses.body;
import static cn.officeflow.support.ApiResponses.message;
import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import cn.officeflow.support.ProcessDriver;
import cn.officeflow.support.TestClock;
import cn.officeflow.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 报销 over HTTP: undeclared variables (claimant, procurementId, applicant, firstReviewer …) and invoices that do
 * not add up or are already claimed are refused with 400 naming them and nothing stored; the 初审 user gets a 4xx
 * with a Chinese message on every path to 复核 (REST claim, complete, assignee, delegate, Tasklist's submit-form,
 * our 转办 and 委派); a second click is refused; /api/reimbursements shows a claim to its applicant, finance, leaders
 * and auditors only (others 404); two claims with the same invoice at the same moment: exactly one wins.
 */
@HttpTest
class ReimbursementApiTest {

  static final String PASSWORD = DemoUsers.PASSWORD;
  static final String APPLICANT_USER = "zhangwei";
  static final String FIRST = "chenjing";
  static final String SECOND = "wangfang";
  static final ObjectMapper JSON = new ObjectMapper();
  static final String START = "/engine-rest/process-definition/key/reimbursement/start";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;

  Http http;
  ProcessDriver driver;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    driver = new ProcessDriver(engine);
    TestClock.set("2026-11-23T10:00:00");
  }

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  @Test
  void extraVariablesAndBadInvoicesAreRefusedNamingThemAndNothingIsStored() throws Exception {
    long before = count();
    for (String extra :
        List.of(
            CLAIMANT,
            PROCUREMENT_ID,
            APPLICANT,
            FIRST_REVIEWER,
            REIMBURSEMENT_ID,
            "paidAt",
            "status")) {
      Map<String, Object> vars = claim("100", List.of(digital("100")));
      vars.put(extra, "wangfang");
      HttpResponse<String> refused = http.postJson(START, APPLICANT_USER, PASSWORD, body(vars));
      assertThat(refused.statusCode()).as(extra + ": " + refused.body()).isEqualTo(400);
      assertThat(refused.body()).contains(extra);
    }
    // invoices not adding up (to the fen)
    HttpResponse<String> notAddingUp =
        http.postJson(
            START, APPLICANT_USER, PASSWORD, body(claim("100.01", List.of(digital("100")))));
    assertRefused(notAddingUp, "invoices");
    assertThat(message(notAddingUp)).contains("不一致").contains("0.01");
    // a bad invoice is named by its position
    Map<String, Object> badCode =
        claim(
            "100",
            List.of(
                Map.of("code", "123", "number", "12345678", "amount", 100, "date", "2026-11-20")));
    assertRefused(
        http.postJson(START, APPLICANT_USER, PASSWORD, body(badCode)), "invoices[0].code");
    assertThat(count()).isEqualTo(before);

    // a duplicate: the second claim of an invoice names it
    Map<String, Object> first = digital("60");
    HttpResponse<String> ok =
        http.postJson(START, APPLICANT_USER, PASSWORD, body(claim("60", List.of(first))));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    HttpResponse<String> duplicate =
        http.postJson(START, "lina", PASSWORD, body(claim("100", List.of(digital("40"), first))));
    assertRefused(duplicate, "invoices[1]");
    assertThat(message(duplicate)).contains((String) first.get("number")).contains("不能重复报销");
    assertThat(count()).isEqualTo(before + 1);

    // invoices as a Json variable over REST
    String json = JSON.writeValueAsString(List.of(digital("12.34")));
    String jsonBody =
        "{\"variables\":{\"amount\":{\"value\":12.34},\"purpose\":{\"value\":\"Json 发票\"},"
            + "\"invoices\":{\"value\":"
            + JSON.writeValueAsString(json)
            + ",\"type\":\"Json\"}}}";
    HttpResponse<String> asJson = http.postJson(START, APPLICANT_USER, PASSWORD, jsonBody);
    assertThat(asJson.statusCode()).as(asJson.body()).isEqualTo(200);
    assertThat(
            http.postJson(START, null, null, body(claim("1", List.of(digital("1"))))).statusCode())
        .isEqualTo(401);
  }

  @Test
  void theFirstReviewerGetsA4xxOnEveryPathToTheSecondReview() throws Exception {
    String pi = start(claim("300", List.of(digital("300"))));
    Task first = driver.taskFor(FIRST, pi, ReimbursementVariables.TASK_FIRST_REVIEW);
    assertThat(
            http.postJson(
                    "/engine-rest/task/" + first.getId() + "/claim",
                    FIRST,
                    PASSWORD,
                    "{\"userId\":\"chenjing\"}")
                .statusCode())
        .isEqualTo(204);
    HttpResponse<String> done =
        http.postJson(
            "/engine-rest/task/" + first.getId() + "/complete", FIRST, PASSWORD, approve());
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    // second click on the finished task
    HttpResponse<String> again =
        http.postJson(
            "/engine-rest/task/" + first.getId() + "/complete", FIRST, PASSWORD, approve());
    assertThat(again.statusCode()).as(again.body()).isIn(404, 409);

    Task second = driver.taskFor(FIRST, pi, ReimbursementVariables.TASK_SECOND_REVIEW);
    String task = "/engine-rest/task/" + second.getId();
    assertDoubleSign(
        http.postJson(task + "/claim", FIRST, PASSWORD, "{\"userId\":\"chenjing\"}"), 403);
    assertDoubleSign(http.postJson(task + "/complete", FIRST, PASSWORD, approve()), 403);
    WebappSession tasklist = WebappSession.login(http, FIRST, PASSWORD);
    assertDoubleSign(
        tasklist.postJson(
            "/camunda/api/engine/engine/default/task/" + second.getId() + "/submit-form",
            approve()),
        403);
    // someone else handing it to the 初审 user: engine REST assignee and delegate, our 转办 and 委派
    assertDoubleSign(
        http.postJson(task + "/assignee", SECOND, PASSWORD, "{\"userId\":\"chenjing\"}"), 400);
    assertDoubleSign(
        http.postJson(
            "/api/tasks/" + second.getId() + "/transfer",
            SECOND,
            PASSWORD,
            "{\"userId\":\"chenjing\",\"comment\":\"请陈静复核\"}"),
        400);
    assertDoubleSign(
        http.postJson(
            "/api/tasks/" + second.getId() + "/delegate",
            SECOND,
            PASSWORD,
            "{\"userId\":\"chenjing\",\"comment\":\"请陈静复核\"}"),
        400);
    assertThat(
            http.postJson(task + "/claim", SECOND, PASSWORD, "{\"userId\":\"wangfang\"}")
                .statusCode())
        .isEqualTo(204);
    assertDoubleSign(
        http.postJson(task + "/delegate", SECOND, PASSWORD, "{\"userId\":\"chenjing\"}"), 400);
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .taskId(second.getId())
                .singleResult()
                .getAssignee())
        .isEqualTo(SECOND);
    HttpResponse<String> secondDone =
        http.postJson(task + "/complete", SECOND, PASSWORD, approve());
    assertThat(secondDone.statusCode()).as(secondDone.body()).isEqualTo(204);
    assertThat(http.postJson(task + "/complete", SECOND, PASSWORD, approve()).statusCode())
        .isIn(404, 409);
  }

  @Test
  void claimsAreReadByTheApplicantFinanceLeadersAndAuditorsOnly() throws Exception {
    String pi = start(claim("77.70", List.of(digital("77.70"))));
    String id =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(pi)
            .singleResult()
            .getBusinessKey();
    for (String reader : List.of(APPLICANT_USER, FIRST, SECOND, "wuqiang", "qianyu")) {
      HttpResponse<String> read = http.get("/api/reimbursements/" + id, reader, PASSWORD);
      assertThat(read.statusCode()).as(reader + ": " + read.body()).isEqualTo(200);
      JsonNode claim = JSON.readTree(read.body());
      assertThat(claim.path("amount").decimalValue()).isEqualByComparingTo("77.70");
      assertThat(claim.path("status").asText()).isEqualTo("FIRST_REVIEW");
      assertThat(claim.path("invoices")).hasSize(1);
    }
    for (String other : List.of("lina", "liuyang", "fengtao")) {
      assertThat(http.get("/api/reimbursements/" + id, other, PASSWORD).statusCode())
          .as(other)
          .isEqualTo(404);
      JsonNode list = JSON.readTree(http.get("/api/reimbursements", other, PASSWORD).body());
      list.forEach(c -> assertThat(c.path("id").asText()).isNotEqualTo(id));
    }
    assertThat(http.get("/api/reimbursements/no-such-claim", FIRST, PASSWORD).statusCode())
        .isEqualTo(404);
    assertThat(http.get("/api/reimbursements/" + id, null, null).statusCode()).isEqualTo(401);
    JsonNode mine =
        JSON.readTree(
            http.get("/api/reimbursements?status=FIRST_REVIEW", APPLICANT_USER, PASSWORD).body());
    assertThat(mine.findValuesAsText("id")).contains(id);
    assertRefused(http.get("/api/reimbursements?status=PAYED", FIRST, PASSWORD), "status");
    HttpResponse<String> figures =
        http.get("/api/reimbursements/figures?month=2026-11", FIRST, PASSWORD);
    assertThat(figures.statusCode()).as(figures.body()).isEqualTo(200);
    assertThat(JSON.readTree(figures.body()).path("month").asText()).isEqualTo("2026-11");
    assertThat(http.get("/api/reimbursements/figures", "lina", PASSWORD).statusCode())
        .isEqualTo(403);
    assertRefused(http.get("/api/reimbursements/figures?month=11-2026", FIRST, PASSWORD), "month");
  }

  @Test
  void twoClaimsWithTheSameInvoiceAtTheSameMomentExactlyOneWins() throws Exception {
    ConcurrentInvoiceClaims.run(http, jdbc, "/engine-rest", 8);
  }

  // --- helpers

  static void assertDoubleSign(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(message(response)).as(response.body()).contains("财务复核").contains("双签");
  }

  String start(Map<String, Object> vars) throws Exception {
    HttpResponse<String> started = http.postJson(START, APPLICANT_USER, PASSWORD, body(vars));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    return JSON.readTree(started.body()).path("id").asText();
  }

  long count() {
    return jdbc.sql("select count(*) from of_reimbursement").query(Long.class).single();
  }

  static Map<String, Object> claim(String amount, List<Map<String, Object>> invoices)
      throws Exception {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(AMOUNT, Double.valueOf(amount));
    vars.put(PURPOSE, "接口测试");
    vars.put(INVOICES, JSON.writeValueAsString(invoices));
    return vars;
  }

  static Map<String, Object> digital(String amount) {
    Map<String, Object> invoice = new LinkedHashMap<>();
    invoice.put("code", "");
    invoice.put("number", ReimbursementProcessTest.digits(20));
    invoice.put("amount", Double.valueOf(amount));
    invoice.put("date", "2026-11-20");
    return invoice;
  }

  static String approve() {
    return "{\"variables\": {\"decision\": {\"value\": \"approve\"}, \"comment\": {\"value\": \"同意\"}}}";
  }
}
