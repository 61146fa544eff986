package cn.officeflow.drill;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of Task_Plan (计划): type, date within the quarter, place, scenario, organiser; 400 naming the field. */
@Component("planDrillListener")
public class PlanDrillListener implements ExecutionListener {

  private final DrillService service;

  public PlanDrillListener(DrillService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.plan(execution);
  }
}
