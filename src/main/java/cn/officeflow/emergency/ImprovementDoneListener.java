package cn.officeflow.emergency;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of one Task_Improve (落实整改). An execution listener bean, because only its exceptions reach REST and Tasklist as 400. */
@Component("improvementDoneListener")
public class ImprovementDoneListener implements ExecutionListener {

  private final EmergencyService service;

  public ImprovementDoneListener(EmergencyService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.improvementDone(execution, execution.getVariable("improvementSeq"));
  }
}
