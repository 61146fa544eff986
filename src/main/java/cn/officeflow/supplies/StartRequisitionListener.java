package cn.officeflow.supplies;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Start of StartEvent_Requisition: validates the request (400 naming the field), registers it. An execution listener, because only its exceptions reach REST and Tasklist as 400. */
@Component("startRequisitionListener")
public class StartRequisitionListener implements ExecutionListener {

  private final SuppliesService service;

  public StartRequisitionListener(SuppliesService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.startRequisition(execution);
  }
}
