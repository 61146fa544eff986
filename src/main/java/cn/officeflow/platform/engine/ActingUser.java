package cn.officeflow.platform.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Runs engine calls for an operation whose rules the application has already checked (转办, 委派 …): as the
 * authenticated user, so that Camunda's user operation log records who acted, but without the engine's own
 * authorization check, which knows only Camunda's permissions (a candidate has TASK_WORK, not TASK_ASSIGN).
 * The service calls inside {@code action} join one command context with authorization checks disabled, and
 * one transaction (the caller's, when there is one). {@link UserCommandGuard} still sees the outer command:
 * an auditor stays read-only.
 */
public final class ActingUser {

  private ActingUser() {}

  public static <T> T withoutEngineAuthorization(ProcessEngine engine, Supplier<T> action) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration
        .getCommandExecutorTxRequired()
        .execute(
            (CommandContext context) -> {
              boolean checking = context.isAuthorizationCheckEnabled();
              context.disableAuthorizationCheck();
              try {
                return action.get();
              } finally {
                if (checking) {
                  context.enableAuthorizationCheck();
                }
              }
            });
  }

  /**
   * Writes an entry of Camunda's user operation log for a task, as the authenticated user, for an operation
   * that has no engine command of its own (抄送): {@code operationType} with the given property values. Runs
   * inside {@link #withoutEngineAuthorization} (or opens its own command).
   */
  public static void logTaskOperation(
      ProcessEngine engine, String taskId, String operationType, Map<String, String> properties) {
    withoutEngineAuthorization(
        engine,
        () -> {
          CommandContext context = Context.getCommandContext();
          TaskEntity task = context.getTaskManager().findTaskById(taskId);
          if (task != null) {
            List<PropertyChange> changes = new ArrayList<>();
            properties.forEach((name, value) -> changes.add(new PropertyChange(name, null, value)));
            context.getOperationLogManager().logTaskOperations(operationType, task, changes);
          }
          return null;
        });
  }
}
