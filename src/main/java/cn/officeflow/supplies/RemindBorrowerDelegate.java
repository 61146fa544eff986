package cn.officeflow.supplies;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RemindBorrower: mail and SMS to the borrower before the return date. */
@Component("remindBorrowerDelegate")
public class RemindBorrowerDelegate implements JavaDelegate {

  private final SuppliesService service;

  public RemindBorrowerDelegate(SuppliesService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.remindBorrower(execution);
  }
}
