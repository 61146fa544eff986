package cn.officeflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.platform.audit.AuditEventType;
import cn.officeflow.platform.audit.AuditLog;
import cn.officeflow.platform.security.account.Totp;
import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Administrators sign in to the webapps with password and TOTP on /account/login (enrolled with a QR code at
 * the first login); Camunda's login form refuses them; each code is used once.
 */
@HttpTest
class AdminSecondFactorTest {

  @LocalServerPort int port;
  @Autowired AuditLog audit;

  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  /** A browser-like client of the login page: keeps the session cookie and the form token. */
  class LoginPage {
    final List<String> cookies = new ArrayList<>();
    String token;

    HttpResponse<String> open(String app) {
      HttpResponse<String> page =
          send(HttpRequest.newBuilder(uri("/account/login?app=" + app)).GET());
      token = field(page.body(), "token");
      return page;
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
      String body =
          form.entrySet().stream()
              .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      return send(
          HttpRequest.newBuilder(uri(path))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body + "&token=" + token)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
      if (!cookies.isEmpty()) {
        request.header("Cookie", String.join("; ", cookies));
      }
      HttpResponse<String> response = http.send(request.build());
      for (String set : response.headers().allValues("Set-Cookie")) {
        String pair = set.substring(0, set.indexOf(';') < 0 ? set.length() : set.indexOf(';'));
        cookies.removeIf(c -> c.startsWith(pair.substring(0, pair.indexOf('=') + 1)));
        cookies.add(pair);
      }
      return response;
    }

    URI uri(String path) {
      return URI.create(http.url(path));
    }
  }

  static String field(String html, String name) {
    Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
    assertThat(m.find()).as("field %s in %s", name, html).isTrue();
    return m.group(1);
  }

  static String secret(String html) {
    Matcher m = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<").matcher(html);
    assertThat(m.find()).as("the secret on the enrolment page").isTrue();
    return m.group(1);
  }

  @Test
  void totpMatchesTheTestVectorsOfRfc6238() {
    String secret = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
    assertThat(secret).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
    assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
    assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(1234567890)))).isEqualTo("005924");
    assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(20000000000L))))
        .isEqualTo("353130");
  }

  @Test
  void camundasLoginFormSendsAdministratorsToTheSecondFactor() {
    HttpResponse<String> refused =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(http.url("/camunda/api/admin/auth/user/default/login/cockpit")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username=anquanguan&password=" + DemoUsers.PASSWORD))
                .build());
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("管理员账号须使用动态口令登录").contains("/account/login?app=cockpit");
    assertThat(refused.headers().allValues("Set-Cookie"))
        .noneMatch(c -> c.startsWith("JSESSIONID"));
  }

  @Test
  void anAdministratorEnrolsWithTheQrCodeThenSignsInWithACodeOnce() {
    LoginPage login = new LoginPage();
    assertThat(login.open("admin").body()).contains("登录");
    HttpResponse<String> enrol =
        login.post(
            "/account/login",
            Map.of("username", "anquanguan", "password", DemoUsers.PASSWORD, "app", "admin"));
    assertThat(enrol.statusCode()).isEqualTo(200);
    assertThat(enrol.body()).contains("绑定动态口令").contains("<svg").contains("动态口令二维码");
    String secret = secret(enrol.body());

    HttpResponse<String> wrong = login.post("/account/totp", Map.of("code", "000000"));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("动态口令错误");
    // still not enrolled: the same secret again
    assertThat(secret(wrong.body())).isEqualTo(secret);

    long step = Totp.step(Instant.now());
    String code = Totp.code(secret, step);
    HttpResponse<String> in = login.post("/account/totp", Map.of("code", code));
    assertThat(in.statusCode()).as(in.body()).isEqualTo(303);
    assertThat(in.headers().firstValue("Location").orElseThrow())
        .endsWith("/camunda/app/admin/default/");
    HttpResponse<String> who =
        login.send(HttpRequest.newBuilder(login.uri("/camunda/api/admin/auth/user/default")).GET());
    assertThat(who.statusCode()).isEqualTo(200);
    assertThat(who.body()).contains("\"userId\":\"anquanguan\"");

    // the second login: no QR code any more, and the code just used is refused
    LoginPage again = new LoginPage();
    again.open("admin");
    HttpResponse<String> second =
        again.post(
            "/account/login",
            Map.of("username", "anquanguan", "password", DemoUsers.PASSWORD, "app", "admin"));
    assertThat(second.body()).contains("动态口令").doesNotContain("<svg").doesNotContain("totp-secret");
    assertThat(again.post("/account/totp", Map.of("code", code)).statusCode()).isEqualTo(401);
    HttpResponse<String> next =
        again.post("/account/totp", Map.of("code", Totp.code(secret, step + 1)));
    assertThat(next.statusCode()).isEqualTo(303);
    assertThat(audit.search("anquanguan", AuditEventType.ACCOUNT, null, null, 10))
        .anyMatch(e -> e.action().equals("绑定动态口令"))
        .anyMatch(e -> e.action().equals("动态口令错误"));
  }

  @Test
  void wrongCodesAreCountedEvenWhenThePasswordIsEnteredAgainEachTime() {
    String secret = null;
    for (int i = 0; i < 5; i++) {
      LoginPage login = new LoginPage();
      login.open("admin");
      HttpResponse<String> password =
          login.post(
              "/account/login",
              Map.of("username", "xitongguan", "password", DemoUsers.PASSWORD, "app", "admin"));
      assertThat(password.statusCode()).isEqualTo(200);
      if (secret == null) {
        secret = secret(password.body());
      }
      assertThat(login.post("/account/totp", Map.of("code", "000000")).statusCode()).isEqualTo(401);
    }
    LoginPage login = new LoginPage();
    login.open("admin");
    login.post(
        "/account/login",
        Map.of("username", "xitongguan", "password", DemoUsers.PASSWORD, "app", "admin"));
    String right = Totp.code(secret, Totp.step(Instant.now()));
    assertThat(login.post("/account/totp", Map.of("code", right)).statusCode()).isEqualTo(401);
    assertThat(audit.search("xitongguan", AuditEventType.ACCOUNT, null, null, 20))
        .anyMatch(e -> e.action().equals("动态口令锁定"));
    // the security administrator's unlock lifts it
    assertThat(
            http.postJson(
                    "/api/account/users/xitongguan/unlock", "anquanguan", DemoUsers.PASSWORD, "{}")
                .statusCode())
        .isEqualTo(200);
    assertThat(login.post("/account/totp", Map.of("code", right)).statusCode()).isEqualTo(303);
  }

  @Test
  void theTotpStepNeedsTheRightPasswordFirstAndAValidFormToken() {
    LoginPage login = new LoginPage();
    login.open("cockpit");
    HttpResponse<String> wrong =
        login.post(
            "/account/login",
            Map.of("username", "admin", "password", "Falsch@2026x", "app", "cockpit"));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("用户名或密码错误").doesNotContain("totp-secret");
    assertThat(login.post("/account/totp", Map.of("code", "123456")).statusCode()).isEqualTo(403);
    login.token = "forged";
    HttpResponse<String> forged =
        login.post(
            "/account/login",
            Map.of("username", "admin", "password", "Guanli@2026", "app", "cockpit"));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("页面已过期");
  }

  @Test
  void anOrdinaryUserSignsInOnTheLoginPageWithoutASecondFactor() {
    LoginPage login = new LoginPage();
    login.open("tasklist");
    HttpResponse<String> in =
        login.post(
            "/account/login",
            Map.of(
                "username", DemoUsers.DRAFTER, "password", DemoUsers.PASSWORD, "app", "tasklist"));
    assertThat(in.statusCode()).as(in.body()).isEqualTo(303);
    assertThat(in.headers().firstValue("Location").orElseThrow())
        .endsWith("/camunda/app/tasklist/default/");
  }
}
