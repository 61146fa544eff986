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
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 转办, 委派, 抄送 over HTTP on the 发文 (and one 收文): each success path with its trail entry and operation log
 * entry, and the refusals — step not allowing it, wrong user, auditor, unknown user, oneself, the drafter, a task
 * that is gone, the second click — each a Chinese 4xx that changes nothing.
 */
@HttpTest
class TaskOperationsApiTest {

  static final String PASSWORD = "Office@2026";
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

  // --- 转办
  // -----------------------------------------------------------------------------------------------

  @Test
  void candidateTransfersToAColleagueWhoThenDecides() throws Exception {
    ProcessInstance pi = startDocument(Map.of());
    Task task = driver.taskFor("liuyang", pi.getId(), "Task_DeptReview");

    JsonNode allowed =
        json(http.get("/api/tasks/" + task.getId() + "/operations", "liuyang", PASSWORD), 200);
    assertThat(allowed.get("step").asText()).isEqualTo("部门初审");
    assertThat(texts(allowed.get("operations")))
        .containsExactly("transfer", "delegate", "cc", "return", "add-signers");

    JsonNode result =
        json(
            post(
                task,
                "transfer",
                "liuyang",
                "{\"userId\": \"sunli\", \"comment\": \"本人出差，请孙丽初审\"}"),
            200);
    assertThat(result.get("assignee").asText()).isEqualTo("sunli");
    assertThat(result.get("assigneeName").asText()).isEqualTo("孙丽");
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .taskId(task.getId())
                .singleResult()
                .getAssignee())
        .isEqualTo("sunli");

    // Camunda's operation log names the user who transferred, the trail says to whom and why
    List<UserOperationLogEntry> log =
        engine
            .getHistoryService()
            .createUserOperationLogQuery()
            .taskId(task.getId())
            .operationType(UserOperationLogEntry.OPERATION_TYPE_ASSIGN)
            .list();
    assertThat(log).extracting(UserOperationLogEntry::getUserId).containsExactly("liuyang");
    assertThat(log).extracting(UserOperationLogEntry::getNewValue).containsExactly("sunli");
    JsonNode reviews = reviews(pi, "sunli");
    assertThat(reviews).hasSize(1);
    assertThat(reviews.get(0).get("decision").asText()).isEqualTo("transfer");
    assertThat(reviews.get(0).get("user").asText()).isEqualTo("liuyang");
    assertThat(reviews.get(0).get("step").asText()).isEqualTo("部门初审");
    assertThat(reviews.get(0).get("comment").asText()).isEqualTo("转办给孙丽：本人出差，请孙丽初审");
    assertThat(engine.getTaskService().getTaskComments(task.getId()))
        .extracting(c -> c.getFullMessage())
        .containsExactly("转办给孙丽：本人出差，请孙丽初审");

    // the second click: the task is 孙丽's now
    HttpResponse<String> again =
        post(task, "transfer", "liuyang", "{\"userId\": \"sunli\", \"comment\": \"再转\"}");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(message(again)).isEqualTo("任务「部门初审」已由孙丽办理，不能转办");

    // the new assignee decides through the normal REST completion (input contract as always)
    HttpResponse<String> completed =
        http.postJson(
            "/engine-rest/task/" + task.getId() + "/complete",
            "sunli",
            PASSWORD,
            "{\"variables\": {\"decision\": {\"value\": \"approve\"}, \"comment\": {\"value\": \"同意\"}}}");
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
    JsonNode after = reviews(pi, "sunli");
    assertThat(after).hasSize(2);
    assertThat(after.get(1).get("decision").asText()).isEqualTo("approve");
    assertThat(after.get(1).get("user").asText()).isEqualTo("sunli");

    // the task is gone
    HttpResponse<String> gone =
        post(task, "transfer", "sunli", "{\"userId\": \"liuyang\", \"comment\": \"退还\"}");
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(message(gone)).startsWith("任务已由他人办理或已不存在");
  }

  @Test
  void transferRefusalsChangeNothing() throws Exception {
    ProcessInstance pi = startDocument(Map.of());
    Task task = driver.taskFor("liuyang", pi.getId(), "Task_DeptReview");

    assertRefused(
        post(task, "transfer", "liuyang", "{\"userId\": \"sunli\"}"), 400, "comment", "说明必须填写");
    assertRefused(
        post(task, "transfer", "liuyang", "{\"userId\": \"sunli\", \"comment\": \"  \"}"),
        400,
        "comment",
        "说明必须填写");
    assertRefused(
        post(task, "transfer", "liuyang", "{\"comment\": \"请办理\"}"), 400, "userId", "请选择转办对象");
    assertRefused(
        post(task, "transfer", "liuyang", "{\"userId\": \"nobody\", \"comment\": \"请办理\"}"),
        400,
        "userId",
        "用户不存在：nobody");
    assertRefused(
        post(task, "transfer", "liuyang", "{\"userId\": \"liuyang\", \"comment\": \"请办理\"}"),
        400,
        "userId",
        "不能转办给自己");
    assertRefused(
        post(task, "transfer", "liuyang", "{\"userId\": \"qianyu\", \"comment\": \"请办理\"}"),
        400,
        "userId",
        "钱钰是审计人员（只读），不能转办给他");
    assertRefused(
        post(task, "transfer", "liuyang", "{\"userId\": \"admin\", \"comment\": \"请办理\"}"),
        400,
        "userId",
        "不是业务人员");
    // another department's head is neither a candidate nor a colleague
    assertRefused(
        post(task, "transfer", "liuyang", "{\"userId\": \"wangfang\", \"comment\": \"请办理\"}"),
        400,
        "userId",
        "王芳（wangfang）既不是「部门初审」的候选人，也不在您的部门");
    // a colleague, but the drafter: nobody reviews their own draft through a 转办
    assertRefused(
        post(task, "transfer", "liuyang", "{\"userId\": \"zhangwei\", \"comment\": \"请办理\"}"),
        400,
        "userId",
        "张伟是本流程的发起人，不能转办给他办理「部门初审」");
    // not the task's people: staff without rights, the drafter, the auditor
    for (String user : List.of("duming", "zhangwei")) {
      HttpResponse<String> refused =
          post(task, "transfer", user, "{\"userId\": \"sunli\", \"comment\": \"请办理\"}");
      assertThat(refused.statusCode()).as(user).isEqualTo(403);
      assertThat(message(refused)).contains("不是任务「部门初审」的办理人或候选人");
    }
    HttpResponse<String> auditor =
        post(task, "transfer", "qianyu", "{\"userId\": \"sunli\", \"comment\": \"请办理\"}");
    assertThat(auditor.statusCode()).isEqualTo(403);
    assertThat(message(auditor)).contains("审计");
    // unknown task, anonymous, malformed body
    assertThat(
            http.postJson(
                    "/api/tasks/no-such-task/transfer",
                    "liuyang",
                    PASSWORD,
                    "{\"userId\": \"sunli\", \"comment\": \"请办理\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(
            http.postJson("/api/tasks/" + task.getId() + "/transfer", null, null, "{}")
                .statusCode())
        .isEqualTo(401);
    HttpResponse<String> malformed = post(task, "transfer", "liuyang", "{\"userId\": ");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(message(malformed)).contains("JSON");

    Task unchanged = engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult();
    // 刘洋 is 业务处's only head: 部门初审 was his from the start, and still is
    assertThat(unchanged.getAssignee()).isEqualTo("liuyang");
    assertThat(reviews(pi, "liuyang")).isEmpty();
    assertThat(
            engine.getHistoryService().createUserOperationLogQuery().taskId(task.getId()).count())
        .isZero();
  }

  @Test
  void stepsDeclareTheirOperations() throws Exception {
    // 会签 (multi-instance) allows 抄送 only by default
    ProcessInstance countersigned = startDocument(Map.of("countersignDepts", "dept-finance"));
    Task countersign = driver.taskFor("wangfang", countersigned.getId(), "Task_Countersign");
    assertThat(
            texts(
                json(
                        http.get(
                            "/api/tasks/" + countersign.getId() + "/operations",
                            "wangfang",
                            PASSWORD),
                        200)
                    .get("operations")))
        .containsExactly("cc");
    HttpResponse<String> transfer =
        post(
            countersign,
            "transfer",
            "wangfang",
            "{\"userId\": \"chenjing\", \"comment\": \"请陈静会签\"}");
    assertThat(transfer.statusCode()).isEqualTo(409);
    assertThat(message(transfer)).isEqualTo("「会签」环节不允许转办");
    assertThat(
            post(
                    countersign,
                    "delegate",
                    "wangfang",
                    "{\"userId\": \"chenjing\", \"comment\": \"请陈静会签\"}")
                .statusCode())
        .isEqualTo(409);

    // 退回修改 declares taskOperations="cc": the text changes only by its drafter
    ProcessInstance returned = startDocument(Map.of());
    driver.reject("liuyang", returned.getId(), "Task_DeptReview", "请补充依据");
    Task revise = driver.taskFor("zhangwei", returned.getId(), "Task_Revise");
    assertThat(
            texts(
                json(
                        http.get(
                            "/api/tasks/" + revise.getId() + "/operations", "zhangwei", PASSWORD),
                        200)
                    .get("operations")))
        .containsExactly("cc");
    HttpResponse<String> delegate =
        post(revise, "delegate", "zhangwei", "{\"userId\": \"sunli\", \"comment\": \"请代为修改\"}");
    assertThat(delegate.statusCode()).isEqualTo(409);
    assertThat(message(delegate)).isEqualTo("「退回修改」环节不允许委派");
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .taskId(revise.getId())
                .singleResult()
                .getAssignee())
        .isEqualTo("zhangwei");
    // someone without the task does not even learn what the step allows
    assertThat(
            http.get("/api/tasks/" + revise.getId() + "/operations", "duming", PASSWORD)
                .statusCode())
        .isEqualTo(403);
  }

  // --- 委派
  // -----------------------------------------------------------------------------------------------

  @Test
  void delegateResolvesThroughTheInputContractAndTheOwnerCompletes() throws Exception {
    ProcessInstance pi = startDocument(Map.of());
    Task task = driver.taskFor("liuyang", pi.getId(), "Task_DeptReview");

    JsonNode result =
        json(
            post(task, "delegate", "liuyang", "{\"userId\": \"sunli\", \"comment\": \"请先提出意见\"}"),
            200);
    assertThat(result.get("assignee").asText()).isEqualTo("sunli");
    assertThat(result.get("owner").asText()).isEqualTo("liuyang");
    Task delegated = engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult();
    assertThat(delegated.getOwner()).isEqualTo("liuyang");
    assertThat(delegated.getAssignee()).isEqualTo("sunli");
    assertThat(delegated.getDelegationState()).isEqualTo(DelegationState.PENDING);

    // second click, and a 转办 while delegated
    HttpResponse<String> again =
        post(task, "delegate", "liuyang", "{\"userId\": \"sunli\", \"comment\": \"再委派\"}");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(message(again)).isEqualTo("任务「部门初审」已委派给孙丽，待其办理退回后才能再委派");
    assertThat(
            post(task, "transfer", "sunli", "{\"userId\": \"liuyang\", \"comment\": \"转回\"}")
                .statusCode())
        .isEqualTo(409);

    // the delegate resolves with the step's declared variables only
    HttpResponse<String> undeclared =
        http.postJson(
            "/engine-rest/task/" + task.getId() + "/resolve",
            "sunli",
            PASSWORD,
            "{\"variables\": {\"decision\": {\"value\": \"approve\"}, \"drafter\": {\"value\": \"sunli\"}}}");
    assertThat(undeclared.statusCode()).isEqualTo(400);
    assertThat(undeclared.body()).contains("drafter");
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .taskId(task.getId())
                .singleResult()
                .getDelegationState())
        .isEqualTo(DelegationState.PENDING);
    HttpResponse<String> resolved =
        http.postJson(
            "/engine-rest/task/" + task.getId() + "/resolve",
            "sunli",
            PASSWORD,
            "{\"variables\": {\"decision\": {\"value\": \"approve\"}, \"comment\": {\"value\": \"拟同意\"}}}");
    assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(204);
    Task back = engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult();
    assertThat(back.getAssignee()).isEqualTo("liuyang");
    assertThat(back.getDelegationState()).isEqualTo(DelegationState.RESOLVED);

    // the owner completes; the decision is recorded as the owner's
    HttpResponse<String> completed =
        http.postJson(
            "/engine-rest/task/" + task.getId() + "/complete",
            "liuyang",
            PASSWORD,
            "{\"variables\": {\"decision\": {\"value\": \"approve\"}, \"comment\": {\"value\": \"同意孙丽意见\"}}}");
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
    JsonNode reviews = reviews(pi, "liuyang");
    assertThat(reviews).hasSize(2);
    assertThat(reviews.get(0).get("decision").asText()).isEqualTo("delegate");
    assertThat(reviews.get(0).get("comment").asText()).isEqualTo("委派给孙丽：请先提出意见");
    assertThat(reviews.get(1).get("decision").asText()).isEqualTo("approve");
    assertThat(reviews.get(1).get("user").asText()).isEqualTo("liuyang");

    List<UserOperationLogEntry> log =
        engine.getHistoryService().createUserOperationLogQuery().taskId(task.getId()).list();
    assertThat(log)
        .filteredOn(e -> UserOperationLogEntry.OPERATION_TYPE_DELEGATE.equals(e.getOperationType()))
        .extracting(UserOperationLogEntry::getUserId)
        .containsOnly("liuyang");
    assertThat(log)
        .filteredOn(e -> UserOperationLogEntry.OPERATION_TYPE_RESOLVE.equals(e.getOperationType()))
        .extracting(UserOperationLogEntry::getUserId)
        .containsOnly("sunli");
  }

  @Test
  void delegateRefusals() throws Exception {
    ProcessInstance pi = startDocument(Map.of());
    Task task = driver.taskFor("liuyang", pi.getId(), "Task_DeptReview");
    assertRefused(
        post(task, "delegate", "liuyang", "{\"userId\": \"gaoyuan\", \"comment\": \"请办理\"}"),
        400,
        "userId",
        "既不是「部门初审」的候选人，也不在您的部门");
    assertRefused(
        post(task, "delegate", "liuyang", "{\"userId\": \"qianyu\", \"comment\": \"请办理\"}"),
        400,
        "userId",
        "审计人员");
    assertRefused(
        post(task, "delegate", "liuyang", "{\"userId\": \"ghost\", \"comment\": \"请办理\"}"),
        400,
        "userId",
        "用户不存在：ghost");
    assertRefused(
        post(task, "delegate", "liuyang", "{\"userId\": \"sunli\"}"), 400, "comment", "说明必须填写");
    assertThat(
            post(task, "delegate", "zhoujie", "{\"userId\": \"sunli\", \"comment\": \"请办理\"}")
                .statusCode())
        .isEqualTo(403);
    Task unchanged = engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult();
    // 刘洋 is 业务处's only head: 部门初审 was his from the start, and still is
    assertThat(unchanged.getAssignee()).isEqualTo("liuyang");
    assertThat(unchanged.getDelegationState()).isNull();
    assertThat(reviews(pi, "liuyang")).isEmpty();
  }

  // --- 抄送
  // -----------------------------------------------------------------------------------------------

  @Test
  void ccGivesReadAccessNotifiesAndIsMarkedRead() throws Exception {
    String title = "关于调整值班安排的通知 " + UUID.randomUUID().toString().substring(0, 6);
    ProcessInstance pi = startDocument(Map.of("title", title));
    String id = pi.getBusinessKey();
    Task task = driver.taskFor("liuyang", pi.getId(), "Task_DeptReview");
    assertThat(http.get("/api/outgoing-documents/" + id, "duming", PASSWORD).statusCode())
        .isEqualTo(404);

    HttpResponse<String> created =
        post(
            task,
            "cc",
            "liuyang",
            "{\"userIds\": [\"duming\", \"chenjing\", \"duming\"], \"comment\": \"请知悉车辆安排\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode copies = JSON.readTree(created.body());
    assertThat(copies).hasSize(2);

    // read access to the record, in the ledger too
    assertThat(http.get("/api/outgoing-documents/" + id, "duming", PASSWORD).statusCode())
        .isEqualTo(200);
    assertThat(
            http.get(
                    "/api/outgoing-documents?q="
                        + java.net.URLEncoder.encode(
                            title, java.nio.charset.StandardCharsets.UTF_8),
                    "duming",
                    PASSWORD)
                .body())
        .contains(id);
    assertThat(http.get("/api/outgoing-documents/" + id, "songjia", PASSWORD).statusCode())
        .isEqualTo(404);
    // a notification by e-mail
    assertThat(
            jdbc.sql(
                    "select count(*) from of_notification where template = 'cc' and business_key = :bk"
                        + " and recipient in ('duming', 'chenjing') and created_by = 'liuyang'")
                .param("bk", id)
                .query(Integer.class)
                .single())
        .isEqualTo(2);

    // 抄送我的
    JsonNode unread = json(http.get("/api/cc?unread=true", "duming", PASSWORD), 200);
    assertThat(unread).hasSize(1);
    JsonNode entry = unread.get(0);
    assertThat(entry.get("title").asText()).isEqualTo(title);
    assertThat(entry.get("processName").asText()).isEqualTo("发文（三审三校）");
    assertThat(entry.get("taskName").asText()).isEqualTo("部门初审");
    assertThat(entry.get("ccByName").asText()).isEqualTo("刘洋");
    assertThat(entry.get("ccAt").asText()).isNotBlank();
    assertThat(entry.get("read").asBoolean()).isFalse();
    String ccId = entry.get("id").asText();

    // 已阅: only the recipient, once
    assertThat(http.postJson("/api/cc/" + ccId + "/read", "chenjing", PASSWORD, "").statusCode())
        .isEqualTo(404);
    JsonNode read = json(http.postJson("/api/cc/" + ccId + "/read", "duming", PASSWORD, ""), 200);
    assertThat(read.get("read").asBoolean()).isTrue();
    JsonNode readAgain =
        json(http.postJson("/api/cc/" + ccId + "/read", "duming", PASSWORD, ""), 200);
    assertThat(readAgain.get("readAt").asText()).isEqualTo(read.get("readAt").asText());
    assertThat(json(http.get("/api/cc?unread=true", "duming", PASSWORD), 200)).isEmpty();
    assertThat(json(http.get("/api/cc", "duming", PASSWORD), 200)).hasSize(1);

    JsonNode reviews = reviews(pi, "duming");
    assertThat(reviews).extracting(r -> r.get("decision").asText()).containsExactly("cc", "read");
    assertThat(reviews.get(0).get("comment").asText()).isEqualTo("抄送给杜明、陈静：请知悉车辆安排");
    assertThat(reviews.get(1).get("user").asText()).isEqualTo("duming");
    List<UserOperationLogEntry> log =
        engine
            .getHistoryService()
            .createUserOperationLogQuery()
            .taskId(task.getId())
            .operationType(TaskOperationsService.CC_OPERATION)
            .list();
    assertThat(log).extracting(UserOperationLogEntry::getUserId).containsOnly("liuyang");
    assertThat(log)
        .extracting(UserOperationLogEntry::getProperty)
        .containsExactlyInAnyOrder("userIds", "comment");
    assertThat(log).extracting(UserOperationLogEntry::getNewValue).contains("duming,chenjing");

    // second click
    HttpResponse<String> again = post(task, "cc", "liuyang", "{\"userIds\": [\"duming\"]}");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(message(again)).isEqualTo("已抄送过杜明，请勿重复抄送");
  }

  @Test
  void ccRefusals() throws Exception {
    ProcessInstance pi = startDocument(Map.of());
    Task task = driver.taskFor("liuyang", pi.getId(), "Task_DeptReview");
    assertRefused(post(task, "cc", "liuyang", "{\"userIds\": []}"), 400, "userIds", "请选择抄送对象");
    assertRefused(post(task, "cc", "liuyang", "{}"), 400, "userIds", "请选择抄送对象");
    assertRefused(
        post(task, "cc", "liuyang", "{\"userIds\": [\"duming\", \"qianyu\"]}"),
        400,
        "userIds",
        "审计人员");
    assertRefused(
        post(task, "cc", "liuyang", "{\"userIds\": [\"liuyang\"]}"), 400, "userIds", "不能抄送给自己");
    assertRefused(
        post(task, "cc", "liuyang", "{\"userIds\": [\"nobody\"]}"), 400, "userIds", "用户不存在：nobody");
    assertThat(post(task, "cc", "duming", "{\"userIds\": [\"chenjing\"]}").statusCode())
        .isEqualTo(403);
    assertThat(post(task, "cc", "qianyu", "{\"userIds\": [\"chenjing\"]}").statusCode())
        .isEqualTo(403);
    assertThat(
            http.postJson(
                    "/api/tasks/no-such-task/cc",
                    "liuyang",
                    PASSWORD,
                    "{\"userIds\": [\"duming\"]}")
                .statusCode())
        .isEqualTo(404);
    assertThat(http.postJson("/api/cc/no-such-cc/read", "duming", PASSWORD, "").statusCode())
        .isEqualTo(404);

    // a 机密 document is not copied
    ProcessInstance secret = startDocument(Map.of("secrecy", "机密"));
    Task secretTask = driver.taskFor("liuyang", secret.getId(), "Task_DeptReview");
    HttpResponse<String> refused = post(secretTask, "cc", "liuyang", "{\"userIds\": [\"duming\"]}");
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(message(refused)).contains("密级为机密，不能抄送");

    assertThat(
            jdbc.sql("select count(*) from of_cc where business_key in (:a, :b)")
                .param("a", pi.getBusinessKey())
                .param("b", secret.getBusinessKey())
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(reviews(pi, "liuyang")).isEmpty();
  }

  @Test
  void ccOfAnIncomingDocumentLetsTheUserReadIt() throws Exception {
    Map<String, Object> letter =
        new HashMap<>(
            Map.of(
                "title",
                "关于报送车辆使用情况的函",
                "senderOrg",
                "市机关事务局",
                "senderNumber",
                "市机函〔2026〕" + System.nanoTime() % 100000 + "号",
                "urgency",
                "普通",
                "secrecy",
                "内部",
                "pages",
                2));
    ProcessInstance pi = driver.start("lina", "incoming_document", letter);
    Task scan =
        engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    String id = pi.getBusinessKey();
    assertThat(http.get("/api/incoming-documents/" + id, "duming", PASSWORD).statusCode())
        .isEqualTo(404);

    assertThat(post(scan, "cc", "lina", "{\"userIds\": [\"duming\"]}").statusCode()).isEqualTo(201);

    JsonNode document = json(http.get("/api/incoming-documents/" + id, "duming", PASSWORD), 200);
    assertThat(document.get("title").asText()).isEqualTo("关于报送车辆使用情况的函");
    assertThat(http.get("/api/incoming-documents/" + id, "songjia", PASSWORD).statusCode())
        .isEqualTo(404);
  }

  // --- helpers
  // --------------------------------------------------------------------------------------------

  private ProcessInstance startDocument(Map<String, Object> extra) {
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
    variables.putAll(extra);
    return driver.start("zhangwei", "outgoing_document", variables);
  }

  private HttpResponse<String> post(Task task, String operation, String user, String json) {
    return http.postJson("/api/tasks/" + task.getId() + "/" + operation, user, PASSWORD, json);
  }

  private JsonNode reviews(ProcessInstance pi, String reader) throws Exception {
    return json(http.get("/api/outgoing-documents/" + pi.getBusinessKey(), reader, PASSWORD), 200)
        .get("reviews");
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

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }
}
