package cn.officeflow.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Timer_Yellow: 黄灯 and 双提醒 to the handler and the lead department's 部门负责人. */
@Component("markYellowDelegate")
public class MarkYellowDelegate implements JavaDelegate {

  private final SupervisionService service;

  public MarkYellowDelegate(SupervisionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.markYellow(execution);
  }
}
