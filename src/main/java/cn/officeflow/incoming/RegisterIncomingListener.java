package cn.officeflow.incoming;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Process start of 收文 (登记): validates (400 naming the field), warns of a duplicate, takes the 收文编号. An execution
 * listener, because only its exceptions reach REST and Tasklist as 400.
 */
@Component("registerIncomingListener")
public class RegisterIncomingListener implements ExecutionListener {

  private final IncomingDocumentService service;

  public RegisterIncomingListener(IncomingDocumentService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.register(execution);
  }
}
