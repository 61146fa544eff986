package cn.officeflow.platform.taskops;

import cn.officeflow.platform.engine.ActingUser;
import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.engine.OfficeFlowEnginePlugin;
import cn.officeflow.platform.engine.StepInputs;
import cn.officeflow.platform.engine.SystemAuthentication;
import cn.officeflow.platform.engine.TaskCompletionHook;
import cn.officeflow.platform.engine.TaskDeletionHook;
import cn.officeflow.platform.notify.Channel;
import cn.officeflow.platform.notify.NotificationService;
import cn.officeflow.platform.org.OrgService;
import cn.officeflow.platform.review.Review;
import cn.officeflow.platform.review.ReviewService;
import cn.officeflow.platform.taskops.OperationTasks.Caller;
import cn.officeflow.platform.web.FormValues;
import cn.officeflow.platform.web.NotFoundException;
import cn.officeflow.platform.web.ValidationException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 加签 and 减签 (DESIGN.md §6 task operations) on approval steps (a step whose form has {@code decision}).
 * <ul>
 *   <li><b>before</b>: each signer gets a subtask of the step's task at once (「加签：部门初审」, theirs, outside
 *       the process) and decides approve/reject with a comment; the assignee cannot complete the step while one
 *       is pending (409 「尚有加签人未审批：…」), then decides as usual.</li>
 *   <li><b>after</b>: when the assignee approves, the decision goes to the trail and is held (of_signer_hold);
 *       the task stays open and the signers get their subtasks; when the last one has decided the step is
 *       completed by the server with the held decision — or with reject and the signers' comments when any of
 *       them rejected, so the model's 退回修改 path runs. An assignee's reject completes the step at once.</li>
 * </ul>
 * Signers decide in parallel, through {@code POST /api/signers/{subtaskId}/decide} or by completing their subtask
 * through Camunda (REST, Tasklist) with exactly {@code decision} and {@code comment} ({@link TaskCompletionHook}:
 * the guard asks this service about every completion). Each decision is written to the record's trail as the
 * signer's own on the step. Who may add or remove signers and whom: as 转办 ({@link OperationTasks}); the
 * signers may read the record ({@link CarbonCopyService#isCopiedTo}) and get an e-mail when added. When the step's
 * task ends otherwise (退回, 撤回, cancelled) the signers who have not decided end with it ({@link #taskDeleted}).
 */
@Service
public class SignersService implements TaskCompletionHook, TaskDeletionHook {

  public static final String USER_IDS = "userIds";
  public static final String MODE = "mode";
  public static final String COMMENT = "comment";
  public static final int MAX_SIGNERS = 10;
  public static final int MAX_COMMENT = 500;

  /** Operation types in Camunda's user operation log (the subtasks' own creation is logged as Create). */
  public static final String ADD_OPERATION = "AddSigners";

  public static final String REMOVE_OPERATION = "RemoveSigner";
  static final String SUBTASK_PREFIX = "加签：";

  /** The e-mail to each new signer: templates/notify/{@value}.ftl. */
  static final String NOTIFY_TEMPLATE = "signer";

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

  private final ProcessEngine engine;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final OrgService org;
  private final ReviewService reviews;
  private final OperationTasks operationTasks;
  private final SignersRepository signers;
  private final OfficeFlowEnginePlugin plugin;
  private final NotificationService notifications;

  public SignersService(
      ProcessEngine engine,
      OrgService org,
      ReviewService reviews,
      SignersRepository signers,
      OfficeFlowEnginePlugin plugin,
      OperationTasks operationTasks,
      NotificationService notifications) {
    this.engine = engine;
    this.tasks = engine.getTaskService();
    this.runtime = engine.getRuntimeService();
    this.identity = engine.getIdentityService();
    this.org = org;
    this.reviews = reviews;
    this.signers = signers;
    this.plugin = plugin;
    this.operationTasks = operationTasks;
    this.notifications = notifications;
  }

  // --- 加签 / 减签
  // -----------------------------------------------------------------------------------------

  /** 加签: the users decide on the step before or after its assignee. Returns the step's signers. */
  @Transactional
  public List<Signer> add(String taskId, List<String> userIds, String mode, String comment) {
    Caller caller = caller();
    String reason = FormValues.requiredText(comment, COMMENT, MAX_COMMENT, "说明");
    String how = mode(mode);
    OperationTask state = state(taskId);
    require(state, caller, TaskOperation.ADD_SIGNERS.label());
    List<Signer> existing = signers.forTaskLocked(taskId);
    refuseWhenHeld(state);
    Set<String> targets = targets(userIds, caller, state);
    List<String> already = existing.stream().map(Signer::userId).filter(targets::contains).toList();
    if (!already.isEmpty()) {
      throw new TaskOperationConflictException(
          org.displayNames(already) + "已是「" + state.stepName() + "」的加签人");
    }
    LocalDateTime now = EngineClock.now();
    int seq = signers.nextSeq(taskId);
    List<Signer> added = new ArrayList<>();
    for (String target : targets) {
      Signer signer =
          new Signer(
              UUID.randomUUID().toString(),
              taskId,
              null,
              state.businessKey(),
              state.definition().getKey(),
              state.task().getProcessInstanceId(),
              state.task().getTaskDefinitionKey(),
              state.stepName(),
              target,
              how,
              seq++,
              caller.id(),
              now,
              null,
              null,
              null);
      signers.insert(signer);
      added.add(signer);
    }
    String text =
        "加签"
            + org.displayNames(targets)
            + (Signer.BEFORE.equals(how) ? "（先于本环节审批）" : "（在本环节审批之后）")
            + "："
            + reason;
    operationTasks.engineCall(
        () -> {
          if (state.task().getAssignee() == null) {
            // a candidate adds signers: the task becomes theirs, so that it comes back to them
            tasks.claim(taskId, caller.id());
          }
          if (Signer.BEFORE.equals(how)) {
            added.forEach(signer -> createSubtask(state.task(), signer, reason));
          }
          tasks.createComment(taskId, state.task().getProcessInstanceId(), text);
          Map<String, String> logged = new LinkedHashMap<>();
          logged.put(USER_IDS, String.join(",", targets));
          logged.put(MODE, how);
          logged.put(COMMENT, reason);
          ActingUser.logTaskOperation(engine, taskId, ADD_OPERATION, logged);
        });
    note(
        state.businessKey(),
        state.definition().getKey(),
        state.task(),
        state.stepName(),
        caller.id(),
        Review.ADD_SIGNERS,
        text);
    notifySigners(state, targets, caller, how, reason, now);
    return signers.forTask(taskId);
  }

  /** 减签: a signer who has not decided is removed (their subtask deleted). Returns the step's signers. */
  @Transactional
  public List<Signer> remove(String taskId, String userId) {
    Caller caller = caller();
    OperationTask state = state(taskId);
    require(state, caller, "减签");
    Signer signer =
        signers.forTaskLocked(taskId).stream()
            .filter(s -> s.userId().equals(userId))
            .findFirst()
            .orElseThrow(
                () ->
                    new NotFoundException(
                        org.displayName(userId) + "不是「" + state.stepName() + "」的加签人"));
    if (signer.decided() || !signers.deleteUndecided(signer.id())) {
      throw new TaskOperationConflictException(
          org.displayName(userId) + "已审批「" + state.stepName() + "」，不能减签");
    }
    String text = "减签" + org.displayName(userId);
    operationTasks.engineCall(
        () -> {
          if (signer.subtaskId() != null) {
            tasks.deleteTask(signer.subtaskId(), text);
          }
          tasks.createComment(taskId, state.task().getProcessInstanceId(), text);
          ActingUser.logTaskOperation(engine, taskId, REMOVE_OPERATION, Map.of("userId", userId));
        });
    note(
        state.businessKey(),
        state.definition().getKey(),
        state.task(),
        state.stepName(),
        caller.id(),
        Review.REMOVE_SIGNER,
        text);
    finishWhenDecided(taskId);
    return signers.forTask(taskId);
  }

  /** The signers of a step, for its handler and its signers. */
  public List<Signer> list(String taskId) {
    Caller caller = caller();
    OperationTask state = state(taskId);
    List<Signer> all = signers.forTask(taskId);
    if (all.stream().noneMatch(s -> s.userId().equals(caller.id()))) {
      operationTasks.requireHandlerOrOwner(state, caller, "查看加签");
    }
    return all;
  }

  /** A signer's decision on their subtask: approve/reject with comment (required on reject), as approval tasks. */
  @Transactional
  public Signer decide(String subtaskId, Object decision, Object comment) {
    Caller caller = caller();
    Signer signer =
        signers
            .bySubtask(subtaskId == null ? "" : subtaskId)
            .orElseThrow(() -> new NotFoundException("加签任务不存在：" + subtaskId));
    if (!signer.userId().equals(caller.id())) {
      throw new AuthorizationException(
          "用户 " + caller.id() + " 不是「" + signer.stepName() + "」的加签人，不能审批");
    }
    if (Signer.CANCELLED.equals(signer.decision())) {
      throw new TaskOperationConflictException("「" + signer.stepName() + "」已结束，加签已取消，无需审批");
    }
    ReviewService.Decision d = ReviewService.validate(decision, comment);
    return decide(signer, d, caller.id());
  }

  private Signer decide(Signer signer, ReviewService.Decision d, String user) {
    signers.forTaskLocked(signer.taskId());
    if (!signers.decide(signer.id(), d.decision(), d.comment(), EngineClock.now())) {
      throw new TaskOperationConflictException("您已审批「" + signer.stepName() + "」的加签，请勿重复提交");
    }
    Task main =
        SystemAuthentication.call(
            identity, () -> tasks.createTaskQuery().taskId(signer.taskId()).singleResult());
    operationTasks.engineCall(() -> tasks.complete(signer.subtaskId()));
    reviews.note(
        signer.businessKey(),
        signer.processKey(),
        signer.processInstanceId(),
        signer.stepId(),
        signer.stepName(),
        user,
        d.decision(),
        d.comment(),
        version(signer.processInstanceId()));
    if (main != null) {
      finishWhenDecided(signer.taskId());
    }
    return signers.bySubtask(signer.subtaskId()).orElseThrow();
  }

  // --- the guard's questions
  // ------------------------------------------------------------------------------

  @Override
  public StepInputs standaloneInputs(Task task) {
    Optional<Signer> signer = signers.bySubtask(task.getId());
    return signer
        .map(
            s ->
                new StepInputs(
                    SUBTASK_PREFIX + s.stepName(),
                    Set.of(ReviewService.DECISION, ReviewService.COMMENT),
                    Set.of()))
        .orElse(null);
  }

  @Override
  @Transactional
  public boolean completing(Task task, Map<String, ?> variables, String userId) {
    if (task.getProcessInstanceId() == null) {
      Optional<Signer> signer = signers.bySubtask(task.getId());
      if (signer.isEmpty()) {
        return false;
      }
      ReviewService.Decision d =
          ReviewService.validate(
              plain(variables, ReviewService.DECISION), plain(variables, ReviewService.COMMENT));
      decide(signer.get(), d, userId);
      return true;
    }
    List<Signer> all = signers.forTaskLocked(task.getId());
    if (all.isEmpty()) {
      return false;
    }
    String step = task.getName() == null ? task.getTaskDefinitionKey() : task.getName();
    Optional<SignersRepository.Hold> held = signers.held(task.getId());
    List<String> pending =
        all.stream()
            .filter(s -> !s.decided() && s.subtaskId() != null)
            .map(Signer::userId)
            .toList();
    if (held.isPresent()) {
      throw new Refused("您已提交「" + step + "」的审批意见，待加签人" + org.displayNames(pending) + "审批后流程继续");
    }
    if (!pending.isEmpty()) {
      throw new Refused("尚有加签人未审批：" + org.displayNames(pending));
    }
    List<Signer> waiting = all.stream().filter(s -> !s.decided() && s.subtaskId() == null).toList();
    if (waiting.isEmpty()) {
      return false;
    }
    ReviewService.Decision d =
        ReviewService.validate(
            plain(variables, ReviewService.DECISION), plain(variables, ReviewService.COMMENT));
    if (d.rejected()) {
      // the step's outcome is reject whatever the signers after it would say: they are not asked
      signers.deleteWaiting(task.getId());
      return false;
    }
    signers.hold(
        new SignersRepository.Hold(
            task.getId(), userId, d.decision(), d.comment(), EngineClock.now()));
    String businessKey = businessKey(task);
    String processKey = task.getProcessDefinitionId().split(":")[0];
    reviews.note(
        businessKey,
        processKey,
        task.getProcessInstanceId(),
        task.getTaskDefinitionKey(),
        step,
        userId,
        d.decision(),
        d.comment(),
        version(task.getProcessInstanceId()));
    operationTasks.engineCall(
        () -> {
          for (Signer signer : waiting) {
            createSubtask(task, signer, "请在「" + step + "」审批之后审批");
          }
          tasks.createComment(
              task.getId(),
              task.getProcessInstanceId(),
              "已审批，待加签人" + org.displayNames(waiting.stream().map(Signer::userId).toList()) + "审批");
        });
    return true;
  }

  /**
   * The step's task was deleted instead of completed (退回, 撤回, a modification, the instance deleted): its
   * undecided signers end as {@value Signer#CANCELLED} and a held decision is dropped. Their 「加签：」 subtasks
   * are deleted by the engine with their parent task (its task manager deletes a task's subtasks), so they leave
   * the signers' lists as well.
   */
  @Override
  public void taskDeleted(DelegateTask task) {
    String step = task.getName() == null ? task.getTaskDefinitionKey() : task.getName();
    signers.cancelUndecided(task.getId(), "「" + step + "」已结束（退回、撤回或流程变更），加签取消", EngineClock.now());
  }

  /**
   * When the step's assignee has decided (held) and no after-signer is pending any more, completes the step:
   * with the held decision, or with reject and the comments of the signers who rejected.
   */
  private void finishWhenDecided(String taskId) {
    Optional<SignersRepository.Hold> held = signers.held(taskId);
    if (held.isEmpty()) {
      return;
    }
    List<Signer> all = signers.forTask(taskId);
    if (all.stream().anyMatch(s -> !s.decided() && s.subtaskId() != null)) {
      return;
    }
    List<Signer> rejected =
        all.stream().filter(s -> !s.before() && Review.REJECT.equals(s.decision())).toList();
    String decision = rejected.isEmpty() ? held.get().decision() : Review.REJECT;
    List<String> comments = new ArrayList<>();
    rejected.forEach(s -> comments.add("加签人" + org.displayName(s.userId()) + "退回：" + s.comment()));
    String comment = rejected.isEmpty() ? held.get().comment() : String.join("；", comments);
    VariableMap variables =
        Variables.createVariables()
            .putValue(ReviewService.DECISION, decision)
            .putValue(ReviewService.COMMENT, comment)
            .putValueTyped(ReviewService.DECISION_RECORDED, Variables.booleanValue(true, true));
    operationTasks.engineCall(() -> tasks.complete(taskId, variables));
  }

  // --- rules
  // ----------------------------------------------------------------------------------------------

  /**
   * The step allows 加签 and is an approval step (its form has {@code decision}); the caller handles it and it is
   * not delegated ({@link OperationTasks}).
   */
  private void require(OperationTask state, Caller caller, String action) {
    operationTasks.requireAllowed(state, TaskOperation.ADD_SIGNERS);
    StepInputs inputs =
        plugin
            .guard()
            .inputContract()
            .taskInputs(
                state.task().getProcessDefinitionId(),
                state.task().getTaskDefinitionKey(),
                state.task().getId());
    if (!inputs.editable().contains(ReviewService.DECISION)) {
      throw new TaskOperationConflictException("「" + state.stepName() + "」不是审批环节，不能加签");
    }
    operationTasks.requireNotDelegated(state, caller, action);
    operationTasks.requireHandler(state, caller, action);
  }

  private void refuseWhenHeld(OperationTask state) {
    if (signers.held(state.task().getId()).isPresent()) {
      throw new TaskOperationConflictException("「" + state.stepName() + "」已提交审批意见，待加签人审批，不能再加签");
    }
  }

  private static String mode(String mode) {
    if (!Signer.BEFORE.equals(mode) && !Signer.AFTER.equals(mode)) {
      throw new ValidationException(MODE, "加签方式必须为 before（在本环节审批之前）或 after（在本环节审批之后），收到：" + mode);
    }
    return mode;
  }

  /** Existing staff, not the caller, not auditors, not the process initiator; at most {@value #MAX_SIGNERS}. */
  private Set<String> targets(List<String> userIds, Caller caller, OperationTask state) {
    if (userIds == null || userIds.isEmpty()) {
      throw new ValidationException(USER_IDS, "请选择加签人");
    }
    if (new LinkedHashSet<>(userIds).size() > MAX_SIGNERS) {
      throw new ValidationException(USER_IDS, "一次最多加签 " + MAX_SIGNERS + " 人");
    }
    Set<String> targets = new LinkedHashSet<>();
    OperationTasks.PersonRefusals refusals =
        new OperationTasks.PersonRefusals("请选择加签人", "不能给自己加签", "不能作为加签人");
    for (String userId : userIds) {
      String id = operationTasks.staffMember(userId, USER_IDS, caller, refusals);
      if (id.equals(state.starter())) {
        throw new ValidationException(
            USER_IDS, org.displayName(id) + "是本流程的发起人，不能审批「" + state.stepName() + "」");
      }
      targets.add(id);
    }
    return targets;
  }

  /** An e-mail to each new signer, as 抄送 recipients get one (through the notification service, with retries). */
  private void notifySigners(
      OperationTask state,
      Set<String> targets,
      Caller caller,
      String how,
      String reason,
      LocalDateTime now) {
    Map<String, Object> model = new HashMap<>();
    model.put("title", state.title());
    model.put("processName", state.processName());
    model.put("taskName", state.stepName());
    model.put("senderName", org.displayName(caller.id()));
    model.put("before", Signer.BEFORE.equals(how));
    model.put("comment", reason);
    model.put("sentAt", now.format(TIME));
    notifications.send(NOTIFY_TEMPLATE, model, targets, Set.of(Channel.MAIL), state.businessKey());
  }

  // --- engine
  // ---------------------------------------------------------------------------------------------

  /** A signer's subtask of the step's task: theirs, named 「加签：<step>」, due when the step is. */
  private void createSubtask(Task main, Signer signer, String description) {
    Task subtask = tasks.newTask();
    subtask.setParentTaskId(main.getId());
    subtask.setAssignee(signer.userId());
    subtask.setName(SUBTASK_PREFIX + signer.stepName());
    subtask.setDescription(description);
    subtask.setPriority(main.getPriority());
    subtask.setDueDate(main.getDueDate());
    tasks.saveTask(subtask);
    signers.setSubtask(signer.id(), subtask.getId());
  }

  private void note(
      String businessKey,
      String processKey,
      Task task,
      String step,
      String user,
      String kind,
      String text) {
    reviews.note(
        businessKey,
        processKey,
        task.getProcessInstanceId(),
        task.getTaskDefinitionKey(),
        step,
        user,
        kind,
        text,
        version(task.getProcessInstanceId()));
  }

  private Integer version(String processInstanceId) {
    Object value =
        SystemAuthentication.call(
            identity,
            () -> {
              boolean running =
                  runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count()
                      > 0;
              return running
                  ? runtime.getVariable(processInstanceId, ReviewService.SUBJECT_VERSION)
                  : null;
            });
    return value instanceof Number n ? n.intValue() : null;
  }

  private String businessKey(Task task) {
    return SystemAuthentication.call(
        identity,
        () -> {
          ProcessInstance instance =
              runtime
                  .createProcessInstanceQuery()
                  .processInstanceId(task.getProcessInstanceId())
                  .singleResult();
          return instance.getBusinessKey() == null ? instance.getId() : instance.getBusinessKey();
        });
  }

  private static Object plain(Map<String, ?> variables, String name) {
    Object value =
        variables instanceof VariableMap typed ? typed.getValueTyped(name) : variables.get(name);
    return value instanceof TypedValue t ? t.getValue() : value;
  }

  private Caller caller() {
    return operationTasks.caller("加签、减签或审批加签");
  }

  private OperationTask state(String taskId) {
    return operationTasks.load(taskId, "加签、减签或审批加签");
  }
}
