package cn.officeflow.platform.taskops;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 加签 and 减签 over HTTP on the 发文's 部门初审: before-mode (signers decide, then the head), after-mode (the head's
 * approval is held until the signers decided; a signer's reject sends the draft to 退回修改), 减签 before and after
 * deciding, and the refusals — each a Chinese 4xx that changes nothing.
 */
@HttpTest
class SignersApiTest {

  static final String PASSWORD = "Office@2026";
  static final ObjectMapper JSON = new ObjectMapper();
  static final String APPROVE =
      "{\"variables\": {\"decision\": {\"value\": \"approve\"}, \"comment\": {\"value\": \"同意\"}}}";

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
  void beforeSignersDecideFirstThenTheHeadDecides() throws Exception {
    ProcessInstance pi = startDocument();
    Task task = driver.taskFor("liuyang", pi.getId(), "Task_DeptReview");
    assertThat(
            http.get("/api/outgoing-documents/" + pi.getBusinessKey(), "wangfang", PASSWORD)
                .statusCode())
        .isEqualTo(404);

    JsonNode added =
        json(
            add(
                task,
                "liuyang",
                "{\"userIds\": [\"sunli\", \"wangfang\"], \"mode\": \"before\", \"comment\": \"请先提出意见\"}"),
            201);
    assertThat(added).hasSize(2);
    assertThat(added.get(0).get("userId").asText()).isEqualTo("sunli");
    assertThat(added.get(0).get("mode").asText()).isEqualTo("before");
    assertThat(added.get(1).get("order").asInt()).isEqualTo(2);
    String sunliTask = added.get(0).get("subtaskId").asText();
    String wangfangTask = added.get(1).get("subtaskId").asText();
    // the candidate who added signers has the task now; the signers have subtasks of it
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .taskId(task.getId())
                .singleResult()
                .getAssignee())
        .isEqualTo("liuyang");
    Task subtask = engine.getTaskService().createTaskQuery().taskId(sunliTask).singleResult();
    assertThat(subtask.getParentTaskId()).isEqualTo(task.getId());
    assertThat(subtask.getAssignee()).isEqualTo("sunli");
    assertThat(subtask.getName()).isEqualTo("加签：部门初审");
    // Camunda's operation log names the head: the subtasks' creation and the 加签 itself
    assertThat(
            engine
                .getHistoryService()
                .createUserOperationLogQuery()
                .taskId(sunliTask)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE)
                .list())
        .extracting(UserOperationLogEntry::getUserId)
        .containsOnly("liuyang");
    List<UserOperationLogEntry> logged =
        engine
            .getHistoryService()
            .createUserOperationLogQuery()
            .taskId(task.getId())
            .operationType(SignersService.ADD_OPERATION)
            .list();
    assertThat(logged).extracting(UserOperationLogEntry::getUserId).containsOnly("liuyang");
    assertThat(logged)
        .extracting(UserOperationLogEntry::getNewValue)
        .contains("sunli,wangfang", "before");

    // the signers may read the record; others still may not
    assertThat(
            http.get("/api/outgoing-documents/" + pi.getBusinessKey(), "wangfang", PASSWORD)
                .statusCode())
        .isEqualTo(200);
    assertThat(
            http.get("/api/outgoing-documents/" + pi.getBusinessKey(), "duming", PASSWORD)
                .statusCode())
        .isEqualTo(404);

    // the head cannot decide while they have not
    HttpResponse<String> early = complete(task.getId(), "liuyang", APPROVE);
    assertThat(early.statusCode()).as(early.body()).isEqualTo(409);
    // (Camunda's REST prefixes 「Cannot complete task …: 」: issue 9 item 3 removes it for every
    // message)
    assertThat(message(early)).endsWith("尚有加签人未审批：孙丽、王芳");

    // 孙丽 decides through our endpoint; a second click is refused
    JsonNode decided =
        json(
            http.postJson(
                "/api/signers/" + sunliTask + "/decide",
                "sunli",
                PASSWORD,
                "{\"decision\": \"approve\", \"comment\": \"同意，建议补充依据\"}"),
            200);
    assertThat(decided.get("decision").asText()).isEqualTo("approve");
    HttpResponse<String> again =
        http.postJson(
            "/api/signers/" + sunliTask + "/decide",
            "sunli",
            PASSWORD,
            "{\"decision\": \"reject\", \"comment\": \"改主意了\"}");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(engine.getTaskService().createTaskQuery().taskId(sunliTask).count()).isZero();

    // 王芳 through Camunda's own completion of her subtask: exactly decision and comment, validated
    // as approvals
    HttpResponse<String> smuggled =
        complete(
            wangfangTask,
            "wangfang",
            "{\"variables\": {\"decision\": {\"value\": \"approve\"}, \"deptReviewers\": {\"value\": \"duming\"}}}");
    assertThat(smuggled.statusCode()).as(smuggled.body()).isEqualTo(400);
    assertThat(message(smuggled)).contains("deptReviewers", "「加签：部门初审」不接受提交");
    HttpResponse<String> noComment =
        complete(
            wangfangTask, "wangfang", "{\"variables\": {\"decision\": {\"value\": \"reject\"}}}");
    assertThat(noComment.statusCode()).as(noComment.body()).isEqualTo(400);
    assertThat(message(noComment)).contains("退回时必须填写审批意见");
    assertThat(complete(wangfangTask, "sunli", APPROVE).statusCode()).isEqualTo(409);
    HttpResponse<String> byCamunda =
        complete(
            wangfangTask,
            "wangfang",
            "{\"variables\": {\"decision\": {\"value\": \"reject\"}, \"comment\": {\"value\": \"财务数据需核实\"}}}");
    assertThat(byCamunda.statusCode()).as(byCamunda.body()).isEqualTo(204);

    // the task came back: the head decides, the process moves on
    HttpResponse<String> done = complete(task.getId(), "liuyang", APPROVE);
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    driver.executeJobs(pi.getId());
    assertThat(activeSteps(pi)).containsExactly("Task_LegalReview");

    JsonNode reviews = reviews(pi, "sunli");
    assertThat(entries(reviews))
        .containsExactly(
            "部门初审 liuyang add-signers 加签孙丽、王芳（先于本环节审批）：请先提出意见",
            "部门初审 sunli approve 同意，建议补充依据",
            "部门初审 wangfang reject 财务数据需核实",
            "部门初审 liuyang approve 同意");
    assertThat(
            http.get("/api/tasks/" + task.getId() + "/signers", "liuyang", PASSWORD).statusCode())
        .isEqualTo(404);
  }

  @Test
  void afterSignersDecideOnceTheHeadApprovedThenTheProcessMovesOn() throws Exception {
    ProcessInstance pi = startDocument();
    Task task = driver.taskFor("liuyang", pi.getId(), "Task_DeptReview");
    JsonNode added =
        json(
            add(
                task,
                "liuyang",
                "{\"userIds\": [\"sunli\"], \"mode\": \"after\", \"comment\": \"请分管领导把关\"}"),
            201);
    assertThat(added.get(0).get("subtaskId").isNull()).isTrue();
    assertThat(engine.getTaskService().getSubTasks(task.getId())).isEmpty();

    // the head approves: held, the task stays, 孙丽 gets her subtask
    HttpResponse<String> held = complete(task.getId(), "liuyang", APPROVE);
    assertThat(held.statusCode()).as(held.body()).isEqualTo(204);
    driver.executeJobs(pi.getId());
    assertThat(activeSteps(pi)).containsExactly("Task_DeptReview");
    List<Task> subtasks = engine.getTaskService().getSubTasks(task.getId());
    assertThat(subtasks).extracting(Task::getAssignee).containsExactly("sunli");
    HttpResponse<String> twice = complete(task.getId(), "liuyang", APPROVE);
    assertThat(twice.statusCode()).isEqualTo(409);
    assertThat(message(twice)).endsWith("您已提交「部门初审」的审批意见，待加签人孙丽审批后流程继续");
    HttpResponse<String> more =
        add(
            task,
            "liuyang",
            "{\"userIds\": [\"wangfang\"], \"mode\": \"after\", \"comment\": \"再加一人\"}");
    assertThat(more.statusCode()).isEqualTo(409);

    json(
        http.postJson(
            "/api/signers/" + subtasks.get(0).getId() + "/decide",
            "sunli",
            PASSWORD,
            "{\"decision\": \"approve\"}"),
        200);
    driver.executeJobs(pi.getId());
    assertThat(activeSteps(pi)).containsExactly("Task_LegalReview");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isZero();
    // the head's decision once, before the signer's
    assertThat(entries(reviews(pi, "liuyang")))
        .containsExactly(
            "部门初审 liuyang add-signers 加签孙丽（在本环节审批之后）：请分管领导把关",
            "部门初审 liuyang approve 同意",
            "部门初审 sunli approve null");
  }

  @Test
  void anAfterSignersRejectSendsTheDraftBackForRevision() throws Exception {
    ProcessInstance pi = startDocument();
    Task task = driver.taskFor("liuyang", pi.getId(), "Task_DeptReview");
    json(
        add(
            task,
            "liuyang",
            "{\"userIds\": [\"sunli\", \"wangfang\"], \"mode\": \"after\", \"comment\": \"请把关\"}"),
        201);
    assertThat(complete(task.getId(), "liuyang", APPROVE).statusCode()).isEqualTo(204);
    Map<String, String> subtasks = new HashMap<>();
    engine
        .getTaskService()
        .getSubTasks(task.getId())
        .forEach(t -> subtasks.put(t.getAssignee(), t.getId()));

    json(
        http.postJson(
            "/api/signers/" + subtasks.get("sunli") + "/decide",
            "sunli",
            PASSWORD,
            "{\"decision\": \"reject\", \"comment\": \"依据不足\"}"),
        200);
    driver.executeJobs(pi.getId());
    assertThat(activeSteps(pi)).containsExactly("Task_DeptReview");
    json(
        http.postJson(
            "/api/signers/" + subtasks.get("wangfang") + "/decide",
            "wangfang",
            PASSWORD,
            "{\"decision\": \"approve\", \"comment\": \"同意\"}"),
        200);
    driver.executeJobs(pi.getId());
    assertThat(activeSteps(pi)).containsExactly("Task_Revise");
    assertThat(entries(reviews(pi, "zhangwei")))
        .containsExactly(
            "部门初审 liuyang add-signers 加签孙丽、王芳（在本环节审批之后）：请把关", "部门初审 liuyang approve 同意",
            "部门初审 sunli reject 依据不足", "部门初审 wangfang approve 同意");
  }

  @Test
  void removingSigners() throws Exception {
    ProcessInstance pi = startDocument();
    Task task = driver.taskFor("liuyang", pi.getId(), "Task_DeptReview");
    JsonNode added =
        json(
            add(
                task,
                "liuyang",
                "{\"userIds\": [\"sunli\", \"wangfang\"], \"mode\": \"before\", \"comment\": \"请先提出意见\"}"),
            201);
    String sunliTask = added.get(0).get("subtaskId").asText();
    String wangfangTask = added.get(1).get("subtaskId").asText();

    // someone else may not; 孙丽 is removed: her subtask is gone and so is her read access
    assertThat(remove(task, "sunli", "wangfang").statusCode()).isEqualTo(403);
    JsonNode left = json(remove(task, "sunli", "liuyang"), 200);
    assertThat(left).hasSize(1);
    assertThat(engine.getTaskService().createTaskQuery().taskId(sunliTask).count()).isZero();
    assertThat(
            http.get("/api/outgoing-documents/" + pi.getBusinessKey(), "sunli", PASSWORD)
                .statusCode())
        .isEqualTo(404);
    assertThat(
            http.postJson(
                    "/api/signers/" + sunliTask + "/decide",
                    "sunli",
                    PASSWORD,
                    "{\"decision\": \"approve\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(remove(task, "sunli", "liuyang").statusCode()).isEqualTo(404);
    assertThat(
            engine
                .getHistoryService()
                .createUserOperationLogQuery()
                .taskId(task.getId())
                .operationType(SignersService.REMOVE_OPERATION)
                .list())
        .extracting(UserOperationLogEntry::getUserId)
        .containsExactly("liuyang");

    // once 王芳 decided she stays
    json(
        http.postJson(
            "/api/signers/" + wangfangTask + "/decide",
            "wangfang",
            PASSWORD,
            "{\"decision\": \"approve\"}"),
        200);
    HttpResponse<String> decided = remove(task, "wangfang", "liuyang");
    assertThat(decided.statusCode()).isEqualTo(409);
    assertThat(message(decided)).isEqualTo("王芳已审批「部门初审」，不能减签");

    // 减签 of the last after-signer still pending completes the step with the head's held decision
    json(
        add(
            task,
            "liuyang",
            "{\"userIds\": [\"gaoyuan\"], \"mode\": \"after\", \"comment\": \"请协助把关\"}"),
        201);
    assertThat(complete(task.getId(), "liuyang", APPROVE).statusCode()).isEqualTo(204);
    json(remove(task, "gaoyuan", "liuyang"), 200);
    driver.executeJobs(pi.getId());
    assertThat(activeSteps(pi)).containsExactly("Task_LegalReview");
    List<String> trail = entries(reviews(pi, "liuyang"));
    assertThat(trail)
        .contains("部门初审 liuyang remove-signer 减签孙丽", "部门初审 liuyang remove-signer 减签高远");
    assertThat(trail.stream().filter(e -> e.startsWith("部门初审 liuyang approve")).count())
        .isEqualTo(1);

    // the task is gone
    assertThat(
            add(
                    task,
                    "liuyang",
                    "{\"userIds\": [\"sunli\"], \"mode\": \"before\", \"comment\": \"再加\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(remove(task, "wangfang", "liuyang").statusCode()).isEqualTo(404);
  }

  @Test
  void refusalsChangeNothing() throws Exception {
    ProcessInstance pi = startDocument();
    Task task = driver.taskFor("liuyang", pi.getId(), "Task_DeptReview");
    String ok = "\"mode\": \"before\", \"comment\": \"请提出意见\"";

    assertRefused(
        add(task, "liuyang", "{\"userIds\": [\"sunli\"], \"comment\": \"请提出意见\"}"),
        400,
        "mode",
        "加签方式必须为 before");
    assertRefused(
        add(task, "liuyang", "{\"userIds\": [\"sunli\"], \"mode\": \"later\", \"comment\": \"请\"}"),
        400,
        "mode",
        "收到：later");
    assertRefused(
        add(task, "liuyang", "{\"userIds\": [\"sunli\"], \"mode\": \"before\"}"),
        400,
        "comment",
        "说明必须填写");
    assertRefused(add(task, "liuyang", "{\"userIds\": [], " + ok + "}"), 400, "userIds", "请选择加签人");
    assertRefused(
        add(task, "liuyang", "{\"userIds\": [\"nobody\"], " + ok + "}"),
        400,
        "userIds",
        "用户不存在：nobody");
    assertRefused(
        add(task, "liuyang", "{\"userIds\": [\"liuyang\"], " + ok + "}"),
        400,
        "userIds",
        "不能给自己加签");
    assertRefused(
        add(task, "liuyang", "{\"userIds\": [\"sunli\", \"qianyu\"], " + ok + "}"),
        400,
        "userIds",
        "钱钰是审计人员（只读），不能作为加签人");
    assertRefused(
        add(task, "liuyang", "{\"userIds\": [\"admin\"], " + ok + "}"), 400, "userIds", "不是业务人员");
    assertRefused(
        add(task, "liuyang", "{\"userIds\": [\"zhangwei\"], " + ok + "}"),
        400,
        "userIds",
        "张伟是本流程的发起人，不能审批「部门初审」");
    List<String> eleven = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      eleven.add("\"u" + i + "\"");
    }
    assertRefused(
        add(task, "liuyang", "{\"userIds\": [" + String.join(",", eleven) + "], " + ok + "}"),
        400,
        "userIds",
        "一次最多加签 10 人");
    for (String user : List.of("duming", "zhangwei", "wangfang")) {
      HttpResponse<String> refused = add(task, user, "{\"userIds\": [\"sunli\"], " + ok + "}");
      assertThat(refused.statusCode()).as(user).isEqualTo(403);
      assertThat(message(refused)).contains("不是任务「部门初审」的办理人或候选人");
    }
    HttpResponse<String> auditor = add(task, "qianyu", "{\"userIds\": [\"sunli\"], " + ok + "}");
    assertThat(auditor.statusCode()).isEqualTo(403);
    assertThat(message(auditor)).contains("审计");
    assertThat(
            http.postJson(
                    "/api/tasks/no-such-task/add-signers",
                    "liuyang",
                    PASSWORD,
                    "{\"userIds\": [\"sunli\"], " + ok + "}")
                .statusCode())
        .isEqualTo(404);
    assertThat(
            http.postJson("/api/tasks/" + task.getId() + "/add-signers", null, null, "{}")
                .statusCode())
        .isEqualTo(401);
    // 刘洋, 业务处's only head, had 部门初审 from the start; the refusals left it so
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .taskId(task.getId())
                .singleResult()
                .getAssignee())
        .isEqualTo("liuyang");
    assertThat(engine.getTaskService().getSubTasks(task.getId())).isEmpty();
    assertThat(reviews(pi, "liuyang")).isEmpty();

    // the second click (same person again) and another candidate once the task is taken
    assertThat(add(task, "liuyang", "{\"userIds\": [\"sunli\"], " + ok + "}").statusCode())
        .isEqualTo(201);
    HttpResponse<String> twice = add(task, "liuyang", "{\"userIds\": [\"sunli\"], " + ok + "}");
    assertThat(twice.statusCode()).isEqualTo(409);
    assertThat(message(twice)).isEqualTo("孙丽已是「部门初审」的加签人");
    String subtask = engine.getTaskService().getSubTasks(task.getId()).get(0).getId();
    assertThat(
            http.postJson(
                    "/api/signers/" + subtask + "/decide",
                    "wangfang",
                    PASSWORD,
                    "{\"decision\": \"approve\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            http.postJson(
                    "/api/signers/" + subtask + "/decide",
                    "qianyu",
                    PASSWORD,
                    "{\"decision\": \"approve\"}")
                .statusCode())
        .isEqualTo(403);
    assertRefused(
        http.postJson(
            "/api/signers/" + subtask + "/decide", "sunli", PASSWORD, "{\"decision\": \"maybe\"}"),
        400,
        "decision",
        "审批结论必须为 approve");
    assertThat(
            http.postJson(
                    "/api/signers/nothing/decide", "sunli", PASSWORD, "{\"decision\": \"approve\"}")
                .statusCode())
        .isEqualTo(404);
    // a standalone subtask allows no task operations of its own
    assertThat(
            http.postJson(
                    "/api/tasks/" + subtask + "/add-signers",
                    "sunli",
                    PASSWORD,
                    "{\"userIds\": [\"wangfang\"], " + ok + "}")
                .statusCode())
        .isEqualTo(409);

    // a step that does not allow it: 退回修改 declares cc only
    ProcessInstance returned = startDocument();
    driver.reject("liuyang", returned.getId(), "Task_DeptReview", "请补充依据");
    Task revise = driver.taskFor("zhangwei", returned.getId(), "Task_Revise");
    HttpResponse<String> notAllowed =
        add(revise, "zhangwei", "{\"userIds\": [\"sunli\"], " + ok + "}");
    assertThat(notAllowed.statusCode()).isEqualTo(409);
    assertThat(message(notAllowed)).isEqualTo("「退回修改」环节不允许加签");
  }

  // --- the signers are told; their part ends with the step
  // ------------------------------------------------

  @Test
  void eachNewSignerGetsAnEmail() throws Exception {
    ProcessInstance pi = startDocument();
    Task task = driver.taskFor("liuyang", pi.getId(), "Task_DeptReview");
    json(
        add(
            task,
            "liuyang",
            "{\"userIds\": [\"sunli\"], \"mode\": \"before\", \"comment\": \"请先核对数据\"}"),
        201);
    json(
        add(
            task,
            "liuyang",
            "{\"userIds\": [\"wangfang\"], \"mode\": \"after\", \"comment\": \"请最后把关\"}"),
        201);

    List<Map<String, Object>> mails =
        jdbc.sql(
                "select recipient, channel, subject, body, created_by from of_notification"
                    + " where template = 'signer' and business_key = :bk order by recipient")
            .param("bk", pi.getBusinessKey())
            .query()
            .listOfRows();
    assertThat(mails).extracting(m -> m.get("recipient")).containsExactly("sunli", "wangfang");
    assertThat(mails).extracting(m -> m.get("channel")).containsOnly("MAIL");
    assertThat(mails).extracting(m -> m.get("created_by")).containsOnly("liuyang");
    String title = (String) engine.getRuntimeService().getVariable(pi.getId(), "title");
    assertThat(mails).extracting(m -> m.get("subject")).containsOnly("【加签】" + title);
    assertThat((String) mails.get(0).get("body"))
        .contains("孙丽，您好", "刘洋", "环节：部门初审", "前加签", "请先核对数据", "「加签：部门初审」");
    assertThat((String) mails.get(1).get("body")).contains("王芳，您好", "后加签", "请最后把关");
    // a refused 加签 tells nobody
    assertThat(
            add(
                    task,
                    "liuyang",
                    "{\"userIds\": [\"sunli\"], \"mode\": \"before\", \"comment\": \"再请\"}")
                .statusCode())
        .isEqualTo(409);
    assertThat(
            jdbc.sql(
                    "select count(*) from of_notification where template = 'signer' and business_key = :bk")
                .param("bk", pi.getBusinessKey())
                .query(Integer.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void aReturnEndsTheStepsPendingSignersAndTheirSubtasks() throws Exception {
    ProcessInstance pi = startDocument();
    Task task = driver.taskFor("liuyang", pi.getId(), "Task_DeptReview");
    JsonNode added =
        json(
            add(
                task,
                "liuyang",
                "{\"userIds\": [\"sunli\", \"wangfang\"], \"mode\": \"before\", \"comment\": \"请先提出意见\"}"),
            201);
    String sunliTask = added.get(0).get("subtaskId").asText();
    json(
        http.postJson(
            "/api/signers/" + sunliTask + "/decide",
            "sunli",
            PASSWORD,
            "{\"decision\": \"approve\", \"comment\": \"同意\"}"),
        200);
    String wangfangTask = added.get(1).get("subtaskId").asText();

    // 退回 to the drafter while 王芳 has not decided
    json(
        http.postJson(
            "/api/tasks/" + task.getId() + "/return",
            "liuyang",
            PASSWORD,
            "{\"target\": \"Task_Revise\", \"comment\": \"请先补充依据\"}"),
        200);
    assertThat(activeSteps(pi)).containsExactly("Task_Revise");
    assertSubtaskEnded(wangfangTask);
    assertThat(signerRows(task)).containsExactly("sunli approve", "wangfang cancelled");
    // the signer's list is empty; the cancelled row cannot be decided any more
    assertThat(engine.getTaskService().getSubTasks(task.getId())).isEmpty();
    assertThat(
            http.postJson(
                    "/api/signers/" + wangfangTask + "/decide",
                    "wangfang",
                    PASSWORD,
                    "{\"decision\": \"approve\"}")
                .statusCode())
        .isEqualTo(409);
  }

  @Test
  void aDeletedInstanceEndsAHeldDecisionAndTheAfterSigners() throws Exception {
    ProcessInstance pi = startDocument();
    Task task = driver.taskFor("liuyang", pi.getId(), "Task_DeptReview");
    json(
        add(
            task,
            "liuyang",
            "{\"userIds\": [\"sunli\"], \"mode\": \"after\", \"comment\": \"请把关\"}"),
        201);
    assertThat(complete(task.getId(), "liuyang", APPROVE).statusCode()).isEqualTo(204);
    String subtask = engine.getTaskService().getSubTasks(task.getId()).get(0).getId();
    assertThat(
            jdbc.sql("select count(*) from of_signer_hold where task_id = :t")
                .param("t", task.getId())
                .query(Integer.class)
                .single())
        .isEqualTo(1);

    // deleted as Cockpit does (custom listeners skipped): the built-in listener still runs
    engine.getRuntimeService().deleteProcessInstance(pi.getId(), "测试删除", true);
    assertSubtaskEnded(subtask);
    assertThat(signerRows(task)).containsExactly("sunli cancelled");
    assertThat(
            jdbc.sql("select count(*) from of_signer_hold where task_id = :t")
                .param("t", task.getId())
                .query(Integer.class)
                .single())
        .isZero();
  }

  private void assertSubtaskEnded(String subtaskId) {
    assertThat(engine.getTaskService().createTaskQuery().taskId(subtaskId).count())
        .as("open subtask")
        .isZero();
    HistoricTaskInstance ended =
        engine
            .getHistoryService()
            .createHistoricTaskInstanceQuery()
            .taskId(subtaskId)
            .singleResult();
    assertThat(ended.getEndTime()).as("subtask ended").isNotNull();
  }

  private List<String> signerRows(Task task) {
    return jdbc.sql("select user_id, decision from of_signer where task_id = :t order by seq")
        .param("t", task.getId())
        .query((rs, i) -> rs.getString(1) + " " + rs.getString(2))
        .list();
  }

  // --- helpers
  // --------------------------------------------------------------------------------------------

  private ProcessInstance startDocument() {
    Map<String, Object> variables =
        new HashMap<>(
            Map.of(
                "title",
                "关于车辆管理的通知 " + UUID.randomUUID(),
                "docType",
                "通知",
                "mainRecipients",
                "各处室",
                "body",
                "各处室应当规范用车。"));
    return driver.start("zhangwei", "outgoing_document", variables);
  }

  private HttpResponse<String> add(Task task, String user, String json) {
    return http.postJson("/api/tasks/" + task.getId() + "/add-signers", user, PASSWORD, json);
  }

  private HttpResponse<String> remove(Task task, String signer, String user) {
    return http.delete("/api/tasks/" + task.getId() + "/signers/" + signer, user, PASSWORD);
  }

  private HttpResponse<String> complete(String taskId, String user, String json) {
    return http.postJson("/engine-rest/task/" + taskId + "/complete", user, PASSWORD, json);
  }

  private List<String> activeSteps(ProcessInstance pi) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).list().stream()
        .map(Task::getTaskDefinitionKey)
        .toList();
  }

  private JsonNode reviews(ProcessInstance pi, String reader) throws Exception {
    return json(http.get("/api/outgoing-documents/" + pi.getBusinessKey(), reader, PASSWORD), 200)
        .get("reviews");
  }

  private static List<String> entries(JsonNode reviews) {
    List<String> entries = new ArrayList<>();
    reviews.forEach(
        r ->
            entries.add(
                r.get("step").asText()
                    + " "
                    + r.get("user").asText()
                    + " "
                    + r.get("decision").asText()
                    + " "
                    + (r.path("comment").isTextual() ? r.get("comment").asText() : "null")));
    return entries;
  }

  private static void assertRefused(
      HttpResponse<String> response, int status, String field, String text) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("type").asText()).isNotBlank();
    assertThat(body.get("field").asText()).isEqualTo(field);
    assertThat(body.get("message").asText()).contains(text);
  }

  private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  private static String message(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body()).get("message").asText();
  }
}
