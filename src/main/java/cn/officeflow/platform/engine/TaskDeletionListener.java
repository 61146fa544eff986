package cn.officeflow.platform.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Adds a built-in {@code delete} task listener to every user task of every model (a model from Modeler too,
 * without declaring anything) that hands the deleted task to the application's {@link TaskDeletionHook}. The
 * hook is looked up when a task is deleted: the engine is parsed before the application's beans exist.
 */
public class TaskDeletionListener extends AbstractBpmnParseListener {

  private final TaskListener listener;

  public TaskDeletionListener(Supplier<TaskDeletionHook> hook) {
    this.listener =
        (DelegateTask task) -> {
          TaskDeletionHook h = hook.get();
          if (h != null) {
            h.taskDeleted(task);
          }
        };
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
      behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, listener);
    }
  }
}
