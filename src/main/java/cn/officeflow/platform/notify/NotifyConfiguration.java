package cn.officeflow.platform.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The gateways of the two channels. E-mail goes over SMTP when {@code spring.mail.host} is set, otherwise it
 * is only logged (one start-up line says so); SMS go over HTTP when {@code officeflow.notify.sms.url} is set,
 * otherwise they are only logged.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotifyProperties.class)
public class NotifyConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(NotifyConfiguration.class);

  @Bean
  MailGateway mailGateway(ObjectProvider<JavaMailSender> mailSender, NotifyProperties properties) {
    JavaMailSender sender = mailSender.getIfAvailable();
    if (!hasMailServer(sender)) {
      LOG.warn(LoggingMailGateway.NOT_CONFIGURED);
      return new LoggingMailGateway();
    }
    return new SmtpMailGateway(sender, properties);
  }

  @Bean
  SmsGateway smsGateway(NotifyProperties properties) {
    NotifyProperties.Sms sms = properties.getSms();
    if (sms.getUrl() == null || sms.getUrl().isBlank()) {
      return new LoggingSmsGateway();
    }
    return new HttpSmsGateway(sms);
  }

  /**
   * No sender (no {@code spring.mail.host}) or an empty host (e.g. {@code host: ${OFFICEFLOW_MAIL_HOST:}} with
   * the variable unset, for which Spring Boot still creates a sender) means no mail server.
   */
  static boolean hasMailServer(JavaMailSender sender) {
    if (sender instanceof JavaMailSenderImpl impl) {
      return impl.getHost() != null && !impl.getHost().isBlank();
    }
    return sender != null;
  }
}
