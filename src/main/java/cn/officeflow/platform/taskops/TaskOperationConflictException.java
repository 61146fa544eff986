package cn.officeflow.platform.taskops;

import cn.officeflow.platform.web.ConflictException;

/**
 * A task operation refused because of the task's state (409): the step does not allow it, the task is someone
 * else's by now, it is already delegated, the user already has a 抄送.
 */
public class TaskOperationConflictException extends ConflictException {

  private static final long serialVersionUID = 1L;

  public TaskOperationConflictException(String message) {
    super(message);
  }
}
