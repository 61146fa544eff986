package cn.officeflow.emergency;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of Task_Review (复盘): lessons and the improvement items with owners and due dates. An execution listener bean, because only its exceptions reach REST and Tasklist as 400. */
@Component("reviewListener")
public class ReviewListener implements ExecutionListener {

  private final EmergencyService service;

  public ReviewListener(EmergencyService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.review(execution);
  }
}
