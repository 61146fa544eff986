package cn.officeflow.platform.web;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.logging.logback.StructuredLogEncoder;

/**
 * The console encoder of logback-spring.xml, switched by {@code officeflow.log.format} ({@code
 * OFFICEFLOW_LOG_FORMAT}): {@code text} (default) is Spring Boot's console pattern; {@code json} (= {@code
 * ecs}), {@code ecs}, {@code logstash} or {@code gelf} is Spring Boot's structured logging — one JSON object
 * per line with the MDC (the engine's processInstanceId, activityId, businessKey … while it runs a case, the
 * API's userId). An unknown value falls back to text with a line saying so, so that a typo never silences
 * the log.
 */
public class LogFormatEncoder extends EncoderBase<ILoggingEvent> {

  private static final Map<String, String> STRUCTURED =
      Map.of("json", "ecs", "ecs", "ecs", "logstash", "logstash", "gelf", "gelf");

  private String format = "text";
  private String pattern;
  private Charset charset = StandardCharsets.UTF_8;
  private Encoder<ILoggingEvent> delegate;

  public void setFormat(String format) {
    this.format = format;
  }

  public void setPattern(String pattern) {
    this.pattern = pattern;
  }

  public void setCharset(Charset charset) {
    this.charset = charset;
  }

  @Override
  public void start() {
    String key = format == null ? "" : format.strip().toLowerCase(Locale.ROOT);
    String structured = STRUCTURED.get(key);
    if (structured != null) {
      StructuredLogEncoder encoder = new StructuredLogEncoder();
      encoder.setContext(getContext());
      encoder.setFormat(structured);
      encoder.setCharset(charset);
      delegate = encoder;
    } else {
      if (!key.isEmpty() && !"text".equals(key)) {
        addWarn(
            "officeflow.log.format="
                + format
                + " is not text, json, ecs, logstash or gelf: text is used");
      }
      PatternLayoutEncoder encoder = new PatternLayoutEncoder();
      encoder.setContext(getContext());
      encoder.setPattern(pattern);
      encoder.setCharset(charset);
      delegate = encoder;
    }
    delegate.start();
    super.start();
  }

  @Override
  public void stop() {
    if (delegate != null) {
      delegate.stop();
    }
    super.stop();
  }

  @Override
  public byte[] headerBytes() {
    return delegate.headerBytes();
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    return delegate.encode(event);
  }

  @Override
  public byte[] footerBytes() {
    return delegate.footerBytes();
  }
}
