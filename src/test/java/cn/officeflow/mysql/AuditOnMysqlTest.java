package cn.officeflow.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.platform.audit.AuditEvent;
import cn.officeflow.platform.audit.AuditEventType;
import cn.officeflow.platform.audit.AuditLog;
import cn.officeflow.platform.audit.AuditStandIn;
import cn.officeflow.platform.audit.AuditVerification;
import cn.officeflow.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 审计 on MariaDB/MySQL: the access audit log's hashes survive the round trip (datetime without fractional
 * seconds, 4-byte characters), a failed login, a read, an export and an administrative change are recorded,
 * an SQL UPDATE is found by verify, the purge keeps the chain verifiable; the process history answers a
 * finished instance with its timeline.
 */
class AuditOnMysqlTest extends MysqlSpringTestBase {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String AUDITOR = "qianyu";

  @Autowired AuditLog log;

  @Test
  void accessAuditIsRecordedVerifiedAndPurgedOnMysql() throws Exception {
    String run = runId();
    Http http = new Http(port);
    String password = TestDatabase.DEMO_PASSWORD;
    // failed login, read, export, admin change
    // a name nobody has: Camunda delays a real user's next login after a failure
    assertThat(http.get("/api/worklist", "nobody" + run, "bad").statusCode()).isEqualTo(401);
    AuditEvent failed =
        awaitEvent(
            "nobody" + run, AuditEventType.LOGIN, e -> e.result().equals(AuditEvent.FAILURE));
    assertThat(
            http.get("/api/outgoing-documents/ledger.csv?q=" + run, "zhaomin", password)
                .statusCode())
        .isEqualTo(200);
    awaitEvent("zhaomin", AuditEventType.EXPORT, e -> e.target().contains("ledger.csv"));
    assertThat(http.get("/api/archive/entries/nope-" + run, "lina", password).statusCode())
        .isEqualTo(404);
    awaitEvent(
        "lina",
        AuditEventType.READ,
        e ->
            e.target().equals("/api/archive/entries/nope-" + run)
                && e.result().equals(AuditEvent.FAILURE));
    String adminPassword = TestDatabase.ADMIN_PASSWORD;
    HttpResponse<String> created =
        http.postJson(
            "/engine-rest/engine/mysqlit/user/create",
            "admin",
            adminPassword,
            "{\"profile\":{\"id\":\"audm"
                + run
                + "\",\"firstName\":\"审\",\"lastName\":\"计\"},\"credentials\":{\"password\":\"Shenji@2026x\"}}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
    awaitEvent(
        "admin",
        AuditEventType.ADMIN,
        e -> e.detail() != null && e.detail().contains("audm" + run));

    // 4-byte characters and a hash round trip
    AuditEvent wide =
        log.record(
            AuditEventType.READ,
            "查看记录",
            "u" + run,
            "10.0.0.9",
            "/api/x/𠀀😀" + run,
            AuditEvent.SUCCESS,
            null);
    AuditEvent stored = log.search("u" + run, null, null, null, 1).get(0);
    assertThat(stored.target()).isEqualTo(wide.target());
    assertThat(stored.computeHash()).isEqualTo(stored.hash()).isEqualTo(wide.hash());
    assertThat(getJson("/api/audit/events/verify", AUDITOR, password).get("intact").asBoolean())
        .isTrue();

    jdbc.sql("update of_audit_event set source_address = '10.6.6.6' where id = :id")
        .param("id", failed.id())
        .update();
    try {
      AuditVerification broken = log.verify(null, null);
      assertThat(broken.intact()).isFalse();
      assertThat(broken.firstBroken().id()).isEqualTo(failed.id());
      assertThat(broken.firstBroken().reason()).isEqualTo(AuditVerification.Reason.CONTENT_CHANGED);
    } finally {
      jdbc.sql("update of_audit_event set source_address = :a where id = :id")
          .param("a", failed.sourceAddress())
          .param("id", failed.id())
          .update();
    }

    // retention
    ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(181))));
    try {
      log.record(
          AuditEventType.LOGIN,
          "HTTP Basic 认证",
          "old" + run,
          "10.0.0.1",
          "/api/worklist",
          AuditEvent.SUCCESS,
          null);
    } finally {
      ClockUtil.reset();
    }
    assertThat(log.purge()).isGreaterThanOrEqualTo(1);
    assertThat(log.search("old" + run, null, null, null, 5)).isEmpty();
    assertThat(log.verify(null, null).intact()).isTrue();
  }

  @Test
  void processHistoryAnswersAFinishedInstanceOnMysql() throws Exception {
    AuditStandIn.deploy(engine);
    String businessKey = "audit-" + UUID.randomUUID();
    String id =
        engine.getRuntimeService().startProcessInstanceByKey(AuditStandIn.KEY, businessKey).getId();
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult();
    engine.getTaskService().setAssignee(task.getId(), "zhangwei");
    engine.getTaskService().complete(task.getId());
    JsonNode found =
        getJson(
            "/api/audit/process-instances?processDefinitionKey="
                + AuditStandIn.KEY
                + "&finished=true&q="
                + businessKey,
            AUDITOR,
            TestDatabase.DEMO_PASSWORD);
    assertThat(found.size()).isEqualTo(1);
    assertThat(found.get(0).get("id").asText()).isEqualTo(id);
    JsonNode detail =
        getJson("/api/audit/process-instances/" + id, AUDITOR, TestDatabase.DEMO_PASSWORD);
    List<String> taken = new ArrayList<>();
    detail.get("activitiesTaken").forEach(a -> taken.add(a.asText()));
    assertThat(taken).containsExactly("Start", "Task_Check", "End");
    assertThat(detail.get("timeline").get(1).get("assigneeName").asText()).isEqualTo("张伟");
  }

  private AuditEvent awaitEvent(String user, AuditEventType type, Predicate<AuditEvent> matching) {
    return AuditStandIn.awaitEvent(log, user, type, matching);
  }
}
