package cn.officeflow.platform.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of user tasks whose form shows the review trail so far ({@code camunda:executionListener
 * event="start" delegateExpression="${reviewTrailListener}"}): puts the trail into the variable
 * {@code reviewTrail}, local to the task's scope, so parallel tasks never write the same variable.
 */
@Component("reviewTrailListener")
public class ReviewTrailListener implements ExecutionListener {

  public static final String REVIEW_TRAIL = "reviewTrail";

  private final ReviewService reviews;

  public ReviewTrailListener(ReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void notify(DelegateExecution execution) {
    execution.setVariableLocal(REVIEW_TRAIL, reviews.trailText(execution.getProcessBusinessKey()));
  }
}
