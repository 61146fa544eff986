package cn.officeflow.drill;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Start of StartEvent_Drill: a manual start by emergency-command (the start form validated) or the quarter process's start as the engine, 400 naming the field. An execution listener, because only its exceptions reach REST and Tasklist as 400. */
@Component("startDrillListener")
public class StartDrillListener implements ExecutionListener {

  private final DrillService service;

  public StartDrillListener(DrillService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.start(execution);
  }
}
