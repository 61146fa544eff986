package cn.officeflow.drill;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_StartDrill (emergency_drill_quarter): starts the quarter's emergency_drill by message. */
@Component("startQuarterlyDrillDelegate")
public class StartQuarterlyDrillDelegate implements JavaDelegate {

  private final DrillService service;

  public StartQuarterlyDrillDelegate(DrillService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.startQuarterlyDrill(execution);
  }
}
