package cn.officeflow.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.Http;
import cn.officeflow.support.ProcessDriver;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * 加签 on MariaDB/MySQL: the widened trail kinds, the locking read of of_signer, the held decision and the
 * server's completion of the step in one transaction with the signer's decision (utf8mb4 comments).
 */
class SignersOnMysqlTest extends MysqlSpringTestBase {

  /** This context's engine is named mysqlit: Camunda's REST API names it in the path; /api is unchanged. */
  static final String REST = "/engine-rest/engine/mysqlit";

  static final String APPROVE =
      "{\"variables\": {\"decision\": {\"value\": \"approve\"}, \"comment\": {\"value\": \"同意\"}}}";

  @Test
  void afterSignersRejectSendsTheDraftBackAndRemoveIsRecorded() throws Exception {
    ProcessDriver process = new ProcessDriver(engine);
    Http http = new Http(port);
    ProcessInstance pi = startDocument(process, "加签");
    Task task = process.taskFor(DemoUsers.HEAD, pi.getId(), "Task_DeptReview");

    HttpResponse<String> added =
        http.postJson(
            "/api/tasks/" + task.getId() + "/add-signers",
            DemoUsers.HEAD,
            DemoUsers.PASSWORD,
            "{\"userIds\": [\"sunli\", \"wangfang\"], \"mode\": \"after\", \"comment\": \"请把关😀\"}");
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    HttpResponse<String> removed =
        http.delete(
            "/api/tasks/" + task.getId() + "/signers/wangfang", DemoUsers.HEAD, DemoUsers.PASSWORD);
    assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);

    HttpResponse<String> held =
        http.postJson(
            REST + "/task/" + task.getId() + "/complete",
            DemoUsers.HEAD,
            DemoUsers.PASSWORD,
            APPROVE);
    assertThat(held.statusCode()).as(held.body()).isEqualTo(204);
    List<Task> subtasks = engine.getTaskService().getSubTasks(task.getId());
    assertThat(subtasks).extracting(Task::getAssignee).containsExactly("sunli");
    assertThat(
            http.get("/api/outgoing-documents/" + pi.getBusinessKey(), "sunli", DemoUsers.PASSWORD)
                .statusCode())
        .isEqualTo(200);

    HttpResponse<String> rejected =
        http.postJson(
            REST + "/task/" + subtasks.get(0).getId() + "/complete",
            "sunli",
            DemoUsers.PASSWORD,
            "{\"variables\": {\"decision\": {\"value\": \"reject\"}, \"comment\": {\"value\": \"依据不足𠮷\"}}}");
    assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(204);
    process.executeJobs(pi.getId());
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).list())
        .extracting(Task::getTaskDefinitionKey)
        .containsExactly("Task_Revise");

    List<Map<String, Object>> trail =
        jdbc.sql(
                "select decision, user_id, comment from of_review"
                    + " where business_key = :bk order by decided_at, seq")
            .param("bk", pi.getBusinessKey())
            .query()
            .listOfRows();
    assertThat(trail)
        .extracting(r -> r.get("decision"))
        .containsExactly("add-signers", "remove-signer", "approve", "reject");
    assertThat(trail.get(0).get("comment")).isEqualTo("加签孙丽、王芳（在本环节审批之后）：请把关😀");
    assertThat(trail.get(3).get("user_id")).isEqualTo("sunli");
    assertThat(trail.get(3).get("comment")).isEqualTo("依据不足𠮷");
  }

  @Test
  void signersAreToldBlockAWithdrawalAndEndWithTheirStepWhenItIsReturned() throws Exception {
    ProcessDriver process = new ProcessDriver(engine);
    Http http = new Http(port);
    ProcessInstance pi = startDocument(process, "退回加签");
    Task task = process.taskFor(DemoUsers.HEAD, pi.getId(), "Task_DeptReview");
    HttpResponse<String> added =
        http.postJson(
            "/api/tasks/" + task.getId() + "/add-signers",
            DemoUsers.HEAD,
            DemoUsers.PASSWORD,
            "{\"userIds\": [\"sunli\"], \"mode\": \"before\", \"comment\": \"请核对😀\"}");
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    assertThat(
            jdbc.sql(
                    "select body from of_notification where template = 'signer' and business_key = :bk"
                        + " and recipient = 'sunli'")
                .param("bk", pi.getBusinessKey())
                .query(String.class)
                .single())
        .contains("请核对😀", "关于𠮷野家用车登记的通知");
    String subtask = engine.getTaskService().getSubTasks(task.getId()).get(0).getId();

    // the head has acted on the step (加签): the drafter can no longer take it back
    HttpResponse<String> withdrawn =
        http.postJson(
            "/api/process-instances/" + pi.getId() + "/withdraw",
            DemoUsers.DRAFTER,
            DemoUsers.PASSWORD,
            "{\"comment\": \"标题有误\"}");
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(409);
    assertThat(withdrawn.body()).contains("刘洋已为「部门初审」加签，不能撤回");
    assertThat(engine.getTaskService().createTaskQuery().taskId(subtask).count()).isOne();

    HttpResponse<String> returned =
        http.postJson(
            "/api/tasks/" + task.getId() + "/return",
            DemoUsers.HEAD,
            DemoUsers.PASSWORD,
            "{\"target\": \"Task_Revise\", \"comment\": \"标题有误，请修改𠮷\"}");
    assertThat(returned.statusCode()).as(returned.body()).isEqualTo(200);
    assertThat(engine.getTaskService().createTaskQuery().taskId(subtask).count()).isZero();
    assertThat(
            engine
                .getHistoryService()
                .createHistoricTaskInstanceQuery()
                .taskId(subtask)
                .singleResult()
                .getEndTime())
        .isNotNull();
    assertThat(
            jdbc.sql("select decision from of_signer where task_id = :t")
                .param("t", task.getId())
                .query(String.class)
                .list())
        .containsExactly("cancelled");
  }

  /** A 发文 with a title in the supplementary planes (𠮷), at its 部门初审. */
  private static ProcessInstance startDocument(ProcessDriver process, String what) {
    return process.start(
        DemoUsers.DRAFTER,
        "outgoing_document",
        new HashMap<>(
            Map.of(
                "title",
                "关于𠮷野家用车登记的通知（" + what + "）" + runId(),
                "docType",
                "通知",
                "mainRecipients",
                "各处室",
                "body",
                "各处室应当登记用车。")));
  }
}
