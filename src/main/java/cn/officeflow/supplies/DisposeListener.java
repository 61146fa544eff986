package cn.officeflow.supplies;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of Task_Dispose: vendor and certificate required; the stock or the asset register is updated. */
@Component("disposeListener")
public class DisposeListener implements ExecutionListener {

  private final SuppliesService service;

  public DisposeListener(SuppliesService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.dispose(execution);
  }
}
