package cn.officeflow.supervision;

import cn.officeflow.platform.org.RoleGroups;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates the Tasklist filter 「超期事项」 at start-up, once: the open tasks of 督办事项 whose process variable
 * {@code light} is {@code RED}. No owner; READ granted to office-director and office-clerks.
 */
@Component
public class OverdueFilterBootstrap {

  public static final String FILTER_NAME = "超期事项";
  static final List<String> READERS = List.of(RoleGroups.OFFICE_DIRECTOR, RoleGroups.OFFICE_CLERKS);
  private static final Logger LOG = LoggerFactory.getLogger(OverdueFilterBootstrap.class);

  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationService authorizations;

  public OverdueFilterBootstrap(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void ensureFilter() {
    Filter filter = filters.createFilterQuery().filterName(FILTER_NAME).singleResult();
    if (filter == null) {
      Map<String, Object> properties = new HashMap<>();
      properties.put("description", "督查督办：已超过办结期限（红灯）的事项的待办任务");
      properties.put("priority", -5);
      properties.put("color", "#d9534f");
      properties.put("refresh", true);
      filter = filters.newTaskFilter(FILTER_NAME)
          .setQuery(tasks.createTaskQuery().processVariableValueEquals(SupervisionVariables.LIGHT, Light.RED.name()))
          .setProperties(properties);
      filters.saveFilter(filter);
      LOG.info("任务列表过滤器「{}」已创建", FILTER_NAME);
    }
    for (String group : READERS) {
      boolean granted = authorizations.createAuthorizationQuery().resourceType(Resources.FILTER)
          .resourceId(filter.getId()).groupIdIn(group).count() > 0;
      if (!granted) {
        Authorization auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        auth.setGroupId(group);
        auth.setResource(Resources.FILTER);
        auth.setResourceId(filter.getId());
        auth.addPermission(Permissions.READ);
        authorizations.saveAuthorization(auth);
      }
    }
  }
}
