package cn.officeflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;

/** Reading our JSON answers in API tests: the field a 400 names, the message, a start/complete body. */
public final class ApiResponses {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ApiResponses() {}

  /** A 400 that names {@code field}. */
  public static void assertRefused(HttpResponse<String> response, String field) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(field(response)).as(response.body()).isEqualTo(field);
  }

  /**
   * The field a refusal names: {@code field} of an /api body; on /engine-rest, whose bodies carry only type
   * and message, the name in the message's 「字段 <name>：」.
   */
  public static String field(HttpResponse<String> response) throws Exception {
    JsonNode body = JSON.readTree(response.body());
    if (body.hasNonNull("field")) {
      return body.get("field").asText();
    }
    String message = body.get("message").asText();
    int start = message.indexOf("字段 ");
    return start < 0 ? message : message.substring(start + 3, message.indexOf('：', start));
  }

  public static String message(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body()).get("message").asText();
  }

  /** A /engine-rest start or complete body: {@code {"variables": {name: {"value": …}}}}. */
  public static String body(Map<String, Object> variables) throws Exception {
    StringBuilder json = new StringBuilder("{\"variables\":{");
    for (Map.Entry<String, Object> v : variables.entrySet()) {
      if (json.charAt(json.length() - 1) != '{') {
        json.append(',');
      }
      json.append(JSON.writeValueAsString(v.getKey()))
          .append(":{\"value\":")
          .append(JSON.writeValueAsString(v.getValue()))
          .append('}');
    }
    return json.append("}}").toString();
  }

  /** The body as JSON, after checking the status. */
  public static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }
}
