package cn.officeflow.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Timer_Red: 红灯, 通报 row and escalation to the lead department's 分管领导. */
@Component("markRedDelegate")
public class MarkRedDelegate implements JavaDelegate {

  private final SupervisionService service;

  public MarkRedDelegate(SupervisionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.markRed(execution);
  }
}
