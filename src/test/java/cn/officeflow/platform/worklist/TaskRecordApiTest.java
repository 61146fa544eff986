package cn.officeflow.platform.worklist;

import static cn.officeflow.outgoing.OutgoingDocumentVariables.TASK_DEPT_REVIEW;
import static cn.officeflow.outgoing.OutgoingDocumentVariables.TASK_LEGAL_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import cn.officeflow.support.ProcessDriver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code GET /api/tasks/{id}/record} and {@code /trail} over HTTP (H2): the record and the trail for whoever may
 * read the task, 404 for anyone else; what the engine lets each caller change matches the engine's own answer
 * (a candidate may 认领 but not add groups or 取消认领, the office reads only, the administrator may do it all).
 */
@HttpTest
class TaskRecordApiTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String DIRECTOR = "zhaomin";
  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "Guanli@2026";

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
  void recordSaysWhatTheEngineAllowsEachCaller() throws Exception {
    ProcessInstance pi = legalReview();
    Task legal = driver.taskFor(DemoUsers.LEGAL, pi.getId(), TASK_LEGAL_REVIEW);
    String path = "/api/tasks/" + legal.getId() + "/record";

    JsonNode candidate = json(http.get(path, DemoUsers.LEGAL, DemoUsers.PASSWORD));
    assertThat(candidate.get("title").asText()).startsWith("关于任务记录接口测试的通知");
    assertThat(candidate.get("urgency").asText()).isEqualTo("加急");
    assertThat(candidate.get("candidate").asBoolean()).isTrue();
    assertThat(candidate.get("mine").asBoolean()).isFalse();
    assertThat(candidate.get("mayWork").asBoolean()).isTrue();
    assertThat(candidate.get("mayUpdate").asBoolean()).isFalse();
    assertThat(candidate.get("mayAssign").asBoolean()).isFalse();
    // the engine agrees: 添加用户组 refused, 认领 allowed, 取消认领 refused
    assertThat(
            http.postJson(
                    "/engine-rest/task/" + legal.getId() + "/identity-links",
                    DemoUsers.LEGAL,
                    DemoUsers.PASSWORD,
                    "{\"groupId\": \"staff\", \"type\": \"candidate\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            http.postJson(
                    "/engine-rest/task/" + legal.getId() + "/claim",
                    DemoUsers.LEGAL,
                    DemoUsers.PASSWORD,
                    "{\"userId\": \"" + DemoUsers.LEGAL + "\"}")
                .statusCode())
        .isEqualTo(204);
    assertThat(
            http.postJson(
                    "/engine-rest/task/" + legal.getId() + "/unclaim",
                    DemoUsers.LEGAL,
                    DemoUsers.PASSWORD,
                    "{}")
                .statusCode())
        .isEqualTo(403);

    JsonNode mine = json(http.get(path, DemoUsers.LEGAL, DemoUsers.PASSWORD));
    assertThat(mine.get("mine").asBoolean()).isTrue();
    assertThat(mine.get("assigneeName").asText()).isEqualTo("周杰");

    JsonNode office = json(http.get(path, DIRECTOR, DemoUsers.PASSWORD));
    assertThat(office.get("mine").asBoolean()).isFalse();
    assertThat(office.get("mayWork").asBoolean()).isFalse();
    assertThat(office.get("mayAssign").asBoolean()).isFalse();
    assertThat(
            http.postJson(
                    "/engine-rest/task/" + legal.getId() + "/assignee",
                    DIRECTOR,
                    DemoUsers.PASSWORD,
                    "{\"userId\": \"" + DIRECTOR + "\"}")
                .statusCode())
        .isEqualTo(403);

    JsonNode admin = json(http.get(path, ADMIN, ADMIN_PASSWORD));
    assertThat(admin.get("mayUpdate").asBoolean()).isTrue();
    assertThat(admin.get("mayAssign").asBoolean()).isTrue();

    // a colleague with nothing to do with the task: as if it did not exist
    assertThat(http.get(path, DemoUsers.FINANCE_HEAD, DemoUsers.PASSWORD).statusCode())
        .isEqualTo(404);
  }

  @Test
  void trailOfTheWholeInstanceOnlyForWhoMayReadTheTask() throws Exception {
    ProcessInstance pi = legalReview();
    Task legal = driver.taskFor(DemoUsers.LEGAL, pi.getId(), TASK_LEGAL_REVIEW);
    String path = "/api/tasks/" + legal.getId() + "/trail";

    JsonNode trail = json(http.get(path, DemoUsers.LEGAL, DemoUsers.PASSWORD));
    assertThat(trail).hasSize(1);
    JsonNode first = trail.get(0);
    assertThat(first.get("step").asText()).isEqualTo("部门初审");
    assertThat(first.get("name").asText()).isEqualTo("刘洋");
    assertThat(first.get("decisionLabel").asText()).isEqualTo("同意");
    assertThat(first.get("opinion").asText()).isEqualTo("同意，请法务复审。");
    assertThat(first.get("time").asText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");

    assertThat(http.get(path, DemoUsers.FINANCE_HEAD, DemoUsers.PASSWORD).statusCode())
        .isEqualTo(404);
    assertThat(http.get(path, DemoUsers.DRAFTER, DemoUsers.PASSWORD).statusCode()).isEqualTo(404);
    assertThat(
            http.get("/api/tasks/no-such-task/trail", DemoUsers.LEGAL, DemoUsers.PASSWORD)
                .statusCode())
        .isEqualTo(404);
  }

  private ProcessInstance legalReview() {
    Map<String, Object> variables =
        new HashMap<>(
            Map.of(
                "title",
                "关于任务记录接口测试的通知（" + UUID.randomUUID().toString().substring(0, 8) + "）",
                "docType",
                "通知",
                "mainRecipients",
                "各处室",
                "body",
                "各处室应当及时办理待办事项。",
                "urgency",
                "加急"));
    ProcessInstance pi = driver.start(DemoUsers.DRAFTER, "outgoing_document", variables);
    driver.complete(
        DemoUsers.HEAD,
        pi.getId(),
        TASK_DEPT_REVIEW,
        Map.of("decision", "approve", "comment", "同意，请法务复审。"));
    return pi;
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
