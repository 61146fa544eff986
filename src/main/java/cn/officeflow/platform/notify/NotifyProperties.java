package cn.officeflow.platform.notify;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code officeflow.notify.*}. The SMTP server itself is Spring Boot's {@code spring.mail.*}
 * (host, port, username, password, properties).
 */
@ConfigurationProperties(prefix = "officeflow.notify")
public class NotifyProperties {

  /** Sender of every e-mail, e.g. {@code 行政办公室 <noreply@example.gov.cn>}. */
  private String mailFrom;

  /** Base URL of the application (e.g. https://oa.example.gov.cn) for links in messages; empty = no links. */
  private String baseUrl;

  private final Sms sms = new Sms();

  public String getMailFrom() {
    return mailFrom;
  }

  public void setMailFrom(String mailFrom) {
    this.mailFrom = mailFrom;
  }

  public String getBaseUrl() {
    return baseUrl;
  }

  public void setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public Sms getSms() {
    return sms;
  }

  /** {@code officeflow.notify.sms.*}: without {@code url} SMS are only logged. */
  public static class Sms {

    /** The provider's HTTP endpoint; set it to send SMS over HTTP POST. */
    private String url;

    /**
     * The request body with the placeholders {@code {phone}} and {@code {text}} (not {@code ${...}}: Spring
     * would resolve those itself). Values are JSON-escaped for a JSON content type, URL-encoded for a form.
     */
    private String template = "{\"phone\":\"{phone}\",\"text\":\"{text}\"}";

    private String contentType = "application/json; charset=UTF-8";

    /** Extra request headers, e.g. {@code Authorization: Bearer ...} for the provider. */
    private Map<String, String> headers = new LinkedHashMap<>();

    private Duration timeout = Duration.ofSeconds(10);

    public String getUrl() {
      return url;
    }

    public void setUrl(String url) {
      this.url = url;
    }

    public String getTemplate() {
      return template;
    }

    public void setTemplate(String template) {
      this.template = template;
    }

    public String getContentType() {
      return contentType;
    }

    public void setContentType(String contentType) {
      this.contentType = contentType;
    }

    public Map<String, String> getHeaders() {
      return headers;
    }

    public void setHeaders(Map<String, String> headers) {
      this.headers = headers;
    }

    public Duration getTimeout() {
      return timeout;
    }

    public void setTimeout(Duration timeout) {
      this.timeout = timeout;
    }
  }
}
