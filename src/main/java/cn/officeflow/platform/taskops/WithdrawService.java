package cn.officeflow.platform.taskops;

import cn.officeflow.platform.engine.HistoryOrder;
import cn.officeflow.platform.engine.SystemAuthentication;
import cn.officeflow.platform.org.OrgService;
import cn.officeflow.platform.review.Review;
import cn.officeflow.platform.review.ReviewService;
import cn.officeflow.platform.web.FormValues;
import cn.officeflow.platform.web.NotFoundException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 撤回 (DESIGN.md §6): the initiator (the engine's start user of the instance: 发文's drafter) takes the instance back
 * to their own step — the user task the process declares as {@code returnToInitiator} (发文: Task_Revise, assigned
 * to the drafter) — while the next step has not acted yet. "Acted" means: a user task other than the initiator's
 * was completed after the initiator's last act (the start, or their last completion of their step; compared by the
 * engine's sequence counter, which the history keeps in execution order even where the database keeps times to the
 * second), or someone else claimed, was given (转办) or delegated (委派) one of the open tasks (Camunda's user
 * operation log), added signers to one (加签), or decided one whose decision waits for its after-signers. Afterwards 409 naming who acted. Processes without the property answer 409 「本流程不支持撤回」.
 * The rewind is the one of 退回 ({@link InstanceRewind}); the trail gets a {@code withdraw} entry.
 */
@Service
public class WithdrawService {

  public static final String COMMENT = "comment";
  public static final int MAX_COMMENT = 500;
  private static final Set<String> HANDLING =
      Set.of(
          UserOperationLogEntry.OPERATION_TYPE_CLAIM,
          UserOperationLogEntry.OPERATION_TYPE_ASSIGN,
          UserOperationLogEntry.OPERATION_TYPE_DELEGATE);

  private final ProcessEngine engine;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final HistoryService history;
  private final IdentityService identity;
  private final OrgService org;
  private final ReviewService reviews;

  private final OperationTasks operationTasks;
  private final SignersRepository signers;

  public WithdrawService(
      ProcessEngine engine,
      OrgService org,
      ReviewService reviews,
      OperationTasks operationTasks,
      SignersRepository signers) {
    this.operationTasks = operationTasks;
    this.signers = signers;
    this.engine = engine;
    this.tasks = engine.getTaskService();
    this.runtime = engine.getRuntimeService();
    this.repository = engine.getRepositoryService();
    this.history = engine.getHistoryService();
    this.identity = engine.getIdentityService();
    this.org = org;
    this.reviews = reviews;
  }

  /** What a withdrawal answers: the initiator's task. */
  public record Result(
      String processInstanceId, String taskId, String activityId, String name, String assignee) {}

  @Transactional
  public Result withdraw(String processInstanceId, String comment) {
    String caller = operationTasks.caller("撤回").id();
    Instance instance = instance(processInstanceId);
    if (!caller.equals(instance.starter())) {
      throw new AuthorizationException(
          "只有发起人"
              + (instance.starter() == null ? "" : org.displayName(instance.starter()))
              + "可以撤回「"
              + instance.processName()
              + "」");
    }
    UserTask step =
        instance
            .flow()
            .initiatorStep()
            .orElseThrow(() -> new TaskOperationConflictException("本流程不支持撤回"));
    String reason = FormValues.requiredText(comment, COMMENT, MAX_COMMENT, "撤回说明");
    String stepName = step.getName() == null ? step.getId() : step.getName();
    SystemAuthentication.call(
        identity,
        () -> {
          checkNobodyActed(instance, step, stepName);
          return null;
        });
    List<Task> open =
        SystemAuthentication.call(
            identity, () -> tasks.createTaskQuery().processInstanceId(processInstanceId).list());
    String text = "撤回至「" + stepName + "」：" + reason;
    Task created =
        InstanceRewind.rewind(
            engine,
            processInstanceId,
            instance.flow(),
            step.getId(),
            caller,
            org.displayName(caller) + text);
    Object version =
        SystemAuthentication.call(
            identity, () -> runtime.getVariable(processInstanceId, ReviewService.SUBJECT_VERSION));
    String fromId = open.isEmpty() ? step.getId() : open.get(0).getTaskDefinitionKey();
    String from =
        open.isEmpty()
            ? stepName
            : String.join(
                "、",
                open.stream()
                    .map(t -> t.getName() == null ? t.getTaskDefinitionKey() : t.getName())
                    .distinct()
                    .toList());
    reviews.note(
        instance.businessKey(),
        instance.processKey(),
        processInstanceId,
        fromId,
        from,
        caller,
        Review.WITHDRAW,
        text,
        version instanceof Number n ? n.intValue() : null);
    return new Result(
        processInstanceId, created.getId(), step.getId(), stepName, created.getAssignee());
  }

  private void checkNobodyActed(Instance instance, UserTask step, String stepName) {
    String pi = instance.id();
    List<Task> open = tasks.createTaskQuery().processInstanceId(pi).list();
    if (open.stream().anyMatch(t -> step.getId().equals(t.getTaskDefinitionKey()))) {
      throw new TaskOperationConflictException("流程已在您的「" + stepName + "」环节，无需撤回");
    }
    List<HistoricActivityInstance> done =
        history
            .createHistoricActivityInstanceQuery()
            .processInstanceId(pi)
            .activityType("userTask")
            .finished()
            .list()
            .stream()
            .filter(a -> !a.isCanceled())
            .toList();
    long lastOwn =
        done.stream()
            .filter(a -> step.getId().equals(a.getActivityId()))
            .mapToLong(WithdrawService::sequence)
            .max()
            .orElse(Long.MIN_VALUE);
    Optional<HistoricActivityInstance> acted =
        done.stream()
            .filter(a -> !step.getId().equals(a.getActivityId()) && sequence(a) > lastOwn)
            .max(Comparator.comparingLong(WithdrawService::sequence));
    if (acted.isPresent()) {
      HistoricActivityInstance a = acted.get();
      throw new TaskOperationConflictException(who(a.getAssignee()) + "已办理「" + name(a) + "」，不能撤回");
    }
    for (Task task : open) {
      String taskName = task.getName() == null ? task.getTaskDefinitionKey() : task.getName();
      Optional<SignersRepository.Hold> held = signers.held(task.getId());
      if (held.isPresent()) {
        throw new TaskOperationConflictException(
            who(held.get().userId()) + "已办理「" + taskName + "」，不能撤回");
      }
      Optional<Signer> signer =
          signers.forTask(task.getId()).stream()
              .filter(s -> s.addedBy() != null && !s.addedBy().equals(instance.starter()))
              .findFirst();
      if (signer.isPresent()) {
        throw new TaskOperationConflictException(
            who(signer.get().addedBy()) + "已为「" + taskName + "」加签，不能撤回");
      }
      for (UserOperationLogEntry entry :
          history.createUserOperationLogQuery().taskId(task.getId()).list()) {
        if (HANDLING.contains(entry.getOperationType())
            && entry.getUserId() != null
            && !entry.getUserId().equals(instance.starter())) {
          String verb =
              UserOperationLogEntry.OPERATION_TYPE_CLAIM.equals(entry.getOperationType())
                  ? "认领"
                  : "处理";
          throw new TaskOperationConflictException(
              who(entry.getUserId())
                  + "已"
                  + verb
                  + "「"
                  + (task.getName() == null ? task.getTaskDefinitionKey() : task.getName())
                  + "」，不能撤回");
        }
      }
    }
  }

  private String who(String userId) {
    return userId == null ? "他人" : org.displayName(userId);
  }

  private static String name(HistoricActivityInstance a) {
    return a.getActivityName() == null ? a.getActivityId() : a.getActivityName();
  }

  private static long sequence(HistoricActivityInstance instance) {
    return HistoryOrder.sequence(instance);
  }

  private Instance instance(String processInstanceId) {
    return SystemAuthentication.call(
        identity,
        () -> {
          ProcessInstance instance =
              processInstanceId == null
                  ? null
                  : runtime
                      .createProcessInstanceQuery()
                      .processInstanceId(processInstanceId)
                      .singleResult();
          if (instance == null) {
            throw new NotFoundException("流程实例不存在或已结束：" + processInstanceId);
          }
          HistoricProcessInstance historic =
              history
                  .createHistoricProcessInstanceQuery()
                  .processInstanceId(processInstanceId)
                  .singleResult();
          var definition = repository.getProcessDefinition(instance.getProcessDefinitionId());
          return new Instance(
              instance.getId(),
              instance.getBusinessKey() == null ? instance.getId() : instance.getBusinessKey(),
              definition.getKey(),
              definition.getName() == null ? definition.getKey() : definition.getName(),
              historic == null ? null : historic.getStartUserId(),
              new ProcessFlow(repository.getBpmnModelInstance(instance.getProcessDefinitionId())));
        });
  }

  private record Instance(
      String id,
      String businessKey,
      String processKey,
      String processName,
      String starter,
      ProcessFlow flow) {}
}
