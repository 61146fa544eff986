package cn.officeflow.supplies;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of Task_Appraise: scrap or repairable. */
@Component("appraiseListener")
public class AppraiseListener implements ExecutionListener {

  private final SuppliesService service;

  public AppraiseListener(SuppliesService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.appraise(execution);
  }
}
