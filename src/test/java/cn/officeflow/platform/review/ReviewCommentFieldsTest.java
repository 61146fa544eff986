package cn.officeflow.platform.review;

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
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The approval forms show the 审批意见 as two fields that are never shown together: {@code approveComment}
 * (optional, while 同意 or nothing is chosen) and {@code comment} (required by the form on 退回). The first is
 * declared {@code "properties": {"submitAs": "comment"}}: the engine guard stores it as {@code comment}, so the
 * task still ends with {@code decision} + {@code comment} and the trail reads one variable; REST callers keep
 * sending {@code comment}, and nobody can send two different texts.
 */
@HttpTest
class ReviewCommentFieldsTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String ZHANGWEI = cn.officeflow.support.DemoUsers.DRAFTER;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ReviewService reviews;

  Http http;
  ProcessDriver driver;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    driver = new ProcessDriver(engine);
  }

  @Test
  void theApproveFieldIsStoredAsTheCommentAndNeverAsItsOwnVariable() throws Exception {
    ProcessInstance pi = start("同意意见 " + UUID.randomUUID());
    Task review = claim(pi);
    WebappSession tasklist = WebappSession.login(http, HEAD, PASSWORD);
    // what a REST caller is told: send decision and comment; approveComment is the form's, stored
    // as comment
    JsonNode inputs =
        JSON.readTree(http.get("/api/tasks/" + review.getId() + "/inputs", HEAD, PASSWORD).body());
    assertThat(inputs.path("editable").toString()).isEqualTo("[\"decision\",\"comment\"]");
    assertThat(inputs.path("aliases").toString()).isEqualTo("{\"approveComment\":\"comment\"}");
    // what Tasklist submits when 同意 is chosen: the hidden 退回 field is left out by form-js
    HttpResponse<String> done =
        tasklist.postJson(
            submit(review),
            """
        {"variables": {"decision": {"value": "approve"}, "approveComment": {"value": "同意，请法务把关。"}}}""");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);

    List<Review> trail = reviews.trail(pi.getBusinessKey());
    assertThat(trail)
        .extracting(Review::decision, Review::comment)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Review.APPROVE, "同意，请法务把关。"));
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .variableName("approveComment")
                .count())
        .as("the alias never reaches the engine")
        .isZero();
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .variableName(ReviewService.COMMENT)
                .list())
        .extracting(v -> v.getValue())
        .contains("同意，请法务把关。");
    // the next step's form does not find it as a variable to prefill
    Task legal =
        driver.taskFor(cn.officeflow.support.DemoUsers.LEGAL, pi.getId(), TASK_LEGAL_REVIEW);
    assertThat(engine.getTaskService().getVariables(legal.getId()))
        .doesNotContainKey("approveComment");
  }

  @Test
  void rejectNeedsTheCommentAndTwoDifferentTextsAreRefused() throws Exception {
    ProcessInstance pi = start("退回意见 " + UUID.randomUUID());
    Task review = claim(pi);
    WebappSession tasklist = WebappSession.login(http, HEAD, PASSWORD);

    // a blank approve field does not stand in for the required comment
    JsonNode blank =
        refused(
            tasklist.postJson(
                submit(review),
                """
        {"variables": {"decision": {"value": "reject"}, "approveComment": {"value": "  "}}}"""),
            "comment");
    assertThat(blank.path("message").asText()).isEqualTo("退回时必须填写审批意见");
    // two different texts for one opinion: refused, naming the alias, and nothing is recorded
    JsonNode both =
        refused(
            http.postJson(
                "/engine-rest/task/" + review.getId() + "/complete",
                HEAD,
                PASSWORD,
                """
        {"variables": {"decision": {"value": "reject"}, "comment": {"value": "请修改第二段。"},
         "approveComment": {"value": "同意。"}}}"""),
            "approveComment");
    assertThat(both.path("message").asText()).contains("审批意见").contains("只能填写一处");
    assertThat(reviews.trail(pi.getBusinessKey())).isEmpty();
    assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId()).count()).isOne();

    // the same text twice is one opinion; REST callers' plain comment keeps working
    HttpResponse<String> done =
        http.postJson(
            "/engine-rest/task/" + review.getId() + "/complete",
            HEAD,
            PASSWORD,
            """
        {"variables": {"decision": {"value": "reject"}, "comment": {"value": "请修改第二段。"},
         "approveComment": {"value": " 请修改第二段。"}}}""");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    assertThat(reviews.trail(pi.getBusinessKey()))
        .extracting(Review::decision, Review::comment)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Review.REJECT, "请修改第二段。"));
  }

  ProcessInstance start(String title) {
    return driver.start(
        ZHANGWEI,
        PROCESS_KEY,
        Map.of(TITLE, title, DOC_TYPE, "通知", MAIN_RECIPIENTS, "各处室", BODY, "各处室应当开展自查。"));
  }

  Task claim(ProcessInstance pi) {
    Task task = driver.taskFor(HEAD, pi.getId(), TASK_DEPT_REVIEW);
    driver.as(HEAD, () -> engine.getTaskService().claim(task.getId(), HEAD));
    return task;
  }

  static String submit(Task task) {
    return "/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form";
  }

  static JsonNode refused(HttpResponse<String> response, String field) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("field").asText(body.path("message").asText()))
        .as(response.body())
        .contains(field);
    return body;
  }
}
