package cn.officeflow.platform.security;

import cn.officeflow.platform.engine.IdentityChanges;
import cn.officeflow.platform.security.account.AccountPolicy;
import cn.officeflow.platform.security.account.AccountSecurity;
import cn.officeflow.platform.web.ApiErrorBodyFilter;
import org.camunda.bpm.engine.ProcessEngine;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers the filters in front of Camunda's REST API and the project's own API: errors as JSON (outermost,
 * so that it sees every answer), then authentication. Jersey's WADL (the whole resource map, answered to any
 * OPTIONS) is switched off.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccountPolicy.class)
public class SecurityConfiguration {

  /**
   * Inside the access audit (which records the outcome), outside everything else: the webapps' login with the
   * application's lockout, password expiry and administrators' TOTP.
   */
  @Bean
  FilterRegistrationBean<WebappLoginFilter> webappLoginFilter(AccountSecurity accounts) {
    FilterRegistrationBean<WebappLoginFilter> registration =
        new FilterRegistrationBean<>(new WebappLoginFilter(accounts));
    registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
    registration.setName("officeflowWebappLogin");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 8);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ApiErrorBodyFilter> apiErrorBodyFilter() {
    FilterRegistrationBean<ApiErrorBodyFilter> registration =
        new FilterRegistrationBean<>(new ApiErrorBodyFilter());
    // and the webapps' own engine API, whose messages Tasklist shows as they are (form submission)
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/camunda/api/engine/*");
    registration.setName("officeflowApiErrorBody");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }

  /** Outermost on the webapps' pages: their CSP nonce, header and page alike (Camunda 7.24 mixes them up). */
  @Bean
  FilterRegistrationBean<WebappNonceFilter> webappNonceFilter() {
    FilterRegistrationBean<WebappNonceFilter> registration =
        new FilterRegistrationBean<>(new WebappNonceFilter());
    registration.addUrlPatterns("/camunda/app/*");
    registration.setName("officeflowWebappNonce");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> apiAuthenticationFilter(
      ProcessEngine processEngine, AccountSecurity accounts, IdentityChanges identityChanges) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(
            new ApiAuthenticationFilter(processEngine, accounts, identityChanges));
    registration.addUrlPatterns("/engine-rest/*", "/api/*");
    registration.setName("officeflowApiAuthentication");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /**
   * On the ResourceConfig itself: spring.jersey.init.jersey.config.server.wadl.disableWadl does not reach
   * Camunda's ResourceConfig (tried: OPTIONS still answered the WADL).
   */
  @Bean
  ResourceConfigCustomizer noWadl() {
    return config -> config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
  }
}
