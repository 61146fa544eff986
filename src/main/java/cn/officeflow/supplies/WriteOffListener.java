package cn.officeflow.supplies;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of Task_WriteOff (finance 核销), after the review trail's approvalListener: book value and write-off number. */
@Component("writeOffListener")
public class WriteOffListener implements ExecutionListener {

  private final SuppliesService service;

  public WriteOffListener(SuppliesService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.writeOff(execution);
  }
}
