package cn.officeflow.reimbursement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Execution listener of 报销 calling {@link ReimbursementService#revise}: an execution listener, because only its
 * exceptions reach REST and Tasklist as 4xx (nothing persisted).
 */
@Component("reviseReimbursementListener")
public class ReviseReimbursementListener implements ExecutionListener {

  private final ReimbursementService service;

  public ReviseReimbursementListener(ReimbursementService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.revise(execution);
  }
}
