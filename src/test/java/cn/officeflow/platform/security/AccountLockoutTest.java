package cn.officeflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.platform.audit.AuditEventType;
import cn.officeflow.platform.audit.AuditLog;
import cn.officeflow.support.AccountRequests;
import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import cn.officeflow.support.TestClock;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 等保 三级 login rules over HTTP Basic and the webapps' login (AccountSecurity): 5 failures lock an account for
 * 15 minutes and it unlocks by itself; one stranger's address is throttled before it can lock the name; the
 * security administrator unlocks earlier; Camunda's own throttling (3 s after one wrong password, a permanent
 * lock after ten) is gone. Addresses come from X-Forwarded-For, which the loopback "proxy" may set.
 */
@HttpTest
class AccountLockoutTest {

  static final String USER = DemoUsers.DRAFTER;
  static final String WRONG = "Falsch@2026x";

  @LocalServerPort int port;
  @Autowired AuditLog audit;
  @Autowired JdbcClient jdbc;

  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  HttpResponse<String> basic(String user, String password, String address) {
    return AccountRequests.basic(http, user, password, address);
  }

  /** Camunda's login form as the browser posts it: with the page's session and CSRF cookies. */
  HttpResponse<String> webappLogin(String user, String password, String address) {
    HttpResponse<String> page = http.get("/camunda/app/tasklist/default/", null, null);
    String cookies =
        String.join(
            "; ",
            page.headers().allValues("Set-Cookie").stream()
                .map(c -> c.substring(0, c.indexOf(';')))
                .toList());
    String xsrf =
        page.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("XSRF-TOKEN="))
            .map(c -> c.substring("XSRF-TOKEN=".length(), c.indexOf(';')))
            .findFirst()
            .orElseThrow();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(http.url("/camunda/api/admin/auth/user/default/login/tasklist")))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", cookies)
            .header("X-XSRF-TOKEN", xsrf);
    if (address != null) {
      request.header("X-Forwarded-For", address);
    }
    return http.send(
        request
            .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password))
            .build());
  }

  @Test
  void oneWrongPasswordDoesNotBlockTheRightOne() {
    // Camunda's default: the right password is refused for 3 s after a wrong one
    assertThat(basic(USER, WRONG, "198.51.100.10").statusCode()).isEqualTo(401);
    HttpResponse<String> right = basic(USER, DemoUsers.PASSWORD, "198.51.100.10");
    assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
  }

  @Test
  void fiveFailuresLockTheAccountForFifteenMinutesEvenForTheRightPasswordThenItUnlocksByItself() {
    for (int i = 1; i <= 3; i++) {
      HttpResponse<String> wrong = basic(USER, WRONG, "198.51.100.1");
      assertThat(wrong.statusCode()).isEqualTo(401);
      assertThat(wrong.body()).contains("用户名或密码错误").contains("再错 " + (5 - i) + " 次");
    }
    // the address has had its 3 tries on this name: refused without counting against the account
    HttpResponse<String> throttled = basic(USER, WRONG, "198.51.100.1");
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    assertThat(throttled.body()).contains("登录失败次数过多");
    assertThat(basic(USER, WRONG, "198.51.100.2").statusCode()).isEqualTo(401);
    HttpResponse<String> fifth = basic(USER, WRONG, "198.51.100.2");
    assertThat(fifth.statusCode()).isEqualTo(401);
    assertThat(fifth.body()).contains("AccountLocked").contains("账号已锁定");

    // locked: the right password, from anywhere, over Basic and the webapp login
    HttpResponse<String> right = basic(USER, DemoUsers.PASSWORD, "198.51.100.3");
    assertThat(right.statusCode()).isEqualTo(401);
    assertThat(right.body()).contains("账号已锁定").contains("联系安全管理员解锁");
    HttpResponse<String> webapp = webappLogin(USER, DemoUsers.PASSWORD, "198.51.100.4");
    assertThat(webapp.statusCode()).isEqualTo(401);
    assertThat(webapp.body()).contains("账号已锁定");
    assertThat(
            audit.search(USER, AuditEventType.ACCOUNT, null, null, 50).stream()
                .filter(e -> e.action().equals("账号锁定")))
        .hasSize(1);
    assertThat(
            audit.search(USER, AuditEventType.LOGIN, null, null, 50).stream()
                .filter(e -> e.detail() != null && e.detail().contains("账号已锁定")))
        .hasSizeGreaterThanOrEqualTo(2);

    // 14 minutes later: still locked; 15 minutes later: open again, by itself
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(14))));
    assertThat(basic(USER, DemoUsers.PASSWORD, "198.51.100.3").statusCode()).isEqualTo(401);
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(15).plusSeconds(5))));
    HttpResponse<String> after = basic(USER, DemoUsers.PASSWORD, "198.51.100.3");
    assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
    // and the count starts again: one new failure does not lock
    assertThat(basic(USER, WRONG, "198.51.100.5").statusCode()).isEqualTo(401);
    assertThat(basic(USER, DemoUsers.PASSWORD, "198.51.100.3").statusCode()).isEqualTo(200);
  }

  @Test
  void fiftyConcurrentWrongPasswordsFromOneAddressDoNotLockTheOwnerOut() throws Exception {
    String owner = "chenjing";
    // the owner has logged in from her desk before: a known address
    assertThat(basic(owner, DemoUsers.PASSWORD, "198.51.100.20").statusCode()).isEqualTo(200);
    List<Integer> statuses = AccountRequests.concurrentGuesses(http, owner, "203.0.113.7", 50);
    assertThat(statuses).containsOnly(401, 429);
    // at most 3 passwords were tried at all: the rest were refused before
    assertThat(statuses.stream().filter(s -> s == 401)).hasSizeLessThanOrEqualTo(3);
    Integer accountFailures =
        jdbc.sql("select failures from of_login_counter where counter_key = ?")
            .param("user:" + owner)
            .query(Integer.class)
            .optional()
            .orElse(0);
    assertThat(accountFailures).isLessThanOrEqualTo(3);
    HttpResponse<String> ownerLogin = basic(owner, DemoUsers.PASSWORD, "198.51.100.20");
    assertThat(ownerLogin.statusCode()).as(ownerLogin.body()).isEqualTo(200);
    // the stranger's address stays refused for that name, even with the right password
    assertThat(basic(owner, DemoUsers.PASSWORD, "203.0.113.7").statusCode()).isEqualTo(429);
    assertThat(
            audit.search(owner, AuditEventType.ACCOUNT, null, null, 50).stream()
                .filter(e -> e.action().equals("来源地址限流")))
        .hasSize(1);
  }

  @Test
  void theSecurityAdministratorUnlocksEarlierAndNobodyElseCan() {
    String user = "liuyang";
    for (String address : new String[] {"198.51.100.31", "198.51.100.32"}) {
      for (int i = 0; i < (address.endsWith("31") ? 3 : 2); i++) {
        basic(user, WRONG, address);
      }
    }
    assertThat(basic(user, DemoUsers.PASSWORD, "198.51.100.33").body()).contains("账号已锁定");

    HttpResponse<String> locks = http.get("/api/account/locks", "anquanguan", DemoUsers.PASSWORD);
    assertThat(locks.statusCode()).as(locks.body()).isEqualTo(200);
    assertThat(locks.body()).contains("\"userId\":\"" + user + "\"");

    for (String notSecurity : new String[] {"xitongguan", "shenjiguan", USER}) {
      HttpResponse<String> refused =
          http.postJson(
              "/api/account/users/" + user + "/unlock", notSecurity, DemoUsers.PASSWORD, "{}");
      assertThat(refused.statusCode()).as(notSecurity + " " + refused.body()).isEqualTo(403);
    }
    assertThat(basic(user, DemoUsers.PASSWORD, "198.51.100.33").statusCode()).isEqualTo(401);

    HttpResponse<String> unlocked =
        http.postJson(
            "/api/account/users/" + user + "/unlock", "anquanguan", DemoUsers.PASSWORD, "{}");
    assertThat(unlocked.statusCode()).as(unlocked.body()).isEqualTo(200);
    assertThat(unlocked.body()).contains("\"wasLocked\":true");
    assertThat(basic(user, DemoUsers.PASSWORD, "198.51.100.33").statusCode()).isEqualTo(200);
    assertThat(
            audit.search("anquanguan", AuditEventType.ACCOUNT, null, null, 10).stream()
                .filter(e -> e.action().equals("解锁账号") && user.equals(e.target())))
        .hasSize(1);
  }

  @Test
  void webappLoginSaysWhyAndRecordsTheAddressTheProxyGave() {
    HttpResponse<String> wrong = webappLogin("wangfang", WRONG, "198.51.100.41");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("用户名或密码错误");
    HttpResponse<String> right = webappLogin("wangfang", DemoUsers.PASSWORD, "198.51.100.41");
    assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
    assertThat(audit.search("wangfang", AuditEventType.LOGIN, null, null, 10))
        .anyMatch(e -> "198.51.100.41".equals(e.sourceAddress()) && e.result().equals("FAILURE"))
        .anyMatch(e -> "198.51.100.41".equals(e.sourceAddress()) && e.result().equals("SUCCESS"));
  }

  @Test
  void aClientBehindTheProxyCannotDodgeTheThrottleByPrependingAddresses() {
    // nginx appends the real client to what the client sent: only the last entry counts
    for (int i = 0; i < 3; i++) {
      basic("gaoyuan", WRONG, "10.9.9." + i + ", 198.51.100.50");
    }
    HttpResponse<String> fourth = basic("gaoyuan", WRONG, "10.9.9.99, 198.51.100.50");
    assertThat(fourth.statusCode()).isEqualTo(429);
  }
}
