package cn.officeflow.outgoing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Produces the GB/T 9704 .docx. */
@Component("generateFormalDocumentDelegate")
public class GenerateFormalDocumentDelegate implements JavaDelegate {

  private final OutgoingDocumentService service;

  public GenerateFormalDocumentDelegate(OutgoingDocumentService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.generateFormalDocument(execution);
  }
}
