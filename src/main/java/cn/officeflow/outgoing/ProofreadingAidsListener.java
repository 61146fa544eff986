package cn.officeflow.outgoing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Start listener of the 三校 tasks: automatic proofreading findings for the form. */
@Component("proofreadingAidsListener")
public class ProofreadingAidsListener implements ExecutionListener {

  private final OutgoingDocumentService service;

  public ProofreadingAidsListener(OutgoingDocumentService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.proofreadingAids(execution);
  }
}
