package cn.officeflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/**
 * logback-spring.xml as Spring Boot starts it: OFFICEFLOW_LOG_FORMAT=json gives one JSON object per line with
 * the MDC (user, case); the default stays Spring Boot's text line; a typo falls back to text.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger("cn.officeflow.structuredlogtest");

  @AfterEach
  void backToText() {
    initialize("text");
  }

  @Test
  void jsonWritesOneObjectPerLineWithTheMdc(CapturedOutput output) throws Exception {
    initialize("json");
    String marker = UUID.randomUUID().toString();
    MDC.put(LogContextFilter.USER, "zhaomin");
    MDC.put("processInstanceId", "pi-" + marker);
    try {
      LOG.warn("工作日历：测试 {}", marker);
    } finally {
      MDC.clear();
    }
    List<String> lines = output.getOut().lines().filter(l -> l.contains(marker)).toList();
    assertThat(lines).hasSize(1);
    JsonNode line = JSON.readTree(lines.get(0));
    assertThat(line.get("message").asText()).isEqualTo("工作日历：测试 " + marker);
    assertThat(line.at("/log/level").asText()).isEqualTo("WARN");
    assertThat(line.at("/log/logger").asText()).isEqualTo("cn.officeflow.structuredlogtest");
    assertThat(line.get("userId").asText()).isEqualTo("zhaomin");
    assertThat(line.get("processInstanceId").asText()).isEqualTo("pi-" + marker);
    assertThat(line.at("/service/name").asText()).isEqualTo("officeflow");
  }

  @Test
  void textIsTheDefaultAndAnUnknownFormatFallsBackToIt(CapturedOutput output) {
    for (String format : List.of("text", "jsn")) {
      initialize(format);
      String marker = UUID.randomUUID().toString();
      LOG.info("文本日志 {}", marker);
      String line =
          output.getOut().lines().filter(l -> l.contains(marker)).findFirst().orElseThrow();
      assertThat(line)
          .as(format)
          .doesNotStartWith("{")
          .contains(" INFO ")
          .contains("文本日志 " + marker);
    }
  }

  private static void initialize(String format) {
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty("officeflow.log.format", format)
            .withProperty("spring.application.name", "officeflow");
    LoggingSystem system = LoggingSystem.get(StructuredLogTest.class.getClassLoader());
    system.cleanUp();
    system.beforeInitialize();
    system.initialize(
        new LoggingInitializationContext(environment), "classpath:logback-spring.xml", null);
  }
}
