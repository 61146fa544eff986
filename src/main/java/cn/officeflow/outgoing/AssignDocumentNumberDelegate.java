package cn.officeflow.outgoing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After 签发: assigns the gapless 文号. */
@Component("assignDocumentNumberDelegate")
public class AssignDocumentNumberDelegate implements JavaDelegate {

  private final OutgoingDocumentService service;

  public AssignDocumentNumberDelegate(OutgoingDocumentService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.assignNumber(execution);
  }
}
