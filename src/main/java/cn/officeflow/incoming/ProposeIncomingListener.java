package cn.officeflow.incoming;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End of Task_Propose (拟办): 办理 with 主办/协办/期限, or 阅知. An execution listener, because only its exceptions reach REST
 * and Tasklist as 400.
 */
@Component("proposeIncomingListener")
public class ProposeIncomingListener implements ExecutionListener {

  private final IncomingDocumentService service;

  public ProposeIncomingListener(IncomingDocumentService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.propose(execution);
  }
}
