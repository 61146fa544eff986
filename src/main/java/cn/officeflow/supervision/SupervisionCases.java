package cn.officeflow.supervision;

import cn.officeflow.platform.supervise.SupervisedCase;
import cn.officeflow.platform.supervise.SupervisedCases;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** 督办事项 as the platform's {@link SupervisedCases}, for 收文 and later callers. */
@Service
public class SupervisionCases implements SupervisedCases {

  private final SupervisionRepository items;

  public SupervisionCases(SupervisionRepository items) {
    this.items = items;
  }

  @Override
  public Optional<SupervisedCase> forIncomingDocument(String incomingDocumentId) {
    return items
        .findByIncoming(incomingDocumentId)
        .map(
            i ->
                new SupervisedCase(
                    i.id(),
                    i.processInstanceId(),
                    i.department(),
                    i.departmentName(),
                    i.assistingDepartmentIds(),
                    i.handler(),
                    i.handlerName(),
                    i.due(),
                    i.light().name().toLowerCase(Locale.ROOT),
                    i.light().label(),
                    i.status().name(),
                    i.score(),
                    i.remarks()));
  }

  @Override
  public List<SupervisedCase.Progress> progress(String caseId) {
    return items.feedback(caseId).stream()
        .map(f -> new SupervisedCase.Progress(f.progress(), f.finished(), f.userName(), f.at()))
        .toList();
  }

  @Override
  public List<SupervisedCase.AssistOpinion> assistOpinions(String caseId) {
    return items.assists(caseId).stream()
        .map(
            a ->
                new SupervisedCase.AssistOpinion(
                    a.departmentName(), a.opinion(), a.userName(), a.at()))
        .toList();
  }
}
