package cn.officeflow.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.supervision.SupervisionVariables;
import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.Http;
import cn.officeflow.support.ProcessDriver;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** The trust boundary on MariaDB/MySQL: row locks and a real second transaction instead of H2's. */
class TrustBoundaryOnMysqlTest extends MysqlSpringTestBase {

  /** This context's engine is named mysqlit: Camunda's REST API names it in the path. */
  static final String REST = "/engine-rest/engine/mysqlit";

  @Test
  void fiftyParallelCompletesGiveOneCompletion() throws Exception {
    cn.officeflow.support.ConcurrentCompletion.run(
        new Http(port), new ProcessDriver(engine), engine, jdbc, REST);
  }

  @Test
  void undeclaredVariablesAreRefusedAndNothingIsStored() {
    String title = "冒名拟稿（MariaDB）" + runId();
    HttpResponse<String> response =
        new Http(port)
            .postJson(
                REST + "/process-definition/key/outgoing_document/start",
                DemoUsers.DRAFTER,
                DemoUsers.PASSWORD,
                """
            {"variables": {"title": {"value": "%s"}, "docType": {"value": "通知"}, "mainRecipients": {"value": "各处室"},
             "body": {"value": "正文"}, "drafter": {"value": "chenjing"}}}"""
                    .formatted(title));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("drafter");
    assertThat(
            jdbc.sql("select count(*) from of_outgoing_document where title = :t")
                .param("t", title)
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void anotherUsersJobKeepsItsRetries() {
    ProcessInstance item =
        new ProcessDriver(engine)
            .start(
                "zhaomin",
                SupervisionVariables.PROCESS_KEY,
                new HashMap<>(
                    Map.of(
                        SupervisionVariables.TITLE,
                        "作业重试（MariaDB）" + runId(),
                        SupervisionVariables.BASIS,
                        "主任办公会议定",
                        SupervisionVariables.DEPARTMENT,
                        "dept-business",
                        SupervisionVariables.DEADLINE_DAYS,
                        5L)));
    new ProcessDriver(engine)
        .complete(
            "liuyang",
            item.getId(),
            SupervisionVariables.TASK_ASSIGN,
            Map.of(SupervisionVariables.HANDLER, "zhangwei"));
    Job timer =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(item.getId())
            .timers()
            .list()
            .get(0);
    for (int i = 0; i < 4; i++) {
      assertThat(
              new Http(port)
                  .postJson(
                      REST + "/job/" + timer.getId() + "/execute", "qianyu", DemoUsers.PASSWORD, "")
                  .statusCode())
          .isEqualTo(403);
    }
    Job after = engine.getManagementService().createJobQuery().jobId(timer.getId()).singleResult();
    assertThat(after.getRetries()).isEqualTo(timer.getRetries());
    assertThat(after.getExceptionMessage()).isNull();
  }
}
