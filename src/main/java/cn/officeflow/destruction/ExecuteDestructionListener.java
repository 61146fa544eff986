package cn.officeflow.destruction;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End of Task_ExecuteDestruction: validates 监销人, date and method (400 naming the field, the task stays
 * open) and marks the entries destroyed. An execution listener, because only its exceptions reach REST and
 * Tasklist as 400.
 */
@Component("executeDestructionListener")
public class ExecuteDestructionListener implements ExecutionListener {

  private final DocumentDestructionService service;

  public ExecuteDestructionListener(DocumentDestructionService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.execute(execution);
  }
}
