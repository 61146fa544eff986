package cn.officeflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;

/**
 * The checks of {@code bench/cluster-failover.sh} after the load has stopped: waits until the engine has
 * settled (no due job left, at most {@code settleSeconds}), then checks with SQL on the shared database and
 * over REST on every node, prints one PASS/FAIL line per check and exits 1 on any FAIL.
 *
 * <ul>
 *   <li>instances: every instance a client recorded exists in history; no title was started twice (the
 *       at-most-once client never double-submitted); every lifecycle whose user steps the client finished
 *       has ended;</li>
 *   <li>stuck: every running instance waits in a user task, on a timer due later or in a called instance
 *       that does; no incident, no job without retries;</li>
 *   <li>jobs: no job due and unlocked or with an expired lock left; every job locked by the killed node
 *       ran once its lock expired (by its success in ACT_HI_JOB_LOG, which the nodes must write:
 *       officeflow.history.job-log-success=true);</li>
 *   <li>文号 and 收文编号: per code and year 1..n without a gap or a repeat, and the counter row at n;</li>
 *   <li>notifications: every row SENT, every e-mail received exactly once by the SMTP sink (by the
 *       X-OfficeFlow-Notification header), none received that the database does not know;</li>
 *   <li>archive chain and access audit chain: {@code /api/archive/verify} (as the clerk) and {@code
 *       /api/audit/events/verify} (as the auditor) intact on every node; every finished 发文/收文 archived.</li>
 * </ul>
 *
 * <p>{@code java -cp <test classpath> cn.officeflow.bench.ClusterChecks <jdbc url> <out dir> <sink file>
 * <nodes> [settleSeconds]}
 */
public final class ClusterChecks {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Connection db;
  private final Path out;
  private final Path sink;
  private final List<String> nodes;
  private final Map<String, String> results = new LinkedHashMap<>();
  private boolean failed;

  private ClusterChecks(Connection db, Path out, Path sink, List<String> nodes) {
    this.db = db;
    this.out = out;
    this.sink = sink;
    this.nodes = nodes;
  }

  public static void main(String[] args) throws Exception {
    String url = args[0];
    if (!url.startsWith("jdbc:mysql://127.0.0.1:")) {
      throw new IllegalArgumentException("loopback only: " + url);
    }
    int settleSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 600;
    int exit;
    try (Connection db = DriverManager.getConnection(url, "root", "")) {
      ClusterChecks checks =
          new ClusterChecks(db, Path.of(args[1]), Path.of(args[2]), List.of(args[3].split(",")));
      checks.run(settleSeconds);
      exit = checks.failed ? 1 : 0;
    }
    System.exit(exit);
  }

  private void run(int settleSeconds) throws Exception {
    List<String[]> recorded = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve("instances.tsv"), StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        recorded.add(line.split("\t", -1));
      }
    }
    double settled = settle(settleSeconds);
    checkInstances(recorded);
    checkStuck();
    checkJobs(settled, settleSeconds);
    checkNumbers(
        "document-numbers",
        "select doc_code, number_year, number_seq from of_outgoing_document"
            + " where number_seq is not null",
        null);
    checkNumbers(
        "receipt-numbers",
        "select 'incoming', receipt_year, receipt_seq from of_incoming_document",
        "incoming");
    checkNotifications();
    checkChains();
    checkArchived(recorded);
    StringBuilder text = new StringBuilder();
    results.forEach((name, line) -> text.append(line).append('\n'));
    Files.writeString(out.resolve("checks.txt"), text.toString(), StandardCharsets.UTF_8);
    System.out.print(text);
  }

  // --- settling

  /** Seconds until no job is due any more (or the limit). */
  private double settle(int limitSeconds) throws SQLException {
    Instant start = Instant.now();
    Instant until = start.plusSeconds(limitSeconds);
    while (Instant.now().isBefore(until)) {
      if (dueJobs() == 0) {
        break;
      }
      LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
    }
    return Duration.between(start, Instant.now()).toMillis() / 1000.0;
  }

  private long dueJobs() throws SQLException {
    return count(
        "select count(*) from ACT_RU_JOB where RETRIES_ > 0 and SUSPENSION_STATE_ = 1"
            + " and (DUEDATE_ is null or DUEDATE_ <= now(3))");
  }

  // --- checks

  private void checkInstances(List<String[]> recorded) throws SQLException {
    int missing = 0;
    int unrecorded = 0;
    int notEnded = 0;
    int finished = 0;
    int abandoned = 0;
    List<String> examples = new ArrayList<>();
    for (String[] r : recorded) {
      String pi = r[1];
      if (!r[6].isEmpty()) {
        abandoned++;
        examples.add("abandoned " + r[3] + ": " + r[6]);
      }
      if (pi.equals("null")) {
        unrecorded++;
        continue;
      }
      String state = string("select STATE_ from ACT_HI_PROCINST where ID_ = ?", pi);
      if (state == null) {
        missing++;
        examples.add("missing " + pi + " " + r[3]);
      } else if (r[4].equals("finished")) {
        finished++;
        if (!state.equals("COMPLETED")) {
          notEnded++;
          examples.add(pi + " " + r[3] + " is " + state);
        }
      }
    }
    result(
        "instances-exist",
        missing == 0 && unrecorded == 0,
        recorded.size()
            + " lifecycles recorded by the clients, "
            + missing
            + " missing from history, "
            + unrecorded
            + " without an instance id");
    // one instance per title: the clients never double-submitted a start
    Map<String, Integer> perTitle = new HashMap<>();
    try (PreparedStatement s =
        db.prepareStatement(
            "select v.TEXT_, count(distinct v.PROC_INST_ID_) from ACT_HI_VARINST v"
                + " join ACT_HI_PROCINST p on p.ID_ = v.PROC_INST_ID_"
                + " where v.NAME_ = 'title' and v.TEXT_ like '集群测试%'"
                + " and p.PROC_DEF_KEY_ in ('outgoing_document','incoming_document','supervision')"
                + " and p.SUPER_PROCESS_INSTANCE_ID_ is null"
                + " group by v.TEXT_")) {
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          perTitle.put(rs.getString(1), rs.getInt(2));
        }
      }
    }
    long twice = perTitle.values().stream().filter(n -> n > 1).count();
    Set<String> titles = new HashSet<>();
    recorded.forEach(r -> titles.add(r[3]));
    long strays = perTitle.keySet().stream().filter(t -> !titles.contains(t)).count();
    result(
        "no-double-start",
        twice == 0 && strays == 0,
        perTitle.size()
            + " titles started, "
            + twice
            + " started more than once, "
            + strays
            + " started without the client knowing");
    result(
        "lifecycles-ended",
        notEnded == 0 && abandoned == 0,
        finished
            + " lifecycles whose user steps were all done: "
            + notEnded
            + " not COMPLETED in history; "
            + abandoned
            + " abandoned by a client"
            + (examples.isEmpty()
                ? ""
                : " — " + String.join("; ", examples.subList(0, Math.min(5, examples.size())))));
  }

  private void checkStuck() throws SQLException {
    // running process instances and what each one waits for
    Map<String, String> running = new LinkedHashMap<>();
    try (PreparedStatement s =
            db.prepareStatement(
                "select e.ID_, d.KEY_ from ACT_RU_EXECUTION e join ACT_RE_PROCDEF d on d.ID_ = e.PROC_DEF_ID_"
                    + " where e.ID_ = e.PROC_INST_ID_");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        running.put(rs.getString(1), rs.getString(2));
      }
    }
    Set<String> withTask = ids("select distinct PROC_INST_ID_ from ACT_RU_TASK");
    Set<String> withLaterTimer =
        ids(
            "select distinct PROCESS_INSTANCE_ID_ from ACT_RU_JOB where TYPE_ = 'timer'"
                + " and DUEDATE_ > now(3) and RETRIES_ > 0");
    Map<String, String> parentOf = new HashMap<>();
    try (PreparedStatement s =
            db.prepareStatement(
                "select c.ID_, p.PROC_INST_ID_ from ACT_RU_EXECUTION c join ACT_RU_EXECUTION p"
                    + " on p.ID_ = c.SUPER_EXEC_ where c.ID_ = c.PROC_INST_ID_");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        parentOf.put(rs.getString(1), rs.getString(2));
      }
    }
    Set<String> fine = new HashSet<>();
    for (String pi : running.keySet()) {
      if (withTask.contains(pi) || withLaterTimer.contains(pi)) {
        // waiting in a user task or on a timer: fine, and so are the instances that called it
        for (String p = pi; p != null; p = parentOf.get(p)) {
          fine.add(p);
        }
      }
    }
    List<String> stuck = new ArrayList<>();
    Map<String, Integer> waitingByKey = new TreeMap<>();
    for (Map.Entry<String, String> e : running.entrySet()) {
      if (!fine.contains(e.getKey())) {
        stuck.add(e.getValue() + " " + e.getKey());
      } else {
        waitingByKey.merge(e.getValue(), 1, Integer::sum);
      }
    }
    long incidents = count("select count(*) from ACT_RU_INCIDENT");
    long noRetries = count("select count(*) from ACT_RU_JOB where RETRIES_ <= 0");
    result(
        "no-stuck-instance",
        stuck.isEmpty() && incidents == 0 && noRetries == 0,
        running.size()
            + " running instances, all waiting in a user task or on a later timer "
            + waitingByKey
            + "; "
            + stuck.size()
            + " stuck"
            + (stuck.isEmpty() ? "" : " " + stuck.subList(0, Math.min(5, stuck.size())))
            + "; "
            + incidents
            + " incidents; "
            + noRetries
            + " jobs without retries");
  }

  private void checkJobs(double settled, int limit) throws Exception {
    long due = dueJobs();
    long expired =
        count(
            "select count(*) from ACT_RU_JOB where LOCK_EXP_TIME_ is not null and LOCK_EXP_TIME_ < now(3)");
    long executed = count("select count(*) from ACT_HI_JOB_LOG where JOB_STATE_ = 2");
    long failures = count("select count(*) from ACT_HI_JOB_LOG where JOB_STATE_ = 1");
    Map<String, Long> byHost = new TreeMap<>();
    try (PreparedStatement s =
            db.prepareStatement(
                "select HOSTNAME_, count(*) from ACT_HI_JOB_LOG where JOB_STATE_ = 2 group by HOSTNAME_");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        byHost.put(rs.getString(1), rs.getLong(2));
      }
    }
    String takenOver = "";
    boolean orphansDone = true;
    Path orphaned = out.resolve("orphaned-jobs.tsv");
    if (Files.exists(orphaned)) {
      // the jobs the killed node held: each must have run later, on a node, after its lock expired
      int held = 0;
      int late = 0;
      int early = 0;
      Map<String, Integer> by = new TreeMap<>();
      for (String line : Files.readAllLines(orphaned, StandardCharsets.UTF_8)) {
        String[] job = line.split("\t");
        if (job.length < 2) {
          continue;
        }
        held++;
        try (PreparedStatement s =
            prepare(
                "select HOSTNAME_, TIMESTAMP_ >= ? from ACT_HI_JOB_LOG where JOB_ID_ = ? and JOB_STATE_ = 2",
                job[1],
                job[0])) {
          try (ResultSet rs = s.executeQuery()) {
            if (rs.next()) {
              by.merge(rs.getString(1), 1, Integer::sum);
              if (!rs.getBoolean(2)) {
                early++;
              }
            } else if (count("select count(*) from ACT_RU_JOB where ID_ = ?", job[0]) > 0) {
              late++;
            }
          }
        }
      }
      int ran = by.values().stream().mapToInt(Integer::intValue).sum();
      // neither executed (by the job log) nor waiting: nothing shows that it ever ran
      int unaccounted = held - ran - late;
      orphansDone = late == 0 && early == 0 && unaccounted == 0;
      takenOver =
          format(
              "; %d jobs held by the killed node: %d executed after their lock expired %s, %d still"
                  + " waiting, %d executed before the expiry, %d gone without a success in the job log",
              held, ran, by, late, early, unaccounted);
    }
    // the job log's successes are what shows which node ran what (the nodes must write them:
    // officeflow.history.job-log-success=true; production leaves them out)
    boolean logged = executed > 0;
    result(
        "jobs-done",
        due == 0 && expired == 0 && orphansDone && logged,
        format(
                "settled in %.0f s (limit %d s); %d due jobs left, %d with an expired lock; %d jobs"
                    + " executed %s, %d failed attempts (retried)%s",
                settled, limit, due, expired, executed, byHost, failures, takenOver)
            + (logged
                ? ""
                : " — no success in ACT_HI_JOB_LOG: job-log-success is off on the nodes"));
  }

  /** Rows (code, year, seq): per code and year the numbers are 1..n exactly once and the counter is at n. */
  private void checkNumbers(String name, String sql, String counterKey) throws SQLException {
    Map<String, List<Integer>> numbers = new TreeMap<>();
    try (PreparedStatement s = db.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        numbers
            .computeIfAbsent(rs.getString(1) + "/" + rs.getInt(2), k -> new ArrayList<>())
            .add(rs.getInt(3));
      }
    }
    List<String> problems = new ArrayList<>();
    List<String> summary = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> e : numbers.entrySet()) {
      List<Integer> seqs = e.getValue();
      TreeSet<Integer> distinct = new TreeSet<>(seqs);
      int max = distinct.last();
      if (distinct.size() != seqs.size()) {
        problems.add(e.getKey() + ": " + (seqs.size() - distinct.size()) + " repeated");
      }
      if (distinct.first() != 1 || distinct.size() != max) {
        problems.add(e.getKey() + ": " + (max - distinct.size()) + " missing below " + max);
      }
      String[] keyYear = e.getKey().split("/");
      Integer counter =
          integer(
              "select last_value from of_number_counter where counter_key = ? and counter_year = ?",
              counterKey == null ? keyYear[0] : counterKey,
              Integer.parseInt(keyYear[1]));
      if (counter == null || counter != max) {
        problems.add(e.getKey() + ": counter at " + counter + ", highest number " + max);
      }
      summary.add(e.getKey() + " 1.." + max);
    }
    result(
        name + "-gapless",
        problems.isEmpty() && !numbers.isEmpty(),
        (numbers.isEmpty() ? "no numbers at all" : String.join(", ", summary))
            + (problems.isEmpty() ? ", no gap, no repeat" : " — " + problems));
  }

  private void checkNotifications() throws Exception {
    Map<String, String> status = new HashMap<>();
    Map<String, String> channel = new HashMap<>();
    try (PreparedStatement s =
            db.prepareStatement("select id, status, channel from of_notification");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        status.put(rs.getString(1), rs.getString(2));
        channel.put(rs.getString(1), rs.getString(3));
      }
    }
    Map<String, Integer> received = new HashMap<>();
    for (String line : Files.readAllLines(sink, StandardCharsets.UTF_8)) {
      String[] parts = line.split("\t");
      if (parts.length >= 2) {
        received.merge(parts[1], 1, Integer::sum);
      }
    }
    long notSent = status.values().stream().filter(s -> !s.equals("SENT")).count();
    long mails = channel.values().stream().filter("MAIL"::equals).count();
    long sms = channel.size() - mails;
    long neverReceived =
        channel.entrySet().stream()
            .filter(e -> e.getValue().equals("MAIL") && !received.containsKey(e.getKey()))
            .count();
    long duplicates = received.values().stream().filter(n -> n > 1).count();
    long unknown = received.keySet().stream().filter(id -> !status.containsKey(id)).count();
    result(
        "notifications-exactly-once",
        notSent == 0 && neverReceived == 0 && duplicates == 0 && unknown == 0 && mails > 0,
        format(
            "%d notifications (%d e-mail, %d SMS), %d not SENT; SMTP sink: %d messages, %d e-mails"
                + " never received, %d received more than once, %d unknown to the database",
            status.size(),
            mails,
            sms,
            notSent,
            received.values().stream().mapToInt(Integer::intValue).sum(),
            neverReceived,
            duplicates,
            unknown));
  }

  private void checkChains() throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    List<String> archive = new ArrayList<>();
    List<String> audit = new ArrayList<>();
    boolean archiveOk = true;
    boolean auditOk = true;
    for (String node : nodes) {
      JsonNode a = get(http, node + "/api/archive/verify", ClusterLoad.CLERK);
      archiveOk &= a != null && a.path("intact").asBoolean(false);
      archive.add(URI.create(node).getPort() + " " + a);
      JsonNode b = get(http, node + "/api/audit/events/verify", ClusterLoad.AUDITOR);
      auditOk &= b != null && b.path("intact").asBoolean(false);
      audit.add(URI.create(node).getPort() + " " + b);
    }
    long entries = count("select count(*) from of_archive_entry");
    result("archive-chain-intact", archiveOk, entries + " entries; " + String.join("; ", archive));
    long events = count("select count(*) from of_audit_event");
    result("audit-chain-intact", auditOk, events + " events; " + String.join("; ", audit));
  }

  /** Every finished 发文 and 收文 lifecycle has its archive entry (once). */
  private void checkArchived(List<String[]> recorded) throws SQLException {
    int expected = 0;
    int missing = 0;
    int twice = 0;
    for (String[] r : recorded) {
      if (!r[4].equals("finished") || r[0].equals("SUPERVISION")) {
        continue;
      }
      expected++;
      long n = count("select count(*) from of_archive_entry where source_id = ?", r[2]);
      if (n == 0) {
        missing++;
      } else if (n > 1) {
        twice++;
      }
    }
    result(
        "archived-once",
        missing == 0 && twice == 0,
        expected + " finished 发文/收文: " + missing + " not archived, " + twice + " archived twice");
  }

  // --- helpers

  private JsonNode get(HttpClient http, String url, String user) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(120))
              .header(
                  "Authorization",
                  "Basic "
                      + Base64.getEncoder()
                          .encodeToString(
                              (user + ":" + ClusterLoad.PASSWORD).getBytes(StandardCharsets.UTF_8)))
              .GET()
              .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200
          ? JSON.readTree(response.body())
          : JSON.createObjectNode()
              .put("status", response.statusCode())
              .put("body", response.body());
    } catch (Exception e) {
      return JSON.createObjectNode().put("error", e.toString());
    }
  }

  private void result(String name, boolean pass, String detail) {
    failed |= !pass;
    results.put(name, format("%-4s %-28s %s", pass ? "PASS" : "FAIL", name, detail));
  }

  private long count(String sql, Object... params) throws SQLException {
    try (PreparedStatement s = prepare(sql, params);
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private String string(String sql, Object... params) throws SQLException {
    try (PreparedStatement s = prepare(sql, params);
        ResultSet rs = s.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private Integer integer(String sql, Object... params) throws SQLException {
    try (PreparedStatement s = prepare(sql, params);
        ResultSet rs = s.executeQuery()) {
      return rs.next() ? rs.getInt(1) : null;
    }
  }

  private Set<String> ids(String sql) throws SQLException {
    Set<String> ids = new HashSet<>();
    try (PreparedStatement s = db.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  private PreparedStatement prepare(String sql, Object... params) throws SQLException {
    PreparedStatement s = db.prepareStatement(sql);
    for (int i = 0; i < params.length; i++) {
      s.setObject(i + 1, params[i]);
    }
    return s;
  }

  private static String format(String format, Object... values) {
    return String.format(Locale.ROOT, format, values);
  }
}
