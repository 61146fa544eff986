package cn.officeflow.bench;

import static cn.officeflow.outgoing.OutgoingDocumentVariables.*;
import static cn.officeflow.support.DemoUsers.DRAFTER;

import bench.camunda.PlainCamundaApplication;
import cn.officeflow.bench.OutgoingLifecycleBenchmark.Series;
import cn.officeflow.platform.docgen.OfficialDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * 发文 lifecycles over REST, OfficeFlow against plain Camunda 7 (bench.camunda.PlainCamundaApplication),
 * each on a fresh MariaDB/MySQL database of its own, the same client: {@code clients} threads, each
 * driving whole lifecycles one after the other as the users would (start as 张伟; then 部门初审, 法务复审,
 * 签发 and the three proofreads, each found, claimed and completed by its user over HTTP Basic). Both
 * applications run their job executor; a lifecycle has ended when its process instance has ended (for
 * OfficeFlow: number, .docx, ledger, PDF/OFD copies, archive and notification included).
 *
 * <p>Printed for each: throughput, task-completion latency (claim + complete, p50/p95), and the SQL
 * statements per lifecycle by kind, counted at the JDBC layer ({@link SqlCounter}) over the measured
 * lifecycles, plus OfficeFlow's inserts per table next to plain Camunda's. Not a JUnit test: {@code mvn
 * -Pbench verify} runs it when {@code OFFICEFLOW_TEST_DB_URL} is set (its server is used; the two
 * databases {@code officeflow_bench_app} and {@code officeflow_bench_plain} are dropped and created), or
 * {@code java -cp <test classpath> cn.officeflow.bench.RestLifecycleComparison [lifecycles] [clients]}.
 * System property {@code bench.warmup} (default 10 lifecycles per application). Each application is
 * measured in a JVM of its own (this class's main again, with {@code bench.side}), one after the other.
 * {@code bench.rendered} (default: all): how many of the measured documents the rendering node renders
 * afterwards (with {@code bench.rendering=no}); the rest of those instances are left waiting for it.
 */
public final class RestLifecycleComparison {

  private static final ObjectMapper JSON = BenchHttp.JSON;
  private static final String PASSWORD = "Office@2026";

  public static void main(String[] args) {
    OutgoingLifecycleBenchmark.exitAfter(() -> run(args));
  }

  private static void run(String[] args) throws Exception {
    int lifecycles = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int warmUp = Integer.getInteger("bench.warmup", 10);
    String title = "发文 lifecycles over REST — OfficeFlow against plain Camunda 7, MariaDB/MySQL";
    String url = OutgoingLifecycleBenchmark.mysqlUrlOrSkip(title);
    if (url == null) {
      return;
    }
    String side = System.getProperty(SIDE);
    if (side != null) {
      Result result = measureSide(side, url, lifecycles, clients, warmUp);
      JSON.writeValue(Path.of(System.getProperty(RESULT_FILE)).toFile(), result);
      return;
    }
    // each application in a JVM of its own, so that neither runs on code the JIT compiled for the
    // other
    Result app = fork("app", args);
    Result plain = fork("plain", args);
    System.out.print(report(title, lifecycles, clients, warmUp, app, plain));
  }

  private static final String SIDE = "bench.side";
  private static final String RESULT_FILE = "bench.result";

  private static Result measureSide(
      String side, String url, int lifecycles, int clients, int warmUp) throws Exception {
    String server = OutgoingLifecycleBenchmark.server(url);
    if (side.equals("app")) {
      // no: the node that serves the users leaves 生成版式文件 to a rendering node, which the
      // benchmark plays after the load (one thread); yes: one node does everything
      String rendering = System.getProperty("bench.rendering", "no");
      Run app = new Run("OfficeFlow", OutgoingLifecycleBenchmark.uniqueDocCode());
      app.rendering = rendering;
      app.measure(
          bootOfficeFlow(
              server + OutgoingLifecycleBenchmark.freshDatabase(server, "officeflow_bench_app"),
              app.counter,
              rendering),
          lifecycles,
          clients,
          warmUp);
      return app.result();
    }
    if (side.equals("plain")) {
      Run plain = new Run("plain Camunda", null);
      plain.measure(
          bootPlain(
              server + OutgoingLifecycleBenchmark.freshDatabase(server, "officeflow_bench_plain"),
              plain.counter),
          lifecycles,
          clients,
          warmUp);
      return plain.result();
    }
    throw new IllegalArgumentException(SIDE + " must be app or plain, got " + side);
  }

  /**
   * This class's main in a new JVM with this JVM's options and class path, measuring one side; its output
   * goes to this one's, its figures come back through a file.
   */
  private static Result fork(String side, String[] args) throws Exception {
    Path file = Files.createTempFile("officeflow-bench-" + side, ".json");
    try {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
      command.add("-D" + SIDE + "=" + side);
      command.add("-D" + RESULT_FILE + "=" + file);
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(RestLifecycleComparison.class.getName());
      command.addAll(List.of(args));
      int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
      if (exit != 0) {
        throw new IllegalStateException("the " + side + " side ended with exit code " + exit);
      }
      return JSON.readValue(file.toFile(), Result.class);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  // --- the two applications

  private static ConfigurableApplicationContext bootOfficeFlow(
      String url, SqlCounter counter, String rendering) {
    return OutgoingLifecycleBenchmark.bootOnMysql(
        url, true, List.of("--officeflow.jobs.rendering=" + rendering), counter);
  }

  private static ConfigurableApplicationContext bootPlain(String url, SqlCounter counter) {
    return new SpringApplicationBuilder(PlainCamundaApplication.class)
        .bannerMode(Banner.Mode.OFF)
        .logStartupInfo(false)
        .initializers(counter)
        .run(
            // none of OfficeFlow's application.yaml, migrations or models: the starters' defaults
            "--spring.config.name=plain-camunda-bench",
            "--logging.level.root=WARN",
            "--server.port=0",
            "--server.address=127.0.0.1",
            "--management.server.port=0",
            "--spring.flyway.enabled=false",
            "--spring.datasource.url="
                + url
                + "?sendFractionalSeconds=false&nullDatabaseMeansCurrent=true"
                + "&characterEncoding=UTF-8&connectionCollation=utf8mb4_bin",
            "--spring.datasource.username=" + OutgoingLifecycleBenchmark.dbUser(),
            "--spring.datasource.password=" + OutgoingLifecycleBenchmark.dbPassword(),
            "--spring.datasource.hikari.transaction-isolation=TRANSACTION_READ_COMMITTED",
            "--camunda.bpm.database.type=mysql",
            "--camunda.bpm.database.schema-update=true",
            "--camunda.bpm.history-level=full",
            "--camunda.bpm.authorization.enabled=true",
            "--camunda.bpm.auto-deployment-enabled=false",
            "--camunda.bpm.generic-properties.properties.generalResourceWhitelistPattern=[a-zA-Z0-9_-]+",
            "--camunda.bpm.default-serialization-format=application/json",
            "--camunda.bpm.admin-user.id=admin",
            "--camunda.bpm.admin-user.password=" + OutgoingLifecycleBenchmark.MYSQL_ADMIN_PASSWORD,
            "--spring.autoconfigure.exclude="
                + OutgoingLifecycleBenchmark.COVERAGE_AUTO_CONFIGURATION);
  }

  // --- one application's run

  /** What the report needs of one side's run, passed from its JVM as JSON. */
  record Result(
      String name,
      String docCode,
      String rendering,
      int measured,
      double userSeconds,
      double jobsSeconds,
      double seconds,
      double renderSeconds,
      int rendered,
      double renderedP50,
      double renderedP95,
      int completions,
      double completionP50,
      double completionP95,
      double startP50,
      double startP95,
      double taskListP50,
      double taskListP95,
      Map<String, Long> kinds,
      Map<String, Long> tables) {

    double per(String kind) {
      return kinds.getOrDefault(kind, 0L) / (double) measured;
    }

    /** The rendering node rendered only part of the documents: the SQL counts are not of full lifecycles. */
    boolean partial() {
      return rendering.equals("no") && rendered < measured;
    }
  }

  static final class Run {
    final String name;
    final String docCode;
    final SqlCounter counter = new SqlCounter();
    final Series completion = new Series();
    final Series start = new Series();
    final Series taskList = new Series();
    final Series rendered = new Series();
    String rendering = "yes";
    double jobsSeconds;
    double renderSeconds;
    Map<String, Long> kinds;
    Map<String, Long> tables;
    double seconds;
    double userSeconds;
    int measured;

    Run(String name, String docCode) {
      this.name = name;
      this.docCode = docCode;
    }

    void measure(ConfigurableApplicationContext context, int lifecycles, int clients, int warmUp)
        throws Exception {
      try {
        ProcessEngine engine = context.getBean(ProcessEngine.class);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        Client client = new Client("http://127.0.0.1:" + port, docCode);
        List<String> warm =
            drive(client, warmUp, clients, new Series(), new Series(), new Series());
        // the warm-up's jobs are done before the measurement starts, so that they count for
        // neither; of its rendering jobs (this node leaving them to a rendering node) ten run, to
        // warm that code too, the rest stay where a rendering node would find them
        finish(engine, warm, new Series(), 10);
        counter.reset();
        System.out.printf(
            "%s: %d warm-up lifecycles done, measuring %d%n", name, warmUp, lifecycles);
        long t = System.nanoTime();
        List<String> ids = drive(client, lifecycles, clients, start, completion, taskList);
        userSeconds = (System.nanoTime() - t) / 1e9;
        System.out.printf("%s: the users' part done in %.1f s%n", name, userSeconds);
        jobsSeconds =
            userSeconds
                + finish(engine, ids, rendered, Integer.getInteger("bench.rendered", lifecycles));
        seconds = (System.nanoTime() - t) / 1e9;
        measured = ids.size();
        kinds = counter.byKind();
        tables = counter.byTable();
      } finally {
        context.close();
      }
    }

    /**
     * Waits for the instances to end. When this node leaves rendering to others, it first waits until every
     * instance has ended or waits for its 生成版式文件 job, then renders those one after the other on this
     * thread as a rendering node would ({@code rendered}: milliseconds per document), then waits for the rest
     * (archive, notification). Returns the seconds until everything but rendering was done.
     */
    private double finish(ProcessEngine engine, List<String> ids, Series rendered, int render) {
      long t = System.nanoTime();
      double beforeRendering = 0;
      List<String> ending = ids;
      if (rendering.equals("no")) {
        List<Job> waiting = awaitRenderingOrEnd(engine, ids);
        beforeRendering = (System.nanoTime() - t) / 1e9;
        long r = System.nanoTime();
        Set<String> left = new HashSet<>();
        for (int i = 0; i < waiting.size(); i++) {
          if (i >= render) {
            left.add(waiting.get(i).getProcessInstanceId());
            continue;
          }
          long one = System.nanoTime();
          engine.getManagementService().executeJob(waiting.get(i).getId());
          rendered.add(millisSince(one));
        }
        renderSeconds = (System.nanoTime() - r) / 1e9;
        ending = ids.stream().filter(id -> !left.contains(id)).toList();
      }
      awaitEnded(engine.getHistoryService(), ending);
      return rendering.equals("no") ? beforeRendering : (System.nanoTime() - t) / 1e9;
    }

    private static List<Job> awaitRenderingOrEnd(ProcessEngine engine, List<String> ids) {
      Set<String> wanted = new HashSet<>(ids);
      long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
      while (System.nanoTime() < deadline) {
        List<Job> waiting =
            engine
                .getManagementService()
                .createJobQuery()
                .activityId("Task_RenderPrintCopies")
                .list()
                .stream()
                .filter(job -> wanted.contains(job.getProcessInstanceId()))
                .toList();
        long ended =
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceIds(wanted)
                .completed()
                .count();
        if (waiting.size() + ended == ids.size()) {
          return waiting;
        }
        LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
      }
      throw new IllegalStateException("not all " + ids.size() + " instances reached rendering");
    }

    private List<String> drive(
        Client client, int lifecycles, int clients, Series starts, Series completions, Series lists)
        throws Exception {
      AtomicInteger left = new AtomicInteger(lifecycles);
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      try {
        List<Future<List<String>>> results = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
          results.add(
              pool.submit(
                  () -> {
                    List<String> ids = new ArrayList<>();
                    while (left.getAndDecrement() > 0) {
                      ids.add(client.lifecycle(starts, completions, lists));
                    }
                    return ids;
                  }));
        }
        List<String> all = new ArrayList<>();
        for (Future<List<String>> result : results) {
          all.addAll(result.get());
        }
        return all;
      } finally {
        pool.shutdownNow();
      }
    }

    /** Read in-process: the users of the lifecycle may not read its history over REST. */
    private static void awaitEnded(HistoryService history, List<String> ids) {
      long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
      while (System.nanoTime() < deadline) {
        long ended =
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceIds(new HashSet<>(ids))
                .completed()
                .count();
        if (ended == ids.size()) {
          return;
        }
        LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
      }
      throw new IllegalStateException(
          "not all " + ids.size() + " instances ended within 10 minutes");
    }

    Result result() {
      return new Result(
          name,
          docCode,
          rendering,
          measured,
          userSeconds,
          jobsSeconds,
          seconds,
          renderSeconds,
          rendered.size(),
          rendered.percentile(50),
          rendered.percentile(95),
          completion.size(),
          completion.percentile(50),
          completion.percentile(95),
          start.percentile(50),
          start.percentile(95),
          taskList.percentile(50),
          taskList.percentile(95),
          kinds,
          tables);
    }
  }

  /** One HTTP client for all threads; each request carries the acting user's HTTP Basic header. */
  static final class Client {
    private final BenchHttp http;
    private final String docCode;
    private final String processKey;
    private final OfficialDocument sample = DocxBenchmark.realisticDocument();

    Client(String base, String docCode) {
      this.http = new BenchHttp(base, PASSWORD);
      this.docCode = docCode;
      this.processKey = docCode == null ? PlainCamundaApplication.PROCESS_KEY : PROCESS_KEY;
    }

    String lifecycle(Series starts, Series completions, Series lists) throws Exception {
      long t = System.nanoTime();
      JsonNode started =
          call(
              DRAFTER,
              "POST",
              "/engine-rest/process-definition/key/" + processKey + "/start",
              startBody());
      record(starts, millisSince(t));
      String pi = started.get("id").asText();
      for (String[] step : OutgoingLifecycleBenchmark.STEPS) {
        JsonNode task = awaitTask(step[1], pi, step[0], lists);
        String taskId = task.get("id").asText();
        t = System.nanoTime();
        if (!task.path("assignee").asText().equals(step[1])) {
          call(
              step[1],
              "POST",
              "/engine-rest/task/" + taskId + "/claim",
              "{\"userId\":\"" + step[1] + "\"}");
        }
        call(
            step[1],
            "POST",
            "/engine-rest/task/" + taskId + "/complete",
            "{\"variables\":{\"decision\":{\"value\":\"approve\"},\"comment\":{\"value\":\"同意\"}}}");
        record(completions, millisSince(t));
      }
      return pi;
    }

    private String startBody() throws Exception {
      ObjectNode variables = JSON.createObjectNode();
      put(variables, TITLE, sample.title());
      put(variables, DOC_TYPE, "通知");
      put(variables, MAIN_RECIPIENTS, sample.mainRecipients());
      put(variables, COPY_TO, sample.copyTo());
      put(variables, BODY, sample.body());
      put(variables, ATTACHMENTS, String.join("\n", sample.attachments()));
      put(variables, URGENCY, "加急");
      put(variables, SECRECY, "内部");
      if (docCode != null) {
        put(variables, DOC_CODE, docCode);
      }
      ObjectNode body = JSON.createObjectNode();
      body.set("variables", variables);
      return JSON.writeValueAsString(body);
    }

    private static void put(ObjectNode variables, String name, String value) {
      variables.putObject(name).put("value", value);
    }

    /** The user's task of the instance, as soon as the engine (job executor included) has made it. */
    private JsonNode awaitTask(String user, String pi, String taskKey, Series lists)
        throws Exception {
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (System.nanoTime() < deadline) {
        long t = System.nanoTime();
        JsonNode found =
            call(
                user,
                "GET",
                "/engine-rest/task?processInstanceId="
                    + pi
                    + "&taskDefinitionKey="
                    + URLEncoder.encode(taskKey, StandardCharsets.UTF_8),
                null);
        record(lists, millisSince(t));
        if (found.size() > 0) {
          return found.get(0);
        }
        LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
      }
      throw new IllegalStateException(taskKey + " never came for " + user + " in " + pi);
    }

    private JsonNode call(String user, String method, String path, String body) throws Exception {
      return http.call(user, method, path, body);
    }
  }

  // --- printing

  private static String report(
      String title, int lifecycles, int clients, int warmUp, Result app, Result plain) {
    StringBuilder out = new StringBuilder("\n").append(title).append('\n');
    row(
        out,
        "load",
        format(
            "%d lifecycles per application after %d warm-up, %d clients, fresh databases, a JVM each",
            lifecycles, warmUp, clients));
    for (Result run : List.of(app, plain)) {
      row(
          out,
          run.name(),
          run.docCode() == null ? "" : "rendering on this node: " + run.rendering());
      row(
          out,
          "  throughput",
          format(
              "%.2f lifecycles/s to the last user task, %.2f/s with every job but rendering done,"
                  + " %.2f/s to the end of the instance",
              run.measured() / run.userSeconds(),
              run.measured() / run.jobsSeconds(),
              run.measured() / run.seconds()));
      if (run.rendered() > 0) {
        row(
            out,
            "  rendering",
            format(
                "afterwards on one thread (a rendering node): %d documents in %.1f s, p50 %.0f ms, p95"
                    + " %.0f ms each",
                run.rendered(), run.renderSeconds(), run.renderedP50(), run.renderedP95()));
      }
      row(
          out,
          "  completion",
          format(
              "claim + complete p50 %.1f ms, p95 %.1f ms (%d)",
              run.completionP50(), run.completionP95(), run.completions()));
      row(out, "  start", format("p50 %.1f ms, p95 %.1f ms", run.startP50(), run.startP95()));
      row(
          out,
          "  task query",
          format("p50 %.1f ms, p95 %.1f ms", run.taskListP50(), run.taskListP95()));
      row(
          out,
          "  SQL/lifecycle",
          format(
              "%.1f inserts, %.1f deletes, %.1f selects, %.1f updates%s",
              run.per("insert"),
              run.per("delete"),
              run.per("select"),
              run.per("update"),
              run.partial()
                  ? format(
                      " (rendering, archive and notification of %d of the %d only: not full lifecycles)",
                      run.rendered(), run.measured())
                  : ""));
    }
    row(
        out,
        "ratio",
        format(
            "throughput to the last user task %.2f, to the end %.2f (target ≥ 1.0); inserts %.2f×"
                + " plain (target ≤ 1.5×%s); completion p95 %.2f×",
            (app.measured() / app.userSeconds()) / (plain.measured() / plain.userSeconds()),
            (app.measured() / app.seconds()) / (plain.measured() / plain.seconds()),
            app.per("insert") / plain.per("insert"),
            app.partial() ? "; not all documents rendered, so fewer than a full lifecycle's" : "",
            app.completionP95() / plain.completionP95()));
    row(out, "inserts", "per lifecycle, by table: OfficeFlow / plain Camunda");
    Map<String, double[]> byTable = new LinkedHashMap<>();
    for (Result run : List.of(app, plain)) {
      int column = run == app ? 0 : 1;
      run.tables()
          .forEach(
              (key, n) -> {
                if (key.startsWith("insert ")
                    || key.startsWith("update ")
                    || key.startsWith("delete ")) {
                  byTable.computeIfAbsent(key, k -> new double[2])[column] =
                      n / (double) run.measured();
                }
              });
    }
    byTable.entrySet().stream()
        .filter(e -> e.getValue()[0] >= 0.05 || e.getValue()[1] >= 0.05)
        .sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]))
        .forEach(
            e ->
                row(
                    out,
                    "",
                    format("%-36s %6.1f / %6.1f", e.getKey(), e.getValue()[0], e.getValue()[1])));
    row(
        out,
        "machine",
        format(
            "Java %s, %d cores, load average %.2f at the end",
            System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors(),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    return out.toString();
  }

  private static void row(StringBuilder out, String label, String value) {
    out.append(format("  %-15s %s%n", label, value));
  }

  private static String format(String format, Object... values) {
    return String.format(Locale.ROOT, format, values);
  }

  /** Series is not thread-safe; the clients share one. */
  private static void record(Series series, double millis) {
    synchronized (series) {
      series.add(millis);
    }
  }

  private static double millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e6;
  }
}
