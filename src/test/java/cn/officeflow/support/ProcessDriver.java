package cn.officeflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives processes in tests the way users do: every call runs as a named user with their groups
 * (so Camunda's authorization checks apply), and pending jobs run as the job executor would.
 */
public class ProcessDriver {

  public ProcessEngine engine() {
    return engine;
  }

  private final ProcessEngine engine;
  private final IdentityService identity;
  private final TaskService tasks;
  private final ManagementService management;

  public ProcessDriver(ProcessEngine engine) {
    this.engine = engine;
    this.identity = engine.getIdentityService();
    this.tasks = engine.getTaskService();
    this.management = engine.getManagementService();
  }

  /** Runs {@code action} authenticated as {@code userId} with the user's groups. */
  public <T> T as(String userId, Supplier<T> action) {
    List<String> groups =
        asSystem(
            () ->
                identity.createGroupQuery().groupMember(userId).list().stream()
                    .map(Group::getId)
                    .toList());
    identity.setAuthentication(userId, groups);
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  public void as(String userId, Runnable action) {
    as(
        userId,
        () -> {
          action.run();
          return null;
        });
  }

  /** Runs without an authenticated user (no authorization checks), like the engine's own threads. */
  public <T> T asSystem(Supplier<T> action) {
    return action.get();
  }

  public ProcessInstance start(String userId, String key, Map<String, Object> variables) {
    ProcessInstance instance =
        as(userId, () -> engine.getRuntimeService().startProcessInstanceByKey(key, variables));
    executeJobs(instance.getId());
    return instance;
  }

  /** The open task with this definition key that {@code userId} can see (candidate or assignee). */
  public Task taskFor(String userId, String processInstanceId, String taskKey) {
    List<Task> found =
        as(
            userId,
            () ->
                tasks
                    .createTaskQuery()
                    .processInstanceId(processInstanceId)
                    .taskDefinitionKey(taskKey)
                    .or()
                    .taskCandidateUser(userId)
                    .taskAssignee(userId)
                    .endOr()
                    .list());
    assertThat(found).as("task %s visible to %s", taskKey, userId).isNotEmpty();
    return found.get(0);
  }

  public List<Task> openTasks(String processInstanceId) {
    return tasks
        .createTaskQuery()
        .processInstanceId(processInstanceId)
        .orderByTaskName()
        .asc()
        .list();
  }

  /** Claims (if needed) and completes the user's task with the given variables, then runs jobs. */
  public void complete(
      String userId, String processInstanceId, String taskKey, Map<String, Object> variables) {
    Task task = taskFor(userId, processInstanceId, taskKey);
    as(
        userId,
        () -> {
          if (task.getAssignee() == null) {
            tasks.claim(task.getId(), userId);
          }
          tasks.complete(task.getId(), variables);
        });
    executeJobs(processInstanceId);
  }

  public void approve(String userId, String processInstanceId, String taskKey) {
    complete(userId, processInstanceId, taskKey, Map.of("decision", "approve", "comment", "同意"));
  }

  public void reject(String userId, String processInstanceId, String taskKey, String comment) {
    complete(userId, processInstanceId, taskKey, Map.of("decision", "reject", "comment", comment));
  }

  /** Executes every due job of the instance until none is left (asynchronous continuations); returns how many. */
  public int executeJobs(String processInstanceId) {
    int executed = 0;
    for (int round = 0; round < 100; round++) {
      List<Job> jobs =
          management.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (jobs.isEmpty()) {
        return executed;
      }
      for (Job job : jobs) {
        management.executeJob(job.getId());
        executed++;
      }
    }
    throw new IllegalStateException("jobs keep coming for " + processInstanceId);
  }
}
