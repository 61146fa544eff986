package cn.officeflow.platform.notify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.support.Http;
import cn.officeflow.support.ProcessDriver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 催办 over HTTP: who may remind whom, 双提醒 to the assignee or the candidates, the records, the errors. */
class ReminderApiTest extends NotifyTestBase {

  static final String PASSWORD = "Office@2026";
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;

  Http http;
  ProcessDriver driver;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    driver = new ProcessDriver(engine);
  }

  @Test
  void officeDirectorRemindsTheCandidateByMailAndSms() throws Exception {
    ProcessInstance pi = startDocument();
    Task task = driver.taskFor("liuyang", pi.getId(), "Task_DeptReview");

    HttpResponse<String> response =
        remind(task.getId(), "zhaomin", "{\"message\": \"请于今天下班前完成初审\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("taskId").asText()).isEqualTo(task.getId());
    List<String> ids = ids(body);
    assertThat(ids).hasSize(2);
    List<Notification> records = ids.stream().map(this::record).toList();
    assertThat(records)
        .extracting(Notification::channel)
        .containsExactly(Channel.MAIL, Channel.SMS);
    assertThat(records)
        .allSatisfy(
            n -> {
              assertThat(n.recipient()).isEqualTo("liuyang");
              assertThat(n.template()).isEqualTo("reminder");
              assertThat(n.businessKey()).isEqualTo(pi.getBusinessKey());
              assertThat(n.createdBy()).isEqualTo("zhaomin");
              assertThat(n.status()).isEqualTo(NotificationStatus.PENDING);
            });

    deliver(ids);

    MimeMessage[] mails = MAIL.getReceivedMessages();
    assertThat(mails).hasSize(1);
    assertThat(((InternetAddress) mails[0].getAllRecipients()[0]).getAddress())
        .isEqualTo("liuyang@officeflow.example");
    assertThat(mails[0].getSubject()).isEqualTo("【催办】请尽快办理：部门初审（发文（三审三校））");
    assertThat((String) mails[0].getContent())
        .startsWith("刘洋，您好：")
        .contains("赵敏提醒您尽快办理")
        .contains("事项：部门初审")
        .contains("业务编号：" + pi.getBusinessKey())
        .contains("催办留言：请于今天下班前完成初审");
    assertThat(SMS.requests()).hasSize(1);
    JsonNode sms = JSON.readTree(SMS.requests().get(0).body());
    assertThat(sms.get("phone").asText()).isEqualTo("13800000002");
    assertThat(sms.get("text").asText()).isEqualTo("【行政办公】赵敏催办：请尽快办理「部门初审」。留言：请于今天下班前完成初审");
    assertThat(ids.stream().map(this::record))
        .allSatisfy(
            n -> {
              assertThat(n.status()).isEqualTo(NotificationStatus.SENT);
              assertThat(n.attempts()).isEqualTo(1);
            });

    // the office reads the records of the document, newest first
    HttpResponse<String> list =
        http.get("/api/notifications?businessKey=" + pi.getBusinessKey(), "lina", PASSWORD);
    assertThat(list.statusCode()).isEqualTo(200);
    JsonNode rows = JSON.readTree(list.body());
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get("status").asText()).isEqualTo("SENT");
    assertThat(rows.get(0).get("template").asText()).isEqualTo("reminder");
    assertThat(rows.get(0).get("sentAt").asText()).isNotBlank();
    assertThat(
            http.get("/api/notifications?businessKey=" + pi.getBusinessKey(), "qianyu", PASSWORD)
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> staff =
        http.get("/api/notifications?businessKey=" + pi.getBusinessKey(), "zhangwei", PASSWORD);
    assertThat(staff.statusCode()).isEqualTo(403);
    assertThat(staff.body()).contains("\"type\"");
    assertThat(http.get("/api/notifications", "lina", PASSWORD).statusCode()).isEqualTo(400);
  }

  @Test
  void deputyLeaderRemindsTheAssigneeWithoutMessage() throws Exception {
    ProcessInstance pi = startDocument();
    Task task = driver.taskFor("liuyang", pi.getId(), "Task_DeptReview");
    driver.as("liuyang", () -> engine.getTaskService().claim(task.getId(), "liuyang"));

    HttpResponse<String> response =
        http.send(
            http.request("/api/tasks/" + task.getId() + "/reminders", "sunli", PASSWORD)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    List<String> ids = ids(JSON.readTree(response.body()));
    assertThat(ids).hasSize(2);
    deliver(ids);
    assertThat(MAIL.getReceivedMessages()).hasSize(1);
    assertThat((String) MAIL.getReceivedMessages()[0].getContent())
        .contains("孙丽提醒您")
        .doesNotContain("催办留言");
  }

  @Test
  void unassignedGroupTaskRemindsEveryCandidateAndTheirDepartmentHeadMayRemind() throws Exception {
    ProcessInstance pi = startDocument();
    driver.approve("liuyang", pi.getId(), "Task_DeptReview");
    Task legal = driver.taskFor("zhoujie", pi.getId(), "Task_LegalReview");

    // luomin is 部门负责人 of 法规处, the department of the candidates (group legal: luomin, zhoujie)
    HttpResponse<String> response = remind(legal.getId(), "luomin", "{}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    List<String> ids = ids(JSON.readTree(response.body()));
    assertThat(ids).hasSize(4);
    deliver(ids);
    assertThat(Arrays.stream(MAIL.getReceivedMessages()).map(m -> address(m)).toList())
        .containsExactlyInAnyOrder("luomin@officeflow.example", "zhoujie@officeflow.example");
    assertThat(SMS.requests()).hasSize(2);
  }

  @Test
  void othersAreRefusedAndBadRequestsPersistNothing() {
    ProcessInstance pi = startDocument();
    Task task = driver.taskFor("liuyang", pi.getId(), "Task_DeptReview");
    long before = count();

    // unrelated staff, and the head of another department
    for (String user : List.of("chenjing", "wangfang", "zhangwei")) {
      HttpResponse<String> refused = remind(task.getId(), user, "{\"message\": \"快点\"}");
      assertThat(refused.statusCode()).as(user).isEqualTo(403);
      assertThat(refused.body()).contains("\"type\"").contains("\"message\"");
    }
    HttpResponse<String> unknown = remind("no-such-task", "zhaomin", "{}");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("\"type\"");

    HttpResponse<String> tooLong =
        remind(task.getId(), "zhaomin", "{\"message\": \"" + "催".repeat(501) + "\"}");
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("\"field\":\"message\"").contains("500");
    assertThat(
            remind(task.getId(), "zhaomin", "{\"message\": \"" + "催".repeat(500) + "\"}")
                .statusCode())
        .isEqualTo(201);
    assertThat(count()).isEqualTo(before + 2);

    HttpResponse<String> malformed = remind(task.getId(), "zhaomin", "{not json");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("\"field\":\"message\"");

    HttpResponse<String> anonymous =
        http.postJson("/api/tasks/" + task.getId() + "/reminders", null, null, "{}");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(count()).isEqualTo(before + 2);
  }

  @Test
  void tasklistSessionNeedsTheCsrfHeader() throws Exception {
    ProcessInstance pi = startDocument();
    Task task = driver.taskFor("liuyang", pi.getId(), "Task_DeptReview");
    // log in to Tasklist like the browser does
    HttpResponse<String> page = http.get("/camunda/app/tasklist/" + ENGINE + "/", null, null);
    String xsrfCookie = cookie(page, "XSRF-TOKEN");
    String token = xsrfCookie.substring(xsrfCookie.indexOf('=') + 1);
    HttpRequest login =
        HttpRequest.newBuilder(
                URI.create(http.url("/camunda/api/admin/auth/user/" + ENGINE + "/login/tasklist")))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", cookie(page, "JSESSIONID") + "; " + xsrfCookie)
            .header("X-XSRF-TOKEN", token)
            .POST(HttpRequest.BodyPublishers.ofString("username=zhaomin&password=" + PASSWORD))
            .build();
    HttpResponse<String> loggedIn = http.send(login);
    assertThat(loggedIn.statusCode()).isEqualTo(200);
    String session = cookie(loggedIn, "JSESSIONID");
    // the login starts a new session; its CSRF token comes with the next webapp response (as for
    // the browser)
    HttpResponse<String> next =
        http.send(
            HttpRequest.newBuilder(URI.create(http.url("/camunda/app/tasklist/" + ENGINE + "/")))
                .header("Cookie", session)
                .GET()
                .build());
    String sessionCookie = cookie(next, "XSRF-TOKEN");
    String sessionToken = sessionCookie.substring(sessionCookie.indexOf('=') + 1);
    assertThat(sessionToken).isNotEqualTo(token);
    URI uri = URI.create(http.url("/api/tasks/" + task.getId() + "/reminders"));
    String json = "{\"message\": \"请尽快办理\"}";

    HttpResponse<String> withoutToken =
        http.send(
            HttpRequest.newBuilder(uri)
                .header("Cookie", session)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    assertThat(withoutToken.statusCode()).isEqualTo(403);
    HttpResponse<String> wrongToken =
        http.send(
            HttpRequest.newBuilder(uri)
                .header("Cookie", session)
                .header("X-XSRF-TOKEN", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    assertThat(wrongToken.statusCode()).isEqualTo(403);

    HttpResponse<String> withToken =
        http.send(
            HttpRequest.newBuilder(uri)
                .header("Cookie", session)
                .header("X-XSRF-TOKEN", sessionToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build());
    assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(201);
  }

  @Test
  void tasklistPluginScriptIsServed() {
    HttpResponse<String> script =
        http.get("/camunda/app/tasklist/scripts/officeflow-remind/plugin.js", null, null);
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body())
        .contains("pluginPoint: 'tasklist.task.detail'")
        .contains("/reminders")
        .contains("X-XSRF-TOKEN");
  }

  private ProcessInstance startDocument() {
    return driver.start(
        "zhangwei",
        "outgoing_document",
        Map.of(
            "title",
            "关于开展安全检查的通知 " + UUID.randomUUID(),
            "docType",
            "通知",
            "mainRecipients",
            "各处室",
            "body",
            "各处室应当开展自查。"));
  }

  private HttpResponse<String> remind(String taskId, String user, String json) {
    return http.postJson("/api/tasks/" + taskId + "/reminders", user, PASSWORD, json);
  }

  private static List<String> ids(JsonNode body) {
    List<String> ids = new ArrayList<>();
    body.get("notificationIds").forEach(id -> ids.add(id.asText()));
    return ids;
  }

  private long count() {
    return jdbc.sql("select count(*) from of_notification").query(Long.class).single();
  }

  private static String address(MimeMessage message) {
    try {
      return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String cookie(HttpResponse<String> response, String name) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .map(c -> c.substring(0, c.indexOf(';')))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no cookie " + name));
  }
}
