package cn.officeflow.outgoing;

import cn.officeflow.platform.archive.ArchiveEntry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 归档 of an issued 发文 ({@code camunda:delegateExpression="${archiveOutgoingDocumentDelegate}"}): archives
 * the document named by the variable {@code documentId} with its .docx and sets {@code archiveEntryId}.
 */
@Component("archiveOutgoingDocumentDelegate")
public class ArchiveOutgoingDocumentDelegate implements JavaDelegate {

  public static final String DOCUMENT_ID = "documentId";
  public static final String ARCHIVE_ENTRY_ID = "archiveEntryId";

  private final OutgoingArchiving archiving;

  public ArchiveOutgoingDocumentDelegate(OutgoingArchiving archiving) {
    this.archiving = archiving;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ArchiveEntry entry = archiving.archive((String) execution.getVariable(DOCUMENT_ID));
    execution.setVariable(ARCHIVE_ENTRY_ID, entry.id());
  }
}
