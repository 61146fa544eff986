package cn.officeflow.platform.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A notification sent again (its delivery job retried after a node died between the mail server's acceptance
 * and the SENT record) is the same message to the receiver: same Message-ID, same notification header.
 */
class SmtpMailGatewayTest {

  @RegisterExtension
  static final GreenMailExtension MAIL =
      new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort())
          .withPerMethodLifecycle(true);

  @Test
  void everyAttemptOfOneNotificationCarriesTheSameMessageId() throws Exception {
    JavaMailSenderImpl smtp = new JavaMailSenderImpl();
    smtp.setHost("127.0.0.1");
    smtp.setPort(MAIL.getSmtp().getPort());
    NotifyProperties properties = new NotifyProperties();
    properties.setMailFrom("行政办公室 <noreply@officeflow.example>");
    SmtpMailGateway gateway = new SmtpMailGateway(smtp, properties);

    gateway.send(mail("n-1"), "zhangwei@officeflow.example");
    gateway.send(mail("n-1"), "zhangwei@officeflow.example");
    gateway.send(mail("n-2"), "zhangwei@officeflow.example");

    MimeMessage[] received = MAIL.getReceivedMessages();
    assertThat(received).hasSize(3);
    assertThat(received[0].getMessageID()).isEqualTo("<n-1@officeflow.example>");
    assertThat(received[1].getMessageID()).isEqualTo(received[0].getMessageID());
    assertThat(received[1].getHeader(NotificationSender.ID_HEADER)).containsExactly("n-1");
    assertThat(received[2].getMessageID()).isEqualTo("<n-2@officeflow.example>");
    assertThat(received[0].getSubject()).isEqualTo("催办提醒");
    assertThat(received[0].getFrom()[0].toString()).contains("noreply@officeflow.example");
  }

  private static Notification mail(String id) {
    return new Notification(
        id,
        "zhangwei",
        "zhangwei@officeflow.example",
        Channel.MAIL,
        "reminder",
        "催办提醒",
        "请今日办结",
        null,
        "zhaomin",
        LocalDateTime.now(),
        NotificationStatus.PENDING,
        0,
        null,
        null);
  }
}
