package cn.officeflow.platform.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Templates, the SMS body, the choice of mail gateway and the missing-configuration errors, without Spring. */
class NotificationUnitTest {

  @Test
  void reminderTemplateRendersSubjectBodyAndSms() {
    NotificationTemplates.Rendered text =
        new NotificationTemplates()
            .render(
                "reminder",
                Map.of(
                    "recipientName",
                    "刘洋",
                    "taskName",
                    "部门初审",
                    "processName",
                    "发文（三审三校）",
                    "businessKey",
                    "D-1",
                    "created",
                    "2026年11月23日 09:00",
                    "due",
                    "",
                    "senderName",
                    "赵敏",
                    "message",
                    "",
                    "link",
                    "https://oa.example/camunda/app/tasklist/default/#/?task=1"));
    assertThat(text.subject()).isEqualTo("【催办】请尽快办理：部门初审（发文（三审三校））");
    assertThat(text.body())
        .startsWith("刘洋，您好：")
        .contains("事项：部门初审")
        .doesNotContain("办理期限")
        .contains("请登录任务列表（Tasklist）办理：https://oa.example/camunda/app/tasklist/default/#/?task=1");
    assertThat(text.sms()).isEqualTo("【行政办公】赵敏催办：请尽快办理「部门初审」。");
  }

  @Test
  void unknownOrInvalidTemplateNamesAreRefused() {
    NotificationTemplates templates = new NotificationTemplates();
    assertThatThrownBy(() -> templates.render("../docx/word/document.xml", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> templates.render("no-such-template", Map.of()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void httpGatewayEscapesThePlaceholdersForTheContentType() {
    NotifyProperties.Sms json = new NotifyProperties.Sms();
    json.setUrl("http://127.0.0.1:9/sms");
    assertThat(new HttpSmsGateway(json).render("138", "他说：\"好\"\n明天"))
        .isEqualTo("{\"phone\":\"138\",\"text\":\"他说：\\\"好\\\"\\n明天\"}");
    NotifyProperties.Sms form = new NotifyProperties.Sms();
    form.setUrl("http://127.0.0.1:9/sms");
    form.setContentType("application/x-www-form-urlencoded");
    form.setTemplate("mobile={phone}&content={text}");
    assertThat(new HttpSmsGateway(form).render("138", "催办 & 提醒"))
        .isEqualTo("mobile=138&content=%E5%82%AC%E5%8A%9E+%26+%E6%8F%90%E9%86%92");
  }

  @Test
  void unreachableGatewayIsAFailure() {
    NotifyProperties.Sms sms = new NotifyProperties.Sms();
    sms.setUrl("http://127.0.0.1:" + NotifyTestBase.freePort() + "/sms");
    assertThatThrownBy(() -> new HttpSmsGateway(sms).send("138", "x"))
        .isInstanceOf(NotificationDeliveryException.class)
        .hasMessageContaining("短信网关不可达");
  }

  @Test
  void withoutAMailServerMailIsOnlyLogged() {
    NotifyProperties properties = new NotifyProperties();
    properties.setMailFrom("noreply@officeflow.example");
    Notification mail =
        new Notification(
            "n1",
            "zhangwei",
            "zhangwei@officeflow.example",
            Channel.MAIL,
            "message",
            "主题",
            "正文\n第二行",
            null,
            "system",
            LocalDateTime.now(),
            NotificationStatus.PENDING,
            0,
            null,
            null);
    NotifyConfiguration configuration = new NotifyConfiguration();
    // no spring.mail.host: no sender at all
    MailGateway noSender =
        configuration.mailGateway(
            new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), properties);
    assertThat(noSender).isInstanceOf(LoggingMailGateway.class);
    new NotificationSender(noSender, new LoggingSmsGateway()).send(mail, mail.address());
    // an empty host (OFFICEFLOW_MAIL_HOST unset) counts as not configured
    assertThat(configuration.mailGateway(senders(new JavaMailSenderImpl()), properties))
        .isInstanceOf(LoggingMailGateway.class);
    JavaMailSenderImpl blank = new JavaMailSenderImpl();
    blank.setHost("  ");
    assertThat(NotifyConfiguration.hasMailServer(blank)).isFalse();
    // a host: SMTP
    JavaMailSenderImpl smtp = new JavaMailSenderImpl();
    smtp.setHost("127.0.0.1");
    assertThat(configuration.mailGateway(senders(smtp), properties))
        .isInstanceOf(SmtpMailGateway.class);
  }

  @Test
  void smtpWithoutSenderAddressFailsWithAClearMessage() {
    JavaMailSenderImpl smtp = new JavaMailSenderImpl();
    smtp.setHost("127.0.0.1");
    NotificationSender sender =
        new NotificationSender(
            new SmtpMailGateway(smtp, new NotifyProperties()), new LoggingSmsGateway());
    Notification mail =
        new Notification(
            "n1",
            "zhangwei",
            "zhangwei@officeflow.example",
            Channel.MAIL,
            "message",
            "主题",
            "正文",
            null,
            "system",
            LocalDateTime.now(),
            NotificationStatus.PENDING,
            0,
            null,
            null);
    assertThatThrownBy(() -> sender.send(mail, mail.address()))
        .isInstanceOf(NotificationDeliveryException.class)
        .hasMessageContaining("officeflow.notify.mail-from");
    // SMS still goes to the logging gateway
    sender.send(
        new Notification(
            "n2",
            "zhangwei",
            "138",
            Channel.SMS,
            "message",
            "主题",
            "正文",
            null,
            "system",
            LocalDateTime.now(),
            NotificationStatus.PENDING,
            0,
            null,
            null),
        "138");
  }

  private static org.springframework.beans.factory.ObjectProvider<JavaMailSender> senders(
      JavaMailSender sender) {
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    beans.addBean("mailSender", sender);
    return beans.getBeanProvider(JavaMailSender.class);
  }
}
