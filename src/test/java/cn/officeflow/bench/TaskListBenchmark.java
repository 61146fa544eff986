package cn.officeflow.bench;

import static cn.officeflow.outgoing.OutgoingDocumentVariables.*;

import cn.officeflow.bench.OutgoingLifecycleBenchmark.Series;
import cn.officeflow.platform.security.TaskFiltersBootstrap;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tasklist's two lists as open tasks grow, on MariaDB, over REST as Tasklist asks for them ({@code POST
 * /engine-rest/filter/{id}/list?firstResult=0&maxResults=15} as {@code application/hal+json}, then {@code
 * …/count}): a staff member's 「我的待办」 (刘洋: assigned to him, or offered to him or his groups, newest first)
 * and the office's 「全部任务」 (赵敏, 办公室主任, who may read every task).
 *
 * <p>The open tasks are made from real ones: the application starts 发文 documents through its engine, and
 * the benchmark copies their task row, with a candidate-group identity link and the group's task
 * authorization like the engine writes them, into {@code ACT_RU_TASK}, {@code ACT_RU_IDENTITYLINK} and
 * {@code ACT_RU_AUTHORIZATION} with SQL (100,000 tasks through the engine would take hours): each copy is
 * offered to one of 200 groups (刘洋 is in one of them, as an office of some hundred groups would be), every
 * 1000th is assigned to 刘洋. Finished instances ({@code bench.tasks.finished}, default 1,000,000) are written
 * the same way into {@code ACT_HI_PROCINST} and {@code ACT_HI_TASKINST} (one task each). MariaDB only (its
 * {@code seq_1_to_N} tables make the rows). Not a JUnit test: {@code mvn -Pbench verify} runs it when {@code
 * OFFICEFLOW_TEST_DB_URL} is set, on the fresh database {@code officeflow_bench_tasks} of that server.
 *
 * <p>Arguments: the open-task sizes (default {@code 10000,100000}) and the samples per list (default 200,
 * after 20 warm-up).
 */
public final class TaskListBenchmark {

  private static final String PASSWORD = "Office@2026";
  private static final String STAFF = "liuyang";
  private static final String OFFICE = "zhaomin";
  private static final int GROUPS = 200;
  private static final int WARM_UP = 20;

  public static void main(String[] args) {
    OutgoingLifecycleBenchmark.exitAfter(() -> run(args));
  }

  private static void run(String[] args) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    for (String size : (args.length > 0 ? args[0] : "10000,100000").split(",")) {
      sizes.add(Integer.parseInt(size.strip()));
    }
    int samples = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int finished = Integer.getInteger("bench.tasks.finished", 1_000_000);
    String title = "Tasklist lists (我的待办, 全部任务) as open tasks grow — MariaDB, over REST";
    String url = OutgoingLifecycleBenchmark.mysqlUrlOrSkip(title);
    if (url == null) {
      return;
    }
    String server = OutgoingLifecycleBenchmark.server(url);
    String database = OutgoingLifecycleBenchmark.freshDatabase(server, "officeflow_bench_tasks");
    StringBuilder out = new StringBuilder();
    System.out.println("\n" + title);
    try (ConfigurableApplicationContext context = boot(server + database)) {
      TaskListBenchmark bench = new TaskListBenchmark(context);
      bench.templates();
      bench.finishedInstances(finished);
      row(
          out,
          "finished",
          format("%,d historic process instances, %,d historic tasks", finished, finished));
      int made = 0;
      for (int size : sizes) {
        bench.openTasks(made, size);
        made = size;
        bench.measure(out, size, samples);
      }
    }
    row(
        out,
        "machine",
        format(
            "Java %s, %d cores, load average %.2f at the end",
            System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors(),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
  }

  private final ProcessEngine engine;
  private final JdbcClient jdbc;
  private final BenchHttp http;
  private String templateTask;

  private TaskListBenchmark(ConfigurableApplicationContext context) {
    this.engine = context.getBean(ProcessEngine.class);
    this.jdbc = context.getBean(JdbcClient.class);
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    this.http = new BenchHttp("http://127.0.0.1:" + port, PASSWORD);
  }

  private static ConfigurableApplicationContext boot(String url) {
    return OutgoingLifecycleBenchmark.bootOnMysql(url, false, List.of());
  }

  /** A real 发文 in 部门初审 whose task is copied; the 200 groups, 刘洋 in the first. */
  private void templates() throws Exception {
    JsonNode started =
        http.call(
            "zhangwei",
            "POST",
            "/engine-rest/process-definition/key/" + PROCESS_KEY + "/start",
            BenchHttp.JSON.writeValueAsString(
                Map.of(
                    "variables",
                    Map.of(
                        TITLE, Map.of("value", "关于做好年终工作的通知"),
                        DOC_TYPE, Map.of("value", "通知"),
                        MAIN_RECIPIENTS, Map.of("value", "各处室"),
                        BODY, Map.of("value", "一、总体要求\n各处室应当按时完成年终工作。")))));
    templateTask =
        jdbc.sql("select ID_ from ACT_RU_TASK where PROC_INST_ID_ = :pi")
            .param("pi", started.get("id").asText())
            .query(String.class)
            .single();
    IdentityService identity = engine.getIdentityService();
    for (int i = 0; i < GROUPS; i++) {
      Group group = identity.newGroup(group(i));
      group.setName("基准组 " + i);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
    identity.createMembership(STAFF, group(0));
  }

  private static String group(int i) {
    return String.format(Locale.ROOT, "bgrp%03d", i);
  }

  /** Copies of the template task, numbered {@code from+1 .. to}, newest with the highest number. */
  private void openTasks(int from, int to) {
    int n = to - from;
    List<String> columns =
        jdbc.sql(
                "select column_name from information_schema.columns where table_schema = database()"
                    + " and table_name = 'ACT_RU_TASK' order by ordinal_position")
            .query(String.class)
            .list();
    List<String> values = new ArrayList<>();
    for (String column : columns) {
      values.add(
          switch (column.toUpperCase(Locale.ROOT)) {
            case "ID_" -> "concat('bt', lpad(s.seq + " + from + ", 8, '0'))";
            case "REV_" -> "1";
            case "ASSIGNEE_" ->
                "case when (s.seq + " + from + ") % 1000 = 0 then '" + STAFF + "' else null end";
            case "CREATE_TIME_", "LAST_UPDATED_" ->
                "t.CREATE_TIME_ - interval (" + to + " - s.seq - " + from + ") second";
            default -> "t." + column;
          });
    }
    jdbc.sql(
            "insert into ACT_RU_TASK ("
                + String.join(", ", columns)
                + ") select "
                + String.join(", ", values)
                + " from ACT_RU_TASK t join seq_1_to_"
                + n
                + " s where t.ID_ = :template")
        .param("template", templateTask)
        .update();
    String number = "(s.seq + " + from + ")";
    String task = "concat('bt', lpad(" + number + ", 8, '0'))";
    String group = "concat('bgrp', lpad(" + number + " % " + GROUPS + ", 3, '0'))";
    jdbc.sql(
            "insert into ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, USER_ID_, TASK_ID_)"
                + " select concat('bl', lpad("
                + number
                + ", 8, '0')), 1, "
                + group
                + ", 'candidate', null, "
                + task
                + " from seq_1_to_"
                + n
                + " s")
        .update();
    // the grant the engine writes for a candidate group (TaskEntity.addCandidateGroup: READ,
    // UPDATE…)
    int perms =
        jdbc.sql(
                "select max(PERMS_) from ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ = 7 and"
                    + " RESOURCE_ID_ = :task")
            .param("task", templateTask)
            .query(Integer.class)
            .single();
    jdbc.sql(
            "insert into ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, GROUP_ID_, USER_ID_, RESOURCE_TYPE_,"
                + " RESOURCE_ID_, PERMS_) select concat('ba', lpad("
                + number
                + ", 8, '0')), 1, 1, "
                + group
                + ", null, 7, "
                + task
                + ", "
                + perms
                + " from seq_1_to_"
                + n
                + " s")
        .update();
    jdbc.sql(
            "insert into ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, GROUP_ID_, USER_ID_, RESOURCE_TYPE_,"
                + " RESOURCE_ID_, PERMS_) select concat('bu', lpad("
                + number
                + ", 8, '0')), 1, 1, null, '"
                + STAFF
                + "', 7, "
                + task
                + ", "
                + perms
                + " from seq_1_to_"
                + n
                + " s where "
                + number
                + " % 1000 = 0")
        .update();
    jdbc.sql("analyze table ACT_RU_TASK, ACT_RU_IDENTITYLINK, ACT_RU_AUTHORIZATION")
        .query()
        .listOfRows();
  }

  private void finishedInstances(int n) {
    if (n <= 0) {
      return;
    }
    String pi = "concat('bp', lpad(s.seq, 8, '0'))";
    String end = "timestamp'2026-11-30 17:00:00' - interval s.seq minute";
    jdbc.sql(
            "insert into ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_,"
                + " PROC_DEF_ID_, START_TIME_, END_TIME_, DURATION_, START_USER_ID_, START_ACT_ID_,"
                + " END_ACT_ID_, ROOT_PROC_INST_ID_, STATE_) select "
                + pi
                + ", "
                + pi
                + ", concat('bk', s.seq), p.PROC_DEF_KEY_, p.PROC_DEF_ID_, "
                + end
                + " - interval 3 day, "
                + end
                + ", 259200000, 'zhangwei', p.START_ACT_ID_, 'EndEvent_Issued', "
                + pi
                + ", 'COMPLETED' from ACT_HI_PROCINST p join seq_1_to_"
                + n
                + " s where p.ID_ = (select min(ID_) from ACT_HI_PROCINST where PROC_DEF_KEY_ ="
                + " :key)")
        .param("key", PROCESS_KEY)
        .update();
    jdbc.sql(
            "insert into ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_,"
                + " ROOT_PROC_INST_ID_, PROC_INST_ID_, EXECUTION_ID_, ACT_INST_ID_, NAME_, ASSIGNEE_,"
                + " START_TIME_, END_TIME_, DURATION_, DELETE_REASON_, PRIORITY_, TASK_STATE_) select"
                + " concat('bh', lpad(s.seq, 8, '0')), 'Task_DeptReview', p.PROC_DEF_KEY_,"
                + " p.PROC_DEF_ID_, p.ID_, p.ID_, p.ID_, concat('Task_DeptReview:', s.seq), '部门初审',"
                + " 'liuyang', p.START_TIME_, p.END_TIME_, 3600000, 'completed', 50, 'Completed' from"
                + " ACT_HI_PROCINST p join seq_1_to_"
                + n
                + " s on p.ID_ = concat('bp', lpad(s.seq, 8, '0'))")
        .update();
    jdbc.sql("analyze table ACT_HI_PROCINST, ACT_HI_TASKINST").query().listOfRows();
  }

  private void measure(StringBuilder out, int size, int samples) throws Exception {
    long open = jdbc.sql("select count(*) from ACT_RU_TASK").query(Long.class).single();
    row(out, "open tasks", format("%,d", open));
    for (String[] list :
        List.of(
            new String[] {TaskFiltersBootstrap.MY_TASKS, STAFF},
            new String[] {TaskFiltersBootstrap.ALL_TASKS, OFFICE})) {
      String user = list[1];
      JsonNode filters =
          http.call(
              user,
              "GET",
              "/engine-rest/filter?resourceType=Task&name="
                  + URLEncoder.encode(list[0], StandardCharsets.UTF_8),
              null);
      String id = filters.get(0).get("id").asText();
      // what Tasklist 7.24 sends for a filter's first page (captured in Chromium)
      String body =
          "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
              + "\"firstResult\":0,\"maxResults\":15,"
              + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";
      Series lists = new Series();
      Series counts = new Series();
      Series both = new Series();
      long visible = 0;
      for (int i = 0; i < WARM_UP + samples; i++) {
        long t = System.nanoTime();
        JsonNode page =
            http.call(
                user,
                "POST",
                "/engine-rest/filter/" + id + "/list?firstResult=0&maxResults=15",
                body,
                "application/hal+json");
        long t2 = System.nanoTime();
        JsonNode count = http.call(user, "POST", "/engine-rest/filter/" + id + "/count", body);
        long t3 = System.nanoTime();
        if (page.path("_embedded").path("task").size() == 0) {
          throw new IllegalStateException(list[0] + " is empty for " + user);
        }
        visible = count.get("count").asLong();
        if (i >= WARM_UP) {
          lists.add((t2 - t) / 1e6);
          counts.add((t3 - t2) / 1e6);
          both.add((t3 - t) / 1e6);
        }
      }
      row(
          out,
          "  " + list[0],
          format(
              "%s sees %,d: list p50 %.1f / p95 %.1f ms, count p50 %.1f / p95 %.1f ms, both p95 %.1f"
                  + " ms (target ≤ 50)",
              user,
              visible,
              lists.percentile(50),
              lists.percentile(95),
              counts.percentile(50),
              counts.percentile(95),
              both.percentile(95)));
    }
    // 我的工作 (Tasklist's tab of the application, GET /api/worklist): the staff member's 待办 with their
    // documents' titles, numbers and urgency, at most 200
    Series worklist = new Series();
    int entries = 0;
    for (int i = 0; i < WARM_UP + samples / 4; i++) {
      long t = System.nanoTime();
      JsonNode todo = http.call(STAFF, "GET", "/api/worklist", null);
      if (i >= WARM_UP) {
        worklist.add((System.nanoTime() - t) / 1e6);
      }
      entries = todo.size();
    }
    row(
        out,
        "  我的工作",
        format(
            "%s: %d entries, p50 %.1f / p95 %.1f ms",
            STAFF, entries, worklist.percentile(50), worklist.percentile(95)));
  }

  private static void row(StringBuilder out, String label, String value) {
    out.append(format("  %-14s %s%n", label, value));
    System.out.print(format("  %-14s %s%n", label, value));
  }

  private static String format(String format, Object... values) {
    return String.format(Locale.ROOT, format, values);
  }
}
