package cn.officeflow.platform.engine;

import java.util.Map;
import org.camunda.bpm.engine.task.Task;

/**
 * Lets the application take part when a user completes a task through any API (/engine-rest, Tasklist's
 * submit-form, our code): {@link UserCommandGuard} asks it after the input contract has been checked and before
 * the engine runs. Used by 加签: a step with pending signers is refused, an assignee's decision may be held until
 * the signers after it have decided, and a signer's own subtask (a task outside any process) accepts exactly the
 * inputs the hook declares for it.
 */
public interface TaskCompletionHook {

  /** The inputs a task outside any process accepts, or null when the task is none of the hook's (then: none). */
  StepInputs standaloneInputs(Task task);

  /**
   * Called before {@code userId} completes {@code task} with {@code variables} (already checked against the
   * contract). Answers true when the hook has taken the completion over (the engine command is not run); may
   * refuse with {@link Refused} (409) or a validation exception (400).
   */
  boolean completing(Task task, Map<String, ?> variables, String userId);

  /** A completion refused because of the task's state: 409 with this Chinese message. */
  class Refused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public Refused(String message) {
      super(message);
    }
  }
}
