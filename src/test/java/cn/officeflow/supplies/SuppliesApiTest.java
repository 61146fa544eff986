package cn.officeflow.supplies;

import static cn.officeflow.support.ApiResponses.assertRefused;
import static cn.officeflow.support.ApiResponses.body;
import static cn.officeflow.support.ApiResponses.json;
import static cn.officeflow.support.ApiResponses.message;
import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.platform.inventory.InventoryService;
import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import cn.officeflow.support.ProcessDriver;
import cn.officeflow.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * 物资 over HTTP: extra and identity variables refused naming them, bad quantities and a 共享领用 of a
 * non-shareable item refused with 400 and nothing stored; at 发放 a changed read-only field, 以旧换新 without the
 * old item and a short stock is a 409 「库存不足」 (the task stays open, the stock unchanged); a second click
 * and another user's click are refused; /api/supplies reads only for the requester, the approver and the reader
 * roles (others 404); 报废 only by warehouse, its certificate uploaded only by warehouse, stored with SHA-256.
 */
@HttpTest
class SuppliesApiTest {

  static final String PASSWORD = DemoUsers.PASSWORD;
  static final String STAFF = "zhangwei";
  static final String OTHER = "gaoyuan";
  static final String WAREHOUSE_USER = "huanglei";
  static final String AUDITOR = "qianyu";
  static final String PAPER = SuppliesProcessTest.PAPER;
  static final String LAPTOP = SuppliesProcessTest.LAPTOP;
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired InventoryService inventory;

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

  Map<String, Object> paper(int quantity) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("itemId", PAPER);
    v.put("quantity", quantity);
    v.put("kind", "NORMAL");
    v.put("purpose", "打印材料");
    return v;
  }

  @Test
  void badStartsAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
    long before = count();
    for (String extra :
        List.of(
            "initiator", "needsApproval", "approvers", "requisitionId", "totalValue", "status")) {
      Map<String, Object> v = paper(1);
      v.put(extra, "x");
      assertRefused(start(STAFF, v), extra);
    }
    for (Object bad : List.of(0, -3, 1.5, "十", 10001)) {
      Map<String, Object> v = paper(1);
      v.put("quantity", bad);
      assertRefused(start(STAFF, v), "quantity");
    }
    Map<String, Object> shared = paper(1);
    shared.put("kind", "SHARED");
    shared.put("returnDate", "2026-11-27");
    assertRefused(start(STAFF, shared), "kind");
    Map<String, Object> unknown = paper(1);
    unknown.put("itemId", "no-such-item");
    assertRefused(start(STAFF, unknown), "itemId");
    assertThat(count()).isEqualTo(before);
    assertThat(http.postJson(startPath(), null, null, body(paper(1))).statusCode()).isEqualTo(401);
  }

  @Test
  void issueRefusesTamperingMissingOldItemAndShortStockThenASecondClick() throws Exception {
    Map<String, Object> exchange = paper(2);
    exchange.put("kind", "EXCHANGE");
    String pi = id(start(STAFF, exchange));
    Task issue = task(pi);
    int stock = inventory.get(PAPER).stock();

    assertThat(complete(issue, STAFF, Map.of("issueDecision", "issue")).statusCode())
        .isIn(403, 404);
    assertRefused(
        complete(issue, WAREHOUSE_USER, Map.of("issueDecision", "issue", "quantity", 1)),
        "quantity");
    assertRefused(
        complete(issue, WAREHOUSE_USER, Map.of("issueDecision", "issue", "initiator", OTHER)),
        "initiator");
    assertRefused(complete(issue, WAREHOUSE_USER, Map.of("issueDecision", "issue")), "oldAssetTag");
    assertRefused(
        complete(issue, WAREHOUSE_USER, Map.of("issueDecision", "issue", "oldAssetTag", "SN-1")),
        "oldCondition");
    assertThat(inventory.get(PAPER).stock()).isEqualTo(stock);
    Map<String, Object> ok =
        Map.of("issueDecision", "issue", "oldAssetTag", "SN-1", "oldCondition", "磨损");
    assertThat(complete(issue, WAREHOUSE_USER, ok).statusCode()).isEqualTo(204);
    assertThat(inventory.get(PAPER).stock()).isEqualTo(stock - 2);
    assertThat(complete(issue, WAREHOUSE_USER, ok).statusCode()).isIn(404, 409);
    assertThat(inventory.get(PAPER).stock()).isEqualTo(stock - 2);
  }

  @Test
  void aShortStockIsAClear409AndTheTaskStaysOpen() throws Exception {
    int stock = inventory.get(LAPTOP).stock();
    Map<String, Object> v = paper(stock + 1);
    v.put("itemId", LAPTOP);
    String pi = id(start(STAFF, v));
    driver.approve("liuyang", pi, SuppliesVariables.TASK_APPROVE);
    Task issue = task(pi);
    HttpResponse<String> refused =
        complete(issue, WAREHOUSE_USER, Map.of("issueDecision", "issue"));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
    assertThat(message(refused)).contains("库存不足").contains("不予发放");
    assertThat(task(pi).getId()).isEqualTo(issue.getId());
    assertThat(inventory.get(LAPTOP).stock()).isEqualTo(stock);
  }

  @Test
  void recordsAreReadByTheirPeopleAndTheReaderRolesOnly() throws Exception {
    String pi = id(start(STAFF, paper(1)));
    String id =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(pi)
            .singleResult()
            .getBusinessKey();
    String path = "/api/supplies/requisitions/" + id;
    for (String reader :
        List.of(STAFF, "liuyang", WAREHOUSE_USER, AUDITOR, "zhaomin", "chenjing")) {
      assertThat(http.get(path, reader, PASSWORD).statusCode()).as(reader).isEqualTo(200);
    }
    assertThat(http.get(path, OTHER, PASSWORD).statusCode()).isEqualTo(404);
    assertThat(http.get("/api/supplies/requisitions/nope", WAREHOUSE_USER, PASSWORD).statusCode())
        .isEqualTo(404);
    assertThat(http.get(path, null, null).statusCode()).isEqualTo(401);
    assertThat(json(http.get("/api/supplies/requisitions", OTHER, PASSWORD), 200).toString())
        .doesNotContain(id);
    assertThat(
            json(http.get("/api/supplies/requisitions", WAREHOUSE_USER, PASSWORD), 200).toString())
        .contains(id);
    assertThat(json(http.get("/api/supplies/loans", WAREHOUSE_USER, PASSWORD), 200).isArray())
        .isTrue();
    // asset register: readers see all with history, a holder sees their own, others 404
    assertThat(http.get("/api/supplies/assets/ZC-2024-0001", STAFF, PASSWORD).statusCode())
        .isEqualTo(200);
    assertThat(http.get("/api/supplies/assets/ZC-2024-0001", OTHER, PASSWORD).statusCode())
        .isEqualTo(404);
    assertThat(json(http.get("/api/supplies/assets", AUDITOR, PASSWORD), 200).size())
        .isGreaterThanOrEqualTo(3);
    assertThat(json(http.get("/api/supplies/assets", OTHER, PASSWORD), 200).size()).isZero();
  }

  @Test
  void disposalsAreWarehouseBusinessAndTheCertificateIsStoredWithItsHash() throws Exception {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("assetTag", "ZC-2023-0107");
    v.put("reason", "激光器老化");
    HttpResponse<String> refused = http.postJson(disposalStartPath(), STAFF, PASSWORD, body(v));
    assertThat(refused.statusCode()).as(refused.body()).isIn(403, 404);
    Map<String, Object> both = new LinkedHashMap<>(v);
    both.put("itemId", PAPER);
    assertRefused(
        http.postJson(disposalStartPath(), WAREHOUSE_USER, PASSWORD, body(both)), "itemId");
    Map<String, Object> tooMany = new LinkedHashMap<>();
    tooMany.put("itemId", PAPER);
    tooMany.put("quantity", 100000);
    tooMany.put("reason", "受潮");
    assertRefused(
        http.postJson(disposalStartPath(), WAREHOUSE_USER, PASSWORD, body(tooMany)), "quantity");

    String pi = id(http.postJson(disposalStartPath(), WAREHOUSE_USER, PASSWORD, body(v)));
    String id =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(pi)
            .singleResult()
            .getBusinessKey();
    driver.complete(
        "machao",
        pi,
        SuppliesVariables.TASK_APPRAISE,
        Map.of("appraisal", "scrap", "appraisalNote", "不经济"));
    assertRefused(
        complete(
            task(pi), "chenjing", Map.of("decision", "approve", "comment", "同意", "bookValue", -1)),
        "bookValue");
    assertThat(
            complete(
                    task(pi),
                    "chenjing",
                    Map.of("decision", "approve", "comment", "同意", "bookValue", 0))
                .statusCode())
        .isEqualTo(204);

    String certificate = "/api/supplies/disposals/" + id + "/certificate";
    List<Http.Part> file =
        List.of(
            new Http.Part(
                "file", "证明.pdf", "application/pdf", "PDF".getBytes(StandardCharsets.UTF_8)));
    assertThat(http.postMultipart(certificate, STAFF, PASSWORD, file).statusCode()).isEqualTo(404);
    assertThat(http.get("/api/supplies/disposals/" + id, STAFF, PASSWORD).statusCode())
        .isEqualTo(404);
    JsonNode stored = json(http.postMultipart(certificate, WAREHOUSE_USER, PASSWORD, file), 200);
    assertThat(stored.get("sha256").asText()).hasSize(64);
    assertThat(complete(task(pi), WAREHOUSE_USER, Map.of("vendor", "绿源回收")).statusCode())
        .isEqualTo(204);
    JsonNode disposal = json(http.get("/api/supplies/disposals/" + id, "chenjing", PASSWORD), 200);
    assertThat(disposal.get("status").asText()).isEqualTo("DISPOSED");
    assertThat(disposal.get("certificateSha256").asText()).isEqualTo(stored.get("sha256").asText());
    assertThat(http.postMultipart(certificate, WAREHOUSE_USER, PASSWORD, file).statusCode())
        .isEqualTo(409);
  }

  // ---------------------------------------------------------------- helpers

  String startPath() {
    return "/engine-rest/process-definition/key/" + SuppliesVariables.REQUISITION_KEY + "/start";
  }

  String disposalStartPath() {
    return "/engine-rest/process-definition/key/" + SuppliesVariables.DISPOSAL_KEY + "/start";
  }

  HttpResponse<String> start(String user, Map<String, Object> variables) throws Exception {
    return http.postJson(startPath(), user, PASSWORD, body(variables));
  }

  HttpResponse<String> complete(Task task, String user, Map<String, Object> variables)
      throws Exception {
    if (task.getAssignee() == null) {
      http.postJson(
          "/engine-rest/task/" + task.getId() + "/claim",
          user,
          PASSWORD,
          "{\"userId\":\"" + user + "\"}");
    }
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
    return jdbc.sql("select count(*) from of_supplies_requisition").query(Long.class).single();
  }

  static String id(HttpResponse<String> started) throws Exception {
    return json(started, 200).get("id").asText();
  }
}
