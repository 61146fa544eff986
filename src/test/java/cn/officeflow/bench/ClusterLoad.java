package cn.officeflow.bench;

import static cn.officeflow.support.DemoUsers.DRAFTER;
import static cn.officeflow.support.DemoUsers.HEAD;
import static cn.officeflow.support.DemoUsers.LEADER;

import cn.officeflow.incoming.IncomingDocumentVariables;
import cn.officeflow.outgoing.OutgoingDocumentVariables;
import cn.officeflow.supervision.SupervisionVariables;
import cn.officeflow.support.DemoUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The clients of {@code bench/cluster-failover.sh}: {@code clients} threads drive mixed 发文/收文/督办
 * lifecycles over REST (HTTP Basic as the demo users) against two application nodes, until the file {@code
 * <out>/stop} appears; then each client finishes the lifecycle it is in and the driver writes what it did.
 *
 * <p>Client {@code i} prefers node {@code i % nodes} and takes the kinds in turn (发文, 收文, 督办), so that
 * every kind runs on both nodes. A client behaves like a careful user behind a proxy, <b>at most once</b>:
 * <ul>
 *   <li>a connection error (the node is dead) moves it to the other node;</li>
 *   <li>after any error of a write (connection error, timeout, 5xx) it first <b>re-reads</b> the state —
 *       does the instance with its unique title exist, is the task still open, is the file there, was the
 *       reminder recorded — and re-sends the write only when it did not happen; a write that turns out to
 *       have happened is counted as "done before the error" and never repeated;</li>
 *   <li>a 4xx is a real refusal: the lifecycle is abandoned and counted (the checks fail on it).</li>
 * </ul>
 *
 * <p>Writes {@code <out>/instances.tsv} (kind, process instance id, business key, title, whether the
 * client finished all its user steps, client, reason when abandoned) and {@code <out>/load.txt} (figures),
 * and prints the figures. {@code java -cp <test classpath> cn.officeflow.bench.ClusterLoad <out> <clients>
 * http://127.0.0.1:8094,http://127.0.0.1:8095}
 */
public final class ClusterLoad {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String PASSWORD = DemoUsers.PASSWORD;
  static final String AUDITOR = "qianyu";
  static final String CLERK = "lina";
  static final String DIRECTOR = "zhaomin";
  static final Duration ACTION_DEADLINE = Duration.ofMinutes(5);
  static final Duration STOP_GRACE = Duration.ofMinutes(4);

  enum Kind {
    OUTGOING(OutgoingDocumentVariables.PROCESS_KEY, "发文"),
    INCOMING(IncomingDocumentVariables.PROCESS_KEY, "收文"),
    SUPERVISION(SupervisionVariables.PROCESS_KEY, "督办");

    final String key;
    final String label;

    Kind(String key, String label) {
      this.key = key;
      this.label = label;
    }
  }

  /** What one client did with one lifecycle. */
  record Lifecycle(
      Kind kind,
      String processInstanceId,
      String businessKey,
      String title,
      boolean finished,
      int client,
      String abandoned) {}

  // --- figures shared by the clients
  static final AtomicLong requests = new AtomicLong();
  static final AtomicLong okRequests = new AtomicLong();
  static final AtomicLong connectionErrors = new AtomicLong();
  static final AtomicLong timeouts = new AtomicLong();
  static final AtomicLong serverErrors = new AtomicLong();
  static final AtomicLong refusals = new AtomicLong();
  static final AtomicLong writeRetries = new AtomicLong();
  static final AtomicLong readRetries = new AtomicLong();
  static final AtomicLong doneBeforeError = new AtomicLong();
  static final AtomicLong nodeSwitches = new AtomicLong();
  static final Map<Long, long[]> timeline = new ConcurrentHashMap<>();
  static final ConcurrentLinkedQueue<Lifecycle> lifecycles = new ConcurrentLinkedQueue<>();
  static final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();

  static volatile long startedAtMillis;
  static volatile Instant stopSeenAt;

  private ClusterLoad() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    int clients = Integer.parseInt(args[1]);
    List<String> nodes = List.of(args[2].split(","));
    for (String node : nodes) {
      if (!URI.create(node).getHost().equals("127.0.0.1")) {
        throw new IllegalArgumentException("loopback only: " + node);
      }
    }
    Files.createDirectories(out);
    Path stop = out.resolve("stop");
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .build();
    startedAtMillis = System.currentTimeMillis();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Client client = new Client(i, nodes, http, stop);
      Thread thread = new Thread(client, "client-" + i);
      thread.start();
      threads.add(thread);
    }
    Thread watcher =
        new Thread(
            () -> {
              while (!Files.exists(stop)) {
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
              }
              stopSeenAt = Instant.now();
            });
    watcher.setDaemon(true);
    watcher.start();
    for (Thread thread : threads) {
      thread.join();
    }
    long endedAt = System.currentTimeMillis();
    write(out, clients, nodes, endedAt);
  }

  // --- one client

  static final class Client implements Runnable {
    final int index;
    final List<String> nodes;
    final HttpClient http;
    final Path stop;
    int current;
    Instant deadline;

    Client(int index, List<String> nodes, HttpClient http, Path stop) {
      this.index = index;
      this.nodes = nodes;
      this.http = http;
      this.stop = stop;
    }

    @Override
    public void run() {
      int n = 0;
      while (!Files.exists(stop)) {
        Kind kind = Kind.values()[(index + n) % Kind.values().length];
        current = index % nodes.size();
        String token = "c" + index + "n" + n + "x" + UUID.randomUUID().toString().substring(0, 6);
        String title = "集群测试" + kind.label + " " + token;
        Started started = null;
        String abandoned = null;
        boolean finished = false;
        try {
          started =
              switch (kind) {
                case OUTGOING -> outgoing(title);
                case INCOMING -> incoming(title, token);
                case SUPERVISION -> supervision(title, token);
              };
          finished = true;
        } catch (Abandon e) {
          started = e.started;
          abandoned = e.getMessage();
          if (firstErrors.size() < 20) {
            firstErrors.add("client " + index + " " + kind + " " + title + ": " + abandoned);
          }
        }
        lifecycles.add(
            new Lifecycle(
                kind,
                started == null ? null : started.id,
                started == null ? null : started.businessKey,
                title,
                finished,
                index,
                abandoned));
        n++;
      }
    }

    // --- the three lifecycles

    Started outgoing(String title) {
      ObjectNode vars = JSON.createObjectNode();
      put(vars, "title", title);
      put(vars, "docType", "通知");
      put(vars, "mainRecipients", "各处室");
      put(vars, "body", "一、集群测试。\n二、节点故障时不丢失流程。");
      put(vars, "urgency", "普通");
      put(vars, "secrecy", "内部");
      Started started = start(Kind.OUTGOING, DRAFTER, title, vars);
      for (String[] step : OutgoingLifecycleBenchmark.STEPS) {
        complete(started, step[1], step[0], approve());
      }
      return started;
    }

    Started incoming(String title, String token) {
      ObjectNode vars = JSON.createObjectNode();
      put(vars, "senderOrg", "集群测试来文单位");
      put(vars, "senderNumber", "集测〔2026〕" + token + "号");
      put(vars, "title", title);
      // 加急: the office director gets e-mail and SMS at 送拟办 (a notification per lifecycle)
      put(vars, "urgency", "加急");
      put(vars, "secrecy", "内部");
      vars.putObject("pages").put("value", 2);
      Started started = start(Kind.INCOMING, CLERK, title, vars);
      upload(started, "来文" + token + ".pdf");
      complete(started, CLERK, IncomingDocumentVariables.TASK_SCAN, JSON.createObjectNode());
      ObjectNode propose = JSON.createObjectNode();
      put(propose, "handling", IncomingDocumentVariables.READ_ONLY);
      put(propose, "proposal", "拟请领导阅知");
      complete(started, DIRECTOR, IncomingDocumentVariables.TASK_PROPOSE, propose);
      ObjectNode instruct = JSON.createObjectNode();
      put(instruct, "instruction", "已阅");
      complete(started, LEADER, IncomingDocumentVariables.TASK_INSTRUCT, instruct);
      ObjectNode archive = JSON.createObjectNode();
      put(archive, "box", "集测-" + token);
      complete(started, CLERK, IncomingDocumentVariables.TASK_ARCHIVE, archive);
      return started;
    }

    Started supervision(String title, String token) {
      ObjectNode vars = JSON.createObjectNode();
      put(vars, "title", title);
      put(vars, "basis", "集群测试");
      put(vars, "department", "dept-business");
      vars.putObject("deadlineDays").put("value", 10);
      Started started = start(Kind.SUPERVISION, DIRECTOR, title, vars);
      ObjectNode assign = JSON.createObjectNode();
      put(assign, "handler", DRAFTER);
      complete(started, HEAD, SupervisionVariables.TASK_ASSIGN, assign);
      // 催办 of the handler's task: a non-idempotent write that sends e-mail and SMS
      JsonNode handle = awaitTask(started, DRAFTER, SupervisionVariables.TASK_HANDLE);
      remind(started, handle.get("id").asText(), "集群测试催办 " + token);
      ObjectNode done = JSON.createObjectNode();
      put(done, "progress", "已办结");
      done.putObject("finished").put("value", true);
      complete(started, DRAFTER, SupervisionVariables.TASK_HANDLE, done);
      complete(started, DIRECTOR, SupervisionVariables.TASK_INSPECT, approve());
      ObjectNode assess = JSON.createObjectNode();
      assess.putObject("score").put("value", 90);
      complete(started, DIRECTOR, SupervisionVariables.TASK_ASSESS, assess);
      return started;
    }

    // --- writes, each at most once

    Started start(Kind kind, String user, String title, ObjectNode variables) {
      ObjectNode body = JSON.createObjectNode();
      body.set("variables", variables);
      String json = body.toString();
      return write(
          null,
          "start " + kind,
          () -> {
            JsonNode started =
                call(
                    user,
                    "POST",
                    "/engine-rest/process-definition/key/" + kind.key + "/start",
                    json,
                    null);
            return new Started(started.get("id").asText(), started.path("businessKey").asText());
          },
          () -> findStarted(kind, title));
    }

    /** The instance with this (unique) title, read from history as the auditor. */
    Optional<Started> findStarted(Kind kind, String title) {
      JsonNode found =
          call(
              AUDITOR,
              "GET",
              "/engine-rest/history/process-instance?processDefinitionKey="
                  + kind.key
                  + "&variables="
                  + enc("title_eq_" + title),
              null,
              null);
      if (found.size() > 1) {
        throw new Abandon(null, "two instances titled " + title);
      }
      return found.size() == 0
          ? Optional.empty()
          : Optional.of(
              new Started(
                  found.get(0).get("id").asText(), found.get(0).path("businessKey").asText()));
    }

    void complete(Started started, String user, String taskKey, ObjectNode variables) {
      JsonNode task = awaitTask(started, user, taskKey);
      String taskId = task.get("id").asText();
      ObjectNode body = JSON.createObjectNode();
      body.set("variables", variables);
      String json = body.toString();
      write(
          started,
          "complete " + taskKey,
          () -> {
            JsonNode now = call(user, "GET", "/engine-rest/task/" + taskId, null, null);
            if (!user.equals(now.path("assignee").asText())) {
              call(
                  user,
                  "POST",
                  "/engine-rest/task/" + taskId + "/claim",
                  "{\"userId\":\"" + user + "\"}",
                  null);
            }
            call(user, "POST", "/engine-rest/task/" + taskId + "/complete", json, null);
            return Boolean.TRUE;
          },
          () -> {
            // gone = completed (the user's own task disappears only when completed)
            Response r = send(user, "GET", "/engine-rest/task/" + taskId, null, null);
            if (r.status == 404) {
              return Optional.of(Boolean.TRUE);
            }
            check(r, "GET task " + taskId);
            return Optional.empty();
          });
    }

    void upload(Started started, String fileName) {
      byte[] pdf = ("%PDF-1.4\n% 集群测试 " + fileName + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
      String path = "/api/incoming-documents/" + started.businessKey + "/attachments";
      write(
          started,
          "upload",
          () -> {
            call(CLERK, "POST", path, null, new Multipart("file", fileName, pdf));
            return Boolean.TRUE;
          },
          () -> {
            JsonNode record =
                call(CLERK, "GET", "/api/incoming-documents/" + started.businessKey, null, null);
            for (JsonNode file : record.path("attachments")) {
              if (fileName.equals(file.path("fileName").asText())) {
                return Optional.of(Boolean.TRUE);
              }
            }
            return Optional.empty();
          });
    }

    void remind(Started started, String taskId, String message) {
      write(
          started,
          "remind",
          () -> {
            call(
                DIRECTOR,
                "POST",
                "/api/tasks/" + taskId + "/reminders",
                JSON.createObjectNode().put("message", message).toString(),
                null);
            return Boolean.TRUE;
          },
          () -> {
            JsonNode sent =
                call(
                    DIRECTOR,
                    "GET",
                    "/api/notifications?businessKey=" + enc(started.businessKey),
                    null,
                    null);
            for (JsonNode notification : sent) {
              if (notification.path("body").asText().contains(message)) {
                return Optional.of(Boolean.TRUE);
              }
            }
            return Optional.empty();
          });
    }

    /** The user's task of the instance, once the engine (job executor included) has made it. */
    JsonNode awaitTask(Started started, String user, String taskKey) {
      Instant until = Instant.now().plus(ACTION_DEADLINE);
      while (Instant.now().isBefore(until)) {
        JsonNode found =
            retrying(
                started,
                () ->
                    call(
                        user,
                        "GET",
                        "/engine-rest/task?processInstanceId="
                            + started.id
                            + "&taskDefinitionKey="
                            + enc(taskKey),
                        null,
                        null));
        if (found.size() > 0) {
          return found.get(0);
        }
        LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
      }
      throw new Abandon(started, taskKey + " never came for " + user);
    }

    // --- the retry discipline

    interface Attempt<T> {
      T run();
    }

    interface Reread<T> {
      Optional<T> run();
    }

    /**
     * A write: on a transient error re-read until the state is known, then re-send only if it did not happen.
     */
    <T> T write(Started started, String what, Attempt<T> attempt, Reread<T> reread) {
      Instant until = Instant.now().plus(ACTION_DEADLINE);
      while (true) {
        try {
          return attempt.run();
        } catch (Transient e) {
          if (Instant.now().isAfter(until)) {
            throw new Abandon(started, what + " still failing after " + ACTION_DEADLINE + ": " + e);
          }
          backOff(e);
        }
        Optional<T> done = retrying(started, reread::run);
        if (done.isPresent()) {
          doneBeforeError.incrementAndGet();
          return done.get();
        }
        writeRetries.incrementAndGet();
      }
    }

    /** A read: repeated on transient errors (moving to the other node on connection errors). */
    <T> T retrying(Started started, java.util.function.Supplier<T> read) {
      Instant until = Instant.now().plus(ACTION_DEADLINE);
      while (true) {
        try {
          return read.get();
        } catch (Transient e) {
          if (Instant.now().isAfter(until)) {
            throw new Abandon(started, "read still failing after " + ACTION_DEADLINE + ": " + e);
          }
          readRetries.incrementAndGet();
          backOff(e);
        }
      }
    }

    void backOff(Transient e) {
      if (e.connection) {
        current = (current + 1) % nodes.size();
        nodeSwitches.incrementAndGet();
      }
      LockSupport.parkNanos(Duration.ofMillis(e.connection ? 200 : 1000).toNanos());
    }

    // --- HTTP

    JsonNode call(String user, String method, String path, String json, Multipart file) {
      Response r = send(user, method, path, json, file);
      check(r, method + " " + path + " as " + user);
      return r.body.isEmpty() ? JSON.nullNode() : readTree(r.body);
    }

    void check(Response r, String what) {
      if (r.status >= 500) {
        serverErrors.incrementAndGet();
        tick(false);
        throw new Transient(false, what + ": " + r.status + " " + abbreviate(r.body));
      }
      if (r.status >= 300) {
        refusals.incrementAndGet();
        tick(false);
        throw new Abandon(null, what + ": " + r.status + " " + abbreviate(r.body));
      }
    }

    Response send(String user, String method, String path, String json, Multipart file) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(nodes.get(current) + path))
              .timeout(Duration.ofSeconds(90))
              .header(
                  "Authorization",
                  "Basic "
                      + Base64.getEncoder()
                          .encodeToString(
                              (user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
      if (file != null) {
        String boundary = "----officeflow" + UUID.randomUUID();
        request
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .method(method, HttpRequest.BodyPublishers.ofByteArray(file.encode(boundary)));
      } else if (json != null) {
        request
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json));
      } else {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      }
      requests.incrementAndGet();
      try {
        HttpResponse<String> response =
            http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() < 500) {
          okRequests.incrementAndGet();
          tick(true);
        }
        return new Response(response.statusCode(), response.body());
      } catch (HttpTimeoutException e) {
        timeouts.incrementAndGet();
        tick(false);
        throw new Transient(false, "timeout " + method + " " + path);
      } catch (IOException e) {
        connectionErrors.incrementAndGet();
        tick(false);
        throw new Transient(
            true,
            (e instanceof ConnectException ? "connection refused " : "connection error ")
                + nodes.get(current)
                + " "
                + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Abandon(null, "interrupted");
      }
    }
  }

  // --- small types

  record Started(String id, String businessKey) {}

  record Response(int status, String body) {}

  record Multipart(String field, String fileName, byte[] content) {
    byte[] encode(String boundary) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      String head =
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\""
              + field
              + "\"; filename=\""
              + fileName
              + "\"\r\nContent-Type: application/pdf\r\n\r\n";
      out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
      out.writeBytes(content);
      out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return out.toByteArray();
    }
  }

  /** A connection error, a timeout or a 5xx: the write may or may not have happened. */
  static final class Transient extends RuntimeException {
    final boolean connection;

    Transient(boolean connection, String message) {
      super(message, null, false, false);
      this.connection = connection;
    }
  }

  /** The lifecycle cannot go on (a refusal, or errors for longer than the deadline). */
  static final class Abandon extends RuntimeException {
    final Started started;

    Abandon(Started started, String message) {
      super(message, null, false, false);
      this.started = started;
    }
  }

  static void put(ObjectNode variables, String name, String value) {
    variables.putObject(name).put("value", value);
  }

  static ObjectNode approve() {
    ObjectNode vars = JSON.createObjectNode();
    put(vars, "decision", "approve");
    put(vars, "comment", "同意");
    return vars;
  }

  static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  static JsonNode readTree(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new Transient(false, "unreadable answer: " + abbreviate(body));
    }
  }

  static String abbreviate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }

  /** Per 5-second slot since the start: answered requests and errors. */
  static void tick(boolean ok) {
    long slot = (System.currentTimeMillis() - startedAtMillis) / 5000;
    long[] counts = timeline.computeIfAbsent(slot, s -> new long[2]);
    synchronized (counts) {
      counts[ok ? 0 : 1]++;
    }
  }

  // --- output

  static void write(Path out, int clients, List<String> nodes, long endedAt) throws IOException {
    StringBuilder tsv = new StringBuilder();
    Map<Kind, int[]> byKind = new TreeMap<>();
    int abandoned = 0;
    for (Lifecycle l : lifecycles) {
      tsv.append(
          String.join(
                  "\t",
                  l.kind().name(),
                  String.valueOf(l.processInstanceId()),
                  String.valueOf(l.businessKey()),
                  l.title(),
                  l.finished() ? "finished" : "open",
                  String.valueOf(l.client()),
                  l.abandoned() == null ? "" : l.abandoned().replace('\t', ' ').replace('\n', ' '))
              + "\n");
      int[] counts = byKind.computeIfAbsent(l.kind(), k -> new int[2]);
      if (l.processInstanceId() != null) {
        counts[0]++;
      }
      if (l.finished()) {
        counts[1]++;
      }
      if (l.abandoned() != null) {
        abandoned++;
      }
    }
    Files.writeString(out.resolve("instances.tsv"), tsv.toString(), StandardCharsets.UTF_8);
    double seconds = (endedAt - startedAtMillis) / 1000.0;
    StringBuilder text = new StringBuilder();
    line(text, "load.clients", clients + " (client i prefers node i mod " + nodes.size() + ")");
    line(text, "load.seconds", format("%.0f", seconds));
    line(
        text,
        "load.requests",
        format(
            "%d (%.1f/s; %d answered < 500)",
            requests.get(), requests.get() / seconds, okRequests.get()));
    for (Map.Entry<Kind, int[]> e : byKind.entrySet()) {
      line(
          text,
          "lifecycles." + e.getKey().name().toLowerCase(Locale.ROOT),
          e.getValue()[0] + " started, " + e.getValue()[1] + " user steps all done by the client");
    }
    line(text, "lifecycles.abandoned", String.valueOf(abandoned));
    line(
        text,
        "errors.seen",
        format(
            "%d connection errors, %d timeouts, %d HTTP 5xx, %d refusals (4xx)",
            connectionErrors.get(), timeouts.get(), serverErrors.get(), refusals.get()));
    line(
        text,
        "retries",
        format(
            "%d writes re-sent after a re-read showed they had not happened; %d writes found done on"
                + " re-read (not re-sent); %d read retries; %d moves to the other node",
            writeRetries.get(), doneBeforeError.get(), readRetries.get(), nodeSwitches.get()));
    StringBuilder slots = new StringBuilder();
    new TreeMap<>(timeline)
        .forEach(
            (slot, counts) -> slots.append(format(" %ds:%d/%d", slot * 5, counts[0], counts[1])));
    line(text, "timeline", "(5 s slots: answered/errors)" + slots);
    if (stopSeenAt != null) {
      line(
          text,
          "load.drain",
          format(
              "%.0f s from the stop signal until every client had finished its lifecycle",
              (endedAt - stopSeenAt.toEpochMilli()) / 1000.0));
    }
    for (String error : firstErrors) {
      line(text, "abandoned", error);
    }
    Files.writeString(out.resolve("load.txt"), text.toString(), StandardCharsets.UTF_8);
    System.out.print(text);
  }

  static void line(StringBuilder out, String key, String value) {
    out.append(format("%-22s %s%n", key, value));
  }

  static String format(String format, Object... values) {
    return String.format(Locale.ROOT, format, values);
  }
}
