package cn.officeflow.platform.taskops;

import cn.officeflow.platform.engine.ActingUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Moves a running instance back to an earlier user task (退回, 撤回) by Camunda process instance modification, as
 * the acting user without the engine's authorization check ({@link ActingUser}: our rules are checked before), so
 * that Camunda's operation log records the modification under the user's name. The target is started first, then
 * every activity and transition instance downstream of the target is cancelled — the current task, the sibling
 * branches of a parallel block (三校) and tokens waiting at its join, a whole 会签/协办 multi-instance — while what
 * is not on the target's path (a 督办 escalation started by a timer) stays. Start listeners of the target run as on
 * the normal path (status, review trail for the form); end listeners of cancelled tasks see a cancelled execution
 * and record nothing. The new task goes to {@code assignee} with {@code note} as its comment.
 */
final class InstanceRewind {

  private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

  private InstanceRewind() {}

  /** Returns the new task of {@code target}. */
  static Task rewind(
      ProcessEngine engine,
      String processInstanceId,
      ProcessFlow flow,
      String target,
      String assignee,
      String note) {
    RuntimeService runtime = engine.getRuntimeService();
    TaskService tasks = engine.getTaskService();
    try {
      // two commands in the caller's transaction: the second one's task query sees what the first
      // one flushed
      List<String> before =
          ActingUser.withoutEngineAuthorization(
              engine,
              () -> {
                Set<String> reset = flow.downstream(target, null);
                reset.add(target);
                List<String> existing =
                    tasks.createTaskQuery().processInstanceId(processInstanceId).list().stream()
                        .map(Task::getId)
                        .toList();
                ProcessInstanceModificationBuilder modification =
                    runtime
                        .createProcessInstanceModification(processInstanceId)
                        .startBeforeActivity(target);
                List<String> cancelled = new ArrayList<>();
                collect(
                    runtime.getActivityInstance(processInstanceId), reset, modification, cancelled);
                modification.execute();
                return existing;
              });
      return ActingUser.withoutEngineAuthorization(
          engine,
          () -> {
            Task created =
                tasks
                    .createTaskQuery()
                    .processInstanceId(processInstanceId)
                    .taskDefinitionKey(target)
                    .list()
                    .stream()
                    .filter(t -> !before.contains(t.getId()))
                    .findFirst()
                    .orElseThrow(
                        () ->
                            new IllegalStateException(
                                "no new task at " + target + " of " + processInstanceId));
            if (assignee != null && !assignee.equals(created.getAssignee())) {
              tasks.setAssignee(created.getId(), assignee);
            }
            if (note != null) {
              tasks.createComment(created.getId(), processInstanceId, note);
            }
            return tasks.createTaskQuery().taskId(created.getId()).singleResult();
          });
    } catch (OptimisticLockingException e) {
      throw new TaskOperationConflictException("流程正由他人同时办理，请刷新后再试");
    }
  }

  private static void collect(
      ActivityInstance scope,
      Set<String> reset,
      ProcessInstanceModificationBuilder builder,
      List<String> cancelled) {
    for (ActivityInstance child : scope.getChildActivityInstances()) {
      if (reset.contains(activity(child.getActivityId()))) {
        builder.cancelActivityInstance(child.getId());
        cancelled.add(child.getId());
      } else {
        collect(child, reset, builder, cancelled);
      }
    }
    for (TransitionInstance transition : scope.getChildTransitionInstances()) {
      if (reset.contains(activity(transition.getActivityId()))) {
        builder.cancelTransitionInstance(transition.getId());
        cancelled.add(transition.getId());
      }
    }
  }

  private static String activity(String activityId) {
    return activityId != null && activityId.endsWith(MULTI_INSTANCE_BODY)
        ? activityId.substring(0, activityId.length() - MULTI_INSTANCE_BODY.length())
        : activityId;
  }
}
