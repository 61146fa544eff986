package cn.officeflow.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import cn.officeflow.support.ProcessDriver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 危机公关 over HTTP: starting from REST as the pr-team and by the PublicOpinionAlert message as a 舆情监测
 * system, the attacks on both (undeclared or identity variables → 400 naming them, other users → 403, bad
 * input → 400 naming the field, nothing stored), task attacks (bad channel, another user's task, a second
 * click), and /api/crises with its readers (pr-team, legal, leaders, office-director, emergency-command,
 * auditors) while everyone else gets 404.
 */
@HttpTest
class CrisisApiTest {

  static final String PASSWORD = DemoUsers.PASSWORD;

  /** The demo 舆情监测系统 account (integrations only: may correlate its messages and nothing else). */
  static final String MONITOR_SYSTEM = "yuqing";

  static final String START = "/engine-rest/process-definition/key/crisis_pr/start";
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;

  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @Test
  void prTeamStartsFromRestAndTheReadersSeeTheCaseWithItsTimeline() throws Exception {
    JsonNode started = json(http.postJson(START, "xuqing", PASSWORD, start(report())), 200);
    String id = started.get("businessKey").asText();
    String pi = started.get("id").asText();
    for (String reader :
        List.of("xuqing", "zhoujie", "luomin", "wuqiang", "zhaomin", "linfeng", "qianyu")) {
      JsonNode detail = json(http.get("/api/crises/" + id, reader, PASSWORD), 200);
      assertThat(detail.at("/crisis/keyword").asText()).as(reader).isEqualTo("接口 舆情");
      assertThat(detail.at("/crisis/status").asText()).isEqualTo("RESPONDING");
      assertThat(detail.at("/crisis/targetMinutes").asInt()).isEqualTo(30);
      assertThat(detail.at("/timeline/0/stepName").asText()).isEqualTo("舆情上报");
      assertThat(detail.at("/timeline/0/userName").asText()).isEqualTo("许晴");
      assertThat(ids(json(http.get("/api/crises", reader, PASSWORD), 200))).contains(id);
    }
    assertThat(ids(json(http.get("/api/crises?status=responding", "zhaomin", PASSWORD), 200)))
        .contains(id);
    assertThat(ids(json(http.get("/api/crises?status=CLOSED", "zhaomin", PASSWORD), 200)))
        .doesNotContain(id);
    JsonNode badStatus = json(http.get("/api/crises?status=open", "zhaomin", PASSWORD), 400);
    assertThat(badStatus.get("message").asText()).contains("状态");
    assertThat(badStatus.get("field").asText()).isEqualTo("status");

    // everyone else: the case does not exist
    for (String other : List.of("zhangwei", "liuyang", "lina", "sunli")) {
      assertThat(http.get("/api/crises/" + id, other, PASSWORD).statusCode())
          .as(other)
          .isEqualTo(404);
      assertThat(http.get("/api/crises", other, PASSWORD).statusCode()).as(other).isEqualTo(404);
    }
    assertThat(http.get("/api/crises/" + id, MONITOR_SYSTEM, PASSWORD).statusCode())
        .as("a 舆情监测 system reads nothing")
        .isIn(403, 404);
    assertThat(http.get("/api/crises/" + id, null, null).statusCode()).isEqualTo(401);
    assertThat(http.get("/api/crises/no-such-case", "zhaomin", PASSWORD).statusCode())
        .isEqualTo(404);

    // task attacks: a user outside pr-team, a bad channel, a second click
    Task monitor = task(pi, CrisisVariables.TASK_MONITOR);
    assertThat(
            complete(monitor, "zhangwei", Map.of("keyword", "接口", "spread", "转发 10")).statusCode())
        .isIn(403, 404);
    JsonNode extra =
        json(
            complete(
                monitor,
                "xuqing",
                Map.of("keyword", "接口", "spread", "转发 10", "initiator", "wuqiang")),
            400);
    namesField(extra, "initiator");
    assertThat(complete(monitor, "xuqing", Map.of("keyword", "接口", "spread", "转发 10")).statusCode())
        .isEqualTo(204);
    assertThat(complete(monitor, "xuqing", Map.of("keyword", "接口", "spread", "转发 10")).statusCode())
        .isIn(404, 409);
    Task assess = task(pi, CrisisVariables.TASK_ASSESS);
    JsonNode badLevel =
        json(complete(assess, "xuqing", Map.of("impactLevel", "巨大", "assessment", "x")), 400);
    namesField(badLevel, "impactLevel");
    assertThat(
            complete(assess, "xuqing", Map.of("impactLevel", "一般", "assessment", "局部"))
                .statusCode())
        .isEqualTo(204);
    assertThat(
            complete(task(pi, CrisisVariables.TASK_LEGAL), "xuqing", Map.of("legalOpinion", "x"))
                .statusCode())
        .as("法务意见 is legal's")
        .isIn(403, 404);
    assertThat(
            complete(task(pi, CrisisVariables.TASK_LEGAL), "zhoujie", Map.of("legalOpinion", "无风险"))
                .statusCode())
        .isEqualTo(204);
    assertThat(
            complete(task(pi, CrisisVariables.TASK_BRAND), "xuqing", Map.of("draft", "情况说明"))
                .statusCode())
        .isEqualTo(204);
    Task publish = task(pi, CrisisVariables.TASK_PUBLISH);
    JsonNode badChannel =
        json(complete(publish, "xuqing", Map.of("responseText", "说明", "channel", "朋友圈")), 400);
    namesField(badChannel, "channel");
    assertThat(
            complete(publish, "xuqing", Map.of("responseText", "情况说明", "channel", "官方微博"))
                .statusCode())
        .isEqualTo(204);
    JsonNode after = json(http.get("/api/crises/" + id, "wuqiang", PASSWORD), 200);
    assertThat(after.at("/crisis/status").asText()).isEqualTo("FOLLOWING_UP");
    assertThat(after.at("/crisis/responseMinutes").isInt()).isTrue();
    assertThat(after.at("/crisis/withinTarget").asBoolean()).isTrue();
    assertThat(after.at("/crisis/firstResponseByName").asText()).isEqualTo("许晴");
    assertThat(after.get("timeline").size()).isEqualTo(6);
    assertThat(after.get("improvements").isArray()).isTrue();

    // the month's figures for the 月度通报
    String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
    JsonNode monthly =
        json(http.get("/api/crises/monthly?month=" + month, "zhaomin", PASSWORD), 200);
    assertThat(monthly.get("month").asText()).isEqualTo(month);
    assertThat(monthly.get("cases").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(monthly.get("responded").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(monthly.get("withinTarget").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(monthly.get("targetMinutes").asInt()).isEqualTo(30);
    assertThat(ids(monthly.get("list"))).contains(id);
    assertThat(json(http.get("/api/crises/monthly", "qianyu", PASSWORD), 200).get("month").asText())
        .isEqualTo(month);
    namesField(
        json(http.get("/api/crises/monthly?month=2026-13", "zhaomin", PASSWORD), 400), "month");
    assertThat(http.get("/api/crises/monthly", "zhangwei", PASSWORD).statusCode()).isEqualTo(404);
    assertThat(after.at("/timeline/5/channel").asText()).isEqualTo("官方微博");
  }

  @Test
  void restStartsRefuseExtraVariablesOtherUsersAndBadInput() throws Exception {
    long before = count();
    for (String extra :
        List.of("reportedAt", "initiator", "emergencyId", "crisisResponseMinutes", "x")) {
      Map<String, Object> vars = report();
      vars.put(extra, "2026-01-01");
      JsonNode body = json(http.postJson(START, "xuqing", PASSWORD, start(vars)), 400);
      namesField(body, extra);
    }
    for (String field : List.of("keyword", "summary", "source")) {
      Map<String, Object> vars = report();
      vars.remove(field);
      JsonNode body = json(http.postJson(START, "xuqing", PASSWORD, start(vars)), 400);
      namesField(body, field);
    }
    Map<String, Object> badLink = report();
    badLink.put("link", "file:///etc/passwd");
    namesField(json(http.postJson(START, "xuqing", PASSWORD, start(badLink)), 400), "link");
    Map<String, Object> longKeyword = report();
    longKeyword.put("keyword", "长".repeat(201));
    namesField(json(http.postJson(START, "xuqing", PASSWORD, start(longKeyword)), 400), "keyword");
    // only pr-team starts it by hand (and the integration user only by its message)
    for (String other : List.of("zhangwei", "zhaomin", "wuqiang")) {
      assertThat(http.postJson(START, other, PASSWORD, start(report())).statusCode())
          .as(other)
          .isEqualTo(403);
    }
    assertThat(http.postJson(START, MONITOR_SYSTEM, PASSWORD, start(report())).statusCode())
        .isIn(403, 404);
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void theAlertMessageStartsACaseAndRefusesExtraVariables() throws Exception {
    String sender = MONITOR_SYSTEM;
    long before = count();
    Map<String, Object> extra = alert();
    extra.put("reportedAt", "2026-01-01T00:00:00");
    JsonNode refused =
        json(http.postJson("/engine-rest/message", sender, PASSWORD, message(extra)), 400);
    namesField(refused, "reportedAt");
    Map<String, Object> noSummary = alert();
    noSummary.remove("summary");
    namesField(
        json(http.postJson("/engine-rest/message", sender, PASSWORD, message(noSummary)), 400),
        "summary");
    // a staff member may not raise the alert
    assertThat(
            http.postJson("/engine-rest/message", "zhangwei", PASSWORD, message(alert()))
                .statusCode())
        .isEqualTo(403);
    assertThat(count()).isEqualTo(before);

    JsonNode result =
        json(http.postJson("/engine-rest/message", sender, PASSWORD, message(alert())), 200);
    String pi = result.get(0).at("/processInstance/id").asText();
    String id = result.get(0).at("/processInstance/businessKey").asText();
    assertThat(count()).isEqualTo(before + 1);
    JsonNode detail = json(http.get("/api/crises/" + id, "xuqing", PASSWORD), 200);
    assertThat(detail.at("/crisis/origin").asText()).isEqualTo("ALERT");
    assertThat(detail.at("/crisis/source").asText()).isEqualTo("舆情监测平台");
    assertThat(detail.get("initiator").asText()).isEqualTo(sender);
    assertThat(task(pi, CrisisVariables.TASK_MONITOR)).isNotNull();

    // 21 minutes later the warning has gone out; the office reads it under the case's id
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 21 * 60_000L));
    try {
      new ProcessDriver(engine).executeJobs(pi);
    } finally {
      ClockUtil.reset();
    }
    JsonNode sent =
        json(http.get("/api/notifications?businessKey=" + id, "zhaomin", PASSWORD), 200);
    List<String> sentTo = new ArrayList<>();
    sent.forEach(n -> sentTo.add(n.get("recipient").asText() + "/" + n.get("channel").asText()));
    assertThat(sentTo)
        .containsExactlyInAnyOrder("xuqing/MAIL", "xuqing/SMS", "zhaomin/MAIL", "zhaomin/SMS");
    // the pr-team and the case's other readers read them too; other staff do not
    assertThat(json(http.get("/api/notifications?businessKey=" + id, "xuqing", PASSWORD), 200))
        .hasSize(4);
    assertThat(http.get("/api/notifications?businessKey=" + id, "chenjing", PASSWORD).statusCode())
        .isEqualTo(403);
    JsonNode warned = json(http.get("/api/crises/" + id, "xuqing", PASSWORD), 200);
    assertThat(warned.at("/crisis/warnedAt").isNull()).isFalse();
    assertThat(warned.at("/timeline/1/stepName").asText()).isEqualTo("20分钟预警");
  }

  Task task(String pi, String key) {
    Task task =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(pi)
            .taskDefinitionKey(key)
            .singleResult();
    assertThat(task).as(key).isNotNull();
    return task;
  }

  HttpResponse<String> complete(Task task, String user, Map<String, Object> variables)
      throws Exception {
    return http.postJson(
        "/engine-rest/task/" + task.getId() + "/complete", user, PASSWORD, start(variables));
  }

  static Map<String, Object> report() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("keyword", "接口 舆情");
    v.put("source", "微信");
    v.put("summary", "公众号文章质疑本单位办事效率");
    v.put("link", "https://mp.example/s/abc");
    return v;
  }

  static Map<String, Object> alert() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("keyword", "本单位 投诉");
    v.put("source", "舆情监测平台");
    v.put("summary", "关键词 1 小时命中 48 次");
    v.put("link", "https://monitor.example/a/1");
    return v;
  }

  static String start(Map<String, Object> variables) throws Exception {
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", variables(variables));
    return JSON.writeValueAsString(body);
  }

  static String message(Map<String, Object> variables) throws Exception {
    ObjectNode body = JSON.createObjectNode();
    body.put("messageName", CrisisVariables.MESSAGE_ALERT);
    body.set("processVariables", variables(variables));
    body.put("resultEnabled", true);
    return JSON.writeValueAsString(body);
  }

  static ObjectNode variables(Map<String, Object> variables) {
    ObjectNode vars = JSON.createObjectNode();
    variables.forEach(
        (k, v) -> {
          ObjectNode value = vars.putObject(k);
          value.put("value", String.valueOf(v));
          value.put("type", "String");
        });
    return vars;
  }

  long count() {
    return jdbc.sql("select count(*) from of_crisis_case").query(Long.class).single();
  }

  static List<String> ids(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.forEach(c -> ids.add(c.get("id").asText()));
    return ids;
  }

  /** A 400 body {"type", "message", ...} that names the field (its "field", or in the message). */
  static void namesField(JsonNode body, String field) {
    assertThat(body.get("type").asText()).isNotBlank();
    assertThat(body.get("message").asText()).isNotBlank();
    assertThat(
            body.path("field").asText().equals(field)
                || body.get("message").asText().contains(field))
        .as("%s names %s", body, field)
        .isTrue();
  }

  static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }
}
