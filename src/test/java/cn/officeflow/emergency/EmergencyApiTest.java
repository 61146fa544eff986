package cn.officeflow.emergency;

import static cn.officeflow.emergency.EmergencyVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import cn.officeflow.support.ProcessDriver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * /api/emergencies and the process's REST entry points over real HTTP, with the attacks: extra variables on
 * the message and on the start form, a bad level filter, another user's case (404), evidence after 结案 (409),
 * the 《应急处置手册》 checklist out of order (400), a second click on a completed task, anonymous (401).
 */
@HttpTest
class EmergencyApiTest {

  static final String PASSWORD = DemoUsers.PASSWORD;
  static final String SYSTEM = "anfang";
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;

  Http http;
  ProcessDriver driver;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    driver = new ProcessDriver(engine);
  }

  @Test
  void aSystemReportsByMessageAndTheCaseIsReadByItsParticipantsOnly() throws Exception {
    long before = count();
    HttpResponse<String> extra =
        message(
            SYSTEM,
            "{\"dimension\":{\"value\":\"人员\"},\"scenario\":{\"value\":\"火灾\"},"
                + "\"location\":{\"value\":\"一号楼\"},\"description\":{\"value\":\"烟感报警\"},"
                + "\"injured\":{\"value\":0},\"level\":{\"value\":\"Ⅳ\"}}");
    assertThat(extra.statusCode()).as(extra.body()).isEqualTo(400);
    assertThat(extra.body()).contains("level");
    HttpResponse<String> badDimension = message(SYSTEM, variables("天气", "暴雨", 0));
    assertThat(badDimension.statusCode()).as(badDimension.body()).isEqualTo(400);
    assertThat(badDimension.body()).contains("dimension");
    HttpResponse<String> badInjured = message(SYSTEM, variables("人员", "火灾", -3));
    assertThat(badInjured.statusCode()).as(badInjured.body()).isEqualTo(400);
    assertThat(badInjured.body()).contains("injured");
    assertThat(count()).isEqualTo(before);

    HttpResponse<String> ok = message(SYSTEM, variables("人员", "火灾", 0));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(204);
    String id = latestId();
    JsonNode detail = json(http.get("/api/emergencies/" + id, "linfeng", PASSWORD), 200);
    assertThat(detail.at("/emergency/level").asText()).isEqualTo("Ⅰ");
    assertThat(detail.at("/emergency/reporter").asText()).isEqualTo(SYSTEM);
    assertThat(detail.at("/emergency/status").asText()).isEqualTo("RESPONDING");
    assertThat(detail.get("timeline").get(0).get("step").asText()).isEqualTo("报告突发事件");
    assertThat(detail.get("responseTimes").get(0).get("step").asText()).isEqualTo("分级通知");
    assertThat(detail.get("notifications").asInt()).isEqualTo(6);

    // the system itself reads nothing
    assertThat(http.get("/api/emergencies/" + id, SYSTEM, PASSWORD).statusCode())
        .isIn(401, 403, 404);
    // leaders, office-director and auditors read; other staff get 404 and an empty list
    for (String reader : List.of("wuqiang", "zhaomin", "qianyu")) {
      assertThat(http.get("/api/emergencies/" + id, reader, PASSWORD).statusCode())
          .as(reader)
          .isEqualTo(200);
    }
    HttpResponse<String> other = http.get("/api/emergencies/" + id, "chenjing", PASSWORD);
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(other.body()).contains("突发事件不存在");
    assertThat(ids(json(http.get("/api/emergencies", "chenjing", PASSWORD), 200)))
        .doesNotContain(id);
    assertThat(http.get("/api/emergencies/" + id, null, null).statusCode()).isEqualTo(401);

    // the case's notifications (DESIGN.md §应急): its readers see them, others and the system do not
    String notifications = "/api/notifications?businessKey=" + id;
    assertThat(json(http.get(notifications, "linfeng", PASSWORD), 200).size()).isEqualTo(6);
    assertThat(json(http.get(notifications, "wuqiang", PASSWORD), 200).size()).isEqualTo(6);
    assertThat(http.get(notifications, "chenjing", PASSWORD).statusCode()).isEqualTo(403);
    assertThat(http.get(notifications, SYSTEM, PASSWORD).statusCode()).isEqualTo(403);

    // filters
    assertThat(ids(json(http.get("/api/emergencies?level=Ⅰ", "linfeng", PASSWORD), 200)))
        .contains(id);
    assertThat(
            ids(
                json(
                    http.get("/api/emergencies?level=IV&status=RESPONDING", "linfeng", PASSWORD),
                    200)))
        .doesNotContain(id);
    HttpResponse<String> badLevel = http.get("/api/emergencies?level=Ⅴ", "linfeng", PASSWORD);
    assertThat(badLevel.statusCode()).isEqualTo(400);
    assertThat(badLevel.body()).contains("level");
    HttpResponse<String> badStatus = http.get("/api/emergencies?status=open", "linfeng", PASSWORD);
    assertThat(badStatus.statusCode()).isEqualTo(400);
    assertThat(badStatus.body()).contains("status");
  }

  @Test
  void staffStartFromTheFormWithEvidenceChecklistAndFrozenFilesAfterClosing() throws Exception {
    HttpResponse<String> extra =
        http.postJson(
            "/engine-rest/process-definition/key/emergency_response/start",
            "zhangwei",
            PASSWORD,
            "{\"variables\":" + withLevel(variables("人员", "火灾", 0)) + "}");
    assertThat(extra.statusCode()).as(extra.body()).isEqualTo(400);
    assertThat(extra.body()).contains("level");

    HttpResponse<String> started =
        http.postJson(
            "/engine-rest/process-definition/key/emergency_response/start",
            "zhangwei",
            PASSWORD,
            "{\"variables\":" + variables("人员", "火灾", 0) + "}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String pi = JSON.readTree(started.body()).get("id").asText();
    String id = JSON.readTree(started.body()).get("businessKey").asText();

    // the reporter reads the case and adds evidence; someone else cannot
    assertThat(http.get("/api/emergencies/" + id, "zhangwei", PASSWORD).statusCode())
        .isEqualTo(200);
    HttpResponse<String> upload = upload(id, "zhangwei", "现场照片.jpg");
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
    JsonNode file = JSON.readTree(upload.body());
    assertThat(file.get("uploadedBy").asText()).isEqualTo("zhangwei");
    assertThat(file.get("sha256").asText()).hasSize(64);
    assertThat(upload(id, "chenjing", "伪造.jpg").statusCode()).isEqualTo(404);
    HttpResponse<byte[]> download =
        http.getBytes(
            "/api/emergencies/" + id + "/evidence/" + file.get("id").asText(), "linfeng", PASSWORD);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(new String(download.body(), StandardCharsets.UTF_8)).isEqualTo("照片 现场照片.jpg");
    assertThat(download.headers().firstValue("X-Content-SHA256"))
        .hasValue(file.get("sha256").asText());
    HttpResponse<String> empty =
        http.postMultipart(
            "/api/emergencies/" + id + "/evidence",
            "zhangwei",
            PASSWORD,
            List.of(new Http.Part("file", "空.txt", "text/plain", new byte[0])));
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("file");

    // 人员安全确认 by emergency-command; a second click finds the task gone
    Task confirm = task(pi, TASK_CONFIRM_SAFETY);
    assertThat(
            complete(
                    confirm,
                    "linfeng",
                    "{\"injuredConfirmed\":{\"value\":0},\"safetyNote\":{\"value\":\"全员安全\"}}")
                .statusCode())
        .isEqualTo(204);
    assertThat(
            complete(
                    confirm,
                    "linfeng",
                    "{\"injuredConfirmed\":{\"value\":0},\"safetyNote\":{\"value\":\"全员安全\"}}")
                .statusCode())
        .isIn(404, 409);

    // 现场处置: the checklist out of order → 400 naming checklist; staff cannot even see the task
    Task onSite = task(pi, TASK_ON_SITE);
    http.postJson(
        "/engine-rest/task/" + onSite.getId() + "/claim",
        "zhaomin",
        PASSWORD,
        "{\"userId\":\"zhaomin\"}");
    HttpResponse<String> outOfOrder =
        complete(
            onSite,
            "zhaomin",
            "{\"checklist\":{\"value\":\"疏散 | 00:00\\n断电 | 00:00\\n清点人数 | 00:00\"},\"onSiteReport\":{\"value\":\"已处置\"}}");
    assertThat(outOfOrder.statusCode()).as(outOfOrder.body()).isEqualTo(400);
    assertThat(outOfOrder.body()).contains("checklist", "断电");
    assertThat(complete(onSite, "zhangwei", "{}").statusCode()).isIn(403, 404, 409);
    String at =
        java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai"))
            .format(EmergencyService.TIME);
    HttpResponse<String> inOrder =
        complete(
            onSite,
            "zhaomin",
            "{\"checklist\":{\"value\":\"断电 | "
                + at
                + "\\n疏散 | "
                + at
                + "\\n清点人数 | "
                + at
                + "\"},\"onSiteReport\":{\"value\":\"已处置\"}}");
    assertThat(inOrder.statusCode()).as(inOrder.body()).isEqualTo(204);
    // the administrative supervisor took part: may add evidence
    assertThat(upload(id, "zhaomin", "断电记录.pdf").statusCode()).isEqualTo(201);
    driver.complete("linfeng", pi, TASK_SUPPORT, Map.of(SUPPORT_REPORT, "已报告领导"));

    // 结案: evidence frozen
    JsonNode closed = json(http.get("/api/emergencies/" + id, "zhangwei", PASSWORD), 200);
    assertThat(closed.at("/emergency/status").asText()).isEqualTo("CLOSED");
    assertThat(closed.get("evidence")).hasSize(2);
    HttpResponse<String> late = upload(id, "zhangwei", "补充.jpg");
    assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
    HttpResponse<String> remove =
        http.delete(
            "/api/emergencies/" + id + "/evidence/" + file.get("id").asText(),
            "zhangwei",
            PASSWORD);
    assertThat(remove.statusCode()).isEqualTo(409);
    assertThat(json(http.get("/api/emergencies/" + id + "/evidence", "linfeng", PASSWORD), 200))
        .hasSize(2);
    assertThat(
            json(http.get("/api/emergencies?status=CLOSED", "linfeng", PASSWORD), 200).toString())
        .contains(id);
  }

  private HttpResponse<String> upload(String id, String user, String name) {
    return http.postMultipart(
        "/api/emergencies/" + id + "/evidence",
        user,
        PASSWORD,
        List.of(
            new Http.Part(
                "file", name, "image/jpeg", ("照片 " + name).getBytes(StandardCharsets.UTF_8))));
  }

  private HttpResponse<String> complete(Task task, String user, String variables) {
    return http.postJson(
        "/engine-rest/task/" + task.getId() + "/complete",
        user,
        PASSWORD,
        "{\"variables\":" + variables + "}");
  }

  private Task task(String pi, String key) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(pi)
        .taskDefinitionKey(key)
        .singleResult();
  }

  private HttpResponse<String> message(String user, String variables) {
    return http.postJson(
        "/engine-rest/message",
        user,
        PASSWORD,
        "{\"messageName\":\"EmergencyReported\",\"processVariables\":" + variables + "}");
  }

  static String variables(String dimension, String scenario, int injured) {
    return "{\"dimension\":{\"value\":\""
        + dimension
        + "\"},\"scenario\":{\"value\":\""
        + scenario
        + "\"},\"location\":{\"value\":\"一号楼东门\"},\"description\":{\"value\":\"监控报警\"},"
        + "\"injured\":{\"value\":"
        + injured
        + "}}";
  }

  static String withLevel(String variables) {
    return variables.substring(0, variables.length() - 1) + ",\"level\":{\"value\":\"Ⅳ\"}}";
  }

  private long count() {
    return jdbc.sql("select count(*) from of_emergency").query(Long.class).single();
  }

  private String latestId() {
    return jdbc.sql("select id from of_emergency order by reported_at desc, updated_at desc")
        .query(String.class)
        .list()
        .get(0);
  }

  private static List<String> ids(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.forEach(n -> ids.add(n.get("id").asText()));
    return ids;
  }

  private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  @SuppressWarnings("unused")
  private ProcessInstance unused() {
    return null;
  }
}
