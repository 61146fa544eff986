package cn.officeflow.platform.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of user tasks whose form shows the review trail so far: puts the trail into the
 * task-local variable {@code reviewTrail} (local, so parallel tasks never write the same variable).
 */
@Component("reviewTrailTaskListener")
public class ReviewTrailTaskListener implements TaskListener {

  public static final String REVIEW_TRAIL = "reviewTrail";

  private final ReviewService reviews;

  public ReviewTrailTaskListener(ReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setVariableLocal(REVIEW_TRAIL, reviews.trailText(task.getExecution().getProcessBusinessKey()));
  }
}
