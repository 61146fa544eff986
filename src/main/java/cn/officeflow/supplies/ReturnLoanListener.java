package cn.officeflow.supplies;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of Task_Return: the lent item is back in stock. */
@Component("returnLoanListener")
public class ReturnLoanListener implements ExecutionListener {

  private final SuppliesService service;

  public ReturnLoanListener(SuppliesService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.returned(execution);
  }
}
