package cn.officeflow.incoming;

import cn.officeflow.platform.worklist.BusinessRecord;
import cn.officeflow.platform.worklist.BusinessRecords;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** 收文 in 我的工作: title, 收文编号, status, 紧急程度 and the 收文处理笺. */
@Component
public class IncomingBusinessRecords implements BusinessRecords {

  private final IncomingDocumentRepository documents;

  public IncomingBusinessRecords(IncomingDocumentRepository documents) {
    this.documents = documents;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(IncomingDocumentVariables.PROCESS_KEY);
  }

  @Override
  public Optional<BusinessRecord> describe(String businessKey) {
    return documents
        .find(businessKey)
        .map(
            d ->
                new BusinessRecord(
                    d.title(),
                    d.receiptNumber(),
                    d.status().name(),
                    d.status().label(),
                    d.urgency(),
                    "/api/incoming-documents/" + d.id() + "/slip",
                    "收文处理笺"));
  }
}
