package cn.officeflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.platform.audit.AuditEventType;
import cn.officeflow.platform.audit.AuditLog;
import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.Http;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The production shape where the proxy is another machine (OFFICEFLOW_TRUSTED_PROXIES names only it), and
 * administrators without HTTP Basic (the mysql profile's default): a client that calls the application
 * directly cannot choose its address with X-Forwarded-For to dodge the throttle, and the administrator
 * accounts are refused over Basic.
 */
@DirtiesContext
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "server.tomcat.remoteip.internal-proxies=192\\.0\\.2\\.250",
      "officeflow.security.admin-basic-auth=false"
    })
@ActiveProfiles("test")
class UntrustedProxyTest {

  @LocalServerPort int port;
  @Autowired AuditLog audit;

  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @Test
  void aSpoofedForwardedForIsIgnoredAndTheThrottleHoldsTheRealAddress() {
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> wrong =
          http.send(
              http.request("/api/account/policy", DemoUsers.DRAFTER, "Falsch@2026x")
                  .header("X-Forwarded-For", "203.0.113." + i)
                  .GET()
                  .build());
      assertThat(wrong.statusCode()).isEqualTo(401);
    }
    HttpResponse<String> fourth =
        http.send(
            http.request("/api/account/policy", DemoUsers.DRAFTER, "Falsch@2026x")
                .header("X-Forwarded-For", "203.0.113.99")
                .GET()
                .build());
    assertThat(fourth.statusCode()).as("a new spoofed address per attempt").isEqualTo(429);
    assertThat(audit.search(DemoUsers.DRAFTER, AuditEventType.LOGIN, null, null, 10))
        .isNotEmpty()
        .allMatch(e -> "127.0.0.1".equals(e.sourceAddress()));
  }

  @Test
  void administratorsAreRefusedOverHttpBasic() {
    for (String admin : new String[] {"admin", "xitongguan", "anquanguan", "shenjiguan"}) {
      String password = admin.equals("admin") ? "Guanli@2026" : DemoUsers.PASSWORD;
      HttpRequest request = http.request("/engine-rest/user/count", admin, password).GET().build();
      HttpResponse<String> refused = http.send(request);
      assertThat(refused.statusCode()).as(admin + " " + refused.body()).isEqualTo(403);
      assertThat(refused.body()).contains("管理员账号不能使用 HTTP Basic");
    }
    assertThat(
            // another user: the spoofing test throttles this loopback address for zhangwei
            http.get("/engine-rest/user/count", DemoUsers.HEAD, DemoUsers.PASSWORD).statusCode())
        .isEqualTo(200);
    assertThat(audit.search("admin", AuditEventType.LOGIN, null, null, 10))
        .anyMatch(e -> e.detail() != null && e.detail().contains("管理员账号不能使用 HTTP Basic"));
  }
}
