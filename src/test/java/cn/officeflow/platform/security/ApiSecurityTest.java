package cn.officeflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.officeflow.platform.org.OrganisationBootstrap;
import cn.officeflow.platform.org.RoleGroups;
import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

/** DESIGN.md §5 over real HTTP: authentication, authorization per role, policy, validation. */
@HttpTest
class ApiSecurityTest {

  static final String PASSWORD = "Office@2026";
  static final String START = "/engine-rest/process-definition/key/outgoing_document/start";
  static final String VALID_START =
      """
      {"variables": {"title": {"value": "关于开展安全检查的通知"}, "docType": {"value": "通知"},
       "mainRecipients": {"value": "各处室"}, "body": {"value": "各处室应当开展自查。"}}}""";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired OrganisationBootstrap organisation;

  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @Test
  void anonymousAndWrongPasswordGet401WithJson() {
    for (String path :
        List.of(
            "/engine-rest/task", "/engine-rest/process-definition", "/api/outgoing-documents")) {
      HttpResponse<String> anonymous = http.get(path, null, null);
      assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();
      assertThat(anonymous.body()).contains("\"type\"").contains("\"message\"");
    }
    // a user of its own: Camunda's login throttling delays that user after a failure
    assertThat(http.get("/engine-rest/task", "songjia", "wrong-Password1!").statusCode())
        .isEqualTo(401);
  }

  @Test
  void aMembershipChangeAppliesToTheNextRequestThoughMembershipsAreRemembered() {
    String user = "membership-probe";
    IdentityService identity = engine.getIdentityService();
    User probe = identity.newUser(user);
    probe.setFirstName("成员");
    probe.setLastName("探测");
    probe.setPassword(PASSWORD);
    identity.saveUser(probe);
    try {
      identity.createMembership(user, RoleGroups.STAFF);
      assertThat(http.get("/api/worklist", user, PASSWORD).statusCode()).isEqualTo(200);
      // remembered now; the same request again reads no membership
      assertThat(http.get("/api/worklist", user, PASSWORD).statusCode()).isEqualTo(200);

      identity.deleteMembership(user, RoleGroups.STAFF);
      identity.createMembership(user, RoleGroups.PROCESS_DESIGNERS);
      HttpResponse<String> designer = http.get("/api/worklist", user, PASSWORD);
      assertThat(designer.statusCode()).as(designer.body()).isEqualTo(403);

      identity.createMembership(user, RoleGroups.STAFF);
      assertThat(http.get("/api/worklist", user, PASSWORD).statusCode()).isEqualTo(200);
    } finally {
      identity.deleteUser(user);
    }
  }

  @Test
  void optionsNeedAuthenticationAndNeverDumpTheResourceMap() {
    HttpResponse<String> anonymous = options("/engine-rest/task", null, null);
    assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(401);
    assertThat(anonymous.body()).contains("\"type\"").doesNotContain("<application");
    HttpResponse<String> authenticated = options("/engine-rest/task", "admin", "Guanli@2026");
    assertThat(authenticated.statusCode()).isLessThan(500);
    assertThat(authenticated.body())
        .doesNotContain("application.wadl")
        .doesNotContain("<application");
    assertThat(options("/engine-rest", "zhangwei", PASSWORD).body()).doesNotContain("<application");
    assertThat(options("/api/outgoing-documents", null, null).statusCode()).isEqualTo(401);
    // the webapps' own API (their own authentication) answers anonymous OPTIONS with 401 too
    HttpResponse<String> webapp = options("/camunda/api/engine/engine/default/task", null, null);
    assertThat(webapp.statusCode()).isEqualTo(401);
    assertThat(webapp.body()).doesNotContain("<application");
  }

  @Test
  void auditorsChangeNothingThroughTheProjectApi() {
    String read = "审计人员为只读角色，不能修改任何数据";
    List<HttpRequest> writes =
        List.of(
            http.request("/api/incoming-documents/any/attachments", "qianyu", PASSWORD)
                .header("Content-Type", "multipart/form-data; boundary=x")
                .POST(HttpRequest.BodyPublishers.ofString("--x--\r\n"))
                .build(),
            http.request("/api/incoming-documents/any/attachments/file", "qianyu", PASSWORD)
                .DELETE()
                .build(),
            http.request("/api/archive/entries/any/location", "qianyu", PASSWORD)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"box\":\"1\",\"shelf\":\"2\"}"))
                .build(),
            http.request("/api/tasks/any/reminders", "qianyu", PASSWORD)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            // the raw path is not trusted: the filter looks at the normalised one
            http.request("/engine-rest/../api/tasks/any/reminders", "qianyu", PASSWORD)
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    for (HttpRequest write : writes) {
      HttpResponse<String> refused = http.send(write);
      assertThat(refused.statusCode()).as(write.uri() + " " + refused.body()).isEqualTo(403);
      assertThat(refused.body()).contains("\"AuthorizationException\"").contains(read);
    }
    assertThat(http.get("/api/outgoing-documents", "qianyu", PASSWORD).statusCode()).isEqualTo(200);
    // /engine-rest is left to the engine's authorizations: Cockpit queries with POST
    assertThat(
            http.postJson("/engine-rest/history/process-instance", "qianyu", PASSWORD, "{}")
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void staffStartsOutgoingDocumentButAuditorsCannot() {
    assertThat(http.postJson(START, "zhangwei", PASSWORD, VALID_START).statusCode()).isEqualTo(200);
    assertThat(http.postJson(START, "qianyu", PASSWORD, VALID_START).statusCode()).isIn(403, 404);
    // tasks are visible only to their candidates (and read-only to auditors in Cockpit)
    assertThat(
            http.get("/engine-rest/task?processDefinitionKey=outgoing_document", "duming", PASSWORD)
                .body())
        .isEqualTo("[]");
    String taskId = engine.getTaskService().createTaskQuery().list().get(0).getId();
    assertThat(
            http.postJson(
                    "/engine-rest/task/" + taskId + "/claim",
                    "qianyu",
                    PASSWORD,
                    "{\"userId\":\"qianyu\"}")
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void auditorsReadHistoryButChangeNothing() {
    http.postJson(START, "zhangwei", PASSWORD, VALID_START);
    HttpResponse<String> history =
        http.get(
            "/engine-rest/history/process-instance?processDefinitionKey=outgoing_document",
            "qianyu",
            PASSWORD);
    assertThat(history.statusCode()).isEqualTo(200);
    assertThat(history.body()).contains("outgoing_document");
    String instanceId =
        engine.getRuntimeService().createProcessInstanceQuery().list().get(0).getId();
    HttpRequest delete =
        http.request("/engine-rest/process-instance/" + instanceId, "qianyu", PASSWORD)
            .DELETE()
            .build();
    HttpResponse<String> deleted = http.send(delete);
    assertThat(deleted.statusCode())
        .as(deleted.headers().map() + " " + deleted.body())
        .isEqualTo(403);
    assertThat(
            http.postJson(
                    "/engine-rest/user/create",
                    "qianyu",
                    PASSWORD,
                    "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"Qiangmima@2026x\"}}")
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void webappAccessPerRole() {
    assertThat(allowedApp("zhangwei", "tasklist")).isTrue();
    assertThat(allowedApp("zhangwei", "cockpit")).isFalse();
    assertThat(allowedApp("zhangwei", "admin")).isFalse();
    assertThat(allowedApp("qianyu", "cockpit")).isTrue();
    assertThat(allowedApp("qianyu", "tasklist")).isFalse();
    assertThat(allowedApp("qianyu", "admin")).isFalse();
    assertThat(allowedApp("admin", "admin")).isTrue();
  }

  @Test
  void adminMayCreateUsersButThePasswordPolicyApplies() {
    String weak =
        "{\"profile\":{\"id\":\"newclerk\",\"firstName\":\"文\",\"lastName\":\"书\"},"
            + "\"credentials\":{\"password\":\"123456\"}}";
    HttpResponse<String> refused =
        http.postJson("/engine-rest/user/create", "admin", "Guanli@2026", weak);
    // the engine guard checks the policy first: 400 listing the broken rules (Camunda alone
    // answered 500)
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("密码不符合密码策略").contains("至少 10 个字符");
    assertThat(engine.getIdentityService().createUserQuery().userId("newclerk").count()).isZero();
    String strong = weak.replace("123456", "Xinwenshu@2026");
    HttpResponse<String> created =
        http.postJson("/engine-rest/user/create", "admin", "Guanli@2026", strong);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
    assertThat(
            http.postJson(
                    "/engine-rest/user/create",
                    "zhangwei",
                    PASSWORD,
                    strong.replace("newclerk", "other"))
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void javaSerializedVariablesAreRefused() {
    String body =
        """
        {"variables": {"title": {"value": "x"}, "evil": {"value": "rO0ABXQAA2FiYw==", "type": "Object",
         "valueInfo": {"objectTypeName": "java.lang.String",
                       "serializationDataFormat": "application/x-java-serialized-object"}}}}""";
    long before = count();
    HttpResponse<String> response = http.postJson(START, "zhangwei", PASSWORD, body);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).containsIgnoringCase("serialization").contains("evil");
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void invalidStartThroughRestIs400NamingTheFieldAndPersistsNothing() {
    long before = count();
    long instancesBefore = engine.getHistoryService().createHistoricProcessInstanceQuery().count();
    String withoutTitle =
        """
        {"variables": {"docType": {"value": "通知"}, "mainRecipients": {"value": "各处室"},
         "body": {"value": "各处室应当开展自查。"}}}""";
    HttpResponse<String> response = http.postJson(START, "zhangwei", PASSWORD, withoutTitle);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"type\"").contains("title");
    HttpResponse<String> badType =
        http.postJson(START, "zhangwei", PASSWORD, VALID_START.replace("\"通知\"", "\"便条\""));
    assertThat(badType.statusCode()).isEqualTo(400);
    assertThat(badType.body()).contains("docType");
    assertThat(count()).isEqualTo(before);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count())
        .isEqualTo(instancesBefore);
  }

  @Test
  void apiAcceptsTheWebappSession() {
    HttpResponse<String> page = http.get("/camunda/app/tasklist/default/", null, null);
    String xsrf = cookie(page, "XSRF-TOKEN");
    HttpRequest login =
        HttpRequest.newBuilder(
                URI.create(http.url("/camunda/api/admin/auth/user/default/login/tasklist")))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", cookie(page, "JSESSIONID") + "; " + xsrf)
            .header("X-XSRF-TOKEN", xsrf.substring(xsrf.indexOf('=') + 1))
            .POST(HttpRequest.BodyPublishers.ofString("username=zhangwei&password=" + PASSWORD))
            .build();
    HttpResponse<String> loggedIn = http.send(login);
    assertThat(loggedIn.statusCode()).isEqualTo(200);
    String cookie = cookie(loggedIn, "JSESSIONID");
    HttpRequest api =
        HttpRequest.newBuilder(URI.create(http.url("/api/outgoing-documents")))
            .header("Cookie", cookie)
            .GET()
            .build();
    assertThat(http.send(api).statusCode()).isEqualTo(200);
  }

  @Test
  void roleGroupsAlwaysExistAndDemoLoadIsIdempotent() throws Exception {
    IdentityService identity = engine.getIdentityService();
    for (String group : RoleGroups.ALL.keySet()) {
      assertThat(identity.createGroupQuery().groupId(group).count()).as(group).isEqualTo(1);
    }
    long users = identity.createUserQuery().count();
    long memberships = identity.createUserQuery().memberOfGroup(RoleGroups.STAFF).count();
    organisation.afterPropertiesSet();
    assertThat(identity.createUserQuery().count()).isEqualTo(users);
    assertThat(identity.createUserQuery().memberOfGroup(RoleGroups.STAFF).count())
        .isEqualTo(memberships);
    User zhang = identity.createUserQuery().userId("zhangwei").singleResult();
    assertThat(zhang.getFirstName() + zhang.getLastName()).isEqualTo("张伟");
    assertThat(identity.createGroupQuery().groupId("dept-business").singleResult().getType())
        .isEqualTo("department");
  }

  @Test
  void mysqlProfileWithoutAdminPasswordStopsStartUp() {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles("mysql");
    AccessBootstrap bootstrap =
        new AccessBootstrap(
            engine, organisation, environment, "admin", "", new StartPermissions(List.of()));
    assertThatThrownBy(bootstrap::afterPropertiesSet)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("OFFICEFLOW_ADMIN_PASSWORD");
  }

  private HttpResponse<String> options(String path, String user, String password) {
    return http.send(
        http.request(path, user, password)
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .build());
  }

  private static String cookie(HttpResponse<String> response, String name) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .map(c -> c.substring(0, c.indexOf(';')))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no cookie " + name));
  }

  private boolean allowedApp(String user, String app) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    List<String> groups =
        engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
            .map(g -> g.getId())
            .toList();
    return authorizations.isUserAuthorized(
        user, groups, Permissions.ACCESS, Resources.APPLICATION, app);
  }

  private long count() {
    return jdbc.sql("select count(*) from of_outgoing_document").query(Long.class).single();
  }

  @Test
  void staffHaveTheirOwnTaskFilterTheOfficeAllOfThem() throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    http.postJson(START, "zhangwei", PASSWORD, VALID_START);
    java.util.function.Function<String, List<String>> names =
        user -> {
          try {
            List<String> found = new java.util.ArrayList<>();
            json.readTree(http.get("/engine-rest/filter", user, PASSWORD).body())
                .forEach(f -> found.add(f.get("name").asText()));
            return found;
          } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
          }
        };
    assertThat(names.apply("zhangwei")).containsExactly(TaskFiltersBootstrap.MY_TASKS);
    assertThat(names.apply("liuyang")).containsExactly(TaskFiltersBootstrap.MY_TASKS);
    assertThat(names.apply("lina")).contains(TaskFiltersBootstrap.MY_TASKS, "全部任务", "超期事项");

    // 我的待办 lists what is the user's: 刘洋's 部门初审 (assigned), nothing for the drafter
    String myTasks =
        json.readTree(
                http.get(
                        "/engine-rest/filter?name="
                            + java.net.URLEncoder.encode(
                                TaskFiltersBootstrap.MY_TASKS,
                                java.nio.charset.StandardCharsets.UTF_8),
                        "liuyang",
                        PASSWORD)
                    .body())
            .get(0)
            .get("id")
            .asText();
    assertThat(http.get("/engine-rest/filter/" + myTasks + "/list", "liuyang", PASSWORD).body())
        .contains("部门初审");
    assertThat(http.get("/engine-rest/filter/" + myTasks + "/list", "zhangwei", PASSWORD).body())
        .isEqualTo("[]");
  }
}
