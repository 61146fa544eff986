package cn.officeflow.platform.security;

import static cn.officeflow.outgoing.OutgoingDocumentVariables.*;
import static cn.officeflow.support.DemoUsers.HEAD;
import static cn.officeflow.support.DemoUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import cn.officeflow.support.ProcessDriver;
import cn.officeflow.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The attacks of the trust-boundary issue, each tried with nothing but a user's own password and the
 * public REST API, as a new user would. Every one of them succeeded before the input contract.
 */
@HttpTest
class TrustBoundaryAttackTest {

  static final String ZHANGWEI = cn.officeflow.support.DemoUsers.DRAFTER;

  static final ObjectMapper JSON = new ObjectMapper();
  static final String START = "/engine-rest/process-definition/key/outgoing_document/start";

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

  static String draft(String title, String extra) {
    return """
        {"variables": {"title": {"value": "%s"}, "docType": {"value": "通知"}, "mainRecipients": {"value": "各处室"},
         "body": {"value": "各处室应当开展自查。"}%s}}"""
        .formatted(title, extra);
  }

  // --- filing in someone else's name
  // ---------------------------------------------------------------------

  @Test
  void outgoingStartedWithAnotherDrafterIsRefusedAndNothingIsStored() {
    String title = "冒名拟稿 " + UUID.randomUUID();
    HttpResponse<String> response =
        http.postJson(
            START, ZHANGWEI, PASSWORD, draft(title, ", \"drafter\": {\"value\": \"chenjing\"}"));
    assertRefused(response, 400, "drafter");
    assertThat(documentsTitled(title)).isZero();
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(PROCESS_KEY)
                .variableValueEquals(TITLE, title)
                .count())
        .isZero();

    // the same through the start form API (as Tasklist submits it)
    assertRefused(
        http.postJson(
            "/engine-rest/process-definition/key/outgoing_document/submit-form",
            ZHANGWEI,
            PASSWORD,
            draft(title, ", \"drafter\": {\"value\": \"chenjing\"}")),
        400,
        "drafter");
    assertThat(documentsTitled(title)).isZero();
  }

  @Test
  void incomingRegisteredInAnotherClerksNameIsRefused() {
    String title = "冒名登记 " + UUID.randomUUID();
    HttpResponse<String> response =
        http.postJson(
            "/engine-rest/process-definition/key/incoming_document/start",
            "lina",
            PASSWORD,
            """
            {"variables": {"senderOrg": {"value": "市应急管理局"}, "title": {"value": "%s"},
             "initiator": {"value": "zhaomin"}}}"""
                .formatted(title));
    assertRefused(response, 400, "initiator");
    assertThat(
            jdbc.sql("select count(*) from of_incoming_document where title = :t")
                .param("t", title)
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void theDrafterIsTheAuthenticatedUserEvenForServerCode() {
    ProcessInstance pi = startAsDrafter("真实拟稿人 " + UUID.randomUUID());
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), DRAFTER)).isEqualTo(ZHANGWEI);
    assertThat(
            jdbc.sql("select drafter from of_outgoing_document where id = :id")
                .param("id", pi.getBusinessKey())
                .query(String.class)
                .single())
        .isEqualTo(ZHANGWEI);
  }

  // --- approving one's own draft, handing the rewrite to an outsider
  // ----------------------------------------

  @Test
  void drafterCannotNameThemselvesAsReviewerOnRevise() throws Exception {
    ProcessInstance pi = startAsDrafter("自审 " + UUID.randomUUID());
    driver.reject(HEAD, pi.getId(), TASK_DEPT_REVIEW, "请补充依据");
    Task revise = driver.taskFor(ZHANGWEI, pi.getId(), TASK_REVISE);

    assertRefused(
        complete(
            revise.getId(),
            ZHANGWEI,
            """
        {"variables": {"title": {"value": "自审（修改稿）"}, "deptReviewers": {"value": "zhangwei"}}}"""),
        400,
        "deptReviewers");
    assertThat(engine.getTaskService().createTaskQuery().taskId(revise.getId()).count()).isOne();

    assertThat(
            complete(
                    revise.getId(),
                    ZHANGWEI,
                    """
        {"variables": {"title": {"value": "自审（修改稿）"}}}""")
                .statusCode())
        .isEqualTo(204);
    Task review =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(pi.getId())
            .taskDefinitionKey(TASK_DEPT_REVIEW)
            .singleResult();
    assertThat(engine.getTaskService().getIdentityLinksForTask(review.getId()))
        .extracting(IdentityLink::getUserId)
        .containsOnly(HEAD);
  }

  @Test
  void reviewerCannotHandTheRewriteToAnOutsider() throws Exception {
    ProcessInstance pi = startAsDrafter("转交外人 " + UUID.randomUUID());
    Task review = claim(pi, TASK_DEPT_REVIEW, HEAD);
    assertRefused(
        complete(
            review.getId(),
            HEAD,
            """
        {"variables": {"decision": {"value": "reject"}, "comment": {"value": "重写"},
         "drafter": {"value": "luomin"}}}"""),
        400,
        "drafter");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), DRAFTER)).isEqualTo(ZHANGWEI);
    assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId()).count()).isOne();
  }

  @Test
  void aCandidateCannotCompleteATaskSomeoneElseHasClaimed() {
    ProcessInstance pi = startAsDrafter("抢办 " + UUID.randomUUID());
    driver.approve(HEAD, pi.getId(), TASK_DEPT_REVIEW);
    Task legal = claim(pi, TASK_LEGAL_REVIEW, "zhoujie");
    // 罗敏 is a candidate of 法务复审 too, but 周杰 has it
    HttpResponse<String> other =
        complete(
            legal.getId(),
            "luomin",
            """
        {"variables": {"decision": {"value": "approve"}}}""");
    assertThat(other.statusCode()).as(other.body()).isEqualTo(409);
    assertThat(other.body()).contains("zhoujie");
    assertThat(engine.getTaskService().createTaskQuery().taskId(legal.getId()).count()).isOne();
    assertThat(
            complete(
                    legal.getId(),
                    "zhoujie",
                    """
        {"variables": {"decision": {"value": "approve"}}}""")
                .statusCode())
        .isEqualTo(204);
  }

  // --- changing the text under review
  // --------------------------------------------------------------------

  @Test
  void reviewerCannotChangeTheTextButMaySendItBackUnchanged() throws Exception {
    String title = "审核中改稿 " + UUID.randomUUID();
    ProcessInstance pi = startAsDrafter(title);
    Task review = claim(pi, TASK_DEPT_REVIEW, HEAD);

    assertRefused(
        complete(
            review.getId(),
            HEAD,
            """
        {"variables": {"decision": {"value": "approve"}, "title": {"value": "领导看到的另一个标题"},
         "body": {"value": "另一段正文"}}}"""),
        400,
        "title");
    assertRefused(
        complete(
            review.getId(),
            HEAD,
            """
        {"variables": {"decision": {"value": "approve"}, "body": {"value": "另一段正文"}}}"""),
        400,
        "body");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), TITLE)).isEqualTo(title);

    // a REST caller that echoes the read-only fields unchanged is served
    assertThat(
            complete(
                    review.getId(),
                    HEAD,
                    """
        {"variables": {"decision": {"value": "approve"}, "title": {"value": "%s"}}}"""
                        .formatted(title))
                .statusCode())
        .isEqualTo(204);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), TITLE)).isEqualTo(title);
  }

  @Test
  void tasklistsOwnSubmitFormKeepsTheSameContract() throws Exception {
    String title = "网页改稿 " + UUID.randomUUID();
    ProcessInstance pi = startAsDrafter(title);
    Task review = claim(pi, TASK_DEPT_REVIEW, HEAD);
    WebappSession tasklist = WebappSession.login(http, HEAD, PASSWORD);
    String submit = "/camunda/api/engine/engine/default/task/" + review.getId() + "/submit-form";

    assertRefused(
        tasklist.postJson(
            submit,
            """
        {"variables": {"decision": {"value": "approve"}, "title": {"value": "网页里换的标题"}}}"""),
        400,
        "title");
    assertRefused(
        tasklist.postJson(
            submit,
            """
        {"variables": {"decision": {"value": "approve"}, "drafter": {"value": "luomin"}}}"""),
        400,
        "drafter");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), TITLE)).isEqualTo(title);
    // what Tasklist shows is the sentence alone: no "Cannot submit task form <id>: ", no "字段
    // comment："
    JsonNode noComment =
        JSON.readTree(
            tasklist
                .postJson(
                    submit,
                    """
        {"variables": {"decision": {"value": "reject"}}}""")
                .body());
    assertThat(noComment.path("message").asText()).isEqualTo("退回时必须填写审批意见");
    assertThat(noComment.path("field").asText()).isEqualTo("comment");
    JsonNode readOnly =
        JSON.readTree(
            tasklist
                .postJson(
                    submit,
                    """
        {"variables": {"decision": {"value": "approve"}, "body": {"value": "改"}}}""")
                .body());
    assertThat(readOnly.path("message").asText()).isEqualTo("「正文」是只读字段，不能在「部门初审」修改");
    assertThat(
            tasklist
                .postJson(
                    submit,
                    """
        {"variables": {"decision": {"value": "approve"}, "comment": {"value": "同意"}}}""")
                .statusCode())
        .isEqualTo(204);
  }

  // --- variables outside forms
  // ---------------------------------------------------------------------------

  @Test
  void variablesCannotBeSetOrDeletedOutsideAForm() throws Exception {
    ProcessInstance pi = startAsDrafter("单独改变量 " + UUID.randomUUID());
    Task review = claim(pi, TASK_DEPT_REVIEW, HEAD);
    String task = "/engine-rest/task/" + review.getId();
    String instance = "/engine-rest/process-instance/" + pi.getId();

    assertRefused(
        http.putJson(task + "/variables/title", HEAD, PASSWORD, "{\"value\": \"换掉的标题\"}"),
        400,
        "title");
    assertRefused(
        http.putJson(task + "/localVariables/decision", HEAD, PASSWORD, "{\"value\": \"approve\"}"),
        400,
        "decision");
    assertRefused(
        http.postJson(
            task + "/variables",
            HEAD,
            PASSWORD,
            "{\"modifications\": {\"deptReviewers\": {\"value\": \"liuyang\"}}}"),
        400,
        "deptReviewers");
    assertRefused(http.delete(task + "/variables/title", HEAD, PASSWORD), 400, "title");
    assertRefused(
        http.putJson(
            instance + "/variables/drafter", ZHANGWEI, PASSWORD, "{\"value\": \"luomin\"}"),
        400,
        "drafter");
    assertRefused(
        http.postJson(
            instance + "/variables",
            ZHANGWEI,
            PASSWORD,
            "{\"modifications\": {\"body\": {\"value\": \"x\"}}}"),
        400,
        "body");
    assertRefused(
        http.postJson(
            "/engine-rest/execution/" + pi.getId() + "/localVariables",
            ZHANGWEI,
            PASSWORD,
            "{\"modifications\": {\"title\": {\"value\": \"x\"}}}"),
        400,
        "title");

    assertThat(engine.getRuntimeService().getVariable(pi.getId(), TITLE))
        .asString()
        .startsWith("单独改变量");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), DRAFTER)).isEqualTo(ZHANGWEI);
  }

  @Test
  void nobodyButTheAdminStartsInTheMiddleOrSignalsOrModifies() {
    String title = "跳过审核 " + UUID.randomUUID();
    HttpResponse<String> skip =
        http.postJson(
            START,
            ZHANGWEI,
            PASSWORD,
            """
        {"variables": {"title": {"value": "%s"}, "docType": {"value": "通知"}, "mainRecipients": {"value": "各处室"},
         "body": {"value": "正文"}},
         "startInstructions": [{"type": "startBeforeActivity", "activityId": "Task_AssignNumber"}]}"""
                .formatted(title));
    assertThat(skip.statusCode()).isEqualTo(403);
    assertThat(documentsTitled(title)).isZero();

    assertRefused(
        http.postJson(
            "/engine-rest/signal",
            ZHANGWEI,
            PASSWORD,
            "{\"name\": \"any\", \"variables\": {\"drafter\": {\"value\": \"luomin\"}}}"),
        400,
        "drafter");
    assertRefused(
        http.postJson(
            "/engine-rest/message",
            ZHANGWEI,
            PASSWORD,
            "{\"messageName\": \"any\", \"processVariables\": {\"revisionRequired\": {\"value\": false}}}"),
        400,
        "revisionRequired");

    ProcessInstance pi = startAsDrafter("改流程 " + UUID.randomUUID());
    Task review = claim(pi, TASK_DEPT_REVIEW, HEAD);
    HttpResponse<String> error =
        http.postJson(
            "/engine-rest/task/" + review.getId() + "/bpmnError",
            HEAD,
            PASSWORD,
            "{\"errorCode\": \"end\", \"variables\": {\"revisionRequired\": {\"value\": false}}}");
    assertThat(error.statusCode()).as(error.body()).isEqualTo(403);
    HttpResponse<String> escalation =
        http.postJson(
            "/engine-rest/task/" + review.getId() + "/bpmnEscalation",
            HEAD,
            PASSWORD,
            "{\"escalationCode\": \"up\"}");
    assertThat(escalation.statusCode()).as(escalation.body()).isEqualTo(403);
    HttpResponse<String> modify =
        http.postJson(
            "/engine-rest/process-instance/" + pi.getId() + "/modification",
            ZHANGWEI,
            PASSWORD,
            "{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"Task_AssignNumber\"}]}");
    assertThat(modify.statusCode()).isEqualTo(403);
    assertThat(engine.getRuntimeService().getActiveActivityIds(pi.getId()))
        .containsExactly(TASK_DEPT_REVIEW);
  }

  // --- values
  // --------------------------------------------------------------------------------------------

  @Test
  void controlCharactersAreRefusedNamingTheField() {
    String title = "控制字符 " + UUID.randomUUID();
    assertRefused(
        http.postJson(START, ZHANGWEI, PASSWORD, draft(title + "\\u0000", "")), 400, "title");
    assertRefused(
        http.postJson(
            START,
            ZHANGWEI,
            PASSWORD,
            """
        {"variables": {"title": {"value": "%s"}, "docType": {"value": "通知"}, "mainRecipients": {"value": "各处室"},
         "body": {"value": "第一段\\u001b[31m红字"}}}"""
                .formatted(title)),
        400,
        "body");
    assertThat(documentsTitled(title)).isZero();
    // tab and line breaks are text
    assertThat(
            http.postJson(
                    START,
                    ZHANGWEI,
                    PASSWORD,
                    """
        {"variables": {"title": {"value": "%s"}, "docType": {"value": "通知"}, "mainRecipients": {"value": "各处室"},
         "body": {"value": "第一段\\r\\n\\t第二段"}}}"""
                        .formatted(title))
                .statusCode())
        .isEqualTo(200);
  }

  // --- how a REST caller learns the contract
  // -------------------------------------------------------------

  @Test
  void aCallerCanAskWhatAStepAccepts() throws Exception {
    JsonNode start =
        JSON.readTree(
            http.get("/api/process-definitions/outgoing_document/start-inputs", ZHANGWEI, PASSWORD)
                .body());
    assertThat(start.path("step").asText()).isEqualTo("拟稿");
    assertThat(start.path("editable").toString())
        .contains("title", "body", "countersignDepts")
        .doesNotContain("drafter");

    ProcessInstance pi = startAsDrafter("查询契约 " + UUID.randomUUID());
    Task review = driver.taskFor(HEAD, pi.getId(), TASK_DEPT_REVIEW);
    HttpResponse<String> inputs =
        http.get("/api/tasks/" + review.getId() + "/inputs", HEAD, PASSWORD);
    JsonNode step = JSON.readTree(inputs.body());
    assertThat(step.path("step").asText()).isEqualTo("部门初审");
    assertThat(step.path("editable").toString()).isEqualTo("[\"decision\",\"comment\"]");
    assertThat(step.path("readOnly").toString()).contains("title", "body", "documentVersion");
    // someone who cannot see the task learns nothing
    assertThat(
            http.get("/api/tasks/" + review.getId() + "/inputs", "duming", PASSWORD).statusCode())
        .isEqualTo(404);
  }

  // --- helpers
  // -------------------------------------------------------------------------------------------

  ProcessInstance startAsDrafter(String title) {
    return driver.start(
        ZHANGWEI,
        PROCESS_KEY,
        Map.of(TITLE, title, DOC_TYPE, "通知", MAIN_RECIPIENTS, "各处室", BODY, "各处室应当开展自查。"));
  }

  Task claim(ProcessInstance pi, String taskKey, String user) {
    Task task = driver.taskFor(user, pi.getId(), taskKey);
    driver.as(user, () -> engine.getTaskService().claim(task.getId(), user));
    return task;
  }

  HttpResponse<String> complete(String taskId, String user, String body) {
    return http.postJson("/engine-rest/task/" + taskId + "/complete", user, PASSWORD, body);
  }

  int documentsTitled(String title) {
    return jdbc.sql("select count(*) from of_outgoing_document where title like :t")
        .param("t", title + "%")
        .query(Integer.class)
        .single();
  }

  static void assertRefused(HttpResponse<String> response, int status, String field) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    try {
      JsonNode body = JSON.readTree(response.body());
      assertThat(body.path("type").asText()).isNotBlank();
      // people read the Chinese sentence alone; programs read the key in "field"
      assertThat(body.path("message").asText())
          .isNotBlank()
          .doesNotStartWith("Cannot")
          .doesNotStartWith("字段");
      if (!field.isEmpty()) {
        assertThat(body.path("field").asText(body.path("message").asText())).contains(field);
      }
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  static List<String> ids(List<IdentityLink> links) {
    return links.stream().map(IdentityLink::getUserId).toList();
  }
}
