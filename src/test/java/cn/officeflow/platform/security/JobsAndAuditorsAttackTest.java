package cn.officeflow.platform.security;

import static cn.officeflow.platform.security.TrustBoundaryAttackTest.assertRefused;
import static cn.officeflow.support.DemoUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.outgoing.OutgoingDocumentVariables;
import cn.officeflow.supervision.SupervisionVariables;
import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import cn.officeflow.support.ProcessDriver;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Spending someone else's job retries, and auditors writing: both answered 403 before and still changed
 * data (a retry and the job's error message; a task comment). Now refused before anything runs.
 */
@HttpTest
class JobsAndAuditorsAttackTest {

  static final String AUDITOR = "qianyu";

  /** 杜明: staff without any right on a 督办 item. */
  static final String OUTSIDER = "duming";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  Http http;
  ProcessDriver driver;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    driver = new ProcessDriver(engine);
  }

  @Test
  void executingAJobWithoutRightsChangesNothing() {
    ProcessInstance item =
        driver.start(
            "zhaomin",
            SupervisionVariables.PROCESS_KEY,
            new HashMap<>(
                Map.of(
                    SupervisionVariables.TITLE,
                    "作业重试测试 " + UUID.randomUUID(),
                    SupervisionVariables.BASIS,
                    "主任办公会议定",
                    SupervisionVariables.DEPARTMENT,
                    "dept-business",
                    SupervisionVariables.DEADLINE_DAYS,
                    5L)));
    driver.complete(
        "liuyang",
        item.getId(),
        SupervisionVariables.TASK_ASSIGN,
        Map.of(SupervisionVariables.HANDLER, "zhangwei"));
    Job timer =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(item.getId())
            .timers()
            .list()
            .get(0);
    int retries = timer.getRetries();

    for (String user : new String[] {AUDITOR, OUTSIDER, AUDITOR, OUTSIDER, AUDITOR}) {
      HttpResponse<String> response =
          http.postJson("/engine-rest/job/" + timer.getId() + "/execute", user, PASSWORD, "");
      assertThat(response.statusCode()).as(user + ": " + response.body()).isEqualTo(403);
    }
    Job after = engine.getManagementService().createJobQuery().jobId(timer.getId()).singleResult();
    assertThat(after.getRetries()).isEqualTo(retries);
    assertThat(after.getExceptionMessage()).isNull();
    assertThat(
            engine
                .getRuntimeService()
                .createIncidentQuery()
                .processInstanceId(item.getId())
                .count())
        .isZero();

    // retries and due date are someone else's too
    assertThat(
            http.putJson(
                    "/engine-rest/job/" + timer.getId() + "/retries",
                    OUTSIDER,
                    PASSWORD,
                    "{\"retries\": 0}")
                .statusCode())
        .isIn(403, 404);
    assertThat(
            engine
                .getManagementService()
                .createJobQuery()
                .jobId(timer.getId())
                .singleResult()
                .getRetries())
        .isEqualTo(retries);
  }

  @Test
  void auditorsWriteNothingAnywhereButStillRead() {
    ProcessInstance pi =
        driver.start(
            "zhangwei",
            OutgoingDocumentVariables.PROCESS_KEY,
            Map.of(
                OutgoingDocumentVariables.TITLE,
                "审计只读 " + UUID.randomUUID(),
                OutgoingDocumentVariables.DOC_TYPE,
                "通知",
                OutgoingDocumentVariables.MAIN_RECIPIENTS,
                "各处室",
                OutgoingDocumentVariables.BODY,
                "正文。"));
    Task task =
        engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();

    HttpResponse<String> comment =
        http.postJson(
            "/engine-rest/task/" + task.getId() + "/comment/create",
            AUDITOR,
            PASSWORD,
            "{\"message\": \"审计意见\", \"processInstanceId\": \"" + pi.getId() + "\"}");
    assertThat(comment.statusCode()).as(comment.body()).isEqualTo(403);
    assertThat(engine.getTaskService().getTaskComments(task.getId())).isEmpty();

    HttpResponse<String> attachment =
        http.postMultipart(
            "/engine-rest/task/" + task.getId() + "/attachment/create",
            AUDITOR,
            PASSWORD,
            java.util.List.of(
                new Http.Part(
                    "content", "审计.txt", "text/plain", "审计附件".getBytes(StandardCharsets.UTF_8))));
    assertThat(attachment.statusCode()).as(attachment.body()).isEqualTo(403);
    assertThat(engine.getTaskService().getTaskAttachments(task.getId())).isEmpty();

    assertThat(
            http.putJson(
                    "/engine-rest/process-instance/" + pi.getId() + "/variables/title",
                    AUDITOR,
                    PASSWORD,
                    "{\"value\": \"x\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            http.postJson(
                    "/engine-rest/task/" + task.getId() + "/claim",
                    AUDITOR,
                    PASSWORD,
                    "{\"userId\": \"qianyu\"}")
                .statusCode())
        .isEqualTo(403);
    String op =
        engine.getHistoryService().createUserOperationLogQuery().list().stream()
            .findFirst()
            .map(o -> o.getId())
            .orElse(null);
    if (op != null) {
      assertThat(
              http.putJson(
                      "/engine-rest/history/user-operation/" + op + "/set-annotation",
                      AUDITOR,
                      PASSWORD,
                      "{\"annotation\": \"审计\"}")
                  .statusCode())
          .isEqualTo(403);
    }

    // reading goes on: history over GET and over a POST query, as Cockpit does
    assertThat(
            http.get(
                    "/engine-rest/history/process-instance?processInstanceId=" + pi.getId(),
                    AUDITOR,
                    PASSWORD)
                .body())
        .contains(pi.getId());
    HttpResponse<String> query =
        http.postJson(
            "/engine-rest/history/process-instance",
            AUDITOR,
            PASSWORD,
            "{\"processInstanceId\": \"" + pi.getId() + "\"}");
    assertThat(query.statusCode()).isEqualTo(200);
    assertThat(query.body()).contains(pi.getId());
    assertThat(
            http.get(
                    "/engine-rest/history/variable-instance?processInstanceId=" + pi.getId(),
                    AUDITOR,
                    PASSWORD)
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void auditorsCannotChangeTheirRightsThroughTheirOwnProfile() {
    // their own profile is theirs (Welcome app), another user's is not
    HttpResponse<String> other =
        http.putJson(
            "/engine-rest/user/zhangwei/profile",
            AUDITOR,
            PASSWORD,
            "{\"id\": \"zhangwei\", \"firstName\": \"张\", \"lastName\": \"三\"}");
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(
            engine
                .getIdentityService()
                .createUserQuery()
                .userId("zhangwei")
                .singleResult()
                .getLastName())
        .isEqualTo("伟");
    assertRefused(
        http.putJson("/engine-rest/group/auditors/members/zhangwei", AUDITOR, PASSWORD, ""),
        403,
        "");
  }
}
