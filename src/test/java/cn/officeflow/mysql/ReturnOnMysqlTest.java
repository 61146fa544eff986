package cn.officeflow.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.Http;
import cn.officeflow.support.ProcessDriver;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * 退回 and 撤回 on MariaDB/MySQL, where the history keeps times to the second: the targets, a return to an earlier
 * reviewer and a withdrawal (ordered by the engine's sequence counter, not by time), in one transaction with the
 * review trail (utf8mb4).
 */
class ReturnOnMysqlTest extends MysqlSpringTestBase {

  /** This context's engine is named mysqlit: Camunda's REST API names it in the path; /api is unchanged. */
  static final String REST = "/engine-rest/engine/mysqlit";

  @Test
  void returnToAnEarlierReviewerThenWithdrawAfterTheRevision() throws Exception {
    ProcessDriver process = new ProcessDriver(engine);
    Http http = new Http(port);
    ProcessInstance pi =
        process.start(
            DemoUsers.DRAFTER,
            "outgoing_document",
            new HashMap<>(
                Map.of(
                    "title",
                    "关于𠮷野家用车退回的通知（MariaDB）" + runId(),
                    "docType",
                    "通知",
                    "mainRecipients",
                    "各处室",
                    "body",
                    "各处室应当登记用车。")));
    // 撤回 at once, before the head acts (same second as the start)
    HttpResponse<String> withdrawn =
        http.postJson(
            "/api/process-instances/" + pi.getId() + "/withdraw",
            DemoUsers.DRAFTER,
            DemoUsers.PASSWORD,
            "{\"comment\": \"标题有误😀\"}");
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    process.complete(
        DemoUsers.DRAFTER, pi.getId(), "Task_Revise", Map.of("title", "关于用车退回的通知" + runId()));
    process.approve(DemoUsers.HEAD, pi.getId(), "Task_DeptReview");
    HttpResponse<String> late =
        http.postJson(
            "/api/process-instances/" + pi.getId() + "/withdraw",
            DemoUsers.DRAFTER,
            DemoUsers.PASSWORD,
            "{\"comment\": \"再撤\"}");
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(late.body()).contains("刘洋已办理「部门初审」，不能撤回");

    process.approve(DemoUsers.LEGAL, pi.getId(), "Task_LegalReview");
    Task leader = process.taskFor(DemoUsers.LEADER, pi.getId(), "Task_LeaderApproval");
    HttpResponse<String> targets =
        http.get(
            "/api/tasks/" + leader.getId() + "/return-targets",
            DemoUsers.LEADER,
            DemoUsers.PASSWORD);
    assertThat(targets.statusCode()).isEqualTo(200);
    assertThat(targets.body())
        .contains(
            "\"activityId\":\"Task_Revise\"",
            "\"activityId\":\"Task_DeptReview\"",
            "\"activityId\":\"Task_LegalReview\"");
    HttpResponse<String> returned =
        http.postJson(
            "/api/tasks/" + leader.getId() + "/return",
            DemoUsers.LEADER,
            DemoUsers.PASSWORD,
            "{\"target\": \"Task_LegalReview\", \"comment\": \"请再核𠮷字条款😀\"}");
    assertThat(returned.statusCode()).as(returned.body()).isEqualTo(200);
    Task legal =
        engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(legal.getTaskDefinitionKey()).isEqualTo("Task_LegalReview");
    assertThat(legal.getAssignee()).isEqualTo(DemoUsers.LEGAL);
    assertThat(
            engine
                .getHistoryService()
                .createUserOperationLogQuery()
                .processInstanceId(pi.getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_MODIFY_PROCESS_INSTANCE)
                .list())
        .extracting(UserOperationLogEntry::getUserId)
        .containsExactly(DemoUsers.DRAFTER, DemoUsers.LEADER);
    HttpResponse<String> completed =
        http.postJson(
            REST + "/task/" + legal.getId() + "/complete",
            DemoUsers.LEGAL,
            DemoUsers.PASSWORD,
            "{\"variables\": {\"decision\": {\"value\": \"approve\"}, \"comment\": {\"value\": \"已核\"}}}");
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);

    List<Map<String, Object>> trail =
        jdbc.sql(
                "select decision, user_id, comment from of_review"
                    + " where business_key = :bk order by decided_at, seq")
            .param("bk", pi.getBusinessKey())
            .query()
            .listOfRows();
    assertThat(trail)
        .extracting(r -> r.get("decision"))
        .containsExactly("withdraw", "approve", "approve", "return", "approve");
    assertThat(trail.get(0).get("comment")).isEqualTo("撤回至「退回修改」：标题有误😀");
    assertThat(trail.get(3).get("comment")).isEqualTo("退回至「法务复审」（周杰）：请再核𠮷字条款😀");
  }

  @Test
  void withdrawThenVoidTheDraftWithAFourByteReason() throws Exception {
    ProcessDriver process = new ProcessDriver(engine);
    Http http = new Http(port);
    ProcessInstance pi =
        process.start(
            DemoUsers.DRAFTER,
            "outgoing_document",
            new HashMap<>(
                Map.of(
                    "title",
                    "关于𠮷野家作废的通知（MariaDB）" + runId(),
                    "docType",
                    "通知",
                    "mainRecipients",
                    "各处室",
                    "body",
                    "各处室应当登记用车。")));
    HttpResponse<String> withdrawn =
        http.postJson(
            "/api/process-instances/" + pi.getId() + "/withdraw",
            DemoUsers.DRAFTER,
            DemoUsers.PASSWORD,
            "{\"comment\": \"不再发文\"}");
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    Task revise = process.taskFor(DemoUsers.DRAFTER, pi.getId(), "Task_Revise");
    HttpResponse<String> refused =
        http.postJson(
            REST + "/task/" + revise.getId() + "/complete",
            DemoUsers.DRAFTER,
            DemoUsers.PASSWORD,
            "{\"variables\": {\"reviseAction\": {\"value\": \"void\"}}}");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("voidReason");
    HttpResponse<String> voided =
        http.postJson(
            REST + "/task/" + revise.getId() + "/complete",
            DemoUsers.DRAFTER,
            DemoUsers.PASSWORD,
            "{\"variables\": {\"reviseAction\": {\"value\": \"void\"},"
                + " \"voidReason\": {\"value\": \"𠮷字标题有误😀\"}}}");
    assertThat(voided.statusCode()).as(voided.body()).isEqualTo(204);

    assertThat(
            jdbc.sql("select status from of_outgoing_document where id = :id")
                .param("id", pi.getBusinessKey())
                .query(String.class)
                .single())
        .isEqualTo("VOIDED");
    List<Map<String, Object>> trail =
        jdbc.sql(
                "select decision, user_id, comment from of_review"
                    + " where business_key = :bk order by decided_at, seq")
            .param("bk", pi.getBusinessKey())
            .query()
            .listOfRows();
    assertThat(trail).extracting(r -> r.get("decision")).containsExactly("withdraw", "void");
    assertThat(trail.get(1).get("user_id")).isEqualTo(DemoUsers.DRAFTER);
    assertThat(trail.get(1).get("comment")).isEqualTo("𠮷字标题有误😀");
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(pi.getId())
                .count())
        .isZero();
  }
}
