package cn.officeflow.platform.security;

import cn.officeflow.platform.org.RoleGroups;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filter every staff member starts with, 「我的待办」: the tasks assigned to them or offered to them or
 * to their groups. Created once at start-up, READ for {@code staff}. The office's 「全部任务」 (every task the
 * user may read) is for 办公室主任 and 文书 only (AccessBootstrap).
 */
@Component
public class TaskFiltersBootstrap {

  public static final String MY_TASKS = "我的待办";

  /** Created by Camunda at start-up (camunda.bpm.filter.create), for the office only. */
  public static final String ALL_TASKS = "全部任务";

  private final TaskFilters filters;
  private final TaskService tasks;

  public TaskFiltersBootstrap(TaskFilters filters, TaskService tasks) {
    this.filters = filters;
    this.tasks = tasks;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void ensureMyTasks() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", "分配给我、或待我（我所在的组）认领的任务");
    properties.put("priority", -10);
    properties.put("refresh", true);
    filters.ensure(
        MY_TASKS,
        tasks
            .createTaskQuery()
            .or()
            .taskAssigneeExpression("${currentUser()}")
            .taskCandidateUserExpression("${currentUser()}")
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .endOr()
            .orderByTaskCreateTime()
            .desc(),
        properties,
        List.of(RoleGroups.STAFF));
    filters.refreshing(ALL_TASKS);
  }
}
