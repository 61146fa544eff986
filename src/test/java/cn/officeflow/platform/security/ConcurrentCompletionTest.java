package cn.officeflow.platform.security;

import static cn.officeflow.outgoing.OutgoingDocumentVariables.*;
import static cn.officeflow.support.DemoUsers.HEAD;
import static cn.officeflow.support.DemoUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import cn.officeflow.support.ProcessDriver;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Fifty clicks at once on 同意, and a task that is gone: one completion, the rest 404/409 in Chinese, never 500. */
@HttpTest
class ConcurrentCompletionTest {

  static final String ZHANGWEI = cn.officeflow.support.DemoUsers.DRAFTER;

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;

  @Test
  void fiftyParallelCompletesGiveOneCompletionAndOneTrailEntry() throws Exception {
    cn.officeflow.support.ConcurrentCompletion.run(
        new Http(port), new ProcessDriver(engine), engine, jdbc, "/engine-rest");
  }

  @Test
  void aTaskThatIsGoneAnswers404OrConflictInChinese() throws Exception {
    Http http = new Http(port);
    ProcessDriver driver = new ProcessDriver(engine);
    ProcessInstance pi =
        driver.start(
            ZHANGWEI,
            PROCESS_KEY,
            Map.of(
                TITLE,
                "已办任务 " + UUID.randomUUID(),
                DOC_TYPE,
                "通知",
                MAIN_RECIPIENTS,
                "各处室",
                BODY,
                "正文。"));
    Task task = driver.taskFor(HEAD, pi.getId(), TASK_DEPT_REVIEW);
    driver.approve(HEAD, pi.getId(), TASK_DEPT_REVIEW);

    for (String path : List.of("/complete", "/submit-form", "/claim")) {
      HttpResponse<String> again =
          http.postJson(
              "/engine-rest/task/" + task.getId() + path,
              HEAD,
              PASSWORD,
              path.equals("/claim")
                  ? "{\"userId\": \"liuyang\"}"
                  : "{\"variables\": {\"decision\": {\"value\": \"approve\"}}}");
      assertThat(again.statusCode()).as(path + " " + again.body()).isIn(404, 409);
      assertThat(JSON.readTree(again.body()).path("message").asText()).contains("任务已由他人办理或已不存在");
    }
    HttpResponse<String> unknown =
        http.postJson("/engine-rest/task/no-such-task/complete", HEAD, PASSWORD, "{}");
    assertThat(unknown.statusCode()).isEqualTo(404);
  }
}
