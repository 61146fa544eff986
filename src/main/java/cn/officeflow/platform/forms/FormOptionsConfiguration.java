package cn.officeflow.platform.forms;

import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Serves deployed forms with the current choices of their {@link FormOptionSource}s. */
@Configuration(proxyBeanMethods = false)
public class FormOptionsConfiguration {

  @Bean
  FilterRegistrationBean<FormOptionsFilter> formOptionsFilter(List<FormOptionSource> sources) {
    FilterRegistrationBean<FormOptionsFilter> registration =
        new FilterRegistrationBean<>(new FormOptionsFilter(sources));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setName("officeflowFormOptions");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }
}
