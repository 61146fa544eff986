package cn.officeflow.platform.engine;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * A task whose only candidate is one person (部门初审 of a department with one head, 会签 of a department with
 * one head, 督办 交办 …) is assigned to that person when it is created: nobody else could claim it, and an
 * unclaimed task opens read-only in Tasklist. Tasks with candidate groups or several candidate users stay to be
 * claimed. Added to every user task of every model by the engine plugin (a built-in listener, so a model from
 * Modeler gets it too without declaring anything).
 */
public class SingleCandidateAssignment extends AbstractBpmnParseListener {

  static final TaskListener ASSIGN_SOLE_CANDIDATE = SingleCandidateAssignment::assignSoleCandidate;

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
      behavior
          .getTaskDefinition()
          .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, ASSIGN_SOLE_CANDIDATE);
    }
  }

  static void assignSoleCandidate(DelegateTask task) {
    if (task.getAssignee() != null) {
      return;
    }
    Set<IdentityLink> candidates = task.getCandidates();
    List<String> users =
        candidates.stream()
            .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
            .filter(l -> l.getUserId() != null)
            .map(IdentityLink::getUserId)
            .distinct()
            .toList();
    boolean groups = candidates.stream().anyMatch(l -> l.getGroupId() != null);
    if (users.size() == 1 && !groups) {
      task.setAssignee(users.get(0));
    }
  }
}
