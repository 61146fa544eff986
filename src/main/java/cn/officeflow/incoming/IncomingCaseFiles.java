package cn.officeflow.incoming;

import cn.officeflow.platform.files.CaseFileSource;
import cn.officeflow.platform.files.StoredFile;
import cn.officeflow.platform.org.OrgService;
import java.util.List;
import org.springframework.stereotype.Component;

/** 收文's registered scans and attachments (of_incoming_attachment) for the auditors' view of a case. */
@Component
class IncomingCaseFiles implements CaseFileSource {

  private final IncomingDocumentRepository repository;
  private final OrgService org;

  IncomingCaseFiles(IncomingDocumentRepository repository, OrgService org) {
    this.repository = repository;
    this.org = org;
  }

  @Override
  public List<StoredFile> files(String businessKey) {
    return repository.attachments(businessKey).stream()
        .map(
            a ->
                new StoredFile(
                    a.id(),
                    a.documentId(),
                    a.fileName(),
                    a.mediaType(),
                    a.size(),
                    a.sha256(),
                    "收文登记（附件 " + a.seq() + "）",
                    a.uploadedBy(),
                    org.displayName(a.uploadedBy()),
                    a.uploadedAt()))
        .toList();
  }
}
