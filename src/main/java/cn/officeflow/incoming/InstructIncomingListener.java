package cn.officeflow.incoming;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End of Task_Instruct (领导批示): the 批示, a changed proposal and 传阅. An execution listener, because only its exceptions
 * reach REST and Tasklist as 400.
 */
@Component("instructIncomingListener")
public class InstructIncomingListener implements ExecutionListener {

  private final IncomingDocumentService service;

  public InstructIncomingListener(IncomingDocumentService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.instruct(execution);
  }
}
