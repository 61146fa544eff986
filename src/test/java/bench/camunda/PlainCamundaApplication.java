package bench.camunda;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;

/**
 * Plain Camunda 7, the yardstick of {@code cn.officeflow.bench.RestLifecycleComparison}: the Camunda
 * Spring Boot starters (REST and webapps) and nothing of OfficeFlow, secured the way Camunda documents it
 * (the REST API's {@link ProcessEngineAuthenticationFilter} with HTTP Basic, authorization on), the same
 * users and groups as OfficeFlow's demo organisation, and {@code bench/plain_outgoing.bpmn20.xml}: the six user
 * tasks of a 发文 lifecycle (three reviews in a row, three proofreads in parallel), nothing else.
 *
 * <p>It lives outside {@code cn.officeflow} on purpose: OfficeFlow's component scan covers
 * {@code cn.officeflow}, and a second application there would be picked up by it.
 */
@SpringBootApplication
public class PlainCamundaApplication {

  public static final String PASSWORD = "Office@2026";
  public static final String PROCESS_KEY = "plain_outgoing";

  /** user → groups, as in OfficeFlow's demo organisation for the six steps. */
  static final Map<String, List<String>> USERS =
      Map.of(
          "zhangwei", List.of("staff"),
          "liuyang", List.of("staff", "dept-heads"),
          "zhoujie", List.of("staff", "legal"),
          "wuqiang", List.of("staff", "leaders"),
          "zhenghua", List.of("staff", "proofreaders"),
          "hexin", List.of("staff", "proofreaders"));

  public static void main(String[] args) {
    SpringApplication.run(PlainCamundaApplication.class, args);
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> restBasicAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(
        "authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    return registration;
  }

  @EventListener
  public void organisation(ContextRefreshedEvent event) {
    ProcessEngine engine = event.getApplicationContext().getBean(ProcessEngine.class);
    IdentityService identity = engine.getIdentityService();
    AuthorizationService authorizations = engine.getAuthorizationService();
    if (identity.createUserQuery().userId("zhangwei").count() > 0) {
      return;
    }
    USERS.values().stream()
        .flatMap(List::stream)
        .distinct()
        .forEach(
            id -> {
              Group group = identity.newGroup(id);
              group.setName(id);
              group.setType("WORKFLOW");
              identity.saveGroup(group);
            });
    USERS.forEach(
        (id, groups) -> {
          User user = identity.newUser(id);
          user.setFirstName(id);
          user.setLastName(id);
          user.setPassword(PASSWORD);
          identity.saveUser(user);
          groups.forEach(g -> identity.createMembership(id, g));
        });
    grant(
        authorizations,
        Resources.PROCESS_DEFINITION,
        PROCESS_KEY,
        Permissions.READ,
        Permissions.CREATE_INSTANCE);
    grant(authorizations, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    engine
        .getRepositoryService()
        .createDeployment()
        .name("plain")
        .addClasspathResource("bench/plain_outgoing.bpmn20.xml")
        .deploy();
  }

  private static void grant(
      AuthorizationService service,
      Resource resource,
      String resourceId,
      Permission... permissions) {
    Authorization grant = service.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId("staff");
    grant.setResource(resource);
    grant.setResourceId(resourceId);
    for (Permission permission : permissions) {
      grant.addPermission(permission);
    }
    service.saveAuthorization(grant);
  }
}
