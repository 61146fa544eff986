package cn.officeflow.supplies;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_EscalateOverdue: the borrower, the borrower's 部门负责人 and warehouse are told that the loan is overdue. */
@Component("escalateLoanDelegate")
public class EscalateLoanDelegate implements JavaDelegate {

  private final SuppliesService service;

  public EscalateLoanDelegate(SuppliesService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.escalateOverdue(execution);
  }
}
