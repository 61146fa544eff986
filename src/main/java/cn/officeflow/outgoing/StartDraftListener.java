package cn.officeflow.outgoing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Process start of 发文: validates the draft and stores the document (400 on bad input). */
@Component("startDraftListener")
public class StartDraftListener implements ExecutionListener {

  private final OutgoingDocumentService service;

  public StartDraftListener(OutgoingDocumentService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.startDraft(execution);
  }
}
