package cn.officeflow.drill;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of Task_Conduct (实施): participants, evacuation time, headcount and its time, issues; 400 naming the field. */
@Component("conductDrillListener")
public class ConductDrillListener implements ExecutionListener {

  private final DrillService service;

  public ConductDrillListener(DrillService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.conduct(execution);
  }
}
