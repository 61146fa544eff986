package cn.officeflow.bench;

import static cn.officeflow.outgoing.OutgoingDocumentVariables.*;
import static cn.officeflow.support.DemoUsers.DRAFTER;
import static cn.officeflow.support.DemoUsers.HEAD;
import static cn.officeflow.support.DemoUsers.LEADER;
import static cn.officeflow.support.DemoUsers.LEGAL;
import static cn.officeflow.support.DemoUsers.PROOF_1;
import static cn.officeflow.support.DemoUsers.PROOF_2;

import cn.officeflow.OfficeFlowApplication;
import cn.officeflow.platform.docgen.OfficialDocument;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Complete 发文 lifecycles (outgoing_document, no 会签, no reject) through the real engine, one thread,
 * the way users drive them: 张伟 starts, 刘洋 (部门初审), 周杰 (法务复审) and 吴强 (签发) approve, 郑华 and
 * 何欣 do the three proofreads; asynchronous continuations run as the job executor would run them. Not
 * a JUnit test: {@code mvn -Pbench verify} runs it (see pom.xml), or
 * {@code java -cp <test classpath> cn.officeflow.bench.OutgoingLifecycleBenchmark [h2|mysql] [lifecycles]}.
 *
 * <ul>
 *   <li>{@code h2}: profile {@code test} (in-memory H2, demo organisation, no job executor thread);</li>
 *   <li>{@code mysql}: profile {@code mysql} against {@code OFFICEFLOW_TEST_DB_URL} with
 *       {@code OFFICEFLOW_TEST_DB_USER} (default root) and {@code OFFICEFLOW_TEST_DB_PASSWORD} (default
 *       empty), like the integration tests in {@code cn.officeflow.mysql}; prints
 *       {@code skipped: OFFICEFLOW_TEST_DB_URL not set} and exits 0 when the variable is missing.</li>
 * </ul>
 * System properties: {@code bench.lifecycles} (default 100), {@code bench.warmup} (default 10),
 * {@code bench.keepData=true} to keep the run's instances and rows (by default they are deleted at the
 * end). Every run numbers its documents under a docCode of its own ({@code BM} + 8 random letters), so
 * nothing it leaves can collide with the test suite's 文号 counters.
 *
 * <p>Measured: a <em>task completion</em> is what the user's click costs the server: claim (when not yet
 * claimed) and complete, authenticated as the user with their groups, including every listener and
 * synchronous service task up to the next wait state. Finding the task and running the jobs that follow
 * are timed separately; the throughput counts everything.
 */
public final class OutgoingLifecycleBenchmark {

  static final String DB_URL_ENV = "OFFICEFLOW_TEST_DB_URL";
  static final String DB_USER_ENV = "OFFICEFLOW_TEST_DB_USER";
  static final String DB_PASSWORD_ENV = "OFFICEFLOW_TEST_DB_PASSWORD";
  static final String MYSQL_ADMIN_PASSWORD = "Guanli@2026";
  static final String COVERAGE_AUTO_CONFIGURATION =
      "org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration";

  /** The user steps of one lifecycle, in order, with who does them (ClusterLoad drives the same). */
  static final String[][] STEPS = {
    {TASK_DEPT_REVIEW, HEAD},
    {TASK_LEGAL_REVIEW, LEGAL},
    {TASK_LEADER_APPROVAL, LEADER},
    {TASK_PROOF_FORMAT, PROOF_1},
    {TASK_PROOF_WORDING, PROOF_2},
    {TASK_PROOF_ATTACHMENTS, PROOF_1},
  };

  private final ProcessEngine engine;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final IdentityService identity;
  private final JdbcClient jdbc;
  private final String docCode = uniqueDocCode();
  private final Map<String, List<String>> groupsByUser = new HashMap<>();
  private final List<String> instanceIds = new ArrayList<>();
  private final OfficialDocument sample = DocxBenchmark.realisticDocument();

  private OutgoingLifecycleBenchmark(ConfigurableApplicationContext context) {
    this.engine = context.getBean(ProcessEngine.class);
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.management = engine.getManagementService();
    this.identity = engine.getIdentityService();
    this.jdbc = context.getBean(JdbcClient.class);
  }

  public static void main(String[] args) {
    int exitCode = 0;
    try {
      run(args);
    } catch (Throwable e) {
      e.printStackTrace();
      exitCode = 1;
    }
    System.out.flush();
    // a forked JVM must end even if a library left a non-daemon thread behind
    System.exit(exitCode);
  }

  private static void run(String[] args) throws InterruptedException {
    String database =
        args.length > 0 ? args[0].toLowerCase(Locale.ROOT) : System.getProperty("bench.db", "h2");
    int lifecycles =
        args.length > 1 ? Integer.parseInt(args[1]) : Integer.getInteger("bench.lifecycles", 100);
    int warmUp = Integer.getInteger("bench.warmup", 10);
    boolean keepData = Boolean.getBoolean("bench.keepData");
    if (!database.equals("h2") && !database.equals("mysql")) {
      throw new IllegalArgumentException("database must be h2 or mysql, got " + database);
    }
    String title =
        "发文 lifecycle benchmark — " + (database.equals("h2") ? "H2 (in-memory)" : "MariaDB/MySQL");
    String url = System.getenv(DB_URL_ENV);
    if (database.equals("mysql") && (url == null || url.isBlank())) {
      System.out.println(title + "\n  skipped: " + DB_URL_ENV + " not set");
      return;
    }

    long booting = System.nanoTime();
    ConfigurableApplicationContext context = boot(database, url);
    double bootSeconds = (System.nanoTime() - booting) / 1e9;
    try {
      OutgoingLifecycleBenchmark bench = new OutgoingLifecycleBenchmark(context);
      bench.runLifecycles(warmUp, new Samples());
      Samples samples = new Samples();
      long started = System.nanoTime();
      bench.runLifecycles(lifecycles, samples);
      double seconds = (System.nanoTime() - started) / 1e9;
      bench.verify(warmUp + lifecycles);
      double heapMb = heapUsedAfterGc();
      System.out.print(
          report(
              title,
              databaseProduct(context),
              bootSeconds,
              lifecycles,
              warmUp,
              seconds,
              samples,
              heapMb,
              bench.docCode,
              bench.sample.body().length()));
      if (!keepData) {
        bench.deleteRunData();
      }
    } finally {
      context.close();
    }
  }

  /**
   * The application as deployed. Camunda's REST starter needs the servlet web application (with
   * {@code WebApplicationType.NONE} it fails on a missing JerseyApplicationPath), so Tomcat starts on a
   * random loopback port; the benchmark itself calls the engine's Java API and sends no HTTP request.
   */
  static ConfigurableApplicationContext boot(String database, String url) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--logging.level.root=WARN",
                "--logging.level.cn.officeflow=WARN",
                "--camunda.bpm.job-execution.enabled=false",
                "--server.port=0",
                "--server.address=127.0.0.1",
                // the process-test-coverage starter (test classpath) hooks every command and
                // expects a JUnit
                // run around it; production has no such listener, so the benchmark leaves it out
                "--spring.autoconfigure.exclude=" + COVERAGE_AUTO_CONFIGURATION));
    String profile = "test";
    if (database.equals("mysql")) {
      profile = "mysql";
      args.add("--spring.datasource.url=" + url);
      // the same account as the MariaDB/MySQL integration tests (cn.officeflow.mysql.TestDatabase)
      String user = System.getenv(DB_USER_ENV);
      String password = System.getenv(DB_PASSWORD_ENV);
      args.add("--spring.datasource.username=" + (user == null || user.isBlank() ? "root" : user));
      args.add("--spring.datasource.password=" + (password == null ? "" : password));
      args.add("--officeflow.admin.password=" + MYSQL_ADMIN_PASSWORD);
      args.add("--officeflow.demo.enabled=true");
    }
    return new SpringApplicationBuilder(OfficeFlowApplication.class)
        .web(WebApplicationType.SERVLET)
        .bannerMode(Banner.Mode.OFF)
        .logStartupInfo(false)
        .profiles(profile)
        .run(args.toArray(String[]::new));
  }

  private void runLifecycles(int lifecycles, Samples samples) {
    for (int i = 0; i < lifecycles; i++) {
      lifecycle(samples);
    }
  }

  private void lifecycle(Samples samples) {
    long t = System.nanoTime();
    String pi = as(DRAFTER, () -> runtime.startProcessInstanceByKey(PROCESS_KEY, draft()).getId());
    samples.start.add(millisSince(t));
    instanceIds.add(pi);
    executeJobs(pi, samples);
    for (String[] step : STEPS) {
      complete(step[1], pi, step[0], samples);
      executeJobs(pi, samples);
    }
  }

  /** One user's click in Tasklist: find the task, claim it if needed, complete it with the decision. */
  private void complete(String userId, String processInstanceId, String taskKey, Samples samples) {
    long t = System.nanoTime();
    Task task =
        as(
            userId,
            () ->
                tasks
                    .createTaskQuery()
                    .processInstanceId(processInstanceId)
                    .taskDefinitionKey(taskKey)
                    .or()
                    .taskCandidateUser(userId)
                    .taskAssignee(userId)
                    .endOr()
                    .singleResult());
    samples.taskQuery.add(millisSince(t));
    if (task == null) {
      throw new IllegalStateException(
          taskKey + " is not open for " + userId + " in " + processInstanceId);
    }
    Map<String, Object> decision = Map.of("decision", "approve", "comment", "同意");
    t = System.nanoTime();
    as(
        userId,
        () -> {
          if (task.getAssignee() == null) {
            tasks.claim(task.getId(), userId);
          }
          tasks.complete(task.getId(), decision);
          return null;
        });
    double ms = millisSince(t);
    samples.completion.add(ms);
    samples.byStep.computeIfAbsent(taskKey, k -> new Series()).add(ms);
  }

  /** Due jobs of the instance, as the job executor would run them, until none is left. */
  private void executeJobs(String processInstanceId, Samples samples) {
    for (int round = 0; round < 100; round++) {
      List<Job> jobs =
          management.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      for (Job job : jobs) {
        long t = System.nanoTime();
        management.executeJob(job.getId());
        samples.jobs.add(millisSince(t));
      }
    }
    throw new IllegalStateException("jobs keep coming for " + processInstanceId);
  }

  /** Like a webapp session: the user's groups are read once (at login) and sent with every call. */
  private <T> T as(String userId, Supplier<T> action) {
    List<String> groups =
        groupsByUser.computeIfAbsent(
            userId,
            id ->
                identity.createGroupQuery().groupMember(id).list().stream()
                    .map(Group::getId)
                    .toList());
    identity.setAuthentication(userId, groups);
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  private Map<String, Object> draft() {
    Map<String, Object> vars = new HashMap<>();
    vars.put(TITLE, sample.title());
    vars.put(DOC_TYPE, "通知");
    vars.put(MAIN_RECIPIENTS, sample.mainRecipients());
    vars.put(COPY_TO, sample.copyTo());
    vars.put(BODY, sample.body());
    vars.put(ATTACHMENTS, String.join("\n", sample.attachments()));
    vars.put(URGENCY, "加急");
    vars.put(SECRECY, "内部");
    vars.put(DOC_CODE, docCode);
    return vars;
  }

  /** Every lifecycle ended, issued, and numbered 1..n without a gap under this run's docCode. */
  private void verify(int expected) {
    long running =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(PROCESS_KEY)
            .processInstanceIds(new HashSet<>(instanceIds))
            .count();
    long issued =
        jdbc.sql(
                "select count(*) from of_outgoing_document where doc_code = :c and status = 'ISSUED'"
                    + " and document_number is not null")
            .param("c", docCode)
            .query(Long.class)
            .single();
    Integer maxSeq =
        jdbc.sql("select max(number_seq) from of_outgoing_document where doc_code = :c")
            .param("c", docCode)
            .query(Integer.class)
            .single();
    if (instanceIds.size() != expected
        || running != 0
        || issued != expected
        || maxSeq == null
        || maxSeq != expected) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT,
              "lifecycles did not all complete: started %d, still running %d, issued %d, highest number %s (expected %d)",
              instanceIds.size(),
              running,
              issued,
              maxSeq,
              expected));
    }
  }

  /** Removes what this run created: its history (engine) and its rows (project tables), nothing else. */
  private void deleteRunData() {
    List<String> documentIds =
        jdbc.sql("select id from of_outgoing_document where doc_code = :c")
            .param("c", docCode)
            .query(String.class)
            .list();
    HistoryService history = engine.getHistoryService();
    for (int from = 0; from < instanceIds.size(); from += 50) {
      history.deleteHistoricProcessInstances(
          instanceIds.subList(from, Math.min(from + 50, instanceIds.size())));
    }
    // the user operation log (claim, complete, start as a user) outlives its instances by design
    long operations = 0;
    for (String instanceId : instanceIds) {
      for (UserOperationLogEntry entry :
          history.createUserOperationLogQuery().processInstanceId(instanceId).list()) {
        history.deleteUserOperationLogEntry(entry.getId());
        operations++;
      }
    }
    for (int from = 0; from < documentIds.size(); from += 50) {
      List<String> ids = documentIds.subList(from, Math.min(from + 50, documentIds.size()));
      jdbc.sql("delete from of_review where business_key in (:ids)").param("ids", ids).update();
      jdbc.sql("delete from of_outgoing_version where document_id in (:ids)")
          .param("ids", ids)
          .update();
    }
    jdbc.sql("delete from of_outgoing_document where doc_code = :c").param("c", docCode).update();
    jdbc.sql("delete from of_number_counter where counter_key = :c").param("c", docCode).update();
    long left =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceIds(new HashSet<>(instanceIds))
            .count();
    System.out.print(
        format(
            "  %-11s %d lifecycles deleted with their history, %d operation log entries and their"
                + " rows (%d left)%n",
            "cleanup", instanceIds.size(), operations, left));
  }

  // --- measuring and printing

  /** Milliseconds, in order of arrival. */
  static final class Series {
    private double[] values = new double[256];
    private int size;

    void add(double value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    int size() {
      return size;
    }

    double[] sorted() {
      double[] sorted = Arrays.copyOf(values, size);
      Arrays.sort(sorted);
      return sorted;
    }

    /** Nearest-rank percentile. */
    double percentile(int percent) {
      double[] sorted = sorted();
      if (sorted.length == 0) {
        return Double.NaN;
      }
      int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
      return sorted[Math.max(0, rank - 1)];
    }

    double sum() {
      double sum = 0;
      for (int i = 0; i < size; i++) {
        sum += values[i];
      }
      return sum;
    }
  }

  static final class Samples {
    final Series start = new Series();
    final Series completion = new Series();
    final Series taskQuery = new Series();
    final Series jobs = new Series();
    final Map<String, Series> byStep = new LinkedHashMap<>();
  }

  private static String report(
      String title,
      String product,
      double bootSeconds,
      int lifecycles,
      int warmUp,
      double seconds,
      Samples s,
      double heapMb,
      String docCode,
      int bodyLength) {
    StringBuilder out = new StringBuilder("\n").append(title).append('\n');
    row(out, "database", product);
    row(
        out,
        "context",
        format(
            "started in %.1f s (Tomcat on a random port, unused; job executor off, jobs run inline)",
            bootSeconds));
    row(
        out,
        "lifecycles",
        format(
            "%d (after %d warm-up), one thread, 6 user tasks + start each, body %d characters",
            lifecycles, warmUp, bodyLength));
    row(out, "throughput", format("%.2f lifecycles/s", lifecycles / seconds));
    row(
        out,
        "total time",
        format("%.2f s (%.1f ms per lifecycle)", seconds, seconds * 1000 / lifecycles));
    row(
        out,
        "completions",
        format("%d task completions (claim + complete as the user)", s.completion.size()));
    row(
        out,
        "  p50/95/99",
        format(
            "%.2f / %.2f / %.2f ms",
            s.completion.percentile(50), s.completion.percentile(95), s.completion.percentile(99)));
    for (Map.Entry<String, Series> step : s.byStep.entrySet()) {
      Series series = step.getValue();
      row(
          out,
          "",
          format(
              "%-22s p50 %6.2f  p95 %6.2f ms",
              step.getKey(), series.percentile(50), series.percentile(95)));
    }
    row(
        out,
        "start",
        format(
            "%d starts, p50 %.2f ms, p95 %.2f ms",
            s.start.size(), s.start.percentile(50), s.start.percentile(95)));
    row(
        out,
        "task query",
        format(
            "p50 %.2f ms, p95 %.2f ms (finding the task as the user)",
            s.taskQuery.percentile(50), s.taskQuery.percentile(95)));
    row(
        out,
        "jobs",
        format(
            "%d executed, p50 %.2f ms, p95 %.2f ms (三校 join + .docx + ledger; notify)",
            s.jobs.size(), s.jobs.percentile(50), s.jobs.percentile(95)));
    row(
        out,
        "heap",
        format(
            "%.1f MB used after GC (max heap %d MB)",
            heapMb, Runtime.getRuntime().maxMemory() / (1024 * 1024)));
    row(
        out,
        "checked",
        format(
            "all %d lifecycles ended ISSUED, 文号 %s〔year〕1..%d号 without a gap",
            lifecycles + warmUp, docCode, lifecycles + warmUp));
    row(
        out,
        "machine",
        format(
            "Java %s, %d cores, load average %.2f at the end (other work on the machine skews"
                + " the figures)",
            System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors(),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    return out.toString();
  }

  private static void row(StringBuilder out, String label, String value) {
    out.append(format("  %-11s %s%n", label, value));
  }

  private static String format(String format, Object... values) {
    return String.format(Locale.ROOT, format, values);
  }

  private static double millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e6;
  }

  private static double heapUsedAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
  }

  private static String databaseProduct(ConfigurableApplicationContext context) {
    try (Connection connection = context.getBean(DataSource.class).getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      return meta.getDatabaseProductName()
          + " "
          + meta.getDatabaseProductVersion()
          + " — "
          + meta.getURL().replaceAll("\\?.*", "");
    } catch (Exception e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  /** {@code BM} + 8 random upper-case letters: letters only, 10 characters (the rule allows 12). */
  static String uniqueDocCode() {
    StringBuilder code = new StringBuilder("BM");
    for (int i = 0; i < 8; i++) {
      code.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
    }
    return code.toString();
  }
}
