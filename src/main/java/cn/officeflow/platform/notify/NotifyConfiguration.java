package cn.officeflow.platform.notify;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SMS gateway: over HTTP when {@code officeflow.notify.sms.url} is set, otherwise only logged. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotifyProperties.class)
public class NotifyConfiguration {

  @Bean
  SmsGateway smsGateway(NotifyProperties properties) {
    NotifyProperties.Sms sms = properties.getSms();
    if (sms.getUrl() == null || sms.getUrl().isBlank()) {
      return new LoggingSmsGateway();
    }
    return new HttpSmsGateway(sms);
  }
}
