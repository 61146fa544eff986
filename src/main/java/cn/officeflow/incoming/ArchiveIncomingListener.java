package cn.officeflow.incoming;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End of Task_Archive (归档): the 处理笺 and files into the archive's hash chain. An execution listener, because only its
 * exceptions reach REST and Tasklist as 400.
 */
@Component("archiveIncomingListener")
public class ArchiveIncomingListener implements ExecutionListener {

  private final IncomingDocumentService service;

  public ArchiveIncomingListener(IncomingDocumentService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.archive(execution);
  }
}
