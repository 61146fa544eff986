package cn.officeflow.platform.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
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
      InternetAddress fromAddress = sender(from);
      MimeMessage message =
          new StableIdMessage(
              sender.createMimeMessage().getSession(), messageId(notification, fromAddress));
      MimeMessageHelper helper =
          new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
      helper.setFrom(fromAddress);
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

  /**
   * {@code <notification id@sender's domain>}: the same for every attempt of one notification. A node that dies
   * after the mail server accepted a message but before the notification was recorded SENT sends it again
   * when the job is retried; mail servers and clients that drop duplicates by Message-ID (and any receiving
   * system, by {@link NotificationSender#ID_HEADER}) see it as the same message.
   */
  static String messageId(Notification notification, InternetAddress from) {
    String address = from.getAddress();
    String domain =
        address.contains("@") ? address.substring(address.indexOf('@') + 1) : "officeflow";
    return "<" + notification.id() + "@" + domain + ">";
  }

  /** A message whose Message-ID is given, instead of a new random one at every send. */
  private static final class StableIdMessage extends MimeMessage {
    private final String messageId;

    StableIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
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
