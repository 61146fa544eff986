package cn.officeflow.platform.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import cn.officeflow.support.LastUnitsRace;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** 物资 over HTTP and the stock rules (never negative, JIT reorder) on H2. */
@HttpTest
class InventoryApiTest {

  static final String WAREHOUSE = "huanglei";
  static final String PASSWORD = DemoUsers.PASSWORD;
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired InventoryService inventory;
  @Autowired PlatformTransactionManager transactions;

  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  private static String code() {
    return "T-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void everyoneListsTheItemsTheWarehouseMaintainsThem() throws Exception {
    JsonNode list = json(http.get("/api/inventory/items", "zhangwei", PASSWORD), 200);
    assertThat(list.size()).isGreaterThanOrEqualTo(7);
    JsonNode shareable = json(http.get("/api/inventory/items?q=投影仪", "zhangwei", PASSWORD), 200);
    assertThat(shareable.get(0).get("shareable").asBoolean()).isTrue();
    assertThat(json(http.get("/api/inventory/items?category=家具", "zhangwei", PASSWORD), 200).size())
        .isGreaterThanOrEqualTo(1);

    String code = code();
    JsonNode created =
        json(
            http.postJson(
                "/api/inventory/items",
                WAREHOUSE,
                PASSWORD,
                "{\"code\":\""
                    + code
                    + "\",\"name\":\"订书机\",\"category\":\"办公用品\",\"unit\":\"个\",\"unitValue\":\"18.5\","
                    + "\"reorderPoint\":5,\"reorderQuantity\":20,\"initialStock\":30}"),
            201);
    String id = created.get("id").asText();
    assertThat(created.get("stock").asInt()).isEqualTo(30);
    assertThat(created.get("unitValue").decimalValue()).isEqualByComparingTo("18.50");
    JsonNode movements =
        json(http.get("/api/inventory/items/" + id + "/movements", "zhangwei", PASSWORD), 200);
    assertThat(movements.get(0).get("kind").asText()).isEqualTo("RECEIVE");
    assertThat(movements.get(0).get("reason").asText()).isEqualTo("期初库存");
    assertThat(movements.get(0).get("userId").asText()).isEqualTo(WAREHOUSE);

    // the master data changes, the stock does not
    JsonNode updated =
        json(
            http.putJson(
                "/api/inventory/items/" + id,
                "fengtao",
                PASSWORD,
                "{\"code\":\""
                    + code
                    + "\",\"name\":\"订书机（中号）\",\"category\":\"办公用品\",\"unit\":\"个\",\"unitValue\":20}"),
            200);
    assertThat(updated.get("name").asText()).isEqualTo("订书机（中号）");
    assertThat(updated.get("stock").asInt()).isEqualTo(30);
    HttpResponse<String> stock =
        http.putJson(
            "/api/inventory/items/" + id,
            WAREHOUSE,
            PASSWORD,
            "{\"code\":\""
                + code
                + "\",\"name\":\"订书机\",\"category\":\"办公用品\",\"unit\":\"个\","
                + "\"unitValue\":20,\"initialStock\":999}");
    assertThat(stock.statusCode()).isEqualTo(400);
    assertThat(stock.body()).contains("initialStock");
    assertThat(inventory.get(id).stock()).isEqualTo(30);
  }

  /**
   * The item choice of the 领用, 报废 and 采购 start forms is the table as it is now: an item the warehouse adds
   * over REST is offered at once (no form edited, no restart), with its stock; a deactivated one is not.
   */
  @Test
  void theStartFormsOfferTheItemsAsTheyAreNow() throws Exception {
    String code = code();
    String id =
        json(
                http.postJson(
                    "/api/inventory/items",
                    WAREHOUSE,
                    PASSWORD,
                    "{\"code\":\""
                        + code
                        + "\",\"name\":\"碎纸机\",\"category\":\"办公设备\",\"unit\":\"台\",\"unitValue\":\"680\","
                        + "\"initialStock\":3}"),
                201)
            .get("id")
            .asText();
    for (String key : List.of("supplies_requisition", "asset_disposal", "procurement")) {
      JsonNode field =
          itemField(
              json(
                  http.get(
                      "/engine-rest/process-definition/key/" + key + "/deployed-start-form",
                      "zhangwei",
                      PASSWORD),
                  200));
      assertThat(field.has("valuesKey")).as(key).isFalse();
      assertThat(field.get("values").findValuesAsText("value")).as(key).contains(id);
      assertThat(field.get("values").findValuesAsText("label"))
          .as(key)
          .contains("碎纸机 " + code + "（库存 3台）");
    }

    json(
        http.putJson(
            "/api/inventory/items/" + id,
            WAREHOUSE,
            PASSWORD,
            "{\"code\":\""
                + code
                + "\",\"name\":\"碎纸机\",\"category\":\"办公设备\",\"unit\":\"台\",\"unitValue\":680,"
                + "\"active\":false}"),
        200);
    JsonNode field =
        itemField(
            json(
                http.get(
                    "/engine-rest/process-definition/key/supplies_requisition/deployed-start-form",
                    "zhangwei",
                    PASSWORD),
                200));
    assertThat(field.get("values").findValuesAsText("value")).doesNotContain(id).isNotEmpty();
  }

  private static JsonNode itemField(JsonNode form) {
    for (JsonNode component : form.get("components")) {
      if ("itemId".equals(component.path("key").asText())) {
        return component;
      }
    }
    throw new AssertionError("no itemId field in " + form);
  }

  @Test
  void othersCannotChangeItemsAndBadInputNamesTheField() {
    String body =
        "{\"code\":\""
            + code()
            + "\",\"name\":\"x\",\"category\":\"办公用品\",\"unit\":\"个\",\"unitValue\":1}";
    for (String user : List.of("zhangwei", "qianyu", "anfang")) {
      assertThat(http.postJson("/api/inventory/items", user, PASSWORD, body).statusCode())
          .as(user)
          .isEqualTo(403);
    }
    assertRefused("{\"name\":\"x\",\"category\":\"a\",\"unit\":\"个\",\"unitValue\":1}", "code");
    assertRefused(
        "{\"code\":\"含 空格\",\"name\":\"x\",\"category\":\"a\",\"unit\":\"个\",\"unitValue\":1}",
        "code");
    assertRefused(
        "{\"code\":\""
            + code()
            + "\",\"name\":\"x\",\"category\":\"a\",\"unit\":\"个\",\"unitValue\":1.005}",
        "unitValue");
    assertRefused(
        "{\"code\":\""
            + code()
            + "\",\"name\":\"x\",\"category\":\"a\",\"unit\":\"个\",\"unitValue\":-1}",
        "unitValue");
    assertRefused(
        "{\"code\":\""
            + code()
            + "\",\"name\":\"x\",\"category\":\"a\",\"unit\":\"个\",\"unitValue\":1,\"reorderPoint\":-2}",
        "reorderPoint");
    assertRefused(
        "{\"code\":\""
            + code()
            + "\",\"name\":\"x\",\"category\":\"a\",\"unit\":\"个\",\"unitValue\":1,\"stock\":5}",
        "stock");
    HttpResponse<String> taken =
        http.postJson(
            "/api/inventory/items",
            WAREHOUSE,
            PASSWORD,
            "{\"code\":\"BG-001\",\"name\":\"x\",\"category\":\"a\",\"unit\":\"个\",\"unitValue\":1}");
    assertThat(taken.statusCode()).isEqualTo(409);
    assertThat(http.get("/api/inventory/items/nope", "zhangwei", PASSWORD).statusCode())
        .isEqualTo(404);
  }

  private void assertRefused(String body, String field) {
    HttpResponse<String> response =
        http.postJson("/api/inventory/items", WAREHOUSE, PASSWORD, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("\"field\":\"" + field + "\"");
  }

  @Test
  void fiftyRequestsForTheLastTenUnitsIssueExactlyTen() throws Exception {
    LastUnitsRace.run(inventory, engine.getIdentityService(), transactions);
  }

  @Test
  void aShortStockIsRefusedAndChangesNothing() {
    Item item = inventory.list(null, "硒鼓").get(0);
    int before = item.stock();
    assertThatThrownBy(
            () ->
                new TransactionTemplate(transactions)
                    .executeWithoutResult(
                        s -> inventory.issue(item.id(), before + 1, "领用", "short-test")))
        .isInstanceOf(StockShortageException.class)
        .hasMessageContaining("库存不足：激光打印机硒鼓 现有 " + before + "个，需要 " + (before + 1) + "个");
    assertThat(inventory.get(item.id()).stock()).isEqualTo(before);
    assertThat(inventory.movements(item.id())).noneMatch(m -> "short-test".equals(m.reference()));
  }

  /**
   * JIT: a take below the reorder point starts the process that waits for {@code ReorderPointReached} (采购),
   * once until the next receipt. A probe process stands in when no such process is deployed.
   */
  @Test
  void fallingBelowTheReorderPointStartsOneReorder() {
    long existing =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .messageEventSubscriptionName(InventoryService.REORDER_MESSAGE)
            .latestVersion()
            .count();
    Deployment probe = null;
    if (existing == 0) {
      probe =
          engine
              .getRepositoryService()
              .createDeployment()
              .addModelInstance(
                  "reorder_probe.bpmn",
                  Bpmn.createExecutableProcess("reorder_probe")
                      .camundaHistoryTimeToLive(1)
                      .startEvent()
                      .message(InventoryService.REORDER_MESSAGE)
                      .userTask("Task_Reorder")
                      .camundaCandidateGroups("procurement")
                      .endEvent()
                      .done())
              .deploy();
    }
    try {
      engine.getIdentityService().setAuthentication(WAREHOUSE, List.of("warehouse", "staff"));
      Item item;
      try {
        item =
            inventory.create(
                java.util.Map.of(
                    "code",
                    code(),
                    "name",
                    "再订货测试物资",
                    "category",
                    "办公用品",
                    "unit",
                    "盒",
                    "unitValue",
                    3,
                    "reorderPoint",
                    5,
                    "reorderQuantity",
                    40,
                    "initialStock",
                    8));
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
      TransactionTemplate tx = new TransactionTemplate(transactions);
      tx.executeWithoutResult(s -> inventory.issue(item.id(), 3, "领用", "jit-1")); // 5: not below
      assertThat(reorders(item.id())).isEmpty();
      tx.executeWithoutResult(s -> inventory.issue(item.id(), 1, "领用", "jit-2")); // 4: below
      tx.executeWithoutResult(s -> inventory.issue(item.id(), 1, "领用", "jit-3")); // 3: still open
      List<ProcessInstance> reorders = reorders(item.id());
      assertThat(reorders).hasSize(1);
      // the receiving process may store the numbers as Long: compared as numbers
      java.util.Map<String, Object> sent =
          engine.getRuntimeService().getVariables(reorders.get(0).getId());
      assertThat(sent).containsEntry("itemName", "再订货测试物资");
      assertThat(((Number) sent.get("stock")).intValue()).isEqualTo(4);
      assertThat(((Number) sent.get("reorderPoint")).intValue()).isEqualTo(5);
      assertThat(((Number) sent.get("quantity")).intValue()).isEqualTo(40);
      assertThat(inventory.get(item.id()).reorderOpen()).isTrue();

      // a receipt closes it; the next fall below opens a new one
      tx.executeWithoutResult(s -> inventory.receive(item.id(), 40, "采购入库", "jit-4"));
      assertThat(inventory.get(item.id()).reorderOpen()).isFalse();
      tx.executeWithoutResult(s -> inventory.issue(item.id(), 40, "领用", "jit-5"));
      assertThat(reorders(item.id())).hasSize(2);
    } finally {
      if (probe != null) {
        engine.getRepositoryService().deleteDeployment(probe.getId(), true);
      }
    }
  }

  private List<ProcessInstance> reorders(String itemId) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .variableValueEquals("itemId", itemId)
        .list();
  }
}
