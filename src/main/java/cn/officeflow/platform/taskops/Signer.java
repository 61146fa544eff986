package cn.officeflow.platform.taskops;

import java.time.LocalDateTime;

/**
 * One 加签 (a row of {@code of_signer}): {@code userId} decides on the step of {@code taskId}, before or after its
 * assignee; {@code subtaskId} is their own task (null while an after-signer waits for the assignee). When the step's
 * task is deleted before they decided, their decision is {@value #CANCELLED}.
 */
public record Signer(
    String id,
    String taskId,
    String subtaskId,
    String businessKey,
    String processKey,
    String processInstanceId,
    String stepId,
    String stepName,
    String userId,
    String mode,
    int seq,
    String addedBy,
    LocalDateTime addedAt,
    String decision,
    String comment,
    LocalDateTime decidedAt) {

  public static final String BEFORE = "before";
  public static final String AFTER = "after";

  /** The decision of a signer whose step ended (退回, 撤回, cancelled) before they decided. */
  public static final String CANCELLED = "cancelled";

  public boolean decided() {
    return decision != null;
  }

  public boolean before() {
    return BEFORE.equals(mode);
  }
}
