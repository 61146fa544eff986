package cn.officeflow.platform.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Pages of the webapps loaded at the same moment each carry the nonce of their own Content-Security-Policy
 * header (Camunda 7.24 alone mixed them up under concurrency: the browser then blocks every script and the
 * webapp hangs on its spinner).
 */
@HttpTest
class WebappNonceTest {

  static final Pattern HEADER_NONCE = Pattern.compile("'nonce-([^']+)'");
  static final Pattern BODY_NONCE = Pattern.compile("nonce=\"([^\"]*)\"");

  @LocalServerPort int port;

  @Test
  void concurrentPageLoadsEachCarryTheirOwnNonce() throws Exception {
    Http http = new Http(port);
    List<String> pages =
        List.of(
            "/camunda/app/cockpit/default/",
            "/camunda/app/tasklist/default/",
            "/camunda/app/admin/default/");
    int rounds = 5;
    int parallel = 12;
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    List<String> mismatches = new ArrayList<>();
    int checked = 0;
    try {
      for (int round = 0; round < rounds; round++) {
        CyclicBarrier start = new CyclicBarrier(parallel);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
          String page = pages.get(i % pages.size());
          Callable<HttpResponse<String>> load =
              () -> {
                start.await();
                return http.get(page, null, null);
              };
          answers.add(pool.submit(load));
        }
        for (Future<HttpResponse<String>> answer : answers) {
          HttpResponse<String> response = answer.get();
          assertThat(response.statusCode()).isEqualTo(200);
          Matcher header =
              HEADER_NONCE.matcher(
                  response.headers().firstValue("Content-Security-Policy").orElseThrow());
          assertThat(header.find()).isTrue();
          Matcher body = BODY_NONCE.matcher(response.body());
          int scripts = 0;
          while (body.find()) {
            scripts++;
            if (!body.group(1).equals(header.group(1))) {
              mismatches.add(
                  response.uri() + ": header " + header.group(1) + ", page " + body.group(1));
            }
          }
          assertThat(scripts).as("nonces in " + response.uri()).isPositive();
          checked++;
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(checked).isEqualTo(rounds * parallel);
    assertThat(mismatches).isEmpty();
  }
}
