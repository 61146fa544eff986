package cn.officeflow.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Logins for the account-security tests: HTTP Basic from a given client address, password changes, guesses. */
public final class AccountRequests {

  private AccountRequests() {}

  /**
   * GET /api/account/policy with HTTP Basic, as a client at {@code address} behind the proxy (the loopback
   * caller is the trusted proxy and sets X-Forwarded-For); no header when {@code address} is null.
   */
  public static HttpResponse<String> basic(
      Http http, String user, String password, String address) {
    HttpRequest.Builder request = http.request("/api/account/policy", user, password);
    if (address != null) {
      request.header("X-Forwarded-For", address);
    }
    return http.send(request.GET().build());
  }

  /** POST /api/account/password: one's own change with the old password. */
  public static HttpResponse<String> changePassword(
      Http http, String user, String oldPassword, String newPassword) {
    return http.send(
        HttpRequest.newBuilder(URI.create(http.url("/api/account/password")))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"userId\":\""
                        + user
                        + "\",\"oldPassword\":\""
                        + oldPassword
                        + "\",\"newPassword\":\""
                        + newPassword
                        + "\"}"))
            .build());
  }

  /** {@code count} wrong passwords for {@code user} from {@code address}, all at once (16 threads); their statuses. */
  public static List<Integer> concurrentGuesses(Http http, String user, String address, int count)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        String guess = "Guess@2026-" + i;
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return basic(http, user, guess, address).statusCode();
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> answer : answers) {
        statuses.add(answer.get());
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }
}
