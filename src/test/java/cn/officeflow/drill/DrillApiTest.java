package cn.officeflow.drill;

import static cn.officeflow.support.ApiResponses.assertRefused;
import static cn.officeflow.support.ApiResponses.body;
import static cn.officeflow.support.ApiResponses.field;
import static cn.officeflow.support.ApiResponses.json;
import static cn.officeflow.support.ApiResponses.message;
import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import cn.officeflow.support.ProcessDriver;
import cn.officeflow.support.TestClock;
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
 * 应急演练 over HTTP: only emergency-command starts by hand (others 403/404; nobody passes for the timer),
 * every step refuses undeclared variables and bad numbers with 400 naming the field and stores nothing, a second
 * click on a finished task is refused, and /api/emergencies/drills lists the quarters for the reader roles only.
 */
@HttpTest
class DrillApiTest {

  static final String PASSWORD = DemoUsers.PASSWORD;
  static final String COMMAND = "linfeng";
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
    TestClock.set("2026-11-23T10:00:00");
  }

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  @Test
  void onlyEmergencyCommandStartsByHand() throws Exception {
    long drills = count();
    for (String user : List.of("zhangwei", "wuqiang", "zhaomin", "qianyu")) {
      HttpResponse<String> refused = start(user, Map.of("reason", "越权发起"));
      assertThat(refused.statusCode()).as(user + ": " + refused.body()).isIn(403, 404);
    }
    assertThat(http.postJson(startPath(), null, null, body(Map.of())).statusCode()).isEqualTo(401);
    // the administrator passes Camunda's authorization, not the process's own check
    HttpResponse<String> admin =
        http.postJson(startPath(), "admin", "Guanli@2026", body(Map.of("reason", "管理员发起")));
    assertThat(admin.statusCode()).as(admin.body()).isEqualTo(403);
    assertThat(count()).isEqualTo(drills);

    HttpResponse<String> started = start(COMMAND, Map.of("drillType", "消防", "reason", "补做"));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    assertThat(count()).isEqualTo(drills + 1);
  }

  @Test
  void extraVariablesAndIdentityAreRefusedNamingThemAndNothingIsStored() throws Exception {
    long drills = count();
    for (String extra : List.of("initiator", "startedBy", "organiser", "quarter", "drillId")) {
      Map<String, Object> vars = new LinkedHashMap<>();
      vars.put("drillType", "消防");
      vars.put(extra, "2026Q1");
      HttpResponse<String> refused = start(COMMAND, vars);
      assertThat(refused.statusCode()).as(extra + ": " + refused.body()).isEqualTo(400);
      assertThat(field(refused)).as(extra).isEqualTo(extra);
    }
    HttpResponse<String> badType = start(COMMAND, Map.of("drillType", "火灾"));
    assertThat(badType.statusCode()).isEqualTo(400);
    assertThat(field(badType)).isEqualTo("drillType");
    assertThat(count()).isEqualTo(drills);

    String pi = JSON.readTree(start(COMMAND, Map.of()).body()).get("id").asText();
    Task plan = task(pi);
    Map<String, Object> withExtra = plan("2026-12-02");
    withExtra.put("evacuationSeconds", 60);
    assertRefused(complete(plan, COMMAND, withExtra), "evacuationSeconds");
    Map<String, Object> wrongQuarter = plan("2027-01-05");
    assertRefused(complete(plan, COMMAND, wrongQuarter), "plannedDate");
    assertThat(
            jdbc.sql("select planned_date from of_drill where process_instance_id = :pi")
                .param("pi", pi)
                .query(String.class)
                .optional())
        .isEmpty();
    // another emergency-command member may not complete the initiator's planning task
    assertThat(complete(plan, "zhangwei", plan("2026-12-02")).statusCode()).isIn(403, 404, 409);

    assertThat(complete(plan, COMMAND, plan("2026-12-02")).statusCode()).isEqualTo(204);
    // a second click on the finished task
    assertThat(complete(plan, COMMAND, plan("2026-12-02")).statusCode()).isIn(404, 409);

    Task conduct = task(pi);
    assertThat(conduct.getAssignee()).isEqualTo("zhangwei");
    for (Map.Entry<String, Object> bad :
        Map.<String, Object>of(
                "evacuationSeconds",
                "三分钟",
                "headcountSeconds",
                -1,
                "participantCount",
                1.5,
                "headcountPresent",
                999)
            .entrySet()) {
      Map<String, Object> vars = conduct();
      vars.put(bad.getKey(), bad.getValue());
      assertRefused(complete(conduct, "zhangwei", vars), bad.getKey());
    }
    Map<String, Object> identity = conduct();
    identity.put("organiser", "zhangwei");
    assertRefused(complete(conduct, "zhangwei", identity), "organiser");
    assertThat(
            jdbc.sql(
                    "select count(*) from of_drill where process_instance_id = :pi and conducted_at is not null")
                .param("pi", pi)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(complete(conduct, "zhangwei", conduct()).statusCode()).isEqualTo(204);

    Task evaluate = task(pi);
    Map<String, Object> badItems = new LinkedHashMap<>(Map.of("decision", "approve"));
    badItems.put("improvementItems", "更换疏散指示灯 | nobody | 2026-12-31");
    HttpResponse<String> items = complete(evaluate, COMMAND, badItems);
    assertRefused(items, "improvementItems");
    assertThat(message(items)).contains("第 1 行");
    assertRefused(
        complete(evaluate, COMMAND, Map.of("decision", "maybe", "comment", "x")), "decision");
    Map<String, Object> good = new LinkedHashMap<>(Map.of("decision", "approve"));
    good.put("improvementItems", "更换疏散指示灯 | machao | 2026-12-31");
    assertThat(complete(evaluate, COMMAND, good).statusCode()).isEqualTo(204);
    Task improve = task(pi);
    assertThat(improve.getAssignee()).isEqualTo("machao");
    assertRefused(
        complete(improve, "machao", Map.of("improvementText", "改成别的事项", "improvementResult", "已换")),
        "improvementText");
  }

  @Test
  void drillsAreListedPerQuarterForTheReaderRolesOnly() throws Exception {
    String pi = JSON.readTree(start(COMMAND, Map.of("drillType", "防暴")).body()).get("id").asText();
    String id =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(pi)
            .singleResult()
            .getBusinessKey();
    for (String user : List.of(COMMAND, "wuqiang", "zhaomin", "qianyu")) {
      JsonNode all = json(http.get("/api/emergencies/drills", user, PASSWORD), 200);
      assertThat(all.get("currentQuarter").asText()).as(user).isEqualTo("2026Q4");
      JsonNode q4 = all.get("quarters").get(0);
      assertThat(q4.get("quarter").asText()).isEqualTo("2026Q4");
      assertThat(q4.get("coverage").asText()).isEqualTo("CURRENT");
      assertThat(q4.get("drills").findValuesAsText("id")).contains(id);
    }
    JsonNode one = json(http.get("/api/emergencies/drills/" + id, COMMAND, PASSWORD), 200);
    assertThat(one.get("status").asText()).isEqualTo("PLANNING");
    assertThat(one.get("drillType").asText()).isEqualTo("防暴");
    assertThat(one.get("improvementItems")).isEmpty();

    assertThat(http.get("/api/emergencies/drills", null, null).statusCode()).isEqualTo(401);
    assertThat(http.get("/api/emergencies/drills", "zhangwei", PASSWORD).statusCode())
        .isEqualTo(403);
    assertThat(http.get("/api/emergencies/drills/" + id, "zhangwei", PASSWORD).statusCode())
        .isEqualTo(404);
    assertThat(http.get("/api/emergencies/drills/no-such-drill", COMMAND, PASSWORD).statusCode())
        .isEqualTo(404);
    HttpResponse<String> badYear = http.get("/api/emergencies/drills?year=20x6", COMMAND, PASSWORD);
    assertRefused(badYear, "year");
    JsonNode other = json(http.get("/api/emergencies/drills?year=2025", COMMAND, PASSWORD), 200);
    assertThat(other.get("quarters")).isEmpty();
  }

  // --- helpers

  static Map<String, Object> plan(String date) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("drillType", "消防");
    vars.put("plannedDate", date);
    vars.put("plannedTime", "15:00");
    vars.put("place", "办公楼");
    vars.put("scenario", "配电室冒烟");
    vars.put("organiser", "zhangwei");
    return vars;
  }

  static Map<String, Object> conduct() {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("participantCount", 40);
    vars.put("evacuationSeconds", 210);
    vars.put("headcountExpected", 40);
    vars.put("headcountPresent", 40);
    vars.put("headcountSeconds", 95);
    vars.put("issues", "二楼防火门常开");
    return vars;
  }

  String startPath() {
    return "/engine-rest/process-definition/key/" + DrillVariables.PROCESS_KEY + "/start";
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
    return jdbc.sql("select count(*) from of_drill").query(Long.class).single();
  }
}
