package cn.officeflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.support.AccountRequests;
import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import cn.officeflow.support.TestClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Passwords expire after 90 days and must then be changed (POST /api/account/password with the old one); a
 * password an administrator sets must be changed at the next login; the last 5 are not used again.
 */
@HttpTest
class PasswordExpiryTest {

  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "Guanli@2026";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  HttpResponse<String> change(String user, String oldPassword, String newPassword) {
    return AccountRequests.changePassword(http, user, oldPassword, newPassword);
  }

  int basic(String user, String password) {
    return http.get("/api/account/policy", user, password).statusCode();
  }

  @Test
  void aPasswordOlderThanNinetyDaysMustBeChangedThenTheNewOneWorks() {
    assertThat(basic(DemoUsers.HEAD, DemoUsers.PASSWORD)).isEqualTo(200);
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(89))));
    assertThat(basic(DemoUsers.HEAD, DemoUsers.PASSWORD)).isEqualTo(200);
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(91))));
    HttpResponse<String> expired =
        http.get("/api/account/policy", DemoUsers.HEAD, DemoUsers.PASSWORD);
    assertThat(expired.statusCode()).isEqualTo(403);
    assertThat(expired.body())
        .contains("PasswordExpired")
        .contains("已超过 90 天未修改")
        .contains("/api/account/password");

    HttpResponse<String> wrongOld = change(DemoUsers.HEAD, "Falsch@2026x", "Neues@Kennwort1");
    assertThat(wrongOld.statusCode()).isEqualTo(401);
    assertThat(wrongOld.body()).contains("oldPassword");
    HttpResponse<String> weak = change(DemoUsers.HEAD, DemoUsers.PASSWORD, "abc");
    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(weak.body()).contains("newPassword").contains("至少 10 个字符");
    HttpResponse<String> changed = change(DemoUsers.HEAD, DemoUsers.PASSWORD, "Neues@Kennwort1");
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    assertThat(basic(DemoUsers.HEAD, "Neues@Kennwort1")).isEqualTo(200);
    assertThat(basic(DemoUsers.HEAD, DemoUsers.PASSWORD)).isEqualTo(401);
  }

  @Test
  void aPasswordSetByAnAdministratorMustBeChangedAtTheNextLogin() {
    HttpResponse<String> reset =
        http.putJson(
            "/engine-rest/user/wangfang/credentials",
            ADMIN,
            ADMIN_PASSWORD,
            "{\"password\":\"Gesetzt@2026x\",\"authenticatedUserPassword\":\""
                + ADMIN_PASSWORD
                + "\"}");
    assertThat(reset.statusCode()).as(reset.body()).isEqualTo(204);
    HttpResponse<String> first = http.get("/api/account/policy", "wangfang", "Gesetzt@2026x");
    assertThat(first.statusCode()).isEqualTo(403);
    assertThat(first.body()).contains("密码由管理员设置");

    HttpResponse<String> created =
        http.postJson(
            "/engine-rest/user/create",
            ADMIN,
            ADMIN_PASSWORD,
            "{\"profile\":{\"id\":\"xinren\",\"firstName\":\"新\",\"lastName\":\"人\"},"
                + "\"credentials\":{\"password\":\"Anfang@2026x\"}}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
    assertThat(http.get("/api/account/policy", "xinren", "Anfang@2026x").body())
        .contains("PasswordExpired");
    assertThat(change("xinren", "Anfang@2026x", "Eigenes@2026x").statusCode()).isEqualTo(200);
    assertThat(basic("xinren", "Eigenes@2026x")).isEqualTo(200);
  }

  @Test
  void theLastFivePasswordsAreNotUsedAgain() {
    String user = DemoUsers.LEGAL;
    String[] passwords = {
      DemoUsers.PASSWORD, "Erstes@2026x", "Zweites@2026x", "Drittes@2026x", "Viertes@2026x"
    };
    for (int i = 1; i < passwords.length; i++) {
      HttpResponse<String> changed = change(user, passwords[i - 1], passwords[i]);
      assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    }
    // the 5th-last (the demo password) and the current one are refused
    HttpResponse<String> fifthLast = change(user, "Viertes@2026x", DemoUsers.PASSWORD);
    assertThat(fifthLast.statusCode()).isEqualTo(400);
    assertThat(fifthLast.body()).contains("newPassword").contains("不能使用最近 5 次用过的密码");
    assertThat(change(user, "Viertes@2026x", "Zweites@2026x").statusCode()).isEqualTo(400);
    assertThat(change(user, "Viertes@2026x", "Fuenftes@2026x").statusCode()).isEqualTo(200);
    // now the demo password is the 6th-last: allowed again; the first change is the 5th-last
    assertThat(change(user, "Fuenftes@2026x", "Erstes@2026x").statusCode()).isEqualTo(400);
    assertThat(change(user, "Fuenftes@2026x", DemoUsers.PASSWORD).statusCode()).isEqualTo(200);
    // an administrator's reset is held to the same history
    HttpResponse<String> reset =
        http.putJson(
            "/engine-rest/user/" + user + "/credentials",
            ADMIN,
            ADMIN_PASSWORD,
            "{\"password\":\"Fuenftes@2026x\",\"authenticatedUserPassword\":\""
                + ADMIN_PASSWORD
                + "\"}");
    assertThat(reset.statusCode()).isEqualTo(400);
    assertThat(reset.body()).contains("不能使用最近 5 次用过的密码");
    assertThat(engine.getIdentityService().checkPassword(user, DemoUsers.PASSWORD)).isTrue();
  }

  @Test
  void theSecurityAdministratorCanRequireANewPassword() {
    HttpResponse<String> expire =
        http.postJson(
            "/api/account/users/sunli/expire-password", "anquanguan", DemoUsers.PASSWORD, "{}");
    assertThat(expire.statusCode()).as(expire.body()).isEqualTo(200);
    assertThat(http.get("/api/account/policy", "sunli", DemoUsers.PASSWORD).statusCode())
        .isEqualTo(403);
    assertThat(
            http.postJson(
                    "/api/account/users/sunli/expire-password",
                    "xitongguan",
                    DemoUsers.PASSWORD,
                    "{}")
                .statusCode())
        .isEqualTo(403);
  }
}
