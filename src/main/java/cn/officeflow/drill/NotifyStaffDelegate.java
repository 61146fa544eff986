package cn.officeflow.drill;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_NotifyStaff: 双提醒 (e-mail and SMS) of the planned drill to every member of staff. */
@Component("notifyStaffDelegate")
public class NotifyStaffDelegate implements JavaDelegate {

  private final DrillService service;

  public NotifyStaffDelegate(DrillService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.notifyStaff(execution);
  }
}
