package cn.officeflow.platform.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Hands one notification to its channel: SMTP (spring.mail.*) or the SMS gateway. Failures throw. */
@Component
public class NotificationSender {

  /** Header carrying the notification id, so that a receiving system can recognise a message. */
  public static final String ID_HEADER = "X-OfficeFlow-Notification";

  private final ObjectProvider<JavaMailSender> mailSender;
  private final SmsGateway smsGateway;
  private final NotifyProperties properties;

  public NotificationSender(ObjectProvider<JavaMailSender> mailSender, SmsGateway smsGateway,
      NotifyProperties properties) {
    this.mailSender = mailSender;
    this.smsGateway = smsGateway;
    this.properties = properties;
  }

  public void send(Notification notification, String address) {
    switch (notification.channel()) {
      case MAIL -> mail(notification, address);
      case SMS -> smsGateway.send(address, notification.body());
    }
  }

  private void mail(Notification notification, String address) {
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null || sender instanceof JavaMailSenderImpl impl && (impl.getHost() == null
        || impl.getHost().isBlank())) {
      // no spring.mail.host, or an empty one (e.g. host: ${OFFICEFLOW_MAIL_HOST:} with the variable unset)
      throw new NotificationDeliveryException("未配置邮件服务器 (spring.mail.host)，邮件无法发送");
    }
    String from = properties.getMailFrom();
    if (from == null || from.isBlank()) {
      throw new NotificationDeliveryException("未配置发件人地址 (officeflow.notify.mail-from)，邮件无法发送");
    }
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
      helper.setFrom(sender(from));
      helper.setTo(address);
      helper.setSubject(notification.subject());
      helper.setText(notification.body(), false);
      helper.setSentDate(new Date());
      message.setHeader(ID_HEADER, notification.id());
      sender.send(message);
    } catch (MailException | MessagingException | UnsupportedEncodingException e) {
      throw new NotificationDeliveryException("邮件发送失败（" + address + "）：" + rootMessage(e), e);
    }
  }

  /** {@code 行政办公室 <noreply@example.cn>} with the display name encoded as UTF-8. */
  private static InternetAddress sender(String from) throws AddressException, UnsupportedEncodingException {
    InternetAddress parsed = new InternetAddress(from.strip(), true);
    return parsed.getPersonal() == null ? parsed
        : new InternetAddress(parsed.getAddress(), parsed.getPersonal(), StandardCharsets.UTF_8.name());
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " ← " + root;
    return text;
  }
}
