package cn.officeflow.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of Task_Assign (交办): the handler must belong to the lead department (400 naming handler). An execution listener, because only its exceptions reach REST and Tasklist as 400. */
@Component("assignHandlerListener")
public class AssignHandlerListener implements ExecutionListener {

  private final SupervisionService service;

  public AssignHandlerListener(SupervisionService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.assign(execution);
  }
}
