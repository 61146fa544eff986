package cn.officeflow.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of Task_Escalation: keeps the 分管领导's 督办意见 (400 naming instruction). An execution listener, because only its exceptions reach REST and Tasklist as 400. */
@Component("recordInstructionListener")
public class RecordInstructionListener implements ExecutionListener {

  private final SupervisionService service;

  public RecordInstructionListener(SupervisionService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.recordInstruction(execution);
  }
}
