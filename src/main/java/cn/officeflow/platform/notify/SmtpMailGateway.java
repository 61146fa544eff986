package cn.officeflow.platform.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Sends e-mail over SMTP (Spring Boot's {@code spring.mail.*}); a failure throws, so the job retries. */
public class SmtpMailGateway implements MailGateway {

  private final JavaMailSender sender;
  private final NotifyProperties properties;

  public SmtpMailGateway(JavaMailSender sender, NotifyProperties properties) {
    this.sender = sender;
    this.properties = properties;
  }

  @Override
  public void send(Notification notification, String address) {
    String from = properties.getMailFrom();
    if (from == null || from.isBlank()) {
      throw new NotificationDeliveryException("未配置发件人地址 (officeflow.notify.mail-from)，邮件无法发送");
    }
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper =
          new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
      helper.setFrom(sender(from));
      helper.setTo(address);
      helper.setSubject(notification.subject());
      helper.setText(notification.body(), false);
      helper.setSentDate(new Date());
      message.setHeader(NotificationSender.ID_HEADER, notification.id());
      sender.send(message);
    } catch (MailException | MessagingException | UnsupportedEncodingException e) {
      throw new NotificationDeliveryException(
          "邮件发送失败（" + address + "）：" + NotificationSender.rootMessage(e), e);
    }
  }

  /** {@code 行政办公室 <noreply@example.cn>} with the display name encoded as UTF-8. */
  private static InternetAddress sender(String from)
      throws AddressException, UnsupportedEncodingException {
    InternetAddress parsed = new InternetAddress(from.strip(), true);
    return parsed.getPersonal() == null
        ? parsed
        : new InternetAddress(
            parsed.getAddress(), parsed.getPersonal(), StandardCharsets.UTF_8.name());
  }
}
