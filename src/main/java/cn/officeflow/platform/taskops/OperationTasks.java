package cn.officeflow.platform.taskops;

import cn.officeflow.platform.engine.ActingUser;
import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.engine.SystemAuthentication;
import cn.officeflow.platform.org.OrgService;
import cn.officeflow.platform.org.RoleGroups;
import cn.officeflow.platform.web.NotFoundException;
import cn.officeflow.platform.web.ValidationException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * What every task operation reads and checks first: the caller (auditors refused), the task (404 when it is gone),
 * whether the step allows the operation, whether the caller handles the task, and the people an operation names.
 */
@Component
class OperationTasks {

  /** Variable that names a business record in forms and lists. */
  static final String TITLE = "title";

  private final IdentityService identity;
  private final TaskService tasks;
  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final OrgService org;
  private final TaskOperationPolicy policy;
  private final ProcessEngine engine;

  OperationTasks(ProcessEngine engine, OrgService org, TaskOperationPolicy policy) {
    this.engine = engine;
    this.org = org;
    this.policy = policy;
    this.identity = engine.getIdentityService();
    this.tasks = engine.getTaskService();
    this.repository = engine.getRepositoryService();
    this.runtime = engine.getRuntimeService();
    this.history = engine.getHistoryService();
  }

  /** The logged-in user; an auditor (read-only) gets 403 naming what they may not do. */
  Caller caller(String operations) {
    String id = CurrentUser.id(identity).orElseThrow(() -> new AuthorizationException("需要登录"));
    List<String> groups = CurrentUser.groups(identity);
    if (groups.contains(RoleGroups.AUDITORS) && !groups.contains(RoleGroups.CAMUNDA_ADMIN)) {
      throw new AuthorizationException("审计人员为只读角色，不能" + operations);
    }
    return new Caller(id, groups);
  }

  /**
   * The task with what the rules need, read as the engine: 404 when it is gone, 409 for a task outside any
   * process ({@code operations} names what cannot be done with it).
   */
  OperationTask load(String taskId, String operations) {
    return SystemAuthentication.call(
        identity,
        () -> {
          Task task = taskId == null ? null : tasks.createTaskQuery().taskId(taskId).singleResult();
          if (task == null) {
            throw new NotFoundException("任务已由他人办理或已不存在：" + taskId);
          }
          if (task.getProcessInstanceId() == null) {
            throw new TaskOperationConflictException("独立任务不属于任何业务，不能" + operations);
          }
          Set<String> users = new LinkedHashSet<>();
          Set<String> groups = new LinkedHashSet<>();
          for (IdentityLink link : tasks.getIdentityLinksForTask(taskId)) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
              if (link.getUserId() != null) {
                users.add(link.getUserId());
              } else if (link.getGroupId() != null) {
                groups.add(link.getGroupId());
              }
            }
          }
          ProcessDefinition definition =
              repository.getProcessDefinition(task.getProcessDefinitionId());
          ProcessInstance instance =
              runtime
                  .createProcessInstanceQuery()
                  .processInstanceId(task.getProcessInstanceId())
                  .singleResult();
          HistoricProcessInstance historic =
              history
                  .createHistoricProcessInstanceQuery()
                  .processInstanceId(task.getProcessInstanceId())
                  .singleResult();
          String businessKey =
              instance.getBusinessKey() == null ? instance.getId() : instance.getBusinessKey();
          String processName =
              definition.getName() == null ? definition.getKey() : definition.getName();
          Object title = runtime.getVariable(instance.getId(), TITLE);
          return new OperationTask(
              task,
              definition,
              businessKey,
              processName,
              title instanceof String t && !t.isBlank() ? t : processName,
              users,
              groups,
              historic == null ? null : historic.getStartUserId());
        });
  }

  /** The step must allow the operation ({@link TaskOperationPolicy}): else 409 naming the step. */
  void requireAllowed(OperationTask state, TaskOperation operation) {
    if (!policy.allowed(state.task()).contains(operation)) {
      throw new TaskOperationConflictException(
          "「" + state.stepName() + "」环节不允许" + operation.label());
    }
  }

  /**
   * The caller may act on the task as its assignee, or as a candidate while nobody has it: else 409 when they
   * are a candidate or owner but someone else has it by now, 403 when they have nothing to do with it.
   */
  void requireHandler(OperationTask state, Caller caller, String action) {
    Task task = state.task();
    if (caller.id().equals(task.getAssignee())) {
      return;
    }
    boolean candidate =
        state.candidateUsers().contains(caller.id())
            || state.candidateGroups().stream().anyMatch(caller.groups()::contains);
    if (task.getAssignee() == null && candidate) {
      return;
    }
    if (candidate || caller.id().equals(task.getOwner())) {
      throw new TaskOperationConflictException(
          "任务「"
              + state.stepName()
              + "」已由"
              + org.displayName(task.getAssignee())
              + "办理，不能"
              + action);
    }
    throw new AuthorizationException(
        "用户 " + caller.id() + " 不是任务「" + state.stepName() + "」的办理人或候选人，不能" + action);
  }

  /** As {@link #requireHandler}, and the owner of a delegated task may act too (抄送, reading). */
  void requireHandlerOrOwner(OperationTask state, Caller caller, String action) {
    if (!caller.id().equals(state.task().getOwner())) {
      requireHandler(state, caller, action);
    }
  }

  /**
   * While the task is delegated (委派, not yet resolved) its owner and its delegate get 409: it has to come back
   * to the owner first. Others are left to {@link #requireHandler}.
   */
  void requireNotDelegated(OperationTask state, Caller caller, String action) {
    Task task = state.task();
    if (task.getDelegationState() == DelegationState.PENDING
        && (caller.id().equals(task.getOwner()) || caller.id().equals(task.getAssignee()))) {
      throw new TaskOperationConflictException(
          "任务「"
              + state.stepName()
              + "」已委派给"
              + org.displayName(task.getAssignee())
              + "，待其办理退回后才能"
              + action);
    }
  }

  /**
   * A person a task operation names (转办/委派 target, 抄送 recipient, 加签人): an existing staff member, not the
   * caller, not an auditor — else 400 on {@code field} with the texts of {@code refusals}. Returns the stripped id.
   */
  String staffMember(String userId, String field, Caller caller, PersonRefusals refusals) {
    if (userId == null || userId.isBlank()) {
      throw new ValidationException(field, refusals.missing());
    }
    String id = userId.strip();
    if (id.length() > 64
        || SystemAuthentication.call(identity, () -> identity.createUserQuery().userId(id).count())
            == 0) {
      throw new ValidationException(field, "用户不存在：" + id);
    }
    if (id.equals(caller.id())) {
      throw new ValidationException(field, refusals.self());
    }
    if (SystemAuthentication.call(identity, () -> org.isMember(id, RoleGroups.AUDITORS))) {
      throw new ValidationException(
          field, org.displayName(id) + "是审计人员（只读），" + refusals.notAllowed());
    }
    if (!SystemAuthentication.call(identity, () -> org.isMember(id, RoleGroups.STAFF))) {
      throw new ValidationException(
          field, org.displayName(id) + "（" + id + "）不是业务人员，" + refusals.notAllowed());
    }
    return id;
  }

  /**
   * The sentences of {@link #staffMember}: nobody chosen ("请选择转办对象"), oneself ("不能转办给自己"), and the end
   * of the sentence for an auditor or non-staff user ("不能转办给他").
   */
  record PersonRefusals(String missing, String self, String notAllowed) {}

  /**
   * Runs engine calls as the caller without the engine's own authorization check ({@link ActingUser}: our rules
   * were checked), so that Camunda's user operation log names the caller; a concurrent change is a 409.
   */
  void engineCall(Runnable action) {
    try {
      ActingUser.withoutEngineAuthorization(
          engine,
          () -> {
            action.run();
            return null;
          });
    } catch (OptimisticLockingException e) {
      throw new TaskOperationConflictException("任务正由他人同时办理，请刷新后再试");
    }
  }

  /** Who is acting, with their groups. */
  record Caller(String id, List<String> groups) {}
}
