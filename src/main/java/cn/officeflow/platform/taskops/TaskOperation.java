package cn.officeflow.platform.taskops;

import java.util.Optional;

/** The task operations of DESIGN.md §6 that a step may allow (BPMN extension property {@code taskOperations}). */
public enum TaskOperation {
  TRANSFER("transfer", "转办"),
  DELEGATE("delegate", "委派"),
  CC("cc", "抄送"),
  /** 退回 to an earlier step of the instance (POST /api/tasks/{id}/return). */
  RETURN("return", "退回"),
  /** 加签 before or after this step's decision, and 减签 (POST /api/tasks/{id}/add-signers). */
  ADD_SIGNERS("add-signers", "加签");

  private final String id;
  private final String label;

  TaskOperation(String id, String label) {
    this.id = id;
    this.label = label;
  }

  /** The name used in models and JSON. */
  public String id() {
    return id;
  }

  /** The Chinese name. */
  public String label() {
    return label;
  }

  public static Optional<TaskOperation> byId(String id) {
    for (TaskOperation operation : values()) {
      if (operation.id.equalsIgnoreCase(id)) {
        return Optional.of(operation);
      }
    }
    return Optional.empty();
  }
}
