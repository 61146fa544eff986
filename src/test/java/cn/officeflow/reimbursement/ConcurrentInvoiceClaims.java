package cn.officeflow.reimbursement;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.Http;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code claims} claims at the same moment over REST, each with the same invoice (and one of its own): exactly one
 * is started, every other is refused with 400 naming {@code invoices[0]}, and the invoice is held by one claim.
 * Run on H2 and on MariaDB.
 */
public final class ConcurrentInvoiceClaims {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ConcurrentInvoiceClaims() {}

  /** A random string of {@code n} digits (invoice codes and numbers of a test run). */
  public static String digits(int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append(java.util.concurrent.ThreadLocalRandom.current().nextInt(10));
    }
    return s.toString();
  }

  /** @param rest the REST API of this engine: {@code /engine-rest}, or {@code /engine-rest/engine/<name>} */
  public static void run(Http http, JdbcClient jdbc, String rest, int claims) throws Exception {
    String shared = digits(20);
    long before = jdbc.sql("select count(*) from of_reimbursement").query(Long.class).single();
    ExecutorService pool = Executors.newFixedThreadPool(claims);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < claims; i++) {
        String invoices =
            JSON.writeValueAsString(
                List.of(
                    Map.of("code", "", "number", shared, "amount", 100, "date", "2026-11-20"),
                    Map.of("code", "", "number", digits(20), "amount", 50, "date", "2026-11-20")));
        String body =
            "{\"variables\":{\"amount\":{\"value\":150},\"purpose\":{\"value\":\"同时报销 "
                + i
                + "\"},\"invoices\":{\"value\":"
                + JSON.writeValueAsString(invoices)
                + "}}}";
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return http.postJson(
                      rest + "/process-definition/key/reimbursement/start",
                      DemoUsers.DRAFTER,
                      DemoUsers.PASSWORD,
                      body);
                }));
      }
      go.countDown();
      int started = 0;
      for (Future<HttpResponse<String>> future : futures) {
        HttpResponse<String> response = future.get(120, TimeUnit.SECONDS);
        if (response.statusCode() == 200) {
          started++;
        } else {
          assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
          com.fasterxml.jackson.databind.JsonNode error = JSON.readTree(response.body());
          // /engine-rest bodies name the field in "field" (and the message), as the platform writes
          // them
          assertThat(
                  error.hasNonNull("field")
                      ? error.get("field").asText()
                      : error.path("message").asText())
              .as(response.body())
              .contains("invoices[0]");
          assertThat(error.path("message").asText())
              .as(response.body())
              .contains(shared)
              .contains("不能重复报销");
        }
      }
      assertThat(started).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(jdbc.sql("select count(*) from of_reimbursement").query(Long.class).single())
        .isEqualTo(before + 1);
    assertThat(
            jdbc.sql("select count(*) from of_reimbursement_invoice where invoice_key = :k")
                .param("k", shared)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }
}
