package cn.officeflow.platform.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One Spring context for the notification tests: GreenMail as the SMTP server on a loopback port (fresh for
 * every test) and a local HTTP server as the SMS gateway. The demo users get phone numbers as Camunda user
 * info. The job executor is off (application-test.yaml): tests run delivery jobs themselves. The engine has a
 * name of its own: Camunda's REST API and webapps find engines by name in a JVM-wide registry, so a second
 * engine called "default" would take over the other test contexts' /engine-rest.
 */
// one live engine per JVM: Camunda registers engines by name, and /engine-rest resolves "default"
@DirtiesContext
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.process-engine-name=" + NotifyTestBase.ENGINE)
@ActiveProfiles("test")
@Import(NotifyTestBase.TestBeans.class)
abstract class NotifyTestBase {

  static final String ENGINE = "notifyit"; // no hyphen: the starter ignores such names
  static final String MAIL_FROM = "行政办公室 <noreply@officeflow.example>";
  static final int SMTP_PORT = freePort();
  static final SmsGatewayStub SMS = SmsGatewayStub.start();
  static final Map<String, String> PHONES =
      Map.of(
          "zhangwei",
          "13800000001",
          "liuyang",
          "13800000002",
          "sunli",
          "13800000003",
          "zhaomin",
          "13800000009",
          "luomin",
          "13800000004",
          "zhoujie",
          "13800000005");

  @RegisterExtension
  static final GreenMailExtension MAIL =
      new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
          .withPerMethodLifecycle(true);

  @DynamicPropertySource
  static void notifyProperties(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "3000");
    registry.add("spring.mail.properties.mail.smtp.timeout", () -> "5000");
    registry.add("officeflow.notify.mail-from", () -> MAIL_FROM);
    registry.add("officeflow.notify.sms.url", SMS::url);
    registry.add("officeflow.notify.sms.headers.Authorization", () -> "Bearer test-key");
  }

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired NotificationService notifications;
  @Autowired NotificationRepository repository;

  @BeforeEach
  void resetStubsAndPhones() {
    SMS.reset();
    PHONES.forEach(
        (user, phone) ->
            engine.getIdentityService().setUserInfo(user, RecipientAddresses.PHONE, phone));
  }

  /** The delivery instance of a notification (business key = notification id). */
  ProcessInstance deliveryInstance(String notificationId) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey(NotificationVariables.PROCESS_KEY)
        .processInstanceBusinessKey(notificationId)
        .singleResult();
  }

  Job deliveryJob(String notificationId) {
    ProcessInstance instance = deliveryInstance(notificationId);
    assertThat(instance).as("delivery instance of %s", notificationId).isNotNull();
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(instance.getId())
        .singleResult();
  }

  /** Runs the delivery job of each notification, as the job executor would. */
  void deliver(Collection<String> notificationIds) {
    for (String id : notificationIds) {
      engine.getManagementService().executeJob(deliveryJob(id).getId());
    }
  }

  Notification record(String id) {
    return repository.find(id).orElseThrow();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A delegate for test processes: a user's decision followed (in the same transaction) by a notification,
   * like any business process that notifies someone.
   */
  @TestConfiguration
  static class TestBeans {

    @Bean("notifyAfterDecisionDelegate")
    JavaDelegate notifyAfterDecisionDelegate(NotificationService notifications) {
      return execution ->
          notifications.send(
              "message",
              Map.of("title", "关于国庆节值班安排的通知", "text", "审批已完成：" + execution.getVariable("decision")),
              List.of((String) execution.getVariable("notify")),
              java.util.EnumSet.of(Channel.MAIL),
              execution.getProcessBusinessKey());
    }
  }
}
