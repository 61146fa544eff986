package cn.officeflow.outgoing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of Task_Revise: the drafter's new text becomes the next version. */
@Component("reviseDocumentListener")
public class ReviseDocumentListener implements ExecutionListener {

  private final OutgoingDocumentService service;

  public ReviseDocumentListener(OutgoingDocumentService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.revise(execution);
  }
}
