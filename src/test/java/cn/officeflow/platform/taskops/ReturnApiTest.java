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
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 退回 and 撤回 over HTTP on the 发文: targets from history and the model, a return to the drafter and to an earlier
 * reviewer (who gets the task), a return from one 三校 branch (siblings and the join reset), 会签 refusing, 撤回
 * before and after the head acted, and the refusals — each a Chinese 4xx that changes nothing.
 */
@HttpTest
class ReturnApiTest {

  static final String PASSWORD = "Office@2026";
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  Http http;
  ProcessDriver driver;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    driver = new ProcessDriver(engine);
  }

  // --- 退回
  // -----------------------------------------------------------------------------------------------

  @Test
  void legalReturnsToTheDrafterWhoRevisesAndTheNextRoundStartsClean() throws Exception {
    ProcessInstance pi = startDocument(Map.of());
    driver.approve("liuyang", pi.getId(), "Task_DeptReview");
    Task legal = driver.taskFor("zhoujie", pi.getId(), "Task_LegalReview");

    JsonNode targets =
        json(http.get("/api/tasks/" + legal.getId() + "/return-targets", "zhoujie", PASSWORD), 200);
    assertThat(targets).hasSize(2);
    assertThat(targets.get(0).get("activityId").asText()).isEqualTo("Task_Revise");
    assertThat(targets.get(0).get("name").asText()).isEqualTo("退回修改");
    assertThat(targets.get(0).get("assignee").asText()).isEqualTo("zhangwei");
    assertThat(targets.get(1).get("activityId").asText()).isEqualTo("Task_DeptReview");
    assertThat(targets.get(1).get("assignee").asText()).isEqualTo("liuyang");
    // the name for the dialog (「部门初审（刘洋）」), the id for programs
    assertThat(targets.get(1).get("assigneeName").asText()).isEqualTo("刘洋");
    assertThat(targets.get(0).size()).isEqualTo(4);

    JsonNode result =
        json(
            post(legal, "zhoujie", "{\"target\": \"Task_Revise\", \"comment\": \"请补充法律依据\"}"), 200);
    assertThat(result.get("assignee").asText()).isEqualTo("zhangwei");
    List<Task> open = driver.openTasks(pi.getId());
    assertThat(open).extracting(Task::getTaskDefinitionKey).containsExactly("Task_Revise");
    assertThat(open.get(0).getAssignee()).isEqualTo("zhangwei");
    assertThat(open.get(0).getId()).isEqualTo(result.get("taskId").asText());

    JsonNode document = document(pi, "zhangwei");
    assertThat(document.get("status").asText()).isEqualTo("REVISING");
    JsonNode last = last(document.get("reviews"));
    assertThat(last.get("decision").asText()).isEqualTo("return");
    assertThat(last.get("user").asText()).isEqualTo("zhoujie");
    assertThat(last.get("step").asText()).isEqualTo("法务复审");
    assertThat(last.get("comment").asText()).isEqualTo("退回至「退回修改」（张伟）：请补充法律依据");
    // Camunda logs the modification under the user who returned
    assertThat(
            engine
                .getHistoryService()
                .createUserOperationLogQuery()
                .processInstanceId(pi.getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_MODIFY_PROCESS_INSTANCE)
                .list())
        .extracting(UserOperationLogEntry::getUserId)
        .containsOnly("zhoujie");
    assertThat(engine.getTaskService().getTaskComments(open.get(0).getId()))
        .extracting(c -> c.getFullMessage())
        .containsExactly("周杰退回至「退回修改」（张伟）：请补充法律依据");

    // the drafter revises through the form as always; the document goes back to 部门初审 as version 2
    driver.complete("zhangwei", pi.getId(), "Task_Revise", Map.of("body", "各处室应当依法规范用车。"));
    Task again = driver.taskFor("liuyang", pi.getId(), "Task_DeptReview");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "documentVersion")).isEqualTo(2);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "revisionRequired"))
        .isEqualTo(false);
    // 法务复审 of the first round is not upstream of 部门初审: only the drafter is offered
    JsonNode second =
        json(http.get("/api/tasks/" + again.getId() + "/return-targets", "liuyang", PASSWORD), 200);
    assertThat(texts(second, "activityId")).containsExactly("Task_Revise");
  }

  @Test
  void leaderReturnsToTheLegalReviewerWhoGetsTheTaskBack() throws Exception {
    ProcessInstance pi = startDocument(Map.of());
    driver.approve("liuyang", pi.getId(), "Task_DeptReview");
    driver.approve("luomin", pi.getId(), "Task_LegalReview");
    Task leader = driver.taskFor("wuqiang", pi.getId(), "Task_LeaderApproval");
    JsonNode targets =
        json(
            http.get("/api/tasks/" + leader.getId() + "/return-targets", "wuqiang", PASSWORD), 200);
    assertThat(texts(targets, "activityId"))
        .containsExactly("Task_Revise", "Task_DeptReview", "Task_LegalReview");
    assertThat(texts(targets, "assignee")).containsExactly("zhangwei", "liuyang", "luomin");

    JsonNode result =
        json(
            post(leader, "wuqiang", "{\"target\": \"Task_LegalReview\", \"comment\": \"请再核合同条款\"}"),
            200);
    assertThat(result.get("assignee").asText()).isEqualTo("luomin");
    assertThat(result.get("assigneeName").asText()).isEqualTo("罗敏");
    Task legal =
        engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(legal.getTaskDefinitionKey()).isEqualTo("Task_LegalReview");
    assertThat(legal.getAssignee()).isEqualTo("luomin");
    assertThat(document(pi, "zhangwei").get("status").asText()).isEqualTo("LEGAL_REVIEW");

    // the other legal reviewer may not take it; 罗敏 decides through the input contract and it goes
    // on to 签发
    HttpResponse<String> other =
        http.postJson(
            "/engine-rest/task/" + legal.getId() + "/complete",
            "zhoujie",
            PASSWORD,
            "{\"variables\": {\"decision\": {\"value\": \"approve\"}, \"comment\": {\"value\": \"同意\"}}}");
    assertThat(other.statusCode()).isEqualTo(409);
    HttpResponse<String> done =
        http.postJson(
            "/engine-rest/task/" + legal.getId() + "/complete",
            "luomin",
            PASSWORD,
            "{\"variables\": {\"decision\": {\"value\": \"approve\"}, \"comment\": {\"value\": \"已核，同意\"}}}");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    assertThat(driver.openTasks(pi.getId()))
        .extracting(Task::getTaskDefinitionKey)
        .containsExactly("Task_LeaderApproval");
  }

  @Test
  void returnRefusalsChangeNothing() throws Exception {
    ProcessInstance pi = startDocument(Map.of());
    driver.approve("liuyang", pi.getId(), "Task_DeptReview");
    Task legal = driver.taskFor("zhoujie", pi.getId(), "Task_LegalReview");

    assertRefused(
        post(legal, "zhoujie", "{\"target\": \"Task_Revise\"}"), 400, "comment", "退回意见必须填写");
    assertRefused(
        post(legal, "zhoujie", "{\"target\": \"Task_Revise\", \"comment\": \" \"}"),
        400,
        "comment",
        "退回意见必须填写");
    assertRefused(post(legal, "zhoujie", "{\"comment\": \"不妥\"}"), 400, "target", "请选择退回到哪一步");
    assertRefused(
        post(legal, "zhoujie", "{\"target\": \"Task_LeaderApproval\", \"comment\": \"不妥\"}"),
        400,
        "target",
        "「法务复审」不能退回到 Task_LeaderApproval，可退回：退回修改、部门初审");
    assertRefused(
        post(legal, "zhoujie", "{\"target\": \"Nope\", \"comment\": \"不妥\"}"),
        400,
        "target",
        "Nope");
    // not the task's people; the auditor
    HttpResponse<String> staff =
        post(legal, "duming", "{\"target\": \"Task_Revise\", \"comment\": \"不妥\"}");
    assertThat(staff.statusCode()).isEqualTo(403);
    assertThat(message(staff)).contains("不是任务「法务复审」的办理人或候选人");
    assertThat(
            http.get("/api/tasks/" + legal.getId() + "/return-targets", "duming", PASSWORD)
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> auditor =
        post(legal, "qianyu", "{\"target\": \"Task_Revise\", \"comment\": \"不妥\"}");
    assertThat(auditor.statusCode()).isEqualTo(403);
    assertThat(message(auditor)).contains("审计");
    // claimed by 周杰: 罗敏 (also legal) gets 409
    driver.as("zhoujie", () -> engine.getTaskService().claim(legal.getId(), "zhoujie"));
    HttpResponse<String> claimed =
        post(legal, "luomin", "{\"target\": \"Task_Revise\", \"comment\": \"不妥\"}");
    assertThat(claimed.statusCode()).isEqualTo(409);
    assertThat(message(claimed)).isEqualTo("任务「法务复审」已由周杰办理，不能退回");
    // unknown task, anonymous
    assertThat(
            http.postJson(
                    "/api/tasks/no-such-task/return",
                    "zhoujie",
                    PASSWORD,
                    "{\"target\": \"Task_Revise\", \"comment\": \"不妥\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(
            http.postJson("/api/tasks/" + legal.getId() + "/return", null, null, "{}").statusCode())
        .isEqualTo(401);

    assertThat(driver.openTasks(pi.getId())).extracting(Task::getId).containsExactly(legal.getId());
    assertThat(texts(document(pi, "zhangwei").get("reviews"), "decision"))
        .containsExactly("approve");
    assertThat(
            engine
                .getHistoryService()
                .createUserOperationLogQuery()
                .processInstanceId(pi.getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_MODIFY_PROCESS_INSTANCE)
                .count())
        .isZero();

    // the task is gone after the return
    assertThat(
            post(legal, "zhoujie", "{\"target\": \"Task_Revise\", \"comment\": \"不妥\"}")
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> gone =
        post(legal, "zhoujie", "{\"target\": \"Task_Revise\", \"comment\": \"不妥\"}");
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(message(gone)).startsWith("任务已由他人办理或已不存在");
    // 退回修改 declares taskOperations="cc"; 会签 (multi-instance) allows cc only
    Task revise = driver.taskFor("zhangwei", pi.getId(), "Task_Revise");
    HttpResponse<String> notAllowed =
        post(revise, "zhangwei", "{\"target\": \"Task_DeptReview\", \"comment\": \"x\"}");
    assertThat(notAllowed.statusCode()).isEqualTo(409);
    assertThat(message(notAllowed)).isEqualTo("「退回修改」环节不允许退回");
    ProcessInstance countersigned = startDocument(Map.of("countersignDepts", "dept-finance"));
    Task countersign = driver.taskFor("wangfang", countersigned.getId(), "Task_Countersign");
    HttpResponse<String> multi =
        http.get("/api/tasks/" + countersign.getId() + "/return-targets", "wangfang", PASSWORD);
    assertThat(multi.statusCode()).isEqualTo(409);
    assertThat(message(multi)).isEqualTo("「会签」环节不允许退回");
  }

  @Test
  void aReturnFromOneProofreadingBranchResetsTheWholeParallelBlock() throws Exception {
    ProcessInstance pi = startDocument(Map.of());
    driver.approve("liuyang", pi.getId(), "Task_DeptReview");
    driver.approve("zhoujie", pi.getId(), "Task_LegalReview");
    driver.approve("wuqiang", pi.getId(), "Task_LeaderApproval");
    String number = (String) engine.getRuntimeService().getVariable(pi.getId(), "documentNumber");
    driver.approve(
        "zhenghua", pi.getId(), "Task_ProofFormat"); // one branch already waits at the join
    Task wording = driver.taskFor("hexin", pi.getId(), "Task_ProofWording");

    // the sibling 校对：格式 is not upstream of 校对：表述
    JsonNode targets =
        json(http.get("/api/tasks/" + wording.getId() + "/return-targets", "hexin", PASSWORD), 200);
    assertThat(texts(targets, "activityId"))
        .containsExactly(
            "Task_Revise", "Task_DeptReview", "Task_LegalReview", "Task_LeaderApproval");

    json(
        post(
            wording,
            "hexin",
            "{\"target\": \"Task_LeaderApproval\", \"comment\": \"附件与正文不符，请领导再定\"}"),
        200);
    List<Task> open = driver.openTasks(pi.getId());
    assertThat(open).extracting(Task::getTaskDefinitionKey).containsExactly("Task_LeaderApproval");
    assertThat(open.get(0).getAssignee()).isEqualTo("wuqiang");
    // no token left waiting at the join
    assertThat(
            engine
                .getRuntimeService()
                .createExecutionQuery()
                .processInstanceId(pi.getId())
                .activityId("Gateway_ProofJoin")
                .count())
        .isZero();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count())
        .isZero();

    // signed again: three fresh proofreading tasks, the number kept; the join waits for all three
    driver.approve("wuqiang", pi.getId(), "Task_LeaderApproval");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "documentNumber"))
        .isEqualTo(number);
    assertThat(driver.openTasks(pi.getId()))
        .extracting(Task::getTaskDefinitionKey)
        .containsExactlyInAnyOrder(
            "Task_ProofFormat", "Task_ProofWording", "Task_ProofAttachments");
    driver.approve("zhenghua", pi.getId(), "Task_ProofFormat");
    driver.approve("hexin", pi.getId(), "Task_ProofWording");
    assertThat(driver.openTasks(pi.getId()))
        .extracting(Task::getTaskDefinitionKey)
        .containsExactly("Task_ProofAttachments");
    driver.approve("zhenghua", pi.getId(), "Task_ProofAttachments");
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(pi.getId())
                .count())
        .isZero();
    assertThat(document(pi, "zhangwei").get("status").asText()).isEqualTo("ISSUED");
  }

  // --- 撤回
  // -----------------------------------------------------------------------------------------------

  @Test
  void drafterWithdrawsBeforeTheHeadActs() throws Exception {
    ProcessInstance pi = startDocument(Map.of());
    Task dept = driver.taskFor("liuyang", pi.getId(), "Task_DeptReview");

    assertRefused(withdraw(pi, "zhangwei", "{}"), 400, "comment", "撤回说明必须填写");
    HttpResponse<String> other = withdraw(pi, "liuyang", "{\"comment\": \"撤回\"}");
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(message(other)).contains("只有发起人张伟可以撤回");
    assertThat(withdraw(pi, "qianyu", "{\"comment\": \"撤回\"}").statusCode()).isEqualTo(403);
    assertThat(
            http.postJson(
                    "/api/process-instances/no-such/withdraw",
                    "zhangwei",
                    PASSWORD,
                    "{\"comment\": \"撤回\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(engine.getTaskService().createTaskQuery().taskId(dept.getId()).count()).isOne();

    JsonNode result = json(withdraw(pi, "zhangwei", "{\"comment\": \"正文有误，撤回修改\"}"), 200);
    assertThat(result.get("activityId").asText()).isEqualTo("Task_Revise");
    List<Task> open = driver.openTasks(pi.getId());
    assertThat(open).extracting(Task::getTaskDefinitionKey).containsExactly("Task_Revise");
    assertThat(open.get(0).getAssignee()).isEqualTo("zhangwei");
    JsonNode document = document(pi, "zhangwei");
    assertThat(document.get("status").asText()).isEqualTo("REVISING");
    JsonNode last = last(document.get("reviews"));
    assertThat(last.get("decision").asText()).isEqualTo("withdraw");
    assertThat(last.get("user").asText()).isEqualTo("zhangwei");
    assertThat(last.get("step").asText()).isEqualTo("部门初审");
    assertThat(last.get("comment").asText()).isEqualTo("撤回至「退回修改」：正文有误，撤回修改");
    assertThat(
            engine
                .getHistoryService()
                .createUserOperationLogQuery()
                .processInstanceId(pi.getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_MODIFY_PROCESS_INSTANCE)
                .list())
        .extracting(UserOperationLogEntry::getUserId)
        .containsOnly("zhangwei");
    // already back with the drafter
    HttpResponse<String> twice = withdraw(pi, "zhangwei", "{\"comment\": \"再撤\"}");
    assertThat(twice.statusCode()).isEqualTo(409);
    assertThat(message(twice)).isEqualTo("流程已在您的「退回修改」环节，无需撤回");

    // resubmitted: 部门初审 is 刘洋's at once (the only candidate), which is not acting: withdrawable
    // again
    driver.complete("zhangwei", pi.getId(), "Task_Revise", Map.of("body", "各处室应当规范用车，按时登记。"));
    Task next = driver.taskFor("liuyang", pi.getId(), "Task_DeptReview");
    assertThat(next.getAssignee()).isEqualTo("liuyang");
    assertThat(withdraw(pi, "zhangwei", "{\"comment\": \"再撤\"}").statusCode()).isEqualTo(200);
  }

  @Test
  void withdrawAfterTheHeadApprovedNamesTheHead() throws Exception {
    ProcessInstance pi = startDocument(Map.of());
    driver.approve("liuyang", pi.getId(), "Task_DeptReview");
    HttpResponse<String> late = withdraw(pi, "zhangwei", "{\"comment\": \"撤回\"}");
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(message(late)).isEqualTo("刘洋已办理「部门初审」，不能撤回");

    // adding signers is acting on the step too
    ProcessInstance signed = startDocument(Map.of());
    Task review = driver.openTasks(signed.getId()).get(0);
    HttpResponse<String> added =
        http.postJson(
            "/api/tasks/" + review.getId() + "/add-signers",
            "liuyang",
            PASSWORD,
            "{\"userIds\": [\"sunli\"], \"mode\": \"before\", \"comment\": \"请把关\"}");
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    HttpResponse<String> afterSigners = withdraw(signed, "zhangwei", "{\"comment\": \"撤回\"}");
    assertThat(afterSigners.statusCode()).isEqualTo(409);
    assertThat(message(afterSigners)).isEqualTo("刘洋已为「部门初审」加签，不能撤回");
    assertThat(driver.openTasks(pi.getId()))
        .extracting(Task::getTaskDefinitionKey)
        .containsExactly("Task_LegalReview");

    // a process that declares no initiator's step does not support it
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
    ProcessInstance incoming = driver.start("lina", "incoming_document", letter);
    HttpResponse<String> unsupported =
        http.postJson(
            "/api/process-instances/" + incoming.getId() + "/withdraw",
            "lina",
            PASSWORD,
            "{\"comment\": \"撤回\"}");
    assertThat(unsupported.statusCode()).isEqualTo(409);
    assertThat(message(unsupported)).isEqualTo("本流程不支持撤回");
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

  private HttpResponse<String> post(Task task, String user, String json) {
    return http.postJson("/api/tasks/" + task.getId() + "/return", user, PASSWORD, json);
  }

  private HttpResponse<String> withdraw(ProcessInstance pi, String user, String json) {
    return http.postJson(
        "/api/process-instances/" + pi.getId() + "/withdraw", user, PASSWORD, json);
  }

  private JsonNode document(ProcessInstance pi, String reader) throws Exception {
    return json(http.get("/api/outgoing-documents/" + pi.getBusinessKey(), reader, PASSWORD), 200);
  }

  private static JsonNode last(JsonNode array) {
    return array.get(array.size() - 1);
  }

  private static void assertRefused(
      HttpResponse<String> response, int status, String field, String text) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode body = JSON.readTree(response.body());
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

  private static List<String> texts(JsonNode array, String field) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.get(field).asText()));
    return texts;
  }
}
