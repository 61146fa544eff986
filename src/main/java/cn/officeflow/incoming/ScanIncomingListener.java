package cn.officeflow.incoming;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End of Task_Scan (扫描上传): at least one electronic file must be uploaded. An execution listener, because only its
 * exceptions reach REST and Tasklist as 400.
 */
@Component("scanIncomingListener")
public class ScanIncomingListener implements ExecutionListener {

  private final IncomingDocumentService service;

  public ScanIncomingListener(IncomingDocumentService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.scanned(execution);
  }
}
