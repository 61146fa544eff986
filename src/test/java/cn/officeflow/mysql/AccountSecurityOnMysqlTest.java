package cn.officeflow.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.support.AccountRequests;
import cn.officeflow.support.Http;
import cn.officeflow.support.TestClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The account rules on MariaDB/MySQL, where the counters are shared by all nodes and the connection sends no
 * fractional seconds: lockout and unlock by itself, 50 concurrent guesses from one address, expiry and the
 * password history.
 */
class AccountSecurityOnMysqlTest extends MysqlSpringTestBase {

  static final String PASSWORD = "Anfang@2026x";

  Http http;
  String user;

  @BeforeEach
  void freshUser() {
    http = new Http(port);
    user = "acct" + runId();
    User created = engine.getIdentityService().newUser(user);
    created.setFirstName("测");
    created.setLastName("试");
    created.setPassword(PASSWORD);
    engine.getIdentityService().saveUser(created);
    engine.getIdentityService().createMembership(user, "staff");
  }

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  HttpResponse<String> basic(String password, String address) {
    return AccountRequests.basic(http, user, password, address);
  }

  HttpResponse<String> change(String oldPassword, String newPassword) {
    return AccountRequests.changePassword(http, user, oldPassword, newPassword);
  }

  @Test
  void fiveFailuresLockForFifteenMinutesThenTheAccountOpensByItself() {
    for (int i = 0; i < 3; i++) {
      assertThat(basic("Falsch@2026x", "198.51.100.61").statusCode()).isEqualTo(401);
    }
    assertThat(basic("Falsch@2026x", "198.51.100.61").statusCode()).isEqualTo(429);
    assertThat(basic("Falsch@2026x", "198.51.100.62").statusCode()).isEqualTo(401);
    assertThat(basic("Falsch@2026x", "198.51.100.62").body()).contains("账号已锁定");
    assertThat(basic(PASSWORD, "198.51.100.63").body()).contains("账号已锁定");
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(16))));
    HttpResponse<String> after = basic(PASSWORD, "198.51.100.63");
    assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
  }

  @Test
  void fiftyConcurrentGuessesFromOneAddressAreCountedExactlyAndDoNotLock() throws Exception {
    assertThat(basic(PASSWORD, "198.51.100.70").statusCode()).isEqualTo(200);
    List<Integer> statuses = AccountRequests.concurrentGuesses(http, user, "203.0.113.70", 50);
    assertThat(statuses).containsOnly(401, 429);
    assertThat(statuses.stream().filter(s -> s == 401)).hasSize(3);
    assertThat(
            jdbc.sql("select failures from of_login_counter where counter_key = ?")
                .param("user:" + user)
                .query(Integer.class)
                .single())
        .isEqualTo(3);
    assertThat(basic(PASSWORD, "198.51.100.70").statusCode()).isEqualTo(200);
  }

  @Test
  void anExpiredPasswordIsChangedAndTheLastFiveAreNotReused() {
    assertThat(basic(PASSWORD, "198.51.100.80").statusCode()).isEqualTo(200);
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(91))));
    HttpResponse<String> expired = basic(PASSWORD, "198.51.100.80");
    assertThat(expired.statusCode()).isEqualTo(403);
    assertThat(expired.body()).contains("已过期");
    String[] passwords = {
      PASSWORD, "Erstes@2026x", "Zweites@2026x", "Drittes@2026x", "Viertes@2026x", "Fuenftes@2026x"
    };
    for (int i = 1; i < passwords.length; i++) {
      HttpResponse<String> changed = change(passwords[i - 1], passwords[i]);
      assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    }
    assertThat(basic("Fuenftes@2026x", "198.51.100.80").statusCode()).isEqualTo(200);
    HttpResponse<String> fifthLast = change("Fuenftes@2026x", "Erstes@2026x");
    assertThat(fifthLast.statusCode()).isEqualTo(400);
    assertThat(fifthLast.body()).contains("不能使用最近 5 次用过的密码");
    assertThat(change("Fuenftes@2026x", "Sechstes@2026x").statusCode()).isEqualTo(200);
    assertThat(change("Sechstes@2026x", "Erstes@2026x").statusCode()).isEqualTo(200);
  }
}
