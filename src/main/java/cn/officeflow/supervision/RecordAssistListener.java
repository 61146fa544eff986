package cn.officeflow.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of Task_Assist (协办): keeps the assisting department's input (400 naming opinion when blank). */
@Component("recordAssistListener")
public class RecordAssistListener implements ExecutionListener {

  private final SupervisionService service;

  public RecordAssistListener(SupervisionService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.recordAssist(execution);
  }
}
