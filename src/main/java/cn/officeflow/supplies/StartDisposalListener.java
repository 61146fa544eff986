package cn.officeflow.supplies;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Start of StartEvent_Disposal by warehouse: validates (400 naming the field) and registers. */
@Component("startDisposalListener")
public class StartDisposalListener implements ExecutionListener {

  private final SuppliesService service;

  public StartDisposalListener(SuppliesService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.startDisposal(execution);
  }
}
