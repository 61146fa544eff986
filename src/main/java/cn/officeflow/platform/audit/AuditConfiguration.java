package cn.officeflow.platform.audit;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The access audit's request filter (inside the JSON error body, outside authentication, so that it sees
 * failed logins and final statuses) and the scheduler of its nightly retention purge.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class AuditConfiguration {

  @Bean
  FilterRegistrationBean<AccessAuditFilter> accessAuditFilter(
      AuditLog log,
      @Value("${officeflow.audit.basic-login-interval:PT30M}") Duration basicLoginInterval) {
    FilterRegistrationBean<AccessAuditFilter> registration =
        new FilterRegistrationBean<>(new AccessAuditFilter(log, basicLoginInterval));
    registration.addUrlPatterns(
        "/engine-rest/*", "/api/*", "/camunda/api/admin/auth/*", "/camunda/api/engine/*");
    registration.setName("officeflowAccessAudit");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 7);
    return registration;
  }
}
