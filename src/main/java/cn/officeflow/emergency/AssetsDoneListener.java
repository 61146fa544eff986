package cn.officeflow.emergency;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of Task_RescueAssets (资产抢救). An execution listener bean, because only its exceptions reach REST and Tasklist as 400. */
@Component("assetsDoneListener")
public class AssetsDoneListener implements ExecutionListener {

  private final EmergencyService service;

  public AssetsDoneListener(EmergencyService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.assetsDone(execution);
  }
}
