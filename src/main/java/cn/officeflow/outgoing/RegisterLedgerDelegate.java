package cn.officeflow.outgoing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Registers the issued document in the ledger (台账). */
@Component("registerLedgerDelegate")
public class RegisterLedgerDelegate implements JavaDelegate {

  private final OutgoingDocumentService service;

  public RegisterLedgerDelegate(OutgoingDocumentService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.registerInLedger(execution);
  }
}
