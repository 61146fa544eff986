package cn.officeflow.emergency;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of Task_Support (后方支持): the report, sent on to the leaders. An execution listener bean, because only its exceptions reach REST and Tasklist as 400. */
@Component("supportDoneListener")
public class SupportDoneListener implements ExecutionListener {

  private final EmergencyService service;

  public SupportDoneListener(EmergencyService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.supportDone(execution);
  }
}
