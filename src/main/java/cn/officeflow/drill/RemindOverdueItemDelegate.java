package cn.officeflow.drill;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RemindOverdue: an improvement item past its date → 双提醒 to its owner and emergency-command. */
@Component("remindOverdueItemDelegate")
public class RemindOverdueItemDelegate implements JavaDelegate {

  private final DrillService service;

  public RemindOverdueItemDelegate(DrillService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.remindOverdue(execution);
  }
}
