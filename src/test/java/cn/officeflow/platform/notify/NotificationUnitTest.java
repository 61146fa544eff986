package cn.officeflow.platform.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;

/** Templates, the SMS body and the missing-configuration errors, without Spring. */
class NotificationUnitTest {

  @Test
  void reminderTemplateRendersSubjectBodyAndSms() {
    NotificationTemplates.Rendered text = new NotificationTemplates().render("reminder", Map.of("recipientName", "刘洋",
        "taskName", "部门初审", "processName", "发文（三审三校）", "businessKey", "D-1", "created", "2026年11月23日 09:00",
        "due", "", "senderName", "赵敏", "message", "", "link", "https://oa.example/camunda/app/tasklist/default/#/?task=1"));
    assertThat(text.subject()).isEqualTo("【催办】请尽快办理：部门初审（发文（三审三校））");
    assertThat(text.body()).startsWith("刘洋，您好：").contains("事项：部门初审").doesNotContain("办理期限")
        .contains("请登录任务列表（Tasklist）办理：https://oa.example/camunda/app/tasklist/default/#/?task=1");
    assertThat(text.sms()).isEqualTo("【行政办公】赵敏催办：请尽快办理「部门初审」。");
  }

  @Test
  void unknownOrInvalidTemplateNamesAreRefused() {
    NotificationTemplates templates = new NotificationTemplates();
    assertThatThrownBy(() -> templates.render("../docx/word/document.xml", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> templates.render("no-such-template", Map.of())).isInstanceOf(IllegalStateException.class);
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
    assertThat(new HttpSmsGateway(form).render("138", "催办 & 提醒")).isEqualTo("mobile=138&content=%E5%82%AC%E5%8A%9E+%26+%E6%8F%90%E9%86%92");
  }

  @Test
  void unreachableGatewayIsAFailure() {
    NotifyProperties.Sms sms = new NotifyProperties.Sms();
    sms.setUrl("http://127.0.0.1:" + NotifyTestBase.freePort() + "/sms");
    assertThatThrownBy(() -> new HttpSmsGateway(sms).send("138", "x"))
        .isInstanceOf(NotificationDeliveryException.class).hasMessageContaining("短信网关不可达");
  }

  @Test
  void mailWithoutSmtpConfigurationFailsWithAClearMessage() {
    NotifyProperties properties = new NotifyProperties();
    properties.setMailFrom("noreply@officeflow.example");
    NotificationSender sender = new NotificationSender(
        new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), new LoggingSmsGateway(), properties);
    Notification mail = new Notification("n1", "zhangwei", "zhangwei@officeflow.example", Channel.MAIL, "message",
        "主题", "正文", null, "system", LocalDateTime.now(), NotificationStatus.PENDING, 0, null, null);
    assertThatThrownBy(() -> sender.send(mail, mail.address())).isInstanceOf(NotificationDeliveryException.class)
        .hasMessageContaining("未配置邮件服务器 (spring.mail.host)");
    // an empty host counts as not configured
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    beans.addBean("mailSender", new org.springframework.mail.javamail.JavaMailSenderImpl());
    NotificationSender blankHost = new NotificationSender(beans.getBeanProvider(JavaMailSender.class),
        new LoggingSmsGateway(), properties);
    assertThatThrownBy(() -> blankHost.send(mail, mail.address())).hasMessageContaining("spring.mail.host");
    // SMS still goes to the logging gateway
    sender.send(new Notification("n2", "zhangwei", "138", Channel.SMS, "message", "主题", "正文", null, "system",
        LocalDateTime.now(), NotificationStatus.PENDING, 0, null, null), "138");
  }
}
