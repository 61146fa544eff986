package cn.officeflow.platform.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A first run without a mail server (spring.mail.host empty, as with OFFICEFLOW_MAIL_HOST unset): e-mails
 * are written to the log like SMS, the record ends SENT and nothing shows in Cockpit as an incident.
 */
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
@SpringBootTest(properties = {"spring.mail.host=", "officeflow.notify.sms.url="})
@ActiveProfiles("test")
class MailNotConfiguredTest {

  @Autowired ProcessEngine engine;
  @Autowired NotificationService notifications;
  @Autowired NotificationRepository repository;

  @Test
  void startUpSaysOnceThatMailIsOnlyLogged(CapturedOutput output) {
    assertThat(output.getAll())
        .contains("未配置邮件服务器")
        .contains("Mail server not configured")
        .contains("OFFICEFLOW_MAIL_HOST");
  }

  @Test
  void mailIsDeliveredByLoggingWithoutFailedJobOrIncident(CapturedOutput output) {
    String businessKey = "quiet-" + UUID.randomUUID();
    List<String> ids =
        notifications.send(
            "message",
            Map.of("title", "关于国庆节值班安排的通知", "text", "请于 9 月 28 日前报送值班表。"),
            List.of("zhangwei"),
            Channel.BOTH,
            businessKey);
    assertThat(ids).hasSize(2);

    ManagementService management = engine.getManagementService();
    for (String id : ids) {
      String instanceId =
          engine
              .getRuntimeService()
              .createProcessInstanceQuery()
              .processDefinitionKey(NotificationVariables.PROCESS_KEY)
              .processInstanceBusinessKey(id)
              .singleResult()
              .getId();
      Job job = management.createJobQuery().processInstanceId(instanceId).singleResult();
      management.executeJob(job.getId()); // throws if the delivery fails

      Notification delivered = repository.find(id).orElseThrow();
      assertThat(delivered.status()).isEqualTo(NotificationStatus.SENT);
      assertThat(delivered.attempts()).isEqualTo(1);
      assertThat(delivered.lastError()).isNull();
      assertThat(delivered.sentAt()).isNotNull();
      assertThat(
              engine
                  .getRuntimeService()
                  .createProcessInstanceQuery()
                  .processInstanceId(instanceId)
                  .count())
          .as("delivery instance ended")
          .isZero();
    }
    assertThat(
            management
                .createJobQuery()
                .processDefinitionKey(NotificationVariables.PROCESS_KEY)
                .withException()
                .count())
        .as("failed delivery jobs")
        .isZero();
    assertThat(engine.getRuntimeService().createIncidentQuery().count())
        .as("incidents in Cockpit")
        .isZero();
    assertThat(output.getAll())
        .contains("zhangwei@officeflow.example")
        .contains("关于国庆节值班安排的通知")
        .contains("请于 9 月 28 日前报送值班表。");
  }
}
