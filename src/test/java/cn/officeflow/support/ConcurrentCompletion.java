package cn.officeflow.support;

import static cn.officeflow.outgoing.OutgoingDocumentVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fifty clicks at once on 同意 of one 部门初审 over REST: exactly one 204, the others 404/409 JSON in Chinese,
 * one trail entry, the next step created once. Run on H2 and on MariaDB.
 */
public final class ConcurrentCompletion {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ZHANGWEI = DemoUsers.DRAFTER;
  private static final String HEAD = DemoUsers.HEAD;
  private static final String PASSWORD = DemoUsers.PASSWORD;

  private ConcurrentCompletion() {}

  /** @param rest the REST API of this engine: {@code /engine-rest}, or {@code /engine-rest/engine/<name>} */
  public static void run(
      Http http, ProcessDriver driver, ProcessEngine engine, JdbcClient jdbc, String rest)
      throws Exception {
    ProcessInstance pi =
        driver.start(
            ZHANGWEI,
            PROCESS_KEY,
            Map.of(
                TITLE,
                "五十次点击 " + UUID.randomUUID(),
                DOC_TYPE,
                "通知",
                MAIN_RECIPIENTS,
                "各处室",
                BODY,
                "正文。"));
    Task task = driver.taskFor(HEAD, pi.getId(), TASK_DEPT_REVIEW);
    driver.as(HEAD, () -> engine.getTaskService().claim(task.getId(), HEAD));

    int clicks = 50;
    ExecutorService pool = Executors.newFixedThreadPool(clicks);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> futures = new ArrayList<>();
    for (int i = 0; i < clicks; i++) {
      futures.add(
          pool.submit(
              () -> {
                go.await();
                return http.postJson(
                    rest + "/task/" + task.getId() + "/complete",
                    HEAD,
                    PASSWORD,
                    "{\"variables\": {\"decision\": {\"value\": \"approve\"}, \"comment\": {\"value\": \"同意\"}}}");
              }));
    }
    go.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<HttpResponse<String>> future : futures) {
      HttpResponse<String> response = future.get(120, TimeUnit.SECONDS);
      statuses.add(response.statusCode());
      if (response.statusCode() != 204) {
        assertThat(response.statusCode()).as(response.body()).isIn(404, 409);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("json");
        assertThat(JSON.readTree(response.body()).path("message").asText())
            .containsAnyOf("任务已由他人办理或已不存在", "任务正由他人同时办理");
      }
    }
    pool.shutdown();
    System.out.println(
        "ConcurrentCompletion "
            + rest
            + ": "
            + statuses.stream()
                .collect(
                    java.util.stream.Collectors.groupingBy(
                        s -> s, java.util.TreeMap::new, java.util.stream.Collectors.counting())));
    assertThat(statuses.stream().filter(s -> s == 204).count()).as(statuses.toString()).isOne();
    assertThat(
            jdbc.sql("select count(*) from of_review where business_key = :bk and step_id = :step")
                .param("bk", pi.getBusinessKey())
                .param("step", TASK_DEPT_REVIEW)
                .query(Integer.class)
                .single())
        .isOne();
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey(TASK_LEGAL_REVIEW)
                .count())
        .isOne();
  }
}
