package cn.officeflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 三权分立: system, security and audit administrators each do their part and none can grant itself the
 * others' rights; camunda-admin (bootstrap) still can do everything.
 */
@HttpTest
class SeparationOfPowersTest {

  static final String SYSTEM = "xitongguan";
  static final String SECURITY = "anquanguan";
  static final String AUDIT = "shenjiguan";
  static final String PW = DemoUsers.PASSWORD;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  static String authorization(String owner, boolean group, String resourceType, String permission) {
    return "{\"type\":1,\"permissions\":[\""
        + permission
        + "\"],\""
        + (group ? "groupId" : "userId")
        + "\":\""
        + owner
        + "\",\"resourceType\":"
        + resourceType
        + ",\"resourceId\":\"*\"}";
  }

  static String user(String id) {
    return "{\"profile\":{\"id\":\""
        + id
        + "\",\"firstName\":\"测\",\"lastName\":\"试\"},\"credentials\":{\"password\":\"Anfang@2026x\"}}";
  }

  int post(String path, String who, String json) {
    HttpResponse<String> response =
        http.postJson(path, who, who.equals("admin") ? "Guanli@2026" : PW, json);
    return response.statusCode();
  }

  @Test
  void theSystemAdministratorManagesUsersAndDeploymentsButNoAuthorizations() {
    assertThat(post("/engine-rest/user/create", SYSTEM, user("sysmade"))).isEqualTo(204);
    HttpResponse<String> members =
        http.putJson("/engine-rest/group/staff/members/sysmade", SYSTEM, PW, "");
    assertThat(members.statusCode()).as(members.body()).isEqualTo(204);
    // authorizations: none, not even for himself (4 = USER)
    assertThat(
            post(
                "/engine-rest/authorization/create",
                SYSTEM,
                authorization("staff", true, "4", "CREATE")))
        .isEqualTo(403);
    // no way into the other administrators' rights or accounts
    HttpResponse<String> self =
        http.putJson("/engine-rest/group/security-admins/members/" + SYSTEM, SYSTEM, PW, "");
    assertThat(self.statusCode()).as(self.body()).isEqualTo(403);
    assertThat(self.body()).contains("三权分立");
    assertThat(
            http.putJson("/engine-rest/group/security-admins/members/sysmade", SYSTEM, PW, "")
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> reset =
        http.putJson(
            "/engine-rest/user/" + SECURITY + "/credentials",
            SYSTEM,
            PW,
            "{\"password\":\"Uebernahme@2026\",\"authenticatedUserPassword\":\"" + PW + "\"}");
    assertThat(reset.statusCode()).as(reset.body()).isEqualTo(403);
    assertThat(http.delete("/engine-rest/user/" + AUDIT, SYSTEM, PW).statusCode()).isEqualTo(403);
    assertThat(engine.getIdentityService().checkPassword(SECURITY, PW)).isTrue();
  }

  @Test
  void theSecurityAdministratorGrantsButNeitherCreatesUsersNorDeploysNorGrantsHerself() {
    assertThat(post("/engine-rest/user/create", SECURITY, user("secmade"))).isEqualTo(403);
    HttpResponse<String> deploy =
        http.postMultipart(
            "/engine-rest/deployment/create",
            SECURITY,
            PW,
            java.util.List.of(
                new Http.Part("data", "x.bpmn", "application/xml", "<x/>".getBytes())));
    assertThat(deploy.statusCode()).as(deploy.body()).isEqualTo(403);
    // a grant for an ordinary group: her job (0 = APPLICATION)
    assertThat(
            post(
                "/engine-rest/authorization/create",
                SECURITY,
                "{\"type\":1,\"permissions\":[\"ACCESS\"],\"groupId\":\"finance\",\"resourceType\":0,\"resourceId\":\"cockpit\"}"))
        .isEqualTo(200);
    // …but not for herself, her group or another administrators' group
    assertThat(
            post(
                "/engine-rest/authorization/create",
                SECURITY,
                authorization(SECURITY, false, "4", "CREATE")))
        .isEqualTo(403);
    assertThat(
            post(
                "/engine-rest/authorization/create",
                SECURITY,
                authorization("security-admins", true, "4", "CREATE")))
        .isEqualTo(403);
    assertThat(
            post(
                "/engine-rest/authorization/create",
                SECURITY,
                authorization("system-admins", true, "4", "CREATE")))
        .isEqualTo(403);
    assertThat(
            post(
                "/engine-rest/authorization/create",
                SECURITY,
                authorization("*", false, "4", "CREATE")))
        .isEqualTo(403);
    assertThat(engine.getIdentityService().createUserQuery().userId("secmade").count()).isZero();
  }

  @Test
  void theAuditAdministratorReadsTheAuditLogAndChangesNothing() {
    HttpResponse<String> events = http.get("/api/audit/events", AUDIT, PW);
    assertThat(events.statusCode()).as(events.body()).isEqualTo(200);
    assertThat(http.get("/api/audit/events", SYSTEM, PW).statusCode()).isEqualTo(403);
    assertThat(http.get("/api/audit/events", SECURITY, PW).statusCode()).isEqualTo(403);
    assertThat(post("/engine-rest/user/create", AUDIT, user("audmade"))).isEqualTo(403);
    assertThat(
            post(
                "/engine-rest/authorization/create",
                AUDIT,
                authorization("finance", true, "4", "READ")))
        .isEqualTo(403);
    assertThat(
            http.putJson("/engine-rest/group/staff/members/" + AUDIT, AUDIT, PW, "").statusCode())
        .isEqualTo(403);
    assertThat(post("/api/account/users/zhangwei/unlock", AUDIT, "{}")).isEqualTo(403);
  }

  @Test
  void theBootstrapAdministratorStillHoldsEveryRight() {
    assertThat(
            post(
                "/engine-rest/authorization/create",
                "admin",
                "{\"type\":1,\"permissions\":[\"UPDATE\"],\"groupId\":\"security-admins\","
                    + "\"resourceType\":4,\"resourceId\":\"zhangwei\"}"))
        .isEqualTo(200);
    HttpResponse<String> membership =
        http.putJson(
            "/engine-rest/group/audit-admins/members/zhangwei", "admin", "Guanli@2026", "");
    assertThat(membership.statusCode()).as(membership.body()).isEqualTo(204);
  }
}
