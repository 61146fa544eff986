package cn.officeflow.outgoing;

import cn.officeflow.platform.worklist.BusinessRecord;
import cn.officeflow.platform.worklist.BusinessRecords;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** 发文 in 我的工作: title, 文号 once assigned, status, 紧急程度 and, once issued, the .docx. */
@Component
public class OutgoingBusinessRecords implements BusinessRecords {

  private final OutgoingDocumentRepository documents;

  public OutgoingBusinessRecords(OutgoingDocumentRepository documents) {
    this.documents = documents;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(OutgoingDocumentVariables.PROCESS_KEY);
  }

  @Override
  public Optional<BusinessRecord> describe(String businessKey) {
    return documents
        .find(businessKey)
        .map(
            d -> {
              boolean issued = d.status() == DocumentStatus.ISSUED && d.hasDocx();
              return new BusinessRecord(
                  d.title(),
                  d.documentNumber(),
                  d.status().name(),
                  d.status().label(),
                  d.urgency(),
                  issued ? "/api/outgoing-documents/" + d.id() + "/docx" : null,
                  issued ? "下载正式公文（.docx）" : null);
            });
  }
}
