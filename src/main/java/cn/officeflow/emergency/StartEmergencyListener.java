package cn.officeflow.emergency;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Process start (报告 form or message EmergencyReported): validates the report (400 naming the field) and records the case. An execution listener bean, because only its exceptions reach REST and Tasklist as 400. */
@Component("startEmergencyListener")
public class StartEmergencyListener implements ExecutionListener {

  private final EmergencyService service;

  public StartEmergencyListener(EmergencyService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.start(execution);
  }
}
