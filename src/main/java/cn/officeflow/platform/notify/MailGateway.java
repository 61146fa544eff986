package cn.officeflow.platform.notify;

/**
 * Sends one e-mail: over SMTP ({@link SmtpMailGateway}) when {@code spring.mail.host} is set, otherwise
 * only to the log ({@link LoggingMailGateway}). Any failure is an exception (the delivery job then retries).
 */
public interface MailGateway {

  void send(Notification notification, String address);
}
