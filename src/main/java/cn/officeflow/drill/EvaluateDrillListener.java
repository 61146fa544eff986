package cn.officeflow.drill;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of Task_Evaluate (评估): decision and comment into the review trail, improvement items stored; 400 naming the field. */
@Component("evaluateDrillListener")
public class EvaluateDrillListener implements ExecutionListener {

  private final DrillService service;

  public EvaluateDrillListener(DrillService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.evaluate(execution);
  }
}
