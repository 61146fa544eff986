package cn.officeflow.incoming;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End of Task_Circulate (传阅): 已阅 into the trail. An execution listener, because only its exceptions reach REST and
 * Tasklist as 400.
 */
@Component("readCirculationListener")
public class ReadCirculationListener implements ExecutionListener {

  private final IncomingDocumentService service;

  public ReadCirculationListener(IncomingDocumentService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.read(execution);
  }
}
