package cn.officeflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI description of /api is true: served to authenticated users only, it lists exactly the /api
 * operations the application has (every handler documented, nothing documented that has no handler), and every
 * documented operation answers when called — with its documented method, a made-up id and an empty body: a
 * 2xx, or a 4xx of the operation itself (validation, not found, no permission), never «no such address», «method
 * not allowed» or a server error.
 */
@HttpTest
class OpenApiContractTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "Guanli@2026";
  static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

  @LocalServerPort int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private JsonNode description() throws Exception {
    HttpResponse<String> response =
        new Http(port)
            .get(
                cn.officeflow.platform.security.ApiAuthenticationFilter.API_DESCRIPTION,
                DemoUsers.DRAFTER,
                DemoUsers.PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static Set<String> documented(JsonNode description) {
    Set<String> operations = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = description.get("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      path.getValue()
          .fieldNames()
          .forEachRemaining(
              method -> {
                if (METHODS.contains(method)) {
                  operations.add(method.toUpperCase() + " " + path.getKey());
                }
              });
    }
    return operations;
  }

  @Test
  void onlyAuthenticatedUsersReadIt() throws Exception {
    Http http = new Http(port);
    assertThat(
            http.get(
                    cn.officeflow.platform.security.ApiAuthenticationFilter.API_DESCRIPTION,
                    null,
                    null)
                .statusCode())
        .isEqualTo(401);
    JsonNode description = description();
    assertThat(description.path("info").path("title").asText()).contains("OfficeFlow");
    // designers (no business data) may read the description; integration accounts only report
    // messages
    assertThat(
            http.get(
                    cn.officeflow.platform.security.ApiAuthenticationFilter.API_DESCRIPTION,
                    "sheji",
                    DemoUsers.PASSWORD)
                .statusCode())
        .isEqualTo(200);
    assertThat(
            http.get(
                    cn.officeflow.platform.security.ApiAuthenticationFilter.API_DESCRIPTION,
                    "anfang",
                    DemoUsers.PASSWORD)
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void everyApiHandlerIsDocumentedAndNothingElse() throws Exception {
    Set<String> handlers = new TreeSet<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
        mappings.getHandlerMethods().entrySet()) {
      if (!entry.getValue().getBeanType().getPackageName().startsWith("cn.officeflow")) {
        continue;
      }
      Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
      for (String pattern : entry.getKey().getPatternValues()) {
        if (!pattern.startsWith("/api/")) {
          continue;
        }
        if (methods.isEmpty()) {
          handlers.add("ANY " + pattern);
        }
        methods.forEach(m -> handlers.add(m.name() + " " + pattern));
      }
    }
    Set<String> documented = documented(description());
    assertThat(handlers).as("the application's /api handlers").hasSizeGreaterThan(40);
    assertThat(documented).containsExactlyInAnyOrderElementsOf(handlers);
  }

  @Test
  void everyDocumentedOperationAnswers() throws Exception {
    Http http = new Http(port);
    List<String> problems = new ArrayList<>();
    Set<String> operations = documented(description());
    for (String operation : operations) {
      String method = operation.substring(0, operation.indexOf(' '));
      String path = operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "0");
      HttpRequest.Builder request =
          http.request(path, ADMIN, ADMIN_PASSWORD).header("Accept", "application/json, */*");
      HttpRequest.BodyPublisher body =
          method.equals("GET") || method.equals("DELETE")
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString("{}");
      if (!method.equals("GET") && !method.equals("DELETE")) {
        request.header("Content-Type", "application/json");
      }
      HttpResponse<String> response = http.send(request.method(method, body).build());
      int status = response.statusCode();
      String message = message(response.body());
      boolean noSuchAddress = status == 404 && message.startsWith("请求的地址或资源不存在");
      if (status >= 500 || status == 405 || noSuchAddress) {
        problems.add(operation + " → " + status + " " + message);
      }
    }
    assertThat(operations).hasSizeGreaterThan(40);
    assertThat(problems).isEmpty();
    // the check above can see a missing address: an undocumented one answers just so
    HttpResponse<String> missing = http.get("/api/no-such-operation/0", ADMIN, ADMIN_PASSWORD);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(message(missing.body())).startsWith("请求的地址或资源不存在");
  }

  private static String message(String body) {
    try {
      return JSON.readTree(body).path("message").asText("");
    } catch (Exception e) {
      return "";
    }
  }
}
