package cn.officeflow.platform.security;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Tasklist filters the application creates at start-up: once by name, with READ for the groups named. */
@Component
public class TaskFilters {

  static final String REFRESH = "refresh";
  private static final Logger LOG = LoggerFactory.getLogger(TaskFilters.class);

  private final FilterService filters;
  private final AuthorizationService authorizations;

  public TaskFilters(FilterService filters, AuthorizationService authorizations) {
    this.filters = filters;
    this.authorizations = authorizations;
  }

  /** The filter named {@code name}: created with {@code query} and {@code properties} when missing. */
  public Filter ensure(
      String name, TaskQuery query, Map<String, Object> properties, Collection<String> readers) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name).setQuery(query).setProperties(properties);
      filters.saveFilter(filter);
      LOG.info("任务列表过滤器「{}」已创建", name);
    } else if (Boolean.TRUE.equals(properties.get(REFRESH))) {
      refreshing(filter);
    }
    for (String group : readers) {
      boolean granted =
          authorizations
                  .createAuthorizationQuery()
                  .resourceType(Resources.FILTER)
                  .resourceId(filter.getId())
                  .groupIdIn(group)
                  .count()
              > 0;
      if (!granted) {
        Authorization auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        auth.setGroupId(group);
        auth.setResource(Resources.FILTER);
        auth.setResourceId(filter.getId());
        auth.addPermission(Permissions.READ);
        authorizations.saveAuthorization(auth);
      }
    }
    return filter;
  }

  /**
   * The filter named {@code name}, if there is one, reloads its list when Tasklist asks (after 发起流程 and every
   * few seconds): Tasklist refreshes only filters whose properties say {@code refresh: true}, and Camunda creates
   * 「全部任务」 without properties, so a task a clerk had just started did not show until the page was reloaded.
   */
  public void refreshing(String name) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter != null) {
      refreshing(filter);
    }
  }

  private void refreshing(Filter filter) {
    Map<String, Object> properties =
        filter.getProperties() == null
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(filter.getProperties());
    if (!Boolean.TRUE.equals(properties.get(REFRESH))) {
      properties.put(REFRESH, true);
      filters.saveFilter(filter.setProperties(properties));
      LOG.info("任务列表过滤器「{}」：发起流程后自动刷新", filter.getName());
    }
  }
}
