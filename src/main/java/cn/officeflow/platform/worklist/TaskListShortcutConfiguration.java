package cn.officeflow.platform.worklist;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration
public class TaskListShortcutConfiguration {

  /** After the REST API's authentication (order +10), on the REST API and on the webapps' engine API. */
  @Bean
  FilterRegistrationBean<TaskListShortcut> taskListShortcut(ProcessEngine engine, JdbcClient jdbc) {
    FilterRegistrationBean<TaskListShortcut> registration =
        new FilterRegistrationBean<>(new TaskListShortcut(engine, jdbc));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
    return registration;
  }
}
