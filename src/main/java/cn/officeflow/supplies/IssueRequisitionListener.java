package cn.officeflow.supplies;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of Task_Issue: 发放 or 不予发放; a short stock is a 400 naming quantity and the task stays open. */
@Component("issueRequisitionListener")
public class IssueRequisitionListener implements ExecutionListener {

  private final SuppliesService service;

  public IssueRequisitionListener(SuppliesService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.issue(execution);
  }
}
