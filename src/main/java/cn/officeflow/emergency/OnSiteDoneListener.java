package cn.officeflow.emergency;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of Task_OnSite (现场处置): the 《应急处置手册》 checklist, all steps in order with times. An execution listener bean, because only its exceptions reach REST and Tasklist as 400. */
@Component("onSiteDoneListener")
public class OnSiteDoneListener implements ExecutionListener {

  private final EmergencyService service;

  public OnSiteDoneListener(EmergencyService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.onSiteDone(execution);
  }
}
