package cn.officeflow.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.platform.archive.ArchiveEntry;
import cn.officeflow.platform.archive.ArchiveService;
import cn.officeflow.platform.archive.ArchiveSource;
import cn.officeflow.platform.archive.NewArchiveEntry;
import cn.officeflow.platform.files.StoredFile;
import cn.officeflow.platform.files.StoredFileService;
import cn.officeflow.platform.review.Review;
import cn.officeflow.platform.review.ReviewService;
import cn.officeflow.support.ApiResponses;
import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import cn.officeflow.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 审计 over HTTP: the process history (search by process, status, time, person, title and 文号; one instance's
 * timeline, trail, variables, files, archive, operations; CSV) for auditors and admins only, and the access
 * audit log — logins (webapp and HTTP Basic, success and failure), reads, exports and administrative changes
 * recorded; tampering found by verify; the retention purge keeping the chain verifiable.
 */
@HttpTest
@Import(AuditStandIn.Records.class)
class AuditApiTest {

  static final String PASSWORD = DemoUsers.PASSWORD;
  static final String ADMIN_PASSWORD = "Guanli@2026";
  static final String AUDITOR = "qianyu";
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired AuditLog log;
  @Autowired ArchiveService archive;
  @Autowired StoredFileService files;
  @Autowired ReviewService reviews;
  @Autowired JdbcClient jdbc;

  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    AuditStandIn.deploy(engine);
  }

  // --- process history

  @Test
  void auditorsSearchFinishedAndRunningInstancesByTitleNumberPersonAndTime() throws Exception {
    String run = run();
    String done = start("关于审计检索的通知 " + run, "审〔2026〕" + run.hashCode() % 1000 + "号");
    String number = AuditStandIn.RECORDS.get(businessKey(done))[1];
    finish(done, "zhangwei");
    String open = start("关于在办事项的请示 " + run, null);

    List<String> finished =
        ids(get("/api/audit/process-instances?processDefinitionKey=audit_standin&finished=true"));
    assertThat(finished).contains(done).doesNotContain(open);
    List<String> running =
        ids(get("/api/audit/process-instances?processDefinitionKey=audit_standin&finished=false"));
    assertThat(running).contains(open).doesNotContain(done);

    JsonNode byNumber = get("/api/audit/process-instances?q=" + enc(number));
    assertThat(ids(byNumber)).containsExactly(done);
    JsonNode first = byNumber.get(0);
    assertThat(first.get("title").asText()).isEqualTo("关于审计检索的通知 " + run);
    assertThat(first.get("number").asText()).isEqualTo(number);
    assertThat(first.get("state").asText()).isEqualTo("COMPLETED");
    assertThat(first.get("stateLabel").asText()).isEqualTo("已办结");
    assertThat(first.get("processName").asText()).isEqualTo("审计测试流程");
    assertThat(ids(get("/api/audit/process-instances?q=" + enc("在办事项的请示 " + run))))
        .containsExactly(open);

    assertThat(
            ids(
                get(
                    "/api/audit/process-instances?processDefinitionKey=audit_standin&user=zhangwei")))
        .contains(done)
        .doesNotContain(open);
    String tomorrow = LocalDate.now().plusDays(2).toString();
    assertThat(ids(get("/api/audit/process-instances?q=" + run + "&startedAfter=" + tomorrow)))
        .isEmpty();
    assertThat(
            ids(
                get(
                    "/api/audit/process-instances?q="
                        + run
                        + "&startedAfter=2026-01-01&startedBefore="
                        + tomorrow)))
        .containsExactlyInAnyOrder(done, open);
    // the admin role reads it too
    assertThat(
            http.get("/api/audit/process-instances?q=" + run, "admin", ADMIN_PASSWORD).statusCode())
        .isEqualTo(200);
  }

  @Test
  void oneInstanceShowsTimelineTrailVariablesFilesArchiveOperationsAndIncidents() throws Exception {
    String run = run();
    String id = start("关于审计详情的通知 " + run, "审〔2026〕9" + run.hashCode() % 100 + "号");
    String key = businessKey(id);
    reviews.note(
        key,
        AuditStandIn.KEY,
        id,
        AuditStandIn.TASK,
        "审核",
        "zhangwei",
        Review.READ,
        "已阅 " + run,
        2);
    engine.getIdentityService().setAuthentication("zhangwei", List.of("staff"));
    StoredFile stored;
    try {
      stored =
          files.store(
              key,
              "审核",
              "依据.pdf",
              "application/pdf",
              ("依据 " + run).getBytes(StandardCharsets.UTF_8));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    engine.getRuntimeService().setVariable(id, "amount", 1200);
    finish(id, "zhangwei");
    ArchiveEntry entry =
        archived(ArchiveSource.OUTGOING, key, "关于审计详情的通知 " + run, "正式公文.docx", ArchiveService.DOCX);

    JsonNode detail = get("/api/audit/process-instances/" + id);
    assertThat(detail.get("instance").get("title").asText()).isEqualTo("关于审计详情的通知 " + run);
    List<String> taken = texts(detail.get("activitiesTaken"));
    assertThat(taken).containsExactly("Start", AuditStandIn.TASK, "End");
    JsonNode task =
        find(detail.get("timeline"), s -> s.get("activityId").asText().equals(AuditStandIn.TASK));
    assertThat(task.get("assignee").asText()).isEqualTo("zhangwei");
    assertThat(task.get("assigneeName").asText()).isEqualTo("张伟");
    assertThat(task.get("activityName").asText()).isEqualTo("审核");
    assertThat(task.get("startTime").isNull()).isFalse();
    assertThat(task.get("endTime").isNull()).isFalse();
    assertThat(task.get("durationMillis").isNumber()).isTrue();

    JsonNode review = detail.get("trail").get(0);
    assertThat(review.get("comment").asText()).isEqualTo("已阅 " + run);
    assertThat(review.get("version").asInt()).isEqualTo(2);
    assertThat(
            find(detail.get("variables"), v -> v.get("name").asText().equals("amount"))
                .get("value")
                .asText())
        .isEqualTo("1200");
    JsonNode file = detail.get("files").get(0);
    assertThat(file.get("fileName").asText()).isEqualTo("依据.pdf");
    assertThat(file.get("sha256").asText()).isEqualTo(stored.sha256()).hasSize(64);
    JsonNode archived = detail.get("archive").get(0);
    assertThat(archived.get("id").asText()).isEqualTo(entry.id());
    assertThat(archived.get("statusLabel").asText()).isEqualTo("已归档");
    assertThat(archived.get("sha256").asText()).isEqualTo(entry.fileSha256());
    JsonNode claim =
        find(detail.get("operations"), o -> o.get("operationType").asText().equals("Claim"));
    assertThat(claim.get("userId").asText()).isEqualTo("zhangwei");
    assertThat(detail.get("incidents").isArray()).isTrue();

    // the auditor's read of the record is itself in the access audit log
    awaitEvent(
        AUDITOR, AuditEventType.READ, e -> e.target().equals("/api/audit/process-instances/" + id));
    assertThat(http.get("/api/audit/process-instances/nope", AUDITOR, PASSWORD).statusCode())
        .isEqualTo(404);
  }

  @Test
  void csvExportOfASearchIsRecordedAsAnExport() throws Exception {
    String run = run();
    String id = start("关于导出测试的通知 " + run, "审〔2026〕" + (run.hashCode() % 500 + 500) + "号");
    HttpResponse<byte[]> csv =
        http.getBytes("/api/audit/process-instances.csv?q=" + run, AUDITOR, PASSWORD);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    String text = new String(csv.body(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF流程,标题,文号/编号").contains("关于导出测试的通知 " + run).contains(id);
    awaitEvent(
        AUDITOR,
        AuditEventType.EXPORT,
        e -> e.target().contains("/api/audit/process-instances.csv"));
  }

  @Test
  void onlyAuditorsAndAdminsReadTheHistoryAndParametersAreChecked() throws Exception {
    for (String path :
        List.of("/api/audit/process-instances", "/api/audit/process-instances.csv")) {
      assertThat(http.get(path, null, null).statusCode()).as(path).isEqualTo(401);
      for (String user : List.of("zhangwei", "zhaomin", "wuqiang")) {
        HttpResponse<String> refused = http.get(path, user, PASSWORD);
        assertThat(refused.statusCode()).as(path + " " + user).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).get("type").asText())
            .isEqualTo("AuthorizationException");
      }
    }
    assertBadRequest("/api/audit/process-instances?finished=yes", "finished");
    assertBadRequest("/api/audit/process-instances?startedAfter=2026-13-01", "startedAfter");
    assertBadRequest("/api/audit/process-instances?startedBefore=tomorrow", "startedBefore");
    assertBadRequest(
        "/api/audit/process-instances?startedAfter=2026-12-05&startedBefore=2026-12-01",
        "startedBefore");
    assertBadRequest("/api/audit/process-instances?maxResults=0", "maxResults");
    assertBadRequest("/api/audit/process-instances?q=" + "长".repeat(101), "q");
    // auditors are read-only: a write to /api is refused before any controller runs
    assertThat(http.postJson("/api/audit/process-instances", AUDITOR, PASSWORD, "{}").statusCode())
        .isEqualTo(403);
  }

  @Test
  void aRefusedWriteIsExplainedInChineseAndChangesNothing() throws Exception {
    String id = start("关于只读拒绝的通知 " + run(), null);
    // the auditor: refused as read-only; someone without rights: the engine's refusal, in Chinese
    for (String user : List.of(AUDITOR, "zhangwei")) {
      HttpResponse<String> cancel =
          http.delete("/engine-rest/process-instance/" + id, user, PASSWORD);
      assertThat(cancel.statusCode()).as(user).isEqualTo(403);
      JsonNode body = JSON.readTree(cancel.body());
      assertThat(body.get("type").asText()).isEqualTo("AuthorizationException");
      assertThat(body.get("message").asText())
          .as(user)
          .doesNotContain("does not have")
          .containsAnyOf("只读", "没有权限执行此操作：用户 " + user + " 没有");
    }
    assertThat(
            engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count())
        .isOne();
  }

  // --- access audit log

  @Test
  void loginsReadsExportsAndAdminChangesAreRecordedAndTamperingIsFound() throws Exception {
    String run = run();
    // HTTP Basic: a wrong password is a failed login of that name, from the caller's address
    // (hexin: Camunda
    // delays the next login of a user after a failure, and no other test here logs in as hexin)
    assertThat(http.get("/api/worklist", "hexin", "wrong-" + run).statusCode()).isEqualTo(401);
    AuditEvent failed =
        awaitEvent(
            "hexin",
            AuditEventType.LOGIN,
            e -> e.result().equals(AuditEvent.FAILURE) && e.target().equals("/api/worklist"));
    assertThat(failed.sourceAddress()).isEqualTo("127.0.0.1");
    assertThat(failed.action()).isEqualTo("HTTP Basic 认证");
    // webapp login: success and failure
    WebappSession webapp = WebappSession.login(http, "liuyang", PASSWORD);
    awaitEvent(
        "liuyang",
        AuditEventType.LOGIN,
        e -> e.result().equals(AuditEvent.SUCCESS) && e.action().contains("tasklist"));
    // a case's variables read through the webapps' engine API (Cockpit's variables tab) and
    // /engine-rest
    assertThat(
            webapp
                .postJson(
                    "/camunda/api/engine/engine/default/variable-instance?firstResult=0&maxResults=5",
                    "{}")
                .statusCode())
        .isEqualTo(200);
    awaitEvent(
        "liuyang",
        AuditEventType.READ,
        e ->
            e.action().equals("查看流程变量")
                && e.target().startsWith("/camunda/api/engine/engine/default/variable-instance"));
    assertThat(
            http.get("/engine-rest/history/process-instance/no-such-" + run, "qianyu", PASSWORD)
                .statusCode())
        .isEqualTo(404);
    awaitEvent(
        "qianyu",
        AuditEventType.READ,
        e ->
            e.action().equals("查看流程历史")
                && e.target().equals("/engine-rest/history/process-instance/no-such-" + run)
                && e.result().equals(AuditEvent.FAILURE));
    // and the sign-out, by the user whose session it ends
    assertThat(webapp.logout().statusCode()).isLessThan(300);
    awaitEvent("liuyang", AuditEventType.LOGIN, e -> e.action().equals("webapp 退出登录"));
    assertThat(webappLogin("liuyang", "wrong-" + run)).isNotEqualTo(200);
    awaitEvent(
        "liuyang",
        AuditEventType.LOGIN,
        e -> e.result().equals(AuditEvent.FAILURE) && e.action().contains("tasklist"));

    // reads: a record and its file; a refused read is recorded as DENIED
    ArchiveEntry entry =
        archived(
            ArchiveSource.INCOMING, "audit-" + run, "审计读取 " + run, "来文.pdf", "application/pdf");
    assertThat(http.get("/api/archive/entries/" + entry.id(), "lina", PASSWORD).statusCode())
        .isEqualTo(200);
    assertThat(
            http.getBytes("/api/archive/entries/" + entry.id() + "/file", "lina", PASSWORD)
                .statusCode())
        .isEqualTo(200);
    assertThat(http.get("/api/archive/entries/" + entry.id(), "zhangwei", PASSWORD).statusCode())
        .isEqualTo(403);
    awaitEvent(
        "lina",
        AuditEventType.READ,
        e -> e.target().equals("/api/archive/entries/" + entry.id()) && e.action().equals("查看记录"));
    awaitEvent(
        "lina",
        AuditEventType.READ,
        e ->
            e.target().equals("/api/archive/entries/" + entry.id() + "/file")
                && e.action().equals("下载文件"));
    awaitEvent(
        "zhangwei",
        AuditEventType.READ,
        e ->
            e.target().equals("/api/archive/entries/" + entry.id())
                && e.result().equals(AuditEvent.DENIED));
    // lists are not reads of a record
    assertThat(http.get("/api/worklist", "lina", PASSWORD).statusCode()).isEqualTo(200);

    // export: the 发文台账
    assertThat(
            http.getBytes("/api/outgoing-documents/ledger.csv?q=" + run, "zhaomin", PASSWORD)
                .statusCode())
        .isEqualTo(200);
    awaitEvent(
        "zhaomin",
        AuditEventType.EXPORT,
        e -> e.target().startsWith("/api/outgoing-documents/ledger.csv"));

    // administrative changes over /engine-rest: a new user and its membership
    String newUser = "audit" + run;
    HttpResponse<String> created =
        http.postJson(
            "/engine-rest/user/create",
            "admin",
            ADMIN_PASSWORD,
            "{\"profile\":{\"id\":\""
                + newUser
                + "\",\"firstName\":\"审\",\"lastName\":\"计\"},\"credentials\":{\"password\":\"Shenji@2026x\"}}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
    assertThat(
            http.putJson("/engine-rest/group/staff/members/" + newUser, "admin", ADMIN_PASSWORD, "")
                .statusCode())
        .isEqualTo(204);
    AuditEvent userCreated =
        awaitEvent(
            "admin",
            AuditEventType.ADMIN,
            e ->
                e.action().equals("Create User")
                    && e.detail() != null
                    && e.detail().contains(newUser));
    assertThat(userCreated.detail()).doesNotContain("Shenji@2026x");
    assertThat(userCreated.sourceAddress()).isEqualTo("127.0.0.1");
    awaitEvent(
        "admin",
        AuditEventType.ADMIN,
        e ->
            e.action().equals("Create Group membership")
                && e.detail().contains(newUser)
                && e.detail().contains("staff"));

    // the REST search, by user, type and time
    JsonNode adminChanges =
        JSON.readTree(
            ok(
                http.get(
                    "/api/audit/events?user=admin&type=ADMIN&from=" + LocalDate.now().minusDays(1),
                    AUDITOR,
                    PASSWORD)));
    assertThat(adminChanges.size()).isGreaterThanOrEqualTo(2);
    for (JsonNode e : adminChanges) {
      assertThat(e.get("userId").asText()).isEqualTo("admin");
      assertThat(e.get("type").asText()).isEqualTo("ADMIN");
      assertThat(e.get("hash").asText()).hasSize(64);
    }
    assertThat(
            JSON.readTree(
                    ok(http.get("/api/audit/events?type=LOGIN&to=2000-01-01", AUDITOR, PASSWORD)))
                .size())
        .isZero();
    String csv = ok(http.get("/api/audit/events.csv?user=lina", AUDITOR, PASSWORD));
    assertThat(csv).startsWith("\uFEFF序号,时间,类型").contains("查阅").contains(entry.id());

    // verify: intact; an SQL UPDATE of one record is found and named
    assertThat(verify().get("intact").asBoolean()).isTrue();
    jdbc.sql("update of_audit_event set user_id = 'someone' where id = :id")
        .param("id", failed.id())
        .update();
    try {
      JsonNode broken = verify();
      assertThat(broken.get("intact").asBoolean()).isFalse();
      assertThat(broken.get("firstBroken").get("id").asText()).isEqualTo(failed.id());
      assertThat(broken.get("firstBroken").get("seq").asInt()).isEqualTo(failed.seq());
      assertThat(broken.get("firstBroken").get("reason").asText()).isEqualTo("CONTENT_CHANGED");
    } finally {
      jdbc.sql("update of_audit_event set user_id = 'hexin' where id = :id")
          .param("id", failed.id())
          .update();
    }
    assertThat(verify().get("intact").asBoolean()).isTrue();
    // the head kept elsewhere
    JsonNode head = JSON.readTree(ok(http.get("/api/audit/events/head", AUDITOR, PASSWORD)));
    assertThat(
            JSON.readTree(
                    ok(
                        http.get(
                            "/api/audit/events/verify?headSeq="
                                + head.get("seq").asInt()
                                + "&headHash="
                                + "a".repeat(64),
                            AUDITOR,
                            PASSWORD)))
                .get("firstBroken")
                .get("reason")
                .asText())
        .isEqualTo("HEAD_MISMATCH");
  }

  @Test
  void theAuditLogIsForAuditorsOnly() throws Exception {
    for (String path :
        List.of(
            "/api/audit/events",
            "/api/audit/events.csv",
            "/api/audit/events/verify",
            "/api/audit/events/head")) {
      assertThat(http.get(path, null, null).statusCode()).as(path).isEqualTo(401);
      for (String user : List.of("zhangwei", "zhaomin", "lina")) {
        assertThat(http.get(path, user, PASSWORD).statusCode())
            .as(path + " " + user)
            .isEqualTo(403);
      }
      assertThat(http.get(path, "admin", ADMIN_PASSWORD).statusCode())
          .as(path + " admin")
          .isEqualTo(403);
    }
    assertBadRequest("/api/audit/events?type=bogus", "type");
    assertBadRequest("/api/audit/events?from=2026-02-30", "from");
    assertBadRequest("/api/audit/events?limit=0", "limit");
    assertBadRequest("/api/audit/events/verify?headSeq=3", "headHash");
    // nobody deletes or changes the log over the API
    assertThat(http.delete("/api/audit/events", AUDITOR, PASSWORD).statusCode()).isEqualTo(403);
    assertThat(http.delete("/api/audit/events", "admin", ADMIN_PASSWORD).statusCode())
        .isIn(404, 405);
  }

  @Test
  void retentionPurgeKeepsTheChainVerifiable() throws Exception {
    String run = run();
    List<AuditEvent> old = new ArrayList<>();
    ClockUtil.setCurrentTime(
        java.util.Date.from(java.time.Instant.now().minus(Duration.ofDays(200))));
    try {
      for (int i = 0; i < 3; i++) {
        old.add(
            log.record(
                AuditEventType.READ,
                "查看记录",
                "old" + run,
                "10.0.0.1",
                "/api/x/" + i,
                AuditEvent.SUCCESS,
                null));
      }
    } finally {
      ClockUtil.reset();
    }
    AuditEvent recent =
        log.record(
            AuditEventType.READ,
            "查看记录",
            "new" + run,
            "10.0.0.1",
            "/api/y",
            AuditEvent.SUCCESS,
            null);
    int deleted = log.purge();
    assertThat(deleted).isGreaterThanOrEqualTo(3);
    assertThat(log.search("old" + run, null, null, null, 10)).isEmpty();
    assertThat(log.search("new" + run, null, null, null, 10))
        .extracting(AuditEvent::id)
        .containsExactly(recent.id());
    AuditEvent purge = log.search("system", AuditEventType.PURGE, null, null, 1).get(0);
    assertThat(purge.target()).startsWith("checkpoint:").contains(old.get(2).hash());
    assertThat(log.verify(null, null).intact()).isTrue();
    assertThat(log.purge()).isZero();

    // a checkpoint changed by hand no longer joins the chain
    jdbc.sql("update of_audit_checkpoint set through_hash = :h where through_hash = :o")
        .param("h", "f".repeat(64))
        .param("o", old.get(2).hash())
        .update();
    try {
      AuditVerification broken = log.verify(null, null);
      assertThat(broken.intact()).isFalse();
      assertThat(broken.firstBroken().reason()).isEqualTo(AuditVerification.Reason.LINK_BROKEN);
    } finally {
      jdbc.sql("update of_audit_checkpoint set through_hash = :o where through_hash = :h")
          .param("h", "f".repeat(64))
          .param("o", old.get(2).hash())
          .update();
    }
    assertThat(log.verify(null, null).intact()).isTrue();
  }

  @Test
  void retentionBelow180DaysIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new AuditLog(null, null, java.time.Period.ofDays(90)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("180");
  }

  // --- helpers

  private String start(String title, String number) {
    return AuditStandIn.start(engine, title, number);
  }

  private void finish(String processInstanceId, String user) {
    AuditStandIn.finish(engine, processInstanceId, user);
  }

  private String businessKey(String processInstanceId) {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId)
        .singleResult()
        .getBusinessKey();
  }

  private ArchiveEntry archived(
      ArchiveSource source, String sourceId, String title, String fileName, String type) {
    return archive.archive(
        new NewArchiveEntry(
            2026,
            "dept-office",
            "办公室",
            "内部",
            source,
            sourceId,
            title,
            null,
            fileName,
            type,
            (title + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8),
            null,
            null));
  }

  private AuditEvent awaitEvent(String user, AuditEventType type, Predicate<AuditEvent> matching) {
    return AuditStandIn.awaitEvent(log, user, type, matching);
  }

  private int webappLogin(String user, String password) {
    HttpResponse<String> page = http.get("/camunda/app/tasklist/default/", null, null);
    String xsrf =
        page.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("XSRF-TOKEN="))
            .map(c -> c.substring(0, c.indexOf(';')))
            .findFirst()
            .orElseThrow();
    String session =
        page.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .map(c -> c.substring(0, c.indexOf(';')))
            .findFirst()
            .orElseThrow();
    return http.send(
            HttpRequest.newBuilder(
                    URI.create(http.url("/camunda/api/admin/auth/user/default/login/tasklist")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", session + "; " + xsrf)
                .header("X-XSRF-TOKEN", xsrf.substring(xsrf.indexOf('=') + 1))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username=" + user + "&password=" + enc(password)))
                .build())
        .statusCode();
  }

  private JsonNode verify() throws Exception {
    return JSON.readTree(ok(http.get("/api/audit/events/verify", AUDITOR, PASSWORD)));
  }

  private JsonNode get(String path) throws Exception {
    return JSON.readTree(ok(http.get(path, AUDITOR, PASSWORD)));
  }

  private static String ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private void assertBadRequest(String path, String field) throws Exception {
    ApiResponses.assertRefused(http.get(path, AUDITOR, PASSWORD), field);
  }

  private static List<String> ids(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.forEach(n -> ids.add(n.get("id").asText()));
    return ids;
  }

  private static List<String> texts(JsonNode list) {
    List<String> values = new ArrayList<>();
    list.forEach(n -> values.add(n.asText()));
    return values;
  }

  private static JsonNode find(JsonNode list, Predicate<JsonNode> matching) {
    for (JsonNode n : list) {
      if (matching.test(n)) {
        return n;
      }
    }
    throw new AssertionError("nothing matching in " + list);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String run() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
