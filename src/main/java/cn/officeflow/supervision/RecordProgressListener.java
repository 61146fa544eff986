package cn.officeflow.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of Task_Handle (承办): records the 进度反馈 and whether the item is 办结 (400 naming progress). An execution listener, because only its exceptions reach REST and Tasklist as 400. */
@Component("recordProgressListener")
public class RecordProgressListener implements ExecutionListener {

  private final SupervisionService service;

  public RecordProgressListener(SupervisionService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.recordProgress(execution);
  }
}
