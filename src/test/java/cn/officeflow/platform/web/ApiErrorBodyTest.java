package cn.officeflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every error under /engine-rest and /api is {"type", "message"} JSON with a Chinese message (DESIGN.md §5). */
@HttpTest
class ApiErrorBodyTest {

  static final String PASSWORD = "Office@2026";
  static final String START = "/engine-rest/process-definition/key/outgoing_document/start";
  static final String LOCATION = "/api/archive/entries/no-such-entry/location";
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;

  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @Test
  void camundaRestErrorsAreChineseJson() throws Exception {
    JsonNode malformed = error(http.postJson(START, "zhangwei", PASSWORD, "{\"variables\":"), 400);
    assertThat(malformed.get("message").asText()).contains("请求体不是合法的 JSON");
    JsonNode plain = error(send(START, "POST", "text/plain", "hello"), 415);
    assertThat(plain.get("message").asText())
        .contains("请使用 application/json")
        .contains("text/plain");
    JsonNode unknown = error(http.get("/engine-rest/no-such-resource", "zhangwei", PASSWORD), 404);
    assertThat(unknown.get("message").asText()).contains("不存在");
    JsonNode method =
        error(
            http.send(http.request("/engine-rest/task", "zhangwei", PASSWORD).DELETE().build()),
            405);
    assertThat(method.get("message").asText()).contains("不支持 DELETE");
  }

  @Test
  void camundasOwnJsonErrorsPassUnchanged() throws Exception {
    JsonNode task = error(http.get("/engine-rest/task/no-such-task", "zhangwei", PASSWORD), 404);
    assertThat(task.get("type").asText()).isEqualTo("InvalidRequestException");
    assertThat(task.get("message").asText()).isEqualTo("No matching task with id no-such-task");
    assertThat(task.has("code")).isTrue();
    HttpResponse<String> ok =
        http.get("/engine-rest/process-definition?key=outgoing_document", "zhangwei", PASSWORD);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(ok.body()).isArray()).isTrue();
  }

  @Test
  void projectApiErrorsAreChineseJson() throws Exception {
    JsonNode malformed = error(send(LOCATION, "PUT", "application/json", "{\"box\":"), 400);
    assertThat(malformed.get("message").asText()).contains("请求体不是合法的 JSON").contains("第 1 行");
    JsonNode plain = error(send(LOCATION, "PUT", "text/plain", "box"), 415);
    assertThat(plain.get("message").asText())
        .contains("请使用 application/json")
        .contains("text/plain");
    // refused before a controller is chosen (the endpoint consumes multipart only)
    JsonNode notMultipart =
        error(send("/api/incoming-documents/x/attachments", "POST", "application/json", "{}"), 415);
    assertThat(notMultipart.get("message").asText()).contains("Content-Type");
    JsonNode unknown = error(http.get("/api/no-such-thing", "lina", PASSWORD), 404);
    assertThat(unknown.get("message").asText()).contains("不存在");
    JsonNode method =
        error(http.send(http.request(LOCATION, "lina", PASSWORD).DELETE().build()), 405);
    assertThat(method.get("message").asText()).contains("不支持 DELETE");
  }

  private HttpResponse<String> send(String path, String method, String contentType, String body) {
    String user = path.startsWith("/api") ? "lina" : "zhangwei";
    return http.send(
        http.request(path, user, PASSWORD)
            .header("Content-Type", contentType)
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  static JsonNode error(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .as(response.body())
        .hasValueSatisfying(
            t ->
                assertThat(t.replace(" ", ""))
                    .isEqualToIgnoringCase("application/json;charset=UTF-8"));
    JsonNode json = JSON.readTree(response.body());
    assertThat(json.get("type").asText()).as(response.body()).isNotBlank();
    assertThat(json.get("message").asText()).as(response.body()).isNotBlank();
    return json;
  }
}
