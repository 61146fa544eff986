package cn.officeflow.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Process start of 督查督办 (立项): validates the form (400 naming the field) and stores the item. An execution listener, because only its exceptions reach REST and Tasklist as 400. */
@Component("startSupervisionListener")
public class StartSupervisionListener implements ExecutionListener {

  private final SupervisionService service;

  public StartSupervisionListener(SupervisionService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.start(execution);
  }
}
