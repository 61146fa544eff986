package cn.officeflow.drill;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ReportMissed: a quarter without a completed drill is reported to the leaders (双提醒) and recorded. */
@Component("reportMissedDelegate")
public class ReportMissedDelegate implements JavaDelegate {

  private final DrillService service;

  public ReportMissedDelegate(DrillService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.reportMissed(execution);
  }
}
