package cn.officeflow.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import cn.officeflow.support.ProcessDriver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** /api/supervision over HTTP: the items contract with the light filter, the 通报 list, roles, 400/401/403. */
@HttpTest
class SupervisionApiTest {

  static final String PASSWORD = DemoUsers.PASSWORD;
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  Http http;
  ProcessDriver driver;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    driver = new ProcessDriver(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void itemsAreListedByLightWithTheContractFields() throws Exception {
    ClockUtil.setCurrentTime(
        Date.from(ZonedDateTime.parse("2026-11-02T10:00:00+08:00").toInstant()));
    ProcessInstance green = start("接口绿灯事项", 20);
    ProcessInstance red = start("接口红灯事项", 2);
    driver.complete(
        "liuyang",
        red.getId(),
        SupervisionVariables.TASK_ASSIGN,
        Map.of(SupervisionVariables.HANDLER, "zhangwei"));
    ClockUtil.setCurrentTime(
        Date.from(ZonedDateTime.parse("2026-11-05T10:00:00+08:00").toInstant()));
    driver.executeJobs(red.getId());
    ClockUtil.reset();

    for (String user : List.of("zhaomin", "lina", "wuqiang", "sunli", "qianyu")) {
      JsonNode all = json(http.get("/api/supervision/items", user, PASSWORD), 200);
      assertThat(ids(all)).as(user).contains(green.getBusinessKey(), red.getBusinessKey());
    }
    JsonNode reds = json(http.get("/api/supervision/items?light=red", "zhaomin", PASSWORD), 200);
    assertThat(ids(reds)).contains(red.getBusinessKey()).doesNotContain(green.getBusinessKey());
    JsonNode item = find(reds, red.getBusinessKey());
    assertThat(item.get("title").asText()).isEqualTo("接口红灯事项");
    assertThat(item.get("department").asText()).isEqualTo("dept-business");
    assertThat(item.get("handler").asText()).isEqualTo("zhangwei");
    assertThat(item.get("due").asText()).isEqualTo("2026-11-04");
    assertThat(item.get("light").asText()).isEqualTo("red");

    JsonNode greens = json(http.get("/api/supervision/items?light=GREEN", "lina", PASSWORD), 200);
    assertThat(ids(greens)).contains(green.getBusinessKey()).doesNotContain(red.getBusinessKey());
    assertThat(find(greens, green.getBusinessKey()).get("handler").isNull()).isTrue();
    assertThat(ids(json(http.get("/api/supervision/items?light=yellow", "lina", PASSWORD), 200)))
        .doesNotContain(green.getBusinessKey(), red.getBusinessKey());

    JsonNode bulletin = json(http.get("/api/supervision/bulletin", "zhaomin", PASSWORD), 200);
    List<String> itemIds = new ArrayList<>();
    bulletin.forEach(b -> itemIds.add(b.get("itemId").asText()));
    assertThat(itemIds).contains(red.getBusinessKey()).doesNotContain(green.getBusinessKey());
  }

  @Test
  void anotherLightIs400NamingTheField() throws Exception {
    for (String light : List.of("blue", "", "RED1")) {
      HttpResponse<String> response =
          http.get("/api/supervision/items?light=" + light, "zhaomin", PASSWORD);
      if (light.isEmpty()) {
        assertThat(response.statusCode()).isEqualTo(400);
      }
      JsonNode body = json(response, 400);
      assertThat(body.get("field").asText()).as(light).isEqualTo("light");
      assertThat(body.get("message").asText()).as(light).contains("灯色");
      assertThat(body.has("type")).isTrue();
    }
  }

  @Test
  void anonymousGets401AndOtherRolesGet403() throws Exception {
    for (String path :
        List.of(
            "/api/supervision/items",
            "/api/supervision/items?light=red",
            "/api/supervision/bulletin")) {
      assertThat(http.get(path, null, null).statusCode()).as(path).isEqualTo(401);
      assertThat(http.get(path, "hexin", "wrong").statusCode()).as(path).isEqualTo(401);
      HttpResponse<String> staff = http.get(path, "zhangwei", PASSWORD);
      assertThat(json(staff, 403).get("type").asText())
          .as(path)
          .isEqualTo("AuthorizationException");
      assertThat(http.get(path, "liuyang", PASSWORD).statusCode()).as(path).isEqualTo(403);
    }
  }

  private ProcessInstance start(String title, long days) {
    return driver.start(
        "zhaomin",
        SupervisionVariables.PROCESS_KEY,
        new java.util.HashMap<>(
            Map.of(
                SupervisionVariables.TITLE,
                title,
                SupervisionVariables.BASIS,
                "主任办公会议定",
                SupervisionVariables.DEPARTMENT,
                "dept-business",
                SupervisionVariables.DEADLINE_DAYS,
                days)));
  }

  private static List<String> ids(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.forEach(i -> ids.add(i.get("id").asText()));
    return ids;
  }

  private static JsonNode find(JsonNode list, String id) {
    for (JsonNode i : list) {
      if (i.get("id").asText().equals(id)) {
        return i;
      }
    }
    throw new AssertionError("not listed: " + id);
  }

  private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }
}
