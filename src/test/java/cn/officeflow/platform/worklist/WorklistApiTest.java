package cn.officeflow.platform.worklist;

import static cn.officeflow.outgoing.OutgoingDocumentVariables.TASK_DEPT_REVIEW;
import static cn.officeflow.outgoing.OutgoingDocumentVariables.TASK_LEADER_APPROVAL;
import static cn.officeflow.outgoing.OutgoingDocumentVariables.TASK_LEGAL_REVIEW;
import static cn.officeflow.outgoing.OutgoingDocumentVariables.TASK_PROOF_ATTACHMENTS;
import static cn.officeflow.outgoing.OutgoingDocumentVariables.TASK_PROOF_FORMAT;
import static cn.officeflow.outgoing.OutgoingDocumentVariables.TASK_PROOF_WORDING;
import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import cn.officeflow.support.ProcessDriver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
 * {@code GET /api/worklist} over HTTP (H2): 待办 with the record's title, step, process and 紧急程度 sorted 特急 first;
 * 已办 with my decision and the record's current status; 我发起的 with the .docx link once issued; 抄送我的 — and in
 * each list, only the caller's own entries: a colleague, the drafter or another department's head never sees them.
 */
@HttpTest
class WorklistApiTest {

  static final String PASSWORD = DemoUsers.PASSWORD;
  static final ObjectMapper JSON = new ObjectMapper();

  /** 孙丽, 业务处: a colleague of the 部门负责人 who is no candidate of 部门初审. */
  static final String COLLEAGUE = "sunli";

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
  void todoListsMyGroupsTasksWithTheRecordMostUrgentFirst() throws Exception {
    ProcessInstance normal = startDocument("普通");
    ProcessInstance veryUrgent = startDocument("特急");

    List<JsonNode> todo = mine(view("todo", DemoUsers.HEAD), normal, veryUrgent);
    assertThat(todo)
        .extracting(e -> e.get("processInstanceId").asText())
        .containsExactly(veryUrgent.getId(), normal.getId());
    JsonNode first = todo.get(0);
    assertThat(first.get("taskName").asText()).isEqualTo("部门初审");
    assertThat(first.get("processName").asText()).isEqualTo("发文（三审三校）");
    assertThat(first.get("title").asText()).isEqualTo(title(veryUrgent));
    assertThat(first.get("urgency").asText()).isEqualTo("特急");
    assertThat(first.get("statusLabel").asText()).isEqualTo("部门初审");
    assertThat(first.get("state").asText()).as("the only head's at once").isEqualTo("assigned");
    assertThat(first.get("taskId").asText())
        .isEqualTo(driver.taskFor(DemoUsers.HEAD, veryUrgent.getId(), TASK_DEPT_REVIEW).getId());

    // claimed, it stays in the head's 待办 as theirs
    Task task = driver.taskFor(DemoUsers.HEAD, normal.getId(), TASK_DEPT_REVIEW);
    driver.as(DemoUsers.HEAD, () -> engine.getTaskService().claim(task.getId(), DemoUsers.HEAD));
    assertThat(mine(view("todo", DemoUsers.HEAD), normal))
        .singleElement()
        .satisfies(e -> assertThat(e.get("state").asText()).isEqualTo("assigned"));

    // nobody else: not the drafter, not a colleague outside the candidates, not another
    // department's head
    for (String other :
        List.of(DemoUsers.DRAFTER, COLLEAGUE, DemoUsers.FINANCE_HEAD, DemoUsers.LEGAL)) {
      assertThat(mine(view("todo", other), normal, veryUrgent)).as("待办 of %s", other).isEmpty();
    }
  }

  @Test
  void todoHoldsTheTasksCamundasOwnQueryGivesDelegatedAndSuspendedIncluded() throws Exception {
    ProcessInstance offered = startDocument("普通");
    ProcessInstance delegated = startDocument("普通");
    ProcessInstance suspended = startDocument("普通");
    Task away = driver.taskFor(DemoUsers.HEAD, delegated.getId(), TASK_DEPT_REVIEW);
    // 委派 (as the task operations do it): 刘洋 stays the owner, 孙丽 does the work
    engine.getTaskService().delegateTask(away.getId(), COLLEAGUE);
    engine.getRuntimeService().suspendProcessInstanceById(suspended.getId());
    try {
      List<String> camunda =
          driver.as(
              DemoUsers.HEAD,
              () ->
                  engine
                      .getTaskService()
                      .createTaskQuery()
                      .or()
                      .taskAssignee(DemoUsers.HEAD)
                      .taskCandidateUser(DemoUsers.HEAD)
                      .taskOwner(DemoUsers.HEAD)
                      .endOr()
                      .active()
                      .list()
                      .stream()
                      .map(Task::getId)
                      .toList());
      List<String> listed = new ArrayList<>();
      view("todo", DemoUsers.HEAD).forEach(e -> listed.add(e.get("taskId").asText()));
      assertThat(listed).containsExactlyInAnyOrderElementsOf(camunda);
      assertThat(mine(view("todo", DemoUsers.HEAD), offered, delegated))
          .extracting(e -> e.get("state").asText())
          .containsExactlyInAnyOrder("assigned", "delegated");
      assertThat(mine(view("todo", DemoUsers.HEAD), suspended)).isEmpty();
      assertThat(mine(view("todo", COLLEAGUE), delegated)).hasSize(1);
    } finally {
      engine.getRuntimeService().activateProcessInstanceById(suspended.getId());
    }
  }

  @Test
  void doneListsMyDecisionAndTheRecordsStatusNow() throws Exception {
    ProcessInstance pi = startDocument("加急");
    driver.complete(
        DemoUsers.HEAD,
        pi.getId(),
        TASK_DEPT_REVIEW,
        Map.of("decision", "approve", "comment", "同意报法务。"));

    JsonNode done = single(mine(view("done", DemoUsers.HEAD), pi));
    assertThat(done.get("taskName").asText()).isEqualTo("部门初审");
    assertThat(done.get("title").asText()).isEqualTo(title(pi));
    assertThat(done.get("decisionLabel").asText()).isEqualTo("同意");
    assertThat(done.get("comment").asText()).isEqualTo("同意报法务。");
    assertThat(done.get("statusLabel").asText()).as("the record moved on").isEqualTo("法务复审");
    assertThat(done.get("ended").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*");
    assertThat(mine(view("todo", DemoUsers.HEAD), pi)).isEmpty();
    assertThat(mine(view("todo", DemoUsers.LEGAL), pi)).hasSize(1);

    for (String other : List.of(DemoUsers.DRAFTER, COLLEAGUE, DemoUsers.LEGAL)) {
      assertThat(mine(view("done", other), pi)).as("已办 of %s", other).isEmpty();
    }
  }

  @Test
  void startedListsMyInstancesAndTheDocxOnceIssued() throws Exception {
    ProcessInstance pi = startDocument("普通");
    JsonNode started = single(mine(view("started", DemoUsers.DRAFTER), pi));
    assertThat(started.get("state").asText()).isEqualTo("active");
    assertThat(started.get("statusLabel").asText()).isEqualTo("部门初审");
    assertThat(started.get("currentSteps").asText()).isEqualTo("部门初审");
    assertThat(started.get("link").isNull()).as("no .docx before issue").isTrue();
    for (String other : List.of(DemoUsers.HEAD, COLLEAGUE, DemoUsers.LEADER)) {
      assertThat(mine(view("started", other), pi)).as("我发起的 of %s", other).isEmpty();
    }

    driver.approve(DemoUsers.HEAD, pi.getId(), TASK_DEPT_REVIEW);
    driver.approve(DemoUsers.LEGAL, pi.getId(), TASK_LEGAL_REVIEW);
    driver.approve(DemoUsers.LEADER, pi.getId(), TASK_LEADER_APPROVAL);
    driver.approve(DemoUsers.PROOF_1, pi.getId(), TASK_PROOF_FORMAT);
    driver.approve(DemoUsers.PROOF_2, pi.getId(), TASK_PROOF_WORDING);
    driver.approve(DemoUsers.PROOF_1, pi.getId(), TASK_PROOF_ATTACHMENTS);

    JsonNode issued = single(mine(view("started", DemoUsers.DRAFTER), pi));
    assertThat(issued.get("state").asText()).isEqualTo("completed");
    assertThat(issued.get("statusLabel").asText()).isEqualTo("已印发");
    assertThat(issued.get("number").asText()).matches("行办发〔\\d{4}〕\\d+号");
    assertThat(issued.get("link").asText())
        .isEqualTo("/api/outgoing-documents/" + pi.getBusinessKey() + "/docx");
    HttpResponse<byte[]> docx =
        http.getBytes(issued.get("link").asText(), DemoUsers.DRAFTER, PASSWORD);
    assertThat(docx.statusCode()).isEqualTo(200);
    assertThat(docx.body()).startsWith('P', 'K');
    // the drafter's 已办 is empty for it (the drafter decided nothing), the head's lists the 同意
    assertThat(mine(view("done", DemoUsers.DRAFTER), pi)).isEmpty();
    assertThat(single(mine(view("done", DemoUsers.HEAD), pi)).get("statusLabel").asText())
        .isEqualTo("已印发");
  }

  @Test
  void ccListsWhatWasCopiedToMeOnly() throws Exception {
    ProcessInstance pi = startDocument("普通");
    Task task = driver.taskFor(DemoUsers.HEAD, pi.getId(), TASK_DEPT_REVIEW);
    HttpResponse<String> cc =
        http.postJson(
            "/api/tasks/" + task.getId() + "/cc",
            DemoUsers.HEAD,
            PASSWORD,
            "{\"userIds\": [\"" + COLLEAGUE + "\"]}");
    assertThat(cc.statusCode()).as(cc.body()).isEqualTo(201);

    JsonNode copied = single(mine(view("cc", COLLEAGUE), pi));
    assertThat(copied.get("title").asText()).isEqualTo(title(pi));
    assertThat(copied.get("state").asText()).isEqualTo("unread");
    assertThat(copied.get("from").asText()).isEqualTo("刘洋");
    assertThat(copied.get("statusLabel").asText()).isEqualTo("部门初审");
    HttpResponse<String> read =
        http.postJson("/api/cc/" + copied.get("id").asText() + "/read", COLLEAGUE, PASSWORD, "{}");
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    assertThat(single(mine(view("cc", COLLEAGUE), pi)).get("state").asText()).isEqualTo("read");

    for (String other : List.of(DemoUsers.HEAD, DemoUsers.DRAFTER, DemoUsers.FINANCE_HEAD)) {
      assertThat(mine(view("cc", other), pi)).as("抄送我的 of %s", other).isEmpty();
    }
  }

  @Test
  void unknownViewIs400AndAnonymousIs401() throws Exception {
    HttpResponse<String> unknown = http.get("/api/worklist?view=all", DemoUsers.HEAD, PASSWORD);
    assertThat(unknown.statusCode()).isEqualTo(400);
    JsonNode body = JSON.readTree(unknown.body());
    assertThat(body.get("field").asText()).isEqualTo("view");
    assertThat(body.get("message").asText()).contains("未知的列表");
    assertThat(http.get("/api/worklist?view=todo", null, null).statusCode()).isEqualTo(401);
  }

  @Test
  void remindTabIsOfferedToThoseWhoMayRemindOnly() throws Exception {
    ProcessInstance pi = startDocument("普通");
    Task task = driver.taskFor(DemoUsers.HEAD, pi.getId(), TASK_DEPT_REVIEW);
    String path = "/api/tasks/" + task.getId() + "/reminders/allowed";
    // the office and the candidates' 部门负责人/分管领导 may; the drafter and another department's head may
    // not
    for (String user : List.of("lina", DemoUsers.HEAD, COLLEAGUE)) {
      HttpResponse<String> response = http.get(path, user, PASSWORD);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(JSON.readTree(response.body()).get("allowed").asBoolean())
          .as("%s may remind", user)
          .isTrue();
    }
    for (String user : List.of(DemoUsers.DRAFTER, DemoUsers.FINANCE_HEAD)) {
      HttpResponse<String> response = http.get(path, user, PASSWORD);
      assertThat(JSON.readTree(response.body()).get("allowed").asBoolean())
          .as("%s may remind", user)
          .isFalse();
      assertThat(
              http.postJson("/api/tasks/" + task.getId() + "/reminders", user, PASSWORD, "{}")
                  .statusCode())
          .as("and the server agrees")
          .isEqualTo(403);
    }
    assertThat(
            http.get("/api/tasks/no-such-task/reminders/allowed", DemoUsers.HEAD, PASSWORD)
                .statusCode())
        .isEqualTo(404);
  }

  // --- helpers
  // --------------------------------------------------------------------------------------------

  private ProcessInstance startDocument(String urgency) {
    Map<String, Object> variables =
        new HashMap<>(
            Map.of(
                "title",
                "关于我的工作列表的通知 " + UUID.randomUUID(),
                "docType",
                "通知",
                "mainRecipients",
                "各处室",
                "body",
                "各处室应当及时办理待办事项。",
                "urgency",
                urgency));
    return driver.start(DemoUsers.DRAFTER, "outgoing_document", variables);
  }

  private String title(ProcessInstance pi) {
    return (String)
        engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(pi.getId())
            .variableName("title")
            .singleResult()
            .getValue();
  }

  private JsonNode view(String view, String user) throws Exception {
    HttpResponse<String> response = http.get("/api/worklist?view=" + view, user, PASSWORD);
    assertThat(response.statusCode())
        .as("%s of %s: %s", view, user, response.body())
        .isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** The entries of the given instances, in the list's order. */
  private static List<JsonNode> mine(JsonNode list, ProcessInstance... instances) {
    List<String> ids = java.util.Arrays.stream(instances).map(ProcessInstance::getId).toList();
    List<JsonNode> found = new ArrayList<>();
    list.forEach(
        e -> {
          if (ids.contains(e.get("processInstanceId").asText())) {
            found.add(e);
          }
        });
    return found;
  }

  private static JsonNode single(List<JsonNode> entries) {
    assertThat(entries).hasSize(1);
    return entries.get(0);
  }
}
