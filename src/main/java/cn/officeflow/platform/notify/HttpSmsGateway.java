package cn.officeflow.platform.notify;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Sends an SMS as an HTTP POST to the provider configured by {@code officeflow.notify.sms.*}: the body is
 * the configured template with {@code {phone}} and {@code {text}} replaced (escaped for the content type).
 * Any answer other than 2xx, or no answer, is a failure.
 */
public class HttpSmsGateway implements SmsGateway {

  private final URI url;
  private final String template;
  private final String contentType;
  private final Map<String, String> headers;
  private final java.time.Duration timeout;
  private final HttpClient client;

  public HttpSmsGateway(NotifyProperties.Sms properties) {
    this.url = URI.create(properties.getUrl().strip());
    this.template = properties.getTemplate();
    this.contentType = properties.getContentType();
    this.headers = Map.copyOf(properties.getHeaders());
    this.timeout = properties.getTimeout();
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public void send(String phone, String text) {
    String body = render(phone, text);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    HttpResponse<String> response;
    try {
      response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new NotificationDeliveryException("短信网关不可达（" + url + "）：" + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotificationDeliveryException("短信发送被中断", e);
    }
    if (response.statusCode() / 100 != 2) {
      String answer = response.body() == null ? "" : response.body();
      throw new NotificationDeliveryException(
          "短信网关返回 HTTP "
              + response.statusCode()
              + "："
              + (answer.length() > 300 ? answer.substring(0, 300) + "…" : answer));
    }
  }

  /** The request body for one message. */
  String render(String phone, String text) {
    return template.replace("{phone}", escape(phone)).replace("{text}", escape(text));
  }

  private String escape(String value) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.contains("json")) {
      return json(value);
    }
    if (type.contains("x-www-form-urlencoded")) {
      return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
    return value;
  }

  private static String json(String value) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
