package cn.officeflow.emergency;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of Task_ConfirmPersonnelSafety (人员安全确认): the confirmed count and note. An execution listener bean, because only its exceptions reach REST and Tasklist as 400. */
@Component("confirmSafetyListener")
public class ConfirmSafetyListener implements ExecutionListener {

  private final EmergencyService service;

  public ConfirmSafetyListener(EmergencyService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.confirmSafety(execution);
  }
}
