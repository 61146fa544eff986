package cn.officeflow.platform.notify;

import org.springframework.stereotype.Component;

/**
 * Hands one notification to its channel's gateway: e-mail ({@link MailGateway}: SMTP, or the log when no mail
 * server is configured) or SMS ({@link SmsGateway}: HTTP, or the log). Failures throw.
 */
@Component
public class NotificationSender {

  /** Header carrying the notification id, so that a receiving system can recognise a message. */
  public static final String ID_HEADER = "X-OfficeFlow-Notification";

  private final MailGateway mailGateway;
  private final SmsGateway smsGateway;

  public NotificationSender(MailGateway mailGateway, SmsGateway smsGateway) {
    this.mailGateway = mailGateway;
    this.smsGateway = smsGateway;
  }

  public void send(Notification notification, String address) {
    switch (notification.channel()) {
      case MAIL -> mailGateway.send(notification, address);
      case SMS -> smsGateway.send(address, notification.body());
    }
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
