package cn.officeflow.drill;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CheckQuarter: did the quarter that has just ended have a completed drill? */
@Component("checkQuarterDelegate")
public class CheckQuarterDelegate implements JavaDelegate {

  private final DrillService service;

  public CheckQuarterDelegate(DrillService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.checkQuarter(execution);
  }
}
