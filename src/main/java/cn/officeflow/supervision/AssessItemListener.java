package cn.officeflow.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of Task_Assess (考核): score 0–100 and remarks (400 naming score). An execution listener, because only its exceptions reach REST and Tasklist as 400. */
@Component("assessItemListener")
public class AssessItemListener implements ExecutionListener {

  private final SupervisionService service;

  public AssessItemListener(SupervisionService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.assess(execution);
  }
}
