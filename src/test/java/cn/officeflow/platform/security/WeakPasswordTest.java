package cn.officeflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A weak password over Camunda's REST API: 400 listing the broken rules, nothing stored (DESIGN.md §5). */
@HttpTest
class WeakPasswordTest {

  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "Guanli@2026";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @Test
  void creatingAUserWithAWeakPasswordIs400ListingTheRules() {
    HttpResponse<String> refused =
        http.postJson(
            "/engine-rest/user/create",
            ADMIN,
            ADMIN_PASSWORD,
            "{\"profile\":{\"id\":\"weakclerk\",\"firstName\":\"文\",\"lastName\":\"书\"},"
                + "\"credentials\":{\"password\":\"123456\"}}");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    assertThat(refused.body())
        .contains("\"type\"")
        .contains("至少 10 个字符")
        .contains("至少 1 个大写字母")
        .contains("至少 1 个特殊字符");
    assertThat(engine.getIdentityService().createUserQuery().userId("weakclerk").count()).isZero();
  }

  @Test
  void changingCredentialsToAWeakPasswordIs400ListingTheRules() {
    HttpRequest put =
        http.request("/engine-rest/user/zhangwei/credentials", ADMIN, ADMIN_PASSWORD)
            .header("Content-Type", "application/json")
            .PUT(
                HttpRequest.BodyPublishers.ofString(
                    "{\"password\":\"abcdefghij\",\"authenticatedUserPassword\":\""
                        + ADMIN_PASSWORD
                        + "\"}"))
            .build();
    HttpResponse<String> refused = http.send(put);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body())
        .contains("至少 1 个大写字母")
        .contains("至少 1 个数字")
        .doesNotContain("至少 10 个字符");
    assertThat(engine.getIdentityService().checkPassword("zhangwei", "Office@2026")).isTrue();
  }
}
