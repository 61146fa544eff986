package cn.officeflow.supplies;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of Task_DeptApprove, after the review trail's approvalListener: the requisition's status. */
@Component("approveRequisitionListener")
public class ApproveRequisitionListener implements ExecutionListener {

  private final SuppliesService service;

  public ApproveRequisitionListener(SuppliesService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.approved(execution);
  }
}
