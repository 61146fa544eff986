package cn.officeflow.outgoing;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Create listener of the 三校 tasks: automatic proofreading findings for the form. */
@Component("proofreadingAidsTaskListener")
public class ProofreadingAidsTaskListener implements TaskListener {

  private final OutgoingDocumentService service;

  public ProofreadingAidsTaskListener(OutgoingDocumentService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    service.proofreadingAids(task);
  }
}
