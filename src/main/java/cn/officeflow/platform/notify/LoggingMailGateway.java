package cn.officeflow.platform.notify;

import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway when no mail server is configured ({@code spring.mail.host} / {@code OFFICEFLOW_MAIL_HOST}
 * empty): writes the e-mail to the log, like {@link LoggingSmsGateway} does for SMS, so a first run without
 * a mail server delivers every notification instead of raising incidents.
 */
public class LoggingMailGateway implements MailGateway {

  /** The one start-up line that says so (Chinese, then English). */
  static final String NOT_CONFIGURED =
      "未配置邮件服务器（OFFICEFLOW_MAIL_HOST / spring.mail.host 为空）："
          + "邮件通知只写入日志，不会发出；设置 OFFICEFLOW_MAIL_HOST 后经 SMTP 发送。"
          + " Mail server not configured (OFFICEFLOW_MAIL_HOST / spring.mail.host empty): e-mail notifications"
          + " are only logged, not sent; set OFFICEFLOW_MAIL_HOST to send them over SMTP.";

  private static final Logger LOG = LoggerFactory.getLogger(LoggingMailGateway.class);
  private static final Pattern LINE_BREAK = Pattern.compile("\\R");

  @Override
  public void send(Notification notification, String address) {
    // one log line per e-mail: line breaks of the body are shown, not written
    LOG.info(
        "邮件（未配置邮件服务器，仅记录日志）→ {}：{}｜{}",
        address,
        notification.subject(),
        LINE_BREAK.matcher(notification.body()).replaceAll(" ⏎ "));
  }
}
