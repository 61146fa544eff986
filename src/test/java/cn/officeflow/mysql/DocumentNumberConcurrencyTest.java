package cn.officeflow.mysql;

import static cn.officeflow.mysql.OutgoingProcessDriver.*;
import static cn.officeflow.outgoing.OutgoingDocumentVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.officeflow.OfficeFlowApplication;
import cn.officeflow.platform.engine.EngineClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 文号 on a cluster: two process engines ("node1", "node2": two application contexts in this JVM on the
 * same database) sign off 50 documents of one docCode at the same time, 25 each, from 8 threads. The
 * numbers must be exactly 1 … 50 of the year: no gap, no duplicate. A completion that loses an
 * optimistic lock is retried (as the job executor or a user would); the retries are counted.
 */
@ExtendWith(RequiresTestDatabase.class)
class DocumentNumberConcurrencyTest {

  static final int DOCUMENTS = 50;
  static final int THREADS = 8;
  static final int MAX_ATTEMPTS = 10;

  static final String COVERAGE_AUTO_CONFIGURATION =
      "org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration";

  static ConfigurableApplicationContext node1;
  static ConfigurableApplicationContext node2;

  @BeforeAll
  static void startNodes() {
    node1 = startNode("node1");
    node2 = startNode("node2");
  }

  @AfterAll
  static void stopNodes() {
    if (node2 != null) {
      node2.close();
    }
    if (node1 != null) {
      node1.close();
    }
  }

  /** One "server": the real mysql profile, command-line properties (they beat application*.yaml). */
  static ConfigurableApplicationContext startNode(String engineName) {
    Map<String, Object> properties = new HashMap<>(TestDatabase.properties());
    properties.put("camunda.bpm.process-engine-name", engineName);
    properties.put("spring.main.banner-mode", "off");
    // a servlet application (Camunda's REST starter needs one) on a free port
    properties.put("server.port", "0");
    // the process-test-coverage starter's engine plugin needs its Spring test listener, which only
    // @SpringBootTest contexts have; a hand-started node runs without it
    properties.put("spring.autoconfigure.exclude", COVERAGE_AUTO_CONFIGURATION);
    String[] args =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(OfficeFlowApplication.class).profiles("mysql").run(args);
  }

  @Test
  void fiftyConcurrentSignOffsOnTwoNodesGetGaplessUniqueNumbers() throws Exception {
    OutgoingProcessDriver one = new OutgoingProcessDriver(node1.getBean(ProcessEngine.class));
    OutgoingProcessDriver two = new OutgoingProcessDriver(node2.getBean(ProcessEngine.class));
    assertThat(one.engine().getName()).isEqualTo("node1");
    assertThat(two.engine().getName()).isEqualTo("node2");
    JdbcClient jdbc = node1.getBean(JdbcClient.class);
    String docCode = freshDocCode();

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      // 50 documents, started alternately on both nodes and driven to 领导终审签发 (no 会签), in parallel
      long prepareStart = System.nanoTime();
      List<Future<String>> prepared = new ArrayList<>();
      for (int i = 0; i < DOCUMENTS; i++) {
        OutgoingProcessDriver node = i % 2 == 0 ? one : two;
        int n = i + 1;
        prepared.add(
            pool.submit(
                () -> {
                  String pi =
                      node.start(
                          ZHANGWEI,
                          draft(
                              "关于" + docCode + "并发编号测试的通知（" + n + "）",
                              "各处室：\n并发编号测试第" + n + "份。",
                              docCode,
                              null));
                  node.approve(LIUYANG, pi, TASK_DEPT_REVIEW);
                  node.approve(ZHOUJIE, pi, TASK_LEGAL_REVIEW);
                  return pi;
                }));
      }
      List<String> instances = new ArrayList<>();
      for (Future<String> pi : prepared) {
        instances.add(pi.get(2, TimeUnit.MINUTES));
      }
      long prepareMillis = (System.nanoTime() - prepareStart) / 1_000_000;
      signOffConcurrently(pool, one, two, jdbc, docCode, instances, prepareMillis);
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(30, TimeUnit.SECONDS);
    }
  }

  private void signOffConcurrently(
      ExecutorService pool,
      OutgoingProcessDriver one,
      OutgoingProcessDriver two,
      JdbcClient jdbc,
      String docCode,
      List<String> instances,
      long prepareMillis)
      throws Exception {
    List<String> leaderTasks =
        instances.stream().map(pi -> one.task(pi, TASK_LEADER_APPROVAL).getId()).toList();

    // all 50 sign-offs at once: even ones through node1's TaskService, odd ones through node2's
    AtomicInteger retries = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    List<Future<String>> results = new ArrayList<>();
    for (int i = 0; i < DOCUMENTS; i++) {
      OutgoingProcessDriver node = i % 2 == 0 ? one : two;
      String taskId = leaderTasks.get(i);
      results.add(
          pool.submit(
              () -> {
                go.await();
                for (int attempt = 1; ; attempt++) {
                  try {
                    node.approve(WUQIANG, taskId);
                    return node.engine().getName();
                  } catch (OptimisticLockingException e) {
                    retries.incrementAndGet();
                    if (attempt == MAX_ATTEMPTS) {
                      throw e;
                    }
                  }
                }
              }));
    }
    long start = System.nanoTime();
    go.countDown();
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> results.stream().allMatch(Future::isDone));
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

    List<String> failures = new ArrayList<>();
    Map<String, Integer> perNode = new HashMap<>();
    for (Future<String> result : results) {
      try {
        perNode.merge(result.get(), 1, Integer::sum);
      } catch (ExecutionException e) {
        failures.add(e.getCause().toString());
      }
    }
    System.out.printf(
        "文号 concurrency: %d sign-offs of %s on node1/node2 (%s) from %d threads in %d ms,"
            + " %d optimistic-locking retries (preparation of %d documents: %d ms)%n",
        DOCUMENTS,
        docCode,
        perNode,
        THREADS,
        elapsedMillis,
        retries.get(),
        DOCUMENTS,
        prepareMillis);
    assertThat(failures).as("failed sign-offs").isEmpty();
    assertThat(perNode).containsEntry("node1", DOCUMENTS / 2).containsEntry("node2", DOCUMENTS / 2);

    int year = EngineClock.today().getYear();
    Set<String> expected =
        IntStream.rangeClosed(1, DOCUMENTS)
            .mapToObj(n -> docCode + "〔" + year + "〕" + n + "号")
            .collect(Collectors.toCollection(TreeSet::new));

    // the project's table: number_seq exactly 1..50, the 文号 built from them
    List<Map<String, Object>> rows =
        jdbc.sql(
                """
        select id, process_instance_id, document_number, number_year, number_seq from of_outgoing_document
        where doc_code = :code""")
            .param("code", docCode)
            .query()
            .listOfRows();
    assertThat(rows).hasSize(DOCUMENTS);
    assertThat(rows)
        .extracting(r -> ((Number) r.get("number_seq")).intValue())
        .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, DOCUMENTS).boxed().toList());
    assertThat(rows).extracting(r -> ((Number) r.get("number_year")).intValue()).containsOnly(year);
    assertThat(rows)
        .extracting(r -> (String) r.get("document_number"))
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(rows)
        .allSatisfy(
            r ->
                assertThat((String) r.get("document_number"))
                    .isEqualTo(docCode + "〔" + year + "〕" + r.get("number_seq") + "号"));
    assertThat(
            jdbc.sql(
                    "select last_value from of_number_counter where counter_key = :code and counter_year = :year")
                .param("code", docCode)
                .param("year", year)
                .query(Integer.class)
                .single())
        .isEqualTo(DOCUMENTS);

    // the engine: documentNumber of every instance (both nodes read the same rows), the same as the
    // table's
    Map<String, String> numberByInstance =
        rows.stream()
            .collect(
                Collectors.toMap(
                    r -> (String) r.get("process_instance_id"),
                    r -> (String) r.get("document_number")));
    List<String> variables = new ArrayList<>();
    for (int i = 0; i < DOCUMENTS; i++) {
      String pi = instances.get(i);
      String number =
          (String)
              (i % 2 == 0 ? two : one)
                  .engine()
                  .getRuntimeService()
                  .getVariable(pi, DOCUMENT_NUMBER);
      assertThat(number).as("documentNumber of %s", pi).isEqualTo(numberByInstance.get(pi));
      variables.add(number);
      assertThat(one.tasks(pi))
          .extracting(t -> t.getTaskDefinitionKey())
          .containsExactlyInAnyOrder(TASK_PROOF_FORMAT, TASK_PROOF_WORDING, TASK_PROOF_ATTACHMENTS);
    }
    assertThat(variables).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
  }
}
