package cn.officeflow.platform.engine;

import cn.officeflow.platform.web.AccessRefusedException;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Field;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractModificationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.repository.DeploymentBuilderImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trust boundary in front of the engine (DESIGN.md §5): every command that a user's request runs —
 * from /engine-rest, from the webapps' own API (Tasklist's submit-form, Cockpit) or from our code on
 * behalf of a user — passes here before it runs. Commands that the engine runs for itself (job
 * executor, start-up) and commands nested inside another command are not checked again.
 * <ul>
 *   <li><b>Input contract</b>: a start, a task completion, a message accept only the variables that the
 *       step declares ({@link InputContract}); other ways to set variables (task/execution variables,
 *       signals, modification, restart, batches) are refused to everyone but {@code camunda-admin}.
 *       Starting at another activity than the start event is the admin's too.</li>
 *   <li><b>Jobs</b>: executing a job requires the engine's own update right on it <em>before</em> the job
 *       runs, so an unauthorised call cannot spend the job's retries or replace its error message.</li>
 *   <li><b>Auditors</b> are read-only: any command but a read is refused (403).</li>
 *   <li><b>Races</b>: completing or claiming a task that is gone or that someone else completes at the same
 *       moment answers 404 / 409 with a Chinese message instead of 500.</li>
 *   <li><b>Separation of duties</b>: a task whose model names the person who must not handle it (报销 复核
 *       after 初审) is neither claimed, completed, assigned nor delegated to them ({@link
 *       SeparationOfDuties}).</li>
 *   <li><b>Passwords</b> that break the policy are refused with 400 listing the rules.</li>
 *   <li><b>Deployments</b> from Modeler ({@code deploy-changed-only}) are kept whole, so that a diagram
 *       and its forms stay in one deployment ({@link DeploymentGuard} checks what they contain).</li>
 * </ul>
 * The fields of Camunda's command classes are read by reflection (they have no getters); {@code
 * UserCommandGuardTest} fails when an engine upgrade renames one.
 */
public class UserCommandGuard extends CommandInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(UserCommandGuard.class);

  static final String ADMIN_GROUP = "camunda-admin";
  static final String AUDITOR_GROUP = "auditors";

  /** 审计管理员: reads the access audit log, changes nothing (三权分立). */
  static final String AUDIT_ADMIN_GROUP = "audit-admins";

  static final String INTEGRATIONS_GROUP = "integrations";
  static final String TASK_GONE = "任务已由他人办理或已不存在，请刷新任务列表";
  static final String TASK_BUSY = "任务正由他人同时办理，请刷新后再试";
  static final String AUDITOR_READ_ONLY = "审计人员为只读角色，不能修改任何数据";
  static final String INTEGRATIONS_ONLY_MESSAGES = "系统对接账号只能上报约定的消息：";
  static final String VARIABLES_ONLY_WITH_FORMS = "变量只能随发起流程或办理任务的表单提交，不能单独设置或删除";

  /** Commands that only read: what an auditor may run. */
  private static final Pattern READ_COMMAND =
      Pattern.compile("^(Get|Find|Check|Is)[A-Z].*|.*Query.*|.*Report.*");

  private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);

  /** A job whose execution was refused here: the engine's failed-job handling for it must not run. */
  private final ThreadLocal<String> refusedJob = new ThreadLocal<>();

  private final ProcessEngineConfigurationImpl configuration;
  private final PasswordPolicyGuard passwords;
  private final Supplier<TaskCompletionHook> completions;
  private final Set<String> integrationMessages;
  private final AdminSeparation adminSeparation;
  private volatile InputContract contract;
  private volatile SeparationOfDuties separation;

  /**
   * With {@code completions}: the hook asked before a user completes a task (may answer null: none); with
   * {@code integrationMessages}: the only messages that users of {@code integrations} may correlate; with
   * {@code separation}: what administrators may not do to each other (三权分立).
   */
  public UserCommandGuard(
      ProcessEngineConfigurationImpl configuration,
      PasswordPolicyGuard passwords,
      Supplier<TaskCompletionHook> completions,
      Set<String> integrationMessages,
      AdminSeparation separation) {
    this.configuration = configuration;
    this.adminSeparation = separation;
    this.passwords = passwords;
    this.completions = completions;
    this.integrationMessages = Set.copyOf(integrationMessages);
  }

  /** The messages that users of {@code integrations} may correlate. */
  public Set<String> integrationMessages() {
    return integrationMessages;
  }

  @Override
  public <T> T execute(Command<T> command) {
    Authentication user =
        depth.get() == 0 ? configuration.getIdentityService().getCurrentAuthentication() : null;
    depth.set(depth.get() + 1);
    try {
      if (user == null || user.getUserId() == null) {
        return next.execute(command);
      }
      if (command instanceof FailedJobListener && refusedJob.get() != null) {
        // the job never ran: nothing to record against it
        refusedJob.remove();
        return null;
      }
      // the refusal concerns only the failed-job handling that follows it at once on this (pooled)
      // thread
      refusedJob.remove();
      return guarded(command, new Caller(user));
    } finally {
      depth.set(depth.get() - 1);
      if (depth.get() == 0) {
        depth.remove();
      }
    }
  }

  private <T> T guarded(Command<T> command, Caller caller) {
    if (caller.integration() && !caller.admin()) {
      checkIntegration(command, caller);
    }
    if (caller.auditor()
        && !caller.admin()
        && !isRead(command, caller)
        && !(command instanceof ExecuteJobsCmd)) {
      LOG.debug("auditor {} refused: {}", caller.id(), command.getClass().getName());
      // most REST resources answer an AuthorizationException with 403; those for comments and
      // attachments
      // turn every engine exception into 400/500, so they get a REST exception that keeps its 403
      boolean swallowsEngineErrors =
          command instanceof AddCommentCmd
              || command instanceof UpdateCommentCmd
              || command instanceof DeleteTaskCommentCmd
              || command instanceof DeleteProcessInstanceCommentCmd
              || command instanceof CreateAttachmentCmd
              || command instanceof DeleteAttachmentCmd
              || command instanceof SaveAttachmentCmd;
      throw swallowsEngineErrors
          ? new AccessRefusedException(AUDITOR_READ_ONLY)
          : new AuthorizationException(AUDITOR_READ_ONLY);
    }
    if (command instanceof ExecuteJobsCmd) {
      checkJobRights(field(command, ExecuteJobsCmd.class, "jobId"));
    }
    adminSeparation.check(command, caller.id(), caller.groups());
    if (command instanceof SaveUserCmd) {
      User user = field(command, SaveUserCmd.class, "user");
      if (user instanceof UserEntity entity && entity.hasNewPassword()) {
        // getPassword() answers the stored hash; the new password waits in its own field until it
        // is hashed
        passwords.check(entity, field(entity, UserEntity.class, "newPassword"));
        T saved = next.execute(command);
        passwords.saved(entity, caller.id());
        return saved;
      }
    }
    if (command instanceof DeployCmd) {
      keepDeploymentWhole(field(command, DeployCmd.class, "deploymentBuilder"));
    }
    checkVariables(command, caller);
    checkSeparation(command, caller);
    String taskId = taskIdOf(command);
    if (taskId == null) {
      return next.execute(command);
    }
    if (completionTakenOver(command, taskId, caller)) {
      return null;
    }
    return raceSafe(command, taskId);
  }

  /** Asks the {@link TaskCompletionHook} about a completion; whether it took the completion over. */
  private boolean completionTakenOver(Command<?> command, String taskId, Caller caller) {
    Map<String, ?> variables;
    if (command instanceof CompleteTaskCmd) {
      variables = field(command, CompleteTaskCmd.class, "variables");
    } else if (command instanceof SubmitTaskFormCmd) {
      variables = field(command, SubmitTaskFormCmd.class, "properties");
    } else {
      return false;
    }
    TaskCompletionHook hook = completions.get();
    if (hook == null) {
      return false;
    }
    Task task = caller.task(taskId, () -> task(taskId));
    if (task == null) {
      return false; // gone: the engine's answer is turned into 404/409 below
    }
    try {
      return hook.completing(task, variables == null ? Map.of() : variables, caller.id());
    } catch (TaskCompletionHook.Refused e) {
      throw new org.camunda.bpm.engine.rest.exception.InvalidRequestException(
          Response.Status.CONFLICT, e.getMessage());
    }
  }

  /**
   * Modeler deploys with {@code deploy-changed-only}: the engine would then put only the changed files into
   * the new deployment, and a new version of a diagram would lose its unchanged forms ({@code
   * formRefBinding="deployment"}: no form in Tasklist, no input contract). A deployment is kept whole
   * instead: when any file changed, all files sent are deployed together; when none did, the existing
   * deployment is answered, as before.
   */
  private static void keepDeploymentWhole(DeploymentBuilderImpl builder) {
    if (builder != null && builder.isDeployChangedOnly()) {
      builder.enableDuplicateFiltering(false);
    }
  }

  // --- separation of duties
  // ---------------------------------------------------------------------------------

  /**
   * A command that puts a task into someone's hands (claim, complete, submit-form, assignee, delegate):
   * refused when the task's model excludes that person ({@link SeparationOfDuties}).
   */
  private void checkSeparation(Command<?> command, Caller caller) {
    String taskId;
    String user;
    if (command instanceof ClaimTaskCmd) {
      taskId = field(command, ClaimTaskCmd.class, "taskId");
      user = field(command, ClaimTaskCmd.class, "userId");
    } else if (command instanceof CompleteTaskCmd) {
      taskId = field(command, CompleteTaskCmd.class, "taskId");
      user = caller.id();
    } else if (command instanceof SubmitTaskFormCmd) {
      taskId = field(command, SubmitTaskFormCmd.class, "taskId");
      user = caller.id();
    } else if (command instanceof AbstractAddIdentityLinkCmd
        && IdentityLinkType.ASSIGNEE.equals(
            field(command, AbstractAddIdentityLinkCmd.class, "type"))) {
      taskId = field(command, AbstractSetTaskPropertyCmd.class, "taskId");
      user = field(command, AbstractAddIdentityLinkCmd.class, "userId");
    } else if (command instanceof DelegateTaskCmd) {
      taskId = field(command, DelegateTaskCmd.class, "taskId");
      user = field(command, DelegateTaskCmd.class, "userId");
    } else {
      return;
    }
    if (taskId == null || user == null) {
      return;
    }
    Task task = caller.task(taskId, () -> task(taskId));
    if (task == null) {
      return; // gone: the engine's answer is turned into 404/409 below
    }
    if (user.equals(caller.id())) {
      separation().checkActor(task, user);
    } else {
      separation().checkTarget(task, user);
    }
  }

  private SeparationOfDuties separation() {
    if (separation == null) {
      separation =
          new SeparationOfDuties(
              configuration.getIdentityService(),
              configuration.getRepositoryService(),
              configuration.getRuntimeService());
    }
    return separation;
  }

  // --- input contract
  // -----------------------------------------------------------------------------------

  private void checkVariables(Command<?> command, Caller caller) {
    if (command instanceof StartProcessInstanceAtActivitiesCmd) {
      requireAdmin(caller, "只有系统管理员可以从流程中间环节发起流程");
    }
    if (command instanceof StartProcessInstanceCmd) {
      ProcessInstantiationBuilderImpl builder =
          field(command, StartProcessInstanceCmd.class, "instantiationBuilder");
      if (!builder.getModificationBuilder().getModificationOperations().isEmpty()) {
        requireAdmin(caller, "只有系统管理员可以从流程中间环节发起流程");
      }
      checkStart(
          definitionId(builder.getProcessDefinitionId(), builder.getProcessDefinitionKey()),
          builder.getVariables(),
          renamed -> {
            builder.getVariables().clear();
            builder.getVariables().putAll(renamed);
          });
    } else if (command instanceof SubmitStartFormCmd) {
      checkStart(
          field(command, SubmitStartFormCmd.class, "processDefinitionId"),
          field(command, SubmitStartFormCmd.class, "variables"),
          renamed -> setField(command, SubmitStartFormCmd.class, "variables", renamed));
    } else if (command instanceof CompleteTaskCmd) {
      checkTask(
          field(command, CompleteTaskCmd.class, "taskId"),
          field(command, CompleteTaskCmd.class, "variables"),
          caller,
          renamed -> setField(command, CompleteTaskCmd.class, "variables", renamed));
    } else if (command instanceof SubmitTaskFormCmd) {
      checkTask(
          field(command, SubmitTaskFormCmd.class, "taskId"),
          field(command, SubmitTaskFormCmd.class, "properties"),
          caller,
          renamed -> setField(command, SubmitTaskFormCmd.class, "properties", renamed));
    } else if (command instanceof AbstractCorrelateMessageCmd) {
      MessageCorrelationBuilderImpl builder =
          field(command, AbstractCorrelateMessageCmd.class, "builder");
      checkMessage(
          builder.getMessageName(),
          builder.getPayloadProcessInstanceVariables(),
          builder.getPayloadProcessInstanceVariablesLocal(),
          builder.getPayloadProcessInstanceVariablesToTriggeredScope());
    } else if (command instanceof MessageEventReceivedCmd) {
      checkMessage(
          field(command, MessageEventReceivedCmd.class, "messageName"),
          field(command, MessageEventReceivedCmd.class, "processVariables"),
          field(command, MessageEventReceivedCmd.class, "processVariablesLocal"),
          field(command, MessageEventReceivedCmd.class, "processVariablesToTriggeredScope"));
    } else if (!caller.admin()) {
      refuseDirectWrites(command);
    }
  }

  /** Variables set outside a form: admin only (repairs); everyone else gets 400 naming the variable. */
  private void refuseDirectWrites(Command<?> command) {
    if (command instanceof AbstractSetVariableCmd) {
      Map<String, ?> variables = field(command, AbstractSetVariableCmd.class, "variables");
      InputContract.refuseAll(
          variables == null ? null : variables.keySet(), VARIABLES_ONLY_WITH_FORMS);
    } else if (command instanceof AbstractRemoveVariableCmd) {
      InputContract.refuseAll(
          field(command, AbstractRemoveVariableCmd.class, "variableNames"),
          VARIABLES_ONLY_WITH_FORMS);
    } else if (command instanceof AbstractPatchVariablesCmd) {
      Map<String, ?> modifications = field(command, AbstractPatchVariablesCmd.class, "variables");
      Collection<String> deletions = field(command, AbstractPatchVariablesCmd.class, "deletions");
      List<String> names = new ArrayList<>();
      if (modifications != null) {
        names.addAll(modifications.keySet());
      }
      if (deletions != null) {
        names.addAll(deletions);
      }
      InputContract.refuseAll(names, VARIABLES_ONLY_WITH_FORMS);
    } else if (command instanceof SignalEventReceivedCmd) {
      Map<String, ?> variables =
          ((org.camunda.bpm.engine.impl.SignalEventReceivedBuilderImpl)
                  field(command, SignalEventReceivedCmd.class, "builder"))
              .getVariables();
      InputContract.refuseAll(variables == null ? null : variables.keySet(), "信号不能携带变量");
    } else if (command instanceof SignalCmd) {
      Map<String, ?> variables = field(command, SignalCmd.class, "processVariables");
      InputContract.refuseAll(variables == null ? null : variables.keySet(), "信号不能携带变量");
    } else if (command instanceof HandleTaskBpmnErrorCmd
        || command instanceof HandleTaskEscalationCmd
        || command instanceof CompleteExternalTaskCmd
        || command instanceof HandleExternalTaskBpmnErrorCmd) {
      // a BPMN error or escalation thrown from a user task (or an external task completed with
      // variables)
      // leaves the modelled path: no step of ours declares one
      throw new AuthorizationException("只有系统管理员可以从任务抛出 BPMN 错误或升级事件");
    } else if (command instanceof ModifyProcessInstanceCmd
        || command instanceof AbstractModificationCmd
        || command instanceof ModifyProcessInstanceAsyncCmd
        || command instanceof AbstractRestartProcessInstanceCmd
        || command instanceof SetVariablesToProcessInstancesBatchCmd) {
      throw new AuthorizationException("只有系统管理员可以修改、重启流程实例或批量设置变量");
    }
  }

  /**
   * Checks a start's variables; when the start form's aliases were sent, hands the variables with the aliases
   * stored under their variables to {@code rename} (see {@link InputContract#applyAliases}).
   */
  private void checkStart(
      String processDefinitionId, Map<String, ?> variables, Consumer<VariableMap> rename) {
    if (processDefinitionId == null) {
      return; // no such definition: the engine answers 404
    }
    StepInputs step = contract().startInputs(processDefinitionId);
    InputContract.check(step, variables, null);
    VariableMap renamed = InputContract.applyAliases(step, variables);
    if (renamed != null) {
      rename.accept(renamed);
    }
  }

  /** Checks a task completion's variables; aliases as for {@link #checkStart}. */
  private void checkTask(
      String taskId, Map<String, ?> variables, Caller caller, Consumer<VariableMap> rename) {
    Task task = caller.task(taskId, () -> task(taskId));
    if (task == null) {
      throw new org.camunda.bpm.engine.rest.exception.InvalidRequestException(
          Response.Status.NOT_FOUND, TASK_GONE);
    }
    if (task.getAssignee() != null && !task.getAssignee().equals(caller.id()) && !caller.admin()) {
      // the engine lets any candidate complete a task someone else has claimed (or was given by
      // 转办/委派)
      throw new org.camunda.bpm.engine.rest.exception.InvalidRequestException(
          Response.Status.CONFLICT, "任务已由 " + task.getAssignee() + " 认领或办理中，只能由其办理");
    }
    if (task.getProcessDefinitionId() == null) {
      // a task outside any process accepts nothing, unless the completion hook declares its inputs
      // (加签)
      TaskCompletionHook hook = completions.get();
      StepInputs standalone = hook == null ? null : hook.standaloneInputs(task);
      if (standalone == null) {
        InputContract.refuseAll(
            variables == null ? null : variables.keySet(), VARIABLES_ONLY_WITH_FORMS);
      } else {
        InputContract.check(standalone, variables, null);
      }
      return;
    }
    if (variables == null || variables.isEmpty()) {
      return;
    }
    StepInputs step =
        contract().taskInputs(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), taskId);
    InputContract.check(
        step,
        variables,
        name ->
            SystemAuthentication.call(
                configuration.getIdentityService(),
                () -> configuration.getTaskService().getVariable(taskId, name)));
    VariableMap renamed = InputContract.applyAliases(step, variables);
    if (renamed != null) {
      rename.accept(renamed);
    }
  }

  @SafeVarargs
  private void checkMessage(String messageName, Map<String, ?>... payloads) {
    boolean any = false;
    for (Map<String, ?> payload : payloads) {
      any |= payload != null && !payload.isEmpty();
    }
    if (!any) {
      return;
    }
    StepInputs step = contract().messageInputs(messageName);
    for (Map<String, ?> payload : payloads) {
      InputContract.check(step, payload, null);
    }
  }

  private String definitionId(String id, String key) {
    if (id != null) {
      return id;
    }
    ProcessDefinition latest =
        SystemAuthentication.call(
            configuration.getIdentityService(),
            () ->
                configuration
                    .getRepositoryService()
                    .createProcessDefinitionQuery()
                    .processDefinitionKey(key)
                    .withoutTenantId()
                    .latestVersion()
                    .singleResult());
    return latest == null ? null : latest.getId();
  }

  private InputContract contract() {
    if (contract == null) {
      contract =
          new InputContract(
              configuration.getRepositoryService(),
              configuration.getFormService(),
              configuration.getIdentityService());
    }
    return contract;
  }

  /** The contract this guard enforces, for tools and tests that walk every step. */
  public InputContract inputContract() {
    return contract();
  }

  private static void requireAdmin(Caller caller, String message) {
    if (!caller.admin()) {
      throw new AuthorizationException(message);
    }
  }

  // --- jobs
  // -----------------------------------------------------------------------------------------------

  /** The engine's own check for executing a job, run before the job is touched. */
  private void checkJobRights(String jobId) {
    try {
      next.execute(
          commandContext -> {
            JobEntity job = commandContext.getJobManager().findJobById(jobId);
            if (job != null) {
              for (CommandChecker checker :
                  commandContext.getProcessEngineConfiguration().getCommandCheckers()) {
                checker.checkUpdateJob(job);
              }
            }
            return null;
          });
    } catch (AuthorizationException e) {
      refusedJob.set(jobId);
      throw e;
    }
  }

  // --- races
  // ----------------------------------------------------------------------------------------------

  private static String taskIdOf(Command<?> command) {
    if (command instanceof CompleteTaskCmd) {
      return field(command, CompleteTaskCmd.class, "taskId");
    }
    if (command instanceof SubmitTaskFormCmd) {
      return field(command, SubmitTaskFormCmd.class, "taskId");
    }
    if (command instanceof ClaimTaskCmd) {
      return field(command, ClaimTaskCmd.class, "taskId");
    }
    return null;
  }

  /**
   * Runs a task command; when it fails because the task went away or someone else got there first,
   * answers 409 (or 404 when it never existed) with a Chinese message instead of the engine's 500.
   */
  private <T> T raceSafe(Command<T> command, String taskId) {
    try {
      return next.execute(command);
    } catch (TaskAlreadyClaimedException e) {
      throw new org.camunda.bpm.engine.rest.exception.InvalidRequestException(
          Response.Status.CONFLICT, "任务已被 " + e.getTaskAssignee() + " 认领，不能重复认领");
    } catch (org.camunda.bpm.engine.rest.exception.RestException e) {
      throw e;
    } catch (RuntimeException e) {
      // the winner's completion also removes the task's authorizations: a loser may see a 403 for a
      // task that is gone
      boolean gone =
          SystemAuthentication.call(
              configuration.getIdentityService(),
              () -> configuration.getTaskService().createTaskQuery().taskId(taskId).count() == 0);
      if (gone) {
        throw new org.camunda.bpm.engine.rest.exception.InvalidRequestException(
            Response.Status.CONFLICT, TASK_GONE);
      }
      if (e instanceof AuthorizationException) {
        throw e;
      }
      if (isConcurrency(e)) {
        throw new org.camunda.bpm.engine.rest.exception.InvalidRequestException(
            Response.Status.CONFLICT, TASK_BUSY);
      }
      throw e;
    }
  }

  private static boolean isConcurrency(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OptimisticLockingException
          || t instanceof SQLTransientException
          || t instanceof java.sql.SQLTransactionRollbackException) {
        return true;
      }
    }
    return false;
  }

  // --- integrations
  // ---------------------------------------------------------------------------------------

  /**
   * Other systems (门禁, 监控, 舆情监测) correlate the configured messages and nothing else: no reads, no
   * tasks, no other starts, no other messages (403).
   */
  private void checkIntegration(Command<?> command, Caller caller) {
    String message = null;
    if (command instanceof AbstractCorrelateMessageCmd) {
      MessageCorrelationBuilderImpl builder =
          field(command, AbstractCorrelateMessageCmd.class, "builder");
      message = builder.getMessageName();
    }
    if (message == null || !integrationMessages.contains(message)) {
      LOG.debug("integration {} refused: {}", caller.id(), command.getClass().getName());
      throw new AuthorizationException(
          INTEGRATIONS_ONLY_MESSAGES
              + String.join("、", new java.util.TreeSet<>(integrationMessages)));
    }
  }

  // --- auditors
  // -------------------------------------------------------------------------------------------

  private static boolean isRead(Command<?> command, Caller caller) {
    if (command instanceof AbstractQuery) {
      return true;
    }
    if (command instanceof SaveUserCmd) {
      // one's own profile and password (Welcome app)
      User user = field(command, SaveUserCmd.class, "user");
      return user != null && caller.id().equals(user.getId());
    }
    return READ_COMMAND.matcher(command.getClass().getSimpleName()).matches();
  }

  /**
   * The task as the engine holds it, whoever asks (read by its id, without the caller's authorization): one
   * select by primary key, not a task query with its dynamic SQL, for every guarded claim and completion.
   */
  private Task task(String taskId) {
    return configuration
        .getCommandExecutorTxRequired()
        .execute(context -> context.getTaskManager().findTaskById(taskId));
  }

  /**
   * The user of one guarded command, with the tasks its checks read: the checks of a completion (its
   * variables, separation of duties, the completion hook) read the task once, not three times.
   */
  private record Caller(String id, List<String> groups, Map<String, Optional<Task>> tasks) {

    Caller(Authentication authentication) {
      this(
          authentication.getUserId(),
          authentication.getGroupIds() == null
              ? List.of()
              : List.copyOf(authentication.getGroupIds()),
          new HashMap<>());
    }

    Task task(String taskId, Supplier<Task> lookup) {
      return tasks.computeIfAbsent(taskId, id -> Optional.ofNullable(lookup.get())).orElse(null);
    }

    boolean admin() {
      return groups.contains(ADMIN_GROUP);
    }

    boolean auditor() {
      return groups.contains(AUDITOR_GROUP) || groups.contains(AUDIT_ADMIN_GROUP);
    }

    boolean integration() {
      return groups.contains(INTEGRATIONS_GROUP);
    }
  }

  // --- reflection
  // -----------------------------------------------------------------------------------------

  @SuppressWarnings("unchecked")
  static <T> T field(Object target, Class<?> declaring, String name) {
    try {
      Field field = declaring.getDeclaredField(name);
      field.setAccessible(true);
      return (T) field.get(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "Camunda "
              + declaring.getSimpleName()
              + "."
              + name
              + " not found: the engine changed, adapt UserCommandGuard",
          e);
    }
  }

  /** Replaces a command's variables (the aliases of a form stored under their variables) before it runs. */
  static void setField(Object target, Class<?> declaring, String name, Object value) {
    try {
      Field field = declaring.getDeclaredField(name);
      field.setAccessible(true);
      field.set(target, value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "Camunda "
              + declaring.getSimpleName()
              + "."
              + name
              + " not found: the engine changed, adapt UserCommandGuard",
          e);
    }
  }

  /** For tests: runs {@code action} once for every field name this guard reads, failing if one is missing. */
  static void eachField(Consumer<Field> action) throws ReflectiveOperationException {
    Object[][] fields = {
      {StartProcessInstanceCmd.class, "instantiationBuilder"},
      {SubmitStartFormCmd.class, "processDefinitionId"},
      {SubmitStartFormCmd.class, "variables"},
      {CompleteTaskCmd.class, "taskId"},
      {CompleteTaskCmd.class, "variables"},
      {SubmitTaskFormCmd.class, "taskId"},
      {SubmitTaskFormCmd.class, "properties"},
      {AbstractCorrelateMessageCmd.class, "builder"},
      {MessageEventReceivedCmd.class, "messageName"},
      {MessageEventReceivedCmd.class, "processVariables"},
      {MessageEventReceivedCmd.class, "processVariablesLocal"},
      {MessageEventReceivedCmd.class, "processVariablesToTriggeredScope"},
      {AbstractSetVariableCmd.class, "variables"},
      {AbstractRemoveVariableCmd.class, "variableNames"},
      {AbstractPatchVariablesCmd.class, "variables"},
      {AbstractPatchVariablesCmd.class, "deletions"},
      {SignalEventReceivedCmd.class, "builder"},
      {SignalCmd.class, "processVariables"},
      {ExecuteJobsCmd.class, "jobId"},
      {SaveUserCmd.class, "user"},
      {ClaimTaskCmd.class, "taskId"},
      {ClaimTaskCmd.class, "userId"},
      {AbstractAddIdentityLinkCmd.class, "type"},
      {AbstractAddIdentityLinkCmd.class, "userId"},
      {AbstractSetTaskPropertyCmd.class, "taskId"},
      {DelegateTaskCmd.class, "taskId"},
      {DelegateTaskCmd.class, "userId"},
      {AbstractVariableCmd.class, "entityId"},
      {UserEntity.class, "newPassword"},
      {DeployCmd.class, "deploymentBuilder"},
      // AdminSeparation
      {org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd.class, "authorization"},
      {org.camunda.bpm.engine.impl.cmd.DeleteAuthorizationCmd.class, "authorizationId"},
      {org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd.class, "userId"},
      {org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd.class, "groupId"},
      {org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd.class, "userId"},
      {org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd.class, "groupId"},
      {org.camunda.bpm.engine.impl.cmd.SaveGroupCmd.class, "group"},
      {org.camunda.bpm.engine.impl.cmd.DeleteGroupCmd.class, "groupId"},
      {org.camunda.bpm.engine.impl.cmd.DeleteUserCmd.class, "userId"}
    };
    for (Object[] f : fields) {
      action.accept(((Class<?>) f[0]).getDeclaredField((String) f[1]));
    }
  }

  /**
   * The password check of {@link SaveUserCmd}: 400 listing the broken rules; then, once the engine stored the
   * new password, what the application keeps of it (history, age).
   */
  public interface PasswordPolicyGuard {
    void check(User user, String password);

    /** The user's new password is stored (the entity holds its hash); {@code actingUserId} set it. */
    default void saved(User user, String actingUserId) {}
  }
}
