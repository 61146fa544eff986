package cn.officeflow.platform.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of every approve/reject user task ({@code camunda:executionListener event="end"
 * delegateExpression="${approvalListener}"}): validates the decision (400 naming the field, nothing
 * persisted), writes it to the review trail and, on reject, sets {@code revisionRequired} so the next
 * gateway sends the document back for revision. An execution listener, not a task listener, because
 * only its exceptions reach REST and Tasklist as 400.
 */
@Component("approvalListener")
public class ApprovalListener implements ExecutionListener {

  public static final String REVISION_REQUIRED = "revisionRequired";

  private final ReviewService reviews;

  public ApprovalListener(ReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    // a decision already in the trail (加签 after the assignee: see DECISION_RECORDED) is validated,
    // not written again
    ReviewService.Decision decision =
        Boolean.TRUE.equals(execution.getVariable(ReviewService.DECISION_RECORDED))
            ? ReviewService.validate(
                execution.getVariable(ReviewService.DECISION),
                execution.getVariable(ReviewService.COMMENT))
            : reviews.record(execution, ReviewService.currentUser(execution));
    if (decision.rejected()) {
      execution.setVariable(REVISION_REQUIRED, true);
    }
  }
}
