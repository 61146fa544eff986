package cn.officeflow.platform.supervise;

import java.util.List;
import java.util.Optional;

/**
 * 督办 for the processes that hand work to it: the supervision process implements this, a process that calls
 * it (收文 through its call activity) reads the outcome here, so neither imports the other.
 */
public interface SupervisedCases {

  /** The 督办事项 started for a 收文, if any. */
  Optional<SupervisedCase> forIncomingDocument(String incomingDocumentId);

  /** The handler's progress reports, oldest first. */
  List<SupervisedCase.Progress> progress(String caseId);

  /** The assisting departments' opinions, oldest first. */
  List<SupervisedCase.AssistOpinion> assistOpinions(String caseId);
}
