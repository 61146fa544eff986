package cn.officeflow.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The 风险地图 over HTTP: listed for everyone, maintained by emergency-command, validated on the server. */
@HttpTest
class RiskMapApiTest {

  static final String COMMAND = "linfeng";
  static final String PASSWORD = DemoUsers.PASSWORD;
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    jdbc.update("delete from of_emergency_risk where updated_by <> 'system'");
  }

  private JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  private int rows() {
    return jdbc.queryForObject("select count(*) from of_emergency_risk", Integer.class);
  }

  @Test
  void everyoneSeesTheSeededMapWithTheSeedsExamples() throws Exception {
    HttpResponse<String> response = http.get("/api/emergency-risks", "zhangwei", PASSWORD);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode list = json(response);
    assertThat(list.size()).isEqualTo(10);
    assertThat(list.get(0).get("dimension").asText()).isEqualTo("人员");
    assertThat(find(list, "员工突发疾病").get("level").asText()).isEqualTo("Ⅰ");
    assertThat(find(list, "舆情发酵").get("level").asText()).isEqualTo("Ⅱ");
    assertThat(find(list, "舆情发酵").get("ownerGroupName").asText()).isEqualTo("品牌/舆情");
    assertThat(find(list, "陌生人员徘徊").get("monitoringPoint").asText()).contains("门禁系统");
    for (String scenario : List.of("火灾", "设备故障", "数据泄露", "停电", "食物中毒")) {
      assertThat(find(list, scenario)).as(scenario).isNotNull();
    }

    JsonNode reputation = json(http.get("/api/emergency-risks?dimension=声誉", "qianyu", PASSWORD));
    assertThat(reputation.size()).isEqualTo(2);
    HttpResponse<String> bad = http.get("/api/emergency-risks?dimension=天气", "zhangwei", PASSWORD);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("dimension");
  }

  /** The map and the decision table agree: each seeded risk's level is what emergency_level decides. */
  @Test
  void theSeededLevelsAreWhatTheDecisionTableDecides() throws Exception {
    JsonNode list = json(http.get("/api/emergency-risks", "zhangwei", PASSWORD));
    for (JsonNode risk : list) {
      Object level =
          engine
              .getDecisionService()
              .evaluateDecisionTableByKey(
                  "emergency_level",
                  Map.of(
                      "dimension", risk.get("dimension").asText(),
                      "scenario", risk.get("scenario").asText(),
                      "injured", 0))
              .getSingleEntry();
      assertThat(level).as(risk.get("scenario").asText()).isEqualTo(risk.get("level").asText());
    }
  }

  @Test
  void emergencyCommandMaintainsTheMap() throws Exception {
    HttpResponse<String> created =
        http.postJson(
            "/api/emergency-risks",
            COMMAND,
            PASSWORD,
            "{\"dimension\":\"资产\",\"scenario\":\"电梯困人\",\"level\":\"Ⅱ\",\"ownerGroup\":\"emergency-command\","
                + "\"monitoringPoint\":\"电梯紧急呼叫\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = json(created).get("id").asText();
    assertThat(json(created).get("updatedBy").asText()).isEqualTo(COMMAND);

    HttpResponse<String> updated =
        http.putJson(
            "/api/emergency-risks/" + id,
            COMMAND,
            PASSWORD,
            "{\"dimension\":\"人员\",\"scenario\":\"电梯困人\",\"level\":\"Ⅱ\",\"ownerGroup\":\"emergency-command\"}");
    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
    assertThat(
            json(http.get("/api/emergency-risks/" + id, "zhangwei", PASSWORD))
                .get("dimension")
                .asText())
        .isEqualTo("人员");

    HttpResponse<String> twice =
        http.postJson(
            "/api/emergency-risks",
            COMMAND,
            PASSWORD,
            "{\"dimension\":\"人员\",\"scenario\":\"电梯困人\",\"level\":\"Ⅲ\",\"ownerGroup\":\"reception\"}");
    assertThat(twice.statusCode()).isEqualTo(409);
    assertThat(twice.body()).contains("已有「人员/电梯困人」");

    assertThat(http.delete("/api/emergency-risks/" + id, COMMAND, PASSWORD).statusCode())
        .isEqualTo(204);
    assertThat(http.delete("/api/emergency-risks/" + id, COMMAND, PASSWORD).statusCode())
        .isEqualTo(404);
    assertThat(rows()).isEqualTo(10);
  }

  @Test
  void othersCannotChangeIt() {
    String body =
        "{\"dimension\":\"资产\",\"scenario\":\"漏水\",\"level\":\"Ⅳ\",\"ownerGroup\":\"it-support\"}";
    for (String user : List.of("zhangwei", "zhaomin", "qianyu", "anfang")) {
      HttpResponse<String> response = http.postJson("/api/emergency-risks", user, PASSWORD, body);
      assertThat(response.statusCode()).as(user + " " + response.body()).isEqualTo(403);
    }
    String seeded =
        jdbc.queryForObject("select id from of_emergency_risk where scenario = '火灾'", String.class);
    assertThat(http.delete("/api/emergency-risks/" + seeded, "zhangwei", PASSWORD).statusCode())
        .isEqualTo(403);
    assertThat(rows()).isEqualTo(10);
  }

  @Test
  void badInputIs400NamingTheFieldAndNothingIsStored() {
    assertRefused(
        "{\"dimension\":\"天气\",\"scenario\":\"台风\",\"level\":\"Ⅲ\",\"ownerGroup\":\"staff\"}",
        "dimension");
    // a Latin I is not the numeral Ⅰ
    assertRefused(
        "{\"dimension\":\"资产\",\"scenario\":\"台风\",\"level\":\"I\",\"ownerGroup\":\"staff\"}",
        "level");
    assertRefused("{\"dimension\":\"资产\",\"level\":\"Ⅲ\",\"ownerGroup\":\"staff\"}", "scenario");
    assertRefused(
        "{\"dimension\":\"资产\",\"scenario\":\"台风\",\"level\":\"Ⅲ\",\"ownerGroup\":\"nobody\"}",
        "ownerGroup");
    assertRefused(
        "{\"dimension\":\"资产\",\"scenario\":\"台风\",\"level\":\"Ⅲ\",\"ownerGroup\":\"staff\",\"updatedBy\":\"wuqiang\"}",
        "updatedBy");
    assertRefused(
        "{\"dimension\":\"资产\",\"scenario\":\""
            + "台".repeat(101)
            + "\",\"level\":\"Ⅲ\",\"ownerGroup\":\"staff\"}",
        "scenario");
    assertThat(rows()).isEqualTo(10);
  }

  private void assertRefused(String body, String field) {
    HttpResponse<String> response = http.postJson("/api/emergency-risks", COMMAND, PASSWORD, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("\"field\":\"" + field + "\"");
  }

  private static JsonNode find(JsonNode list, String scenario) {
    for (JsonNode risk : list) {
      if (scenario.equals(risk.get("scenario").asText())) {
        return risk;
      }
    }
    return null;
  }
}
