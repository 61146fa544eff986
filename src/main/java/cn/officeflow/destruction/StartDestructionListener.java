package cn.officeflow.destruction;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Process start of 文件销毁: validates the request and stores it (400 naming the field on bad input). */
@Component("startDestructionListener")
public class StartDestructionListener implements ExecutionListener {

  private final DocumentDestructionService service;

  public StartDestructionListener(DocumentDestructionService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.start(execution);
  }
}
