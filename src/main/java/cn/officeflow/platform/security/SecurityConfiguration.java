package cn.officeflow.platform.security;

import cn.officeflow.platform.web.ApiErrorBodyFilter;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers the filters in front of Camunda's REST API and the project's own API: errors as JSON (outermost,
 * so that it sees every answer), then authentication.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

  @Bean
  FilterRegistrationBean<ApiErrorBodyFilter> apiErrorBodyFilter() {
    FilterRegistrationBean<ApiErrorBodyFilter> registration = new FilterRegistrationBean<>(new ApiErrorBodyFilter());
    registration.addUrlPatterns("/engine-rest/*", "/api/*");
    registration.setName("officeflowApiErrorBody");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> apiAuthenticationFilter(ProcessEngine processEngine) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(processEngine));
    registration.addUrlPatterns("/engine-rest/*", "/api/*");
    registration.setName("officeflowApiAuthentication");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
