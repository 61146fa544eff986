package cn.officeflow.supervision;

import cn.officeflow.platform.org.RoleGroups;
import cn.officeflow.platform.security.TaskFilters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
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

  private final TaskFilters filters;
  private final TaskService tasks;

  public OverdueFilterBootstrap(TaskFilters filters, TaskService tasks) {
    this.filters = filters;
    this.tasks = tasks;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void ensureFilter() {
    Map<String, Object> properties = new HashMap<>();
    properties.put("description", "督查督办：已超过办结期限（红灯）的事项的待办任务");
    properties.put("priority", -5);
    properties.put("color", "#d9534f");
    properties.put("refresh", true);
    filters.ensure(
        FILTER_NAME,
        tasks
            .createTaskQuery()
            .processVariableValueEquals(SupervisionVariables.LIGHT, Light.RED.name()),
        properties,
        READERS);
  }
}
