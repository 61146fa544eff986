package cn.officeflow.platform.review;

import java.time.LocalDateTime;

/** One entry of a business record's review trail (审批意见): step, user (id), name, time, decision, comment. */
public record Review(String stepId, String step, String user, String name, LocalDateTime time, String decision,
    String comment) {

  public static final String APPROVE = "approve";
  public static final String REJECT = "reject";

  public String decisionLabel() {
    return APPROVE.equals(decision) ? "同意" : "退回";
  }
}
