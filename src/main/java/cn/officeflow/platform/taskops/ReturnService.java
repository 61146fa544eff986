package cn.officeflow.platform.taskops;

import cn.officeflow.platform.engine.HistoryOrder;
import cn.officeflow.platform.engine.SystemAuthentication;
import cn.officeflow.platform.org.OrgService;
import cn.officeflow.platform.review.Review;
import cn.officeflow.platform.review.ReviewService;
import cn.officeflow.platform.taskops.OperationTasks.Caller;
import cn.officeflow.platform.web.FormValues;
import cn.officeflow.platform.web.ValidationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 退回 (DESIGN.md §6): the handler of a task sends the instance back to an earlier step, which goes to the person
 * who did it before.
 * <ul>
 *   <li><b>Targets</b> ({@link #targets}): the initiator's step that the process declares ({@code
 *       returnToInitiator}, 发文: {@code Task_Revise}, offered first even before it was ever reached), then the user
 *       tasks this instance completed (history; the latest occurrence each, in the order they happened) that lie
 *       upstream of the current step in the model without passing the initiator's step — so steps of an earlier
 *       round and the sibling branches of a parallel block are not offered — and that are not multi-instance
 *       (会签, 协办, 传阅 have no single person to go back to).</li>
 *   <li><b>Who</b>: the task's assignee, or a candidate while nobody has it; the step must allow {@code return}
 *       ({@link TaskOperationPolicy}: a multi-instance step does not by default); a comment is required.</li>
 *   <li><b>How</b>: process instance modification ({@link InstanceRewind}) run by the server as the user: the
 *       target starts, everything downstream of it is cancelled (a return from one 三校 branch cancels the other
 *       open proofreading tasks and the tokens waiting at the join), the new task is assigned to who completed it
 *       (for the initiator's step never reached: the instance's starter). Written to the review trail (kind
 *       {@code return}) and as a comment on the new task; Camunda logs the modification under the user's name.</li>
 * </ul>
 * Why modification and not the model's reject path for 退回 to the drafter: the reject path of a 三校 branch or a
 * 会签 instance waits at the join until every sibling has decided, so it is no 退回 in the office's sense; what the
 * reject path adds to the state ({@code revisionRequired}) only steers the gateway right behind the task and is
 * reset by Task_Revise's end listener, while Task_Revise's own start listeners (status 修改中, trail) run under
 * modification exactly as on the normal path; and a completion with decision=reject would write a second trail
 * entry beside the {@code return} one.
 */
@Service
public class ReturnService {

  public static final String TARGET = "target";
  public static final String COMMENT = "comment";
  public static final int MAX_COMMENT = 500;
  private static final String USER_TASK = "userTask";

  private final ProcessEngine engine;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final HistoryService history;
  private final IdentityService identity;
  private final OrgService org;
  private final ReviewService reviews;
  private final OperationTasks operationTasks;

  public ReturnService(
      ProcessEngine engine, OrgService org, ReviewService reviews, OperationTasks operationTasks) {
    this.engine = engine;
    this.runtime = engine.getRuntimeService();
    this.repository = engine.getRepositoryService();
    this.history = engine.getHistoryService();
    this.identity = engine.getIdentityService();
    this.org = org;
    this.reviews = reviews;
    this.operationTasks = operationTasks;
  }

  /** One step a task may be returned to; {@code assignee} is who gets it back ({@code assigneeName}: their name). */
  public record Target(String activityId, String name, String assignee, String assigneeName) {}

  /** What a return answers: the new task and who has it. */
  public record Result(
      String taskId, String activityId, String name, String assignee, String assigneeName) {}

  public List<Target> targets(String taskId) {
    Caller caller = caller();
    OperationTask state = state(taskId);
    require(state, caller);
    return SystemAuthentication.call(identity, () -> targets(state));
  }

  @Transactional
  public Result returnTask(String taskId, String target, String comment) {
    Caller caller = caller();
    OperationTask state = state(taskId);
    require(state, caller);
    String reason = FormValues.requiredText(comment, COMMENT, MAX_COMMENT, "退回意见");
    if (target == null || target.isBlank()) {
      throw new ValidationException(TARGET, "请选择退回到哪一步");
    }
    List<Target> targets = SystemAuthentication.call(identity, () -> targets(state));
    Target chosen =
        targets.stream()
            .filter(t -> t.activityId().equals(target.strip()))
            .findFirst()
            .orElseThrow(
                () ->
                    new ValidationException(
                        TARGET,
                        "「"
                            + state.stepName()
                            + "」不能退回到 "
                            + target.strip()
                            + (targets.isEmpty()
                                ? "：没有可退回的环节"
                                : "，可退回："
                                    + String.join(
                                        "、", targets.stream().map(Target::name).toList()))));
    String assigneeName = chosen.assignee() == null ? null : org.displayName(chosen.assignee());
    String text =
        "退回至「"
            + chosen.name()
            + "」"
            + (assigneeName == null ? "" : "（" + assigneeName + "）")
            + "："
            + reason;
    Task created =
        InstanceRewind.rewind(
            engine,
            state.task().getProcessInstanceId(),
            flow(state),
            chosen.activityId(),
            chosen.assignee(),
            org.displayName(caller.id()) + text);
    Object version =
        SystemAuthentication.call(
            identity,
            () ->
                runtime.getVariable(
                    state.task().getProcessInstanceId(), ReviewService.SUBJECT_VERSION));
    reviews.note(
        state.businessKey(),
        state.definition().getKey(),
        state.task().getProcessInstanceId(),
        state.task().getTaskDefinitionKey(),
        state.stepName(),
        caller.id(),
        Review.RETURN,
        text,
        version instanceof Number n ? n.intValue() : null);
    return new Result(
        created.getId(),
        chosen.activityId(),
        chosen.name(),
        created.getAssignee(),
        created.getAssignee() == null ? null : org.displayName(created.getAssignee()));
  }

  // --- targets
  // --------------------------------------------------------------------------------------------

  private List<Target> targets(OperationTask state) {
    String pi = state.task().getProcessInstanceId();
    String current = state.task().getTaskDefinitionKey();
    Optional<UserTask> initiatorStep = flow(state).initiatorStep();
    String barrier = initiatorStep.map(UserTask::getId).orElse(null);
    List<HistoricActivityInstance> passed =
        new ArrayList<>(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(pi)
                .activityType(USER_TASK)
                .finished()
                .list());
    passed.removeIf(HistoricActivityInstance::isCanceled);
    passed.sort(
        Comparator.comparing(HistoricActivityInstance::getStartTime)
            .thenComparingLong(ReturnService::sequence));
    Map<String, HistoricActivityInstance> latest = new LinkedHashMap<>();
    for (HistoricActivityInstance done : passed) {
      latest.remove(done.getActivityId());
      latest.put(done.getActivityId(), done);
    }
    List<Target> targets = new ArrayList<>();
    if (initiatorStep.isPresent() && !initiatorStep.get().getId().equals(current)) {
      UserTask step = initiatorStep.get();
      HistoricActivityInstance done = latest.get(step.getId());
      targets.add(
          target(
              step.getId(),
              name(step),
              done != null && done.getAssignee() != null ? done.getAssignee() : state.starter()));
    }
    for (HistoricActivityInstance done : latest.values()) {
      String id = done.getActivityId();
      if (id.equals(current) || id.equals(barrier)) {
        continue;
      }
      Optional<UserTask> step = flow(state).userTask(id);
      if (step.isEmpty()
          || ProcessFlow.multiInstance(step.get())
          || ProcessFlow.inMultiInstanceScope(step.get())
          || !flow(state).upstreamOf(id, current, barrier)) {
        continue;
      }
      targets.add(target(id, name(step.get()), done.getAssignee()));
    }
    return targets;
  }

  private Target target(String activityId, String name, String assignee) {
    return new Target(
        activityId, name, assignee, assignee == null ? null : org.displayName(assignee));
  }

  private static long sequence(HistoricActivityInstance instance) {
    return HistoryOrder.sequence(instance);
  }

  private static String name(UserTask step) {
    return step.getName() == null ? step.getId() : step.getName();
  }

  // --- rules
  // ----------------------------------------------------------------------------------------------

  private void require(OperationTask state, Caller caller) {
    operationTasks.requireHandler(state, caller, TaskOperation.RETURN.label());
    operationTasks.requireAllowed(state, TaskOperation.RETURN);
    operationTasks.requireNotDelegated(state, caller, TaskOperation.RETURN.label());
  }

  private Caller caller() {
    return operationTasks.caller("退回");
  }

  private OperationTask state(String taskId) {
    return operationTasks.load(taskId, "退回");
  }

  private ProcessFlow flow(OperationTask state) {
    return SystemAuthentication.call(
        identity,
        () ->
            new ProcessFlow(
                repository.getBpmnModelInstance(state.task().getProcessDefinitionId())));
  }
}
