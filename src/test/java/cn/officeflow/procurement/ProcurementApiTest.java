package cn.officeflow.procurement;

import static cn.officeflow.procurement.ProcurementVariables.*;
import static cn.officeflow.support.ApiResponses.assertRefused;
import static cn.officeflow.support.ApiResponses.body;
import static cn.officeflow.support.ApiResponses.json;
import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import cn.officeflow.support.ProcessDriver;
import cn.officeflow.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.HashMap;
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
 * 采购 over HTTP: the start and 比价 refuse undeclared variables, identities and bad numbers with 400 naming the
 * field and store nothing; fewer than 3 quotes without a reason and a dearer choice without a reason are 400; other
 * users' tasks and purchases are refused (403/404), a second click too; suppliers and budgets are maintained only by
 * their roles (403), validated (400 naming the field) and conflicts are 409; the figures are for the office roles.
 */
@HttpTest
class ProcurementApiTest {

  static final String PASSWORD = DemoUsers.PASSWORD;
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PAPER = "7b1d0c3a-0001-4c6e-8f10-000000000001";
  static final String QUOTES_OK =
      "晨光文具示范供应商 | 4800 | 7 | 含运费\n得力办公示范供应商 | 5000 | 5 | 含运费\n联想办公设备示范供应商 | 5500 | 10 | 货到付款";

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

  Map<String, Object> request() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put(ITEM_ID, PAPER);
    v.put(QUANTITY, 10);
    v.put(REASON, "日常办公");
    return v;
  }

  @Test
  void startRefusesExtraVariablesIdentitiesAndBadNumbers() throws Exception {
    long before = count();
    for (String extra :
        List.of("requester", "amount", "approvers", "purchaseId", "budgetOutcome")) {
      Map<String, Object> v = request();
      v.put(extra, "liuyang");
      assertRefused(start("zhangwei", v), extra);
    }
    for (Object bad : List.of(0, -5, 1.5, "很多", 100_001)) {
      Map<String, Object> v = request();
      v.put(QUANTITY, bad);
      assertRefused(start("zhangwei", v), QUANTITY);
    }
    Map<String, Object> other = request();
    other.put(BUDGET_DEPARTMENT, "dept-finance");
    assertRefused(start("zhangwei", other), BUDGET_DEPARTMENT);
    Map<String, Object> quarter = request();
    quarter.put(BUDGET_QUARTER, "2027Q3");
    assertRefused(start("zhangwei", quarter), BUDGET_QUARTER);
    assertThat(http.postJson(startPath(), null, null, body(request())).statusCode()).isEqualTo(401);
    // nobody passes for the inventory's JIT message
    for (String user : List.of("zhangwei", "fengtao", "anfang")) {
      String message =
          "{\"messageName\":\"ReorderPointReached\",\"processVariables\":{\"itemId\":{\"value\":\""
              + PAPER
              + "\"},\"itemName\":{\"value\":\"纸\"},\"quantity\":{\"value\":5}}}";
      HttpResponse<String> refused = http.postJson("/engine-rest/message", user, PASSWORD, message);
      assertThat(refused.statusCode()).as(user + ": " + refused.body()).isIn(400, 403, 404);
    }
    assertThat(count()).isEqualTo(before);
    HttpResponse<String> ok = start("zhangwei", request());
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(count()).isEqualTo(before + 1);
  }

  @Test
  void compareQuotesIsValidatedAndGuarded() throws Exception {
    String pi = json(start("zhangwei", request()), 200).get("id").asText();
    Task research = task(pi);
    assertThat(complete(research, "zhangwei", Map.of(RESEARCH_OUTCOME, "purchase")).statusCode())
        .isIn(403, 404);
    assertRefused(complete(research, "fengtao", Map.of(RESEARCH_OUTCOME, "buy")), RESEARCH_OUTCOME);
    assertThat(complete(research, "fengtao", Map.of(RESEARCH_OUTCOME, "purchase")).statusCode())
        .isEqualTo(204);
    // second click
    assertThat(complete(research, "fengtao", Map.of(RESEARCH_OUTCOME, "purchase")).statusCode())
        .isIn(404, 409);

    Task compare = task(pi);
    String twoQuotes = "晨光文具示范供应商 | 4800 | 7 | x\n得力办公示范供应商 | 5000 | 5 | y";
    assertRefused(
        complete(compare, "fengtao", Map.of(QUOTES, twoQuotes, CHOSEN_SUPPLIER, "晨光文具示范供应商")),
        QUOTES);
    assertRefused(
        complete(compare, "fengtao", Map.of(QUOTES, QUOTES_OK, CHOSEN_SUPPLIER, "得力办公示范供应商")),
        CHOICE_REASON);
    assertRefused(
        complete(
            compare,
            "fengtao",
            Map.of(QUOTES, QUOTES_OK.replace("4800", "4800.123"), CHOSEN_SUPPLIER, "得力办公示范供应商")),
        QUOTES);
    assertRefused(
        complete(
            compare,
            "fengtao",
            Map.of(QUOTES, QUOTES_OK.replace("| 7 |", "| 七 |"), CHOSEN_SUPPLIER, "晨光文具示范供应商")),
        QUOTES);
    assertRefused(
        complete(compare, "fengtao", Map.of(QUOTES, QUOTES_OK, CHOSEN_SUPPLIER, "不存在的供应商")),
        CHOSEN_SUPPLIER);
    Map<String, Object> extra =
        new HashMap<>(Map.of(QUOTES, QUOTES_OK, CHOSEN_SUPPLIER, "晨光文具示范供应商"));
    extra.put(AMOUNT, 1);
    assertRefused(complete(compare, "fengtao", extra), AMOUNT);
    assertThat(
            jdbc.sql(
                    "select count(*) from of_purchase_quote q join of_purchase p on p.id = q.purchase_id where p.process_instance_id = ?")
                .param(pi)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            complete(compare, "fengtao", Map.of(QUOTES, QUOTES_OK, CHOSEN_SUPPLIER, "晨光文具示范供应商"))
                .statusCode())
        .isEqualTo(204);

    // the purchase: the requester and the office read it, another user of the department gets 404
    String id =
        jdbc.sql("select id from of_purchase where process_instance_id = ?")
            .param(pi)
            .query(String.class)
            .single();
    JsonNode view = json(http.get("/api/procurement/purchases/" + id, "zhangwei", PASSWORD), 200);
    assertThat(view.get("savings").decimalValue()).isEqualByComparingTo("700");
    assertThat(view.get("quotes")).hasSize(3);
    assertThat(http.get("/api/procurement/purchases/" + id, "liuyang", PASSWORD).statusCode())
        .isEqualTo(404);
    assertThat(http.get("/api/procurement/purchases/" + id, "zhaomin", PASSWORD).statusCode())
        .isEqualTo(200);
    assertThat(http.get("/api/procurement/purchases/" + id, null, null).statusCode())
        .isEqualTo(401);

    // the approval task is the office director's, not the requester's
    Task approve = task(pi);
    assertThat(complete(approve, "zhangwei", Map.of("decision", "approve")).statusCode())
        .isIn(403, 404);
    assertRefused(complete(approve, "zhaomin", Map.of("decision", "reject")), "comment");
  }

  @Test
  void suppliersAreMaintainedByTheirRolesAndValidated() throws Exception {
    assertThat(json(http.get("/api/procurement/suppliers", "zhangwei", PASSWORD), 200).size())
        .isGreaterThanOrEqualTo(3);
    Map<String, Object> s =
        new LinkedHashMap<>(Map.of("name", "测试供应商甲", "grade", "战略", "contactPhone", "13911112222"));
    assertThat(
            http.postJson(
                    "/api/procurement/suppliers", "zhangwei", PASSWORD, JSON.writeValueAsString(s))
                .statusCode())
        .isEqualTo(403);
    JsonNode created =
        json(
            http.postJson(
                "/api/procurement/suppliers", "fengtao", PASSWORD, JSON.writeValueAsString(s)),
            200);
    assertThat(created.get("grade").asText()).isEqualTo("STRATEGIC");
    assertThat(
            http.postJson(
                    "/api/procurement/suppliers", "fengtao", PASSWORD, JSON.writeValueAsString(s))
                .statusCode())
        .isEqualTo(409);
    assertRefused(
        http.postJson(
            "/api/procurement/suppliers",
            "fengtao",
            PASSWORD,
            JSON.writeValueAsString(Map.of("name", "乙", "contactPhone", "abc"))),
        "contactPhone");
    assertRefused(
        http.postJson(
            "/api/procurement/suppliers",
            "fengtao",
            PASSWORD,
            JSON.writeValueAsString(Map.of("name", "乙", "grade", "金牌"))),
        "grade");
    assertRefused(
        http.postJson(
            "/api/procurement/suppliers",
            "fengtao",
            PASSWORD,
            JSON.writeValueAsString(Map.of("name", "乙", "score", 5))),
        "score");
    String id = created.get("id").asText();
    Map<String, Object> stale = new LinkedHashMap<>(s);
    stale.put("version", 7);
    assertThat(
            http.putJson(
                    "/api/procurement/suppliers/" + id,
                    "fengtao",
                    PASSWORD,
                    JSON.writeValueAsString(stale))
                .statusCode())
        .isEqualTo(409);
    // contacts: several per supplier
    Map<String, Object> contact = Map.of("name", "钱经理", "role", "销售经理", "phone", "13955556666");
    assertThat(
            http.postJson(
                    "/api/procurement/suppliers/" + id + "/contacts",
                    "zhangwei",
                    PASSWORD,
                    JSON.writeValueAsString(contact))
                .statusCode())
        .isEqualTo(403);
    assertRefused(
        http.postJson(
            "/api/procurement/suppliers/" + id + "/contacts",
            "fengtao",
            PASSWORD,
            JSON.writeValueAsString(Map.of("name", "钱", "email", "not-mail"))),
        "email");
    assertThat(
            json(
                    http.postJson(
                        "/api/procurement/suppliers/" + id + "/contacts",
                        "fengtao",
                        PASSWORD,
                        JSON.writeValueAsString(contact)),
                    200)
                .get("contacts"))
        .hasSize(1);
    assertThat(
            http.postJson(
                    "/api/procurement/suppliers/no-such/contacts",
                    "fengtao",
                    PASSWORD,
                    JSON.writeValueAsString(contact))
                .statusCode())
        .isEqualTo(404);
    // evaluations feed the grade: one score of 2 → 普通
    Map<String, Object> low =
        Map.of("scoreQuality", 2, "scoreDelivery", 2, "scorePrice", 2, "scoreService", 2);
    assertThat(
            http.postJson(
                    "/api/procurement/suppliers/" + id + "/evaluations",
                    "zhangwei",
                    PASSWORD,
                    JSON.writeValueAsString(low))
                .statusCode())
        .isEqualTo(403);
    assertRefused(
        http.postJson(
            "/api/procurement/suppliers/" + id + "/evaluations",
            "fengtao",
            PASSWORD,
            JSON.writeValueAsString(
                Map.of("scoreQuality", 6, "scoreDelivery", 2, "scorePrice", 2, "scoreService", 2))),
        "scoreQuality");
    JsonNode evaluated =
        json(
            http.postJson(
                "/api/procurement/suppliers/" + id + "/evaluations",
                "fengtao",
                PASSWORD,
                JSON.writeValueAsString(low)),
            200);
    assertThat(evaluated.get("grade").asText()).isEqualTo("ORDINARY");
    assertThat(evaluated.get("evaluations")).hasSize(1);
    assertThat(http.get("/api/procurement/suppliers/no-such", "zhangwei", PASSWORD).statusCode())
        .isEqualTo(404);
  }

  @Test
  void budgetsAndFiguresAreForTheirReaders() throws Exception {
    Map<String, Object> b =
        Map.of(
            "departmentId",
            "dept-hr",
            "quarter",
            "2027Q2",
            "rigidAmount",
            50000,
            "flexibleAmount",
            10000);
    assertThat(
            http.postJson(
                    "/api/procurement/budgets", "fengtao", PASSWORD, JSON.writeValueAsString(b))
                .statusCode())
        .isEqualTo(403);
    JsonNode created =
        json(
            http.postJson(
                "/api/procurement/budgets", "chenjing", PASSWORD, JSON.writeValueAsString(b)),
            200);
    // the rigid amount is the ceiling: nothing spent yet, all of it is available
    assertThat(created.get("available").decimalValue()).isEqualByComparingTo("50000");
    assertRefused(
        http.postJson(
            "/api/procurement/budgets",
            "chenjing",
            PASSWORD,
            JSON.writeValueAsString(
                Map.of(
                    "departmentId",
                    "dept-hr",
                    "quarter",
                    "2027Q3",
                    "rigidAmount",
                    10000,
                    "flexibleAmount",
                    20000))),
        "flexibleAmount");
    assertThat(
            http.postJson(
                    "/api/procurement/budgets", "chenjing", PASSWORD, JSON.writeValueAsString(b))
                .statusCode())
        .isEqualTo(409);
    assertRefused(
        http.postJson(
            "/api/procurement/budgets",
            "chenjing",
            PASSWORD,
            JSON.writeValueAsString(
                Map.of(
                    "departmentId",
                    "dept-hr",
                    "quarter",
                    "2027Q5",
                    "rigidAmount",
                    1,
                    "flexibleAmount",
                    1))),
        "quarter");
    assertRefused(
        http.postJson(
            "/api/procurement/budgets",
            "chenjing",
            PASSWORD,
            JSON.writeValueAsString(
                Map.of(
                    "departmentId",
                    "dept-hr",
                    "quarter",
                    "2027Q3",
                    "rigidAmount",
                    -1,
                    "flexibleAmount",
                    1))),
        "rigidAmount");
    assertRefused(
        http.postJson(
            "/api/procurement/budgets",
            "chenjing",
            PASSWORD,
            JSON.writeValueAsString(
                Map.of(
                    "departmentId",
                    "dept-nowhere",
                    "quarter",
                    "2027Q3",
                    "rigidAmount",
                    1,
                    "flexibleAmount",
                    1))),
        "departmentId");
    assertRefused(
        http.postJson(
            "/api/procurement/budgets",
            "chenjing",
            PASSWORD,
            JSON.writeValueAsString(
                Map.of(
                    "departmentId",
                    "dept-hr",
                    "quarter",
                    "2027Q3",
                    "rigidAmount",
                    1,
                    "flexibleAmount",
                    1,
                    "usedAmount",
                    0))),
        "usedAmount");

    // staff see their own department only; the office sees all
    JsonNode mine = json(http.get("/api/procurement/budgets", "zhangwei", PASSWORD), 200);
    assertThat(mine).isNotEmpty();
    mine.forEach(n -> assertThat(n.get("departmentId").asText()).isEqualTo("dept-business"));
    JsonNode all =
        json(http.get("/api/procurement/budgets?quarter=2027Q2", "zhaomin", PASSWORD), 200);
    assertThat(all.findValuesAsText("departmentId")).contains("dept-hr");
    assertRefused(http.get("/api/procurement/budgets?quarter=Q4", "zhaomin", PASSWORD), "quarter");

    assertThat(
            http.get("/api/procurement/savings?month=2026-11", "zhangwei", PASSWORD).statusCode())
        .isEqualTo(403);
    assertThat(
            json(http.get("/api/procurement/savings?month=2026-11", "zhaomin", PASSWORD), 200)
                .get("month")
                .asText())
        .isEqualTo("2026-11");
    assertRefused(http.get("/api/procurement/savings?month=2026-13", "zhaomin", PASSWORD), "month");
  }

  String startPath() {
    return "/engine-rest/process-definition/key/" + PROCESS_KEY + "/start";
  }

  HttpResponse<String> start(String user, Map<String, Object> variables) throws Exception {
    return http.postJson(startPath(), user, PASSWORD, body(variables));
  }

  HttpResponse<String> complete(Task task, String user, Map<String, Object> variables)
      throws Exception {
    return http.postJson(
        "/engine-rest/task/" + task.getId() + "/complete", user, PASSWORD, body(variables));
  }

  Task task(String processInstanceId) {
    List<Task> open =
        engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).list();
    assertThat(open).hasSize(1);
    return open.get(0);
  }

  long count() {
    return jdbc.sql("select count(*) from of_purchase").query(Long.class).single();
  }
}
