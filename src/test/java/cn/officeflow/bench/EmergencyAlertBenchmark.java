package cn.officeflow.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * 应急: how fast the first SMS of an {@code EmergencyReported} message reaches the SMS gateway, and how many
 * messages per second the server correlates. The application runs as in production (job executor on, SMS over
 * HTTP to a gateway stub on 127.0.0.1, H2 in memory, profile {@code test}); the demo system {@code anfang}
 * (group integrations) posts {@code POST /engine-rest/message} over real HTTP with Basic authentication.
 * Not a JUnit test: {@code mvn -Pbench verify} runs it, or
 * {@code java -cp <test classpath> cn.officeflow.bench.EmergencyAlertBenchmark [messages] [throughputMessages] [threads]}.
 *
 * <ul>
 *   <li><b>latency</b>: one message at a time (after a warm-up of 5); the time from sending the POST to the first
 *       SMS of that case (Ⅰ级: leaders and emergency-command by SMS and mail) arriving at the gateway. Target: p95
 *       ≤ 2 s over 50 messages.</li>
 *   <li><b>throughput</b>: {@code throughputMessages} messages posted from {@code threads} client threads;
 *       messages per second until the last POST is answered (each answer = instance started, level decided,
 *       notification records written, delivery jobs created), and until their last SMS arrived.</li>
 * </ul>
 */
public final class EmergencyAlertBenchmark {

  static final String SYSTEM = "anfang";
  static final String PASSWORD = "Office@2026";
  static final Pattern MARKER = Pattern.compile("BM-(\\d+)-");

  private final Map<Integer, Long> firstSms = new ConcurrentHashMap<>();
  private final Map<Integer, CountDownLatch> waiting = new ConcurrentHashMap<>();
  private final AtomicInteger smsCount = new AtomicInteger();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private String base;

  public static void main(String[] args) {
    int exitCode = 0;
    try {
      new EmergencyAlertBenchmark().run(args);
    } catch (Throwable e) {
      e.printStackTrace();
      exitCode = 1;
    }
    System.out.flush();
    System.exit(exitCode);
  }

  private void run(String[] args) throws Exception {
    int messages = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int throughputMessages = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    HttpServer gateway = gateway();
    String smsUrl = "http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms/send";
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(cn.officeflow.OfficeFlowApplication.class)
            .profiles("test")
            .run(
                "--logging.level.root=WARN",
                "--logging.level.cn.officeflow=WARN",
                "--camunda.bpm.job-execution.enabled=true",
                "--officeflow.notify.sms.url=" + smsUrl,
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.autoconfigure.exclude="
                    + OutgoingLifecycleBenchmark.COVERAGE_AUTO_CONFIGURATION);
    try {
      Environment env = context.getEnvironment();
      base = "http://127.0.0.1:" + env.getProperty("local.server.port");
      for (int i = 0; i < 5; i++) {
        latency(-1 - i);
      }
      List<Long> latencies = new ArrayList<>();
      for (int i = 0; i < messages; i++) {
        latencies.add(latency(i));
      }
      Collections.sort(latencies);
      int before = smsCount.get();
      int offset = 100000;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < throughputMessages; i++) {
        int n = offset + i;
        waiting.put(n, new CountDownLatch(1));
        answers.add(pool.submit(() -> post(n)));
      }
      long started = System.nanoTime();
      for (Future<Integer> f : answers) {
        int status = f.get();
        if (status != 204) {
          throw new IllegalStateException("POST /engine-rest/message answered " + status);
        }
      }
      double correlated = (System.nanoTime() - started) / 1e9;
      for (int i = 0; i < throughputMessages; i++) {
        if (!waiting.get(offset + i).await(120, TimeUnit.SECONDS)) {
          throw new IllegalStateException("no SMS for message " + (offset + i));
        }
      }
      double alerted = (System.nanoTime() - started) / 1e9;
      pool.shutdown();
      System.out.printf(
          Locale.ROOT,
          "应急 EmergencyReported benchmark — H2 (in-memory), job executor on, SMS gateway stub on 127.0.0.1%n"
              + "  latency message → first SMS at the gateway, %d messages one at a time:%n"
              + "    min %d ms, median %d ms, p95 %d ms, max %d ms (target p95 ≤ 2000 ms: %s)%n"
              + "  throughput, %d messages from %d client threads:%n"
              + "    correlated (POST answered): %.1f s = %.1f messages/s%n"
              + "    every case's first SMS at the gateway: %.1f s = %.1f messages/s (%d SMS in all)%n",
          messages,
          latencies.get(0),
          latencies.get(latencies.size() / 2),
          latencies.get((int) Math.ceil(latencies.size() * 0.95) - 1),
          latencies.get(latencies.size() - 1),
          latencies.get((int) Math.ceil(latencies.size() * 0.95) - 1) <= 2000 ? "met" : "MISSED",
          throughputMessages,
          threads,
          correlated,
          throughputMessages / correlated,
          alerted,
          throughputMessages / alerted,
          smsCount.get() - before);
    } finally {
      context.close();
      gateway.stop(0);
    }
  }

  /** Sends message {@code n} and waits for its first SMS; returns the milliseconds in between. */
  private long latency(int n) throws Exception {
    CountDownLatch latch = new CountDownLatch(1);
    waiting.put(n, latch);
    long sent = System.nanoTime();
    int status = post(n);
    if (status != 204) {
      throw new IllegalStateException("POST /engine-rest/message answered " + status);
    }
    if (!latch.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("no SMS within 30 s for message " + n);
    }
    return (firstSms.get(n) - sent) / 1_000_000;
  }

  private int post(int n) throws IOException, InterruptedException {
    String body =
        "{\"messageName\":\"EmergencyReported\",\"processVariables\":{"
            + "\"dimension\":{\"value\":\"人员\"},\"scenario\":{\"value\":\"火灾\"},"
            + "\"location\":{\"value\":\"BM-"
            + n
            + "-一号楼\"},\"description\":{\"value\":\"烟感报警（基准测试）\"},"
            + "\"injured\":{\"value\":0}}}";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/engine-rest/message"))
            .header("Content-Type", "application/json")
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((SYSTEM + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private HttpServer gateway() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext(
        "/sms/send",
        exchange -> {
          long at = System.nanoTime();
          try (InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            smsCount.incrementAndGet();
            Matcher m = MARKER.matcher(body);
            if (m.find()) {
              int n = Integer.parseInt(m.group(1));
              if (firstSms.putIfAbsent(n, at) == null && waiting.containsKey(n)) {
                waiting.get(n).countDown();
              }
            } else if (body.contains("BM--")) {
              Matcher neg = Pattern.compile("BM--(\\d+)-").matcher(body);
              if (neg.find()) {
                int n = -Integer.parseInt(neg.group(1));
                if (firstSms.putIfAbsent(n, at) == null && waiting.containsKey(n)) {
                  waiting.get(n).countDown();
                }
              }
            }
            byte[] reply = "{\"code\":0}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
          } finally {
            exchange.close();
          }
        });
    server.start();
    return server;
  }
}
