package cn.officeflow.reimbursement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Execution listener of 报销 calling {@link ReimbursementService#start}: an execution listener, because only its
 * exceptions reach REST and Tasklist as 4xx (nothing persisted).
 */
@Component("startReimbursementListener")
public class StartReimbursementListener implements ExecutionListener {

  private final ReimbursementService service;

  public StartReimbursementListener(ReimbursementService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.start(execution);
  }
}
