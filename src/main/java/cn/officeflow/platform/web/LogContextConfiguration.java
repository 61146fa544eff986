package cn.officeflow.platform.web;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The log's MDC user, right after the API's authentication (which runs at HIGHEST_PRECEDENCE + 10). */
@Configuration(proxyBeanMethods = false)
public class LogContextConfiguration {

  @Bean
  FilterRegistrationBean<LogContextFilter> logContextFilter(IdentityService identity) {
    FilterRegistrationBean<LogContextFilter> registration =
        new FilterRegistrationBean<>(new LogContextFilter(identity));
    registration.addUrlPatterns("/engine-rest/*", "/api/*");
    registration.setName("officeflowLogContext");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
    return registration;
  }
}
