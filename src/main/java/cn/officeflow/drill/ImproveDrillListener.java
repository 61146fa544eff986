package cn.officeflow.drill;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of one Task_Improve (整改): what was done; 400 naming the field. */
@Component("improveDrillListener")
public class ImproveDrillListener implements ExecutionListener {

  private final DrillService service;

  public ImproveDrillListener(DrillService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.improve(execution);
  }
}
