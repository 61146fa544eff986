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

/** 转办 and 抄送 on MariaDB/MySQL: one transaction over engine rows, the review trail and of_cc (utf8mb4). */
class TaskOperationsOnMysqlTest extends MysqlSpringTestBase {

  /** This context's engine is named mysqlit: Camunda's REST API names it in the path; /api is unchanged. */
  static final String REST = "/engine-rest/engine/mysqlit";

  @Test
  void transferThenTheNewAssigneeDecidesAndACcReadsTheRecord() throws Exception {
    ProcessDriver process = new ProcessDriver(engine);
    Http http = new Http(port);
    ProcessInstance pi =
        process.start(
            DemoUsers.DRAFTER,
            "outgoing_document",
            new HashMap<>(
                Map.of(
                    "title",
                    "关于𠮷野家用车登记的通知（MariaDB）" + runId(),
                    "docType",
                    "通知",
                    "mainRecipients",
                    "各处室",
                    "body",
                    "各处室应当登记用车。")));
    Task task = process.taskFor(DemoUsers.HEAD, pi.getId(), "Task_DeptReview");

    HttpResponse<String> transferred =
        http.postJson(
            "/api/tasks/" + task.getId() + "/transfer",
            DemoUsers.HEAD,
            DemoUsers.PASSWORD,
            "{\"userId\": \"sunli\", \"comment\": \"出差期间请孙丽初审😀\"}");
    assertThat(transferred.statusCode()).as(transferred.body()).isEqualTo(200);
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .taskId(task.getId())
                .singleResult()
                .getAssignee())
        .isEqualTo("sunli");
    assertThat(
            engine
                .getHistoryService()
                .createUserOperationLogQuery()
                .taskId(task.getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_ASSIGN)
                .list())
        .extracting(UserOperationLogEntry::getUserId)
        .containsExactly(DemoUsers.HEAD);
    // a refused one changes nothing
    assertThat(
            http.postJson(
                    "/api/tasks/" + task.getId() + "/transfer",
                    "duming",
                    DemoUsers.PASSWORD,
                    "{\"userId\": \"sunli\", \"comment\": \"请办理\"}")
                .statusCode())
        .isEqualTo(403);

    HttpResponse<String> cc =
        http.postJson(
            "/api/tasks/" + task.getId() + "/cc",
            "sunli",
            DemoUsers.PASSWORD,
            "{\"userIds\": [\"duming\"]}");
    assertThat(cc.statusCode()).as(cc.body()).isEqualTo(201);
    assertThat(
            http.get("/api/outgoing-documents/" + pi.getBusinessKey(), "duming", DemoUsers.PASSWORD)
                .statusCode())
        .isEqualTo(200);
    assertThat(
            http.postJson(
                    "/api/tasks/" + task.getId() + "/cc",
                    "sunli",
                    DemoUsers.PASSWORD,
                    "{\"userIds\": [\"duming\"]}")
                .statusCode())
        .isEqualTo(409);

    HttpResponse<String> completed =
        http.postJson(
            REST + "/task/" + task.getId() + "/complete",
            "sunli",
            DemoUsers.PASSWORD,
            "{\"variables\": {\"decision\": {\"value\": \"approve\"}, \"comment\": {\"value\": \"同意\"}}}");
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
        .containsExactly("transfer", "cc", "approve");
    assertThat(trail.get(0).get("comment")).isEqualTo("转办给孙丽：出差期间请孙丽初审😀");
    assertThat(trail.get(2).get("user_id")).isEqualTo("sunli");
  }
}
