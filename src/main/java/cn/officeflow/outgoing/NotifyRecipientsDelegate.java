package cn.officeflow.outgoing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Notifies the recipients. */
@Component("notifyRecipientsDelegate")
public class NotifyRecipientsDelegate implements JavaDelegate {

  private final OutgoingDocumentService service;

  public NotifyRecipientsDelegate(OutgoingDocumentService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.notifyRecipients(execution);
  }
}
