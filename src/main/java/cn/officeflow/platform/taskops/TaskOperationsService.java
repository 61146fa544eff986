package cn.officeflow.platform.taskops;

import cn.officeflow.platform.engine.ActingUser;
import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.engine.SeparationOfDuties;
import cn.officeflow.platform.engine.SystemAuthentication;
import cn.officeflow.platform.notify.Channel;
import cn.officeflow.platform.notify.NotificationService;
import cn.officeflow.platform.org.OrgService;
import cn.officeflow.platform.review.Review;
import cn.officeflow.platform.review.ReviewService;
import cn.officeflow.platform.taskops.OperationTasks.Caller;
import cn.officeflow.platform.web.FormValues;
import cn.officeflow.platform.web.ValidationException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 转办, 委派 and 抄送 (DESIGN.md §6 task operations) with our own rules, checked before the engine is touched:
 * <ul>
 *   <li><b>Who</b>: the task's assignee — or, while nobody has it, one of its candidates (candidate user or
 *       member of a candidate group). For 抄送 also the owner of a delegated task. A candidate of a task that is
 *       someone else's by now gets 409 (e.g. the second click after a 转办); anyone else 403.</li>
 *   <li><b>The step</b> must allow the operation ({@link TaskOperationPolicy}); else 409.</li>
 *   <li><b>To whom</b> (转办, 委派): an existing user in {@code staff}, not an auditor, not oneself, who is a
 *       candidate of the task or a member of one of the caller's departments; a member of a department only
 *       if they did not start the process (nobody gets to review their own draft through a 转办). 抄送: any
 *       such staff member but oneself; not for 秘密/机密 records; one 抄送 per record and person. Never the
 *       person the step's model keeps away from it ({@link SeparationOfDuties}: 报销 复核 after 初审).</li>
 * </ul>
 * Then the engine call runs as the caller without the engine's own authorization check ({@link ActingUser}), so
 * Camunda's user operation log names the caller; the reason is also added as a task comment (Tasklist's
 * history), and the operation is written to the record's review trail, all in one transaction.
 */
@Service
public class TaskOperationsService {

  public static final String USER_ID = "userId";
  public static final String USER_IDS = "userIds";
  public static final String COMMENT = "comment";
  public static final int MAX_COMMENT = 500;
  public static final int MAX_CC = 20;

  /** Process variable holding the record's 密级; 秘密 and above are not copied. */
  static final String SECRECY = "secrecy";

  static final Set<String> NOT_COPIED = Set.of("秘密", "机密", "绝密");
  static final String SUBJECT_VERSION = ReviewService.SUBJECT_VERSION;
  static final String CC_TEMPLATE = "cc";

  /** The operation type of a 抄送 in Camunda's user operation log (Cockpit shows it as is). */
  public static final String CC_OPERATION = "CarbonCopy";

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

  private final ProcessEngine engine;
  private final TaskService tasks;
  private final IdentityService identity;
  private final OrgService org;
  private final ReviewService reviews;
  private final TaskOperationPolicy policy;
  private final OperationTasks operationTasks;
  private final CarbonCopyRepository copies;
  private final NotificationService notifications;
  private final SeparationOfDuties separation;

  public TaskOperationsService(
      ProcessEngine engine,
      OrgService org,
      ReviewService reviews,
      TaskOperationPolicy policy,
      CarbonCopyRepository copies,
      NotificationService notifications,
      OperationTasks operationTasks) {
    this.engine = engine;
    this.tasks = engine.getTaskService();
    this.identity = engine.getIdentityService();
    this.org = org;
    this.reviews = reviews;
    this.policy = policy;
    this.copies = copies;
    this.notifications = notifications;
    this.operationTasks = operationTasks;
    this.separation =
        new SeparationOfDuties(identity, engine.getRepositoryService(), engine.getRuntimeService());
  }

  /** What the operations answer: the task and who has it now. */
  public record Result(
      String taskId,
      String operation,
      String assignee,
      String assigneeName,
      String owner,
      String ownerName) {}

  /** The operations the step of a task allows, for the current user's buttons. */
  public record Allowed(String taskId, String step, List<String> operations) {}

  public Allowed allowed(String taskId) {
    Caller caller = caller();
    OperationTask state = state(taskId);
    operationTasks.requireHandlerOrOwner(state, caller, "查看");
    return new Allowed(
        taskId,
        state.stepName(),
        policy.allowed(state.task()).stream().map(TaskOperation::id).toList());
  }

  /** 转办: the task becomes {@code userId}'s. */
  @Transactional
  public Result transfer(String taskId, String userId, String comment) {
    Caller caller = caller();
    String reason = comment(comment);
    OperationTask state = state(taskId);
    operationTasks.requireAllowed(state, TaskOperation.TRANSFER);
    operationTasks.requireNotDelegated(state, caller, TaskOperation.TRANSFER.label());
    operationTasks.requireHandler(state, caller, TaskOperation.TRANSFER.label());
    String target = target(state, caller, userId, TaskOperation.TRANSFER);
    // the engine calls below run nested, past UserCommandGuard: the model's 双签 rule is checked here
    separation.checkTarget(state.task(), target);
    String targetName = org.displayName(target);
    operationTasks.engineCall(
        () -> {
          if (state.task().getOwner() != null) {
            // an earlier 委派 left its owner: the task is now wholly the new assignee's
            tasks.setOwner(taskId, null);
          }
          tasks.setAssignee(taskId, target);
          tasks.createComment(
              taskId, state.task().getProcessInstanceId(), "转办给" + targetName + "：" + reason);
        });
    note(state, caller.id(), Review.TRANSFER, "转办给" + targetName + "：" + reason);
    return new Result(taskId, TaskOperation.TRANSFER.id(), target, targetName, null, null);
  }

  /** 委派: {@code userId} works on the task and resolves it; it then returns to the caller (the owner). */
  @Transactional
  public Result delegate(String taskId, String userId, String comment) {
    Caller caller = caller();
    String reason = comment(comment);
    OperationTask state = state(taskId);
    operationTasks.requireAllowed(state, TaskOperation.DELEGATE);
    operationTasks.requireNotDelegated(state, caller, "再" + TaskOperation.DELEGATE.label());
    operationTasks.requireHandler(state, caller, TaskOperation.DELEGATE.label());
    String target = target(state, caller, userId, TaskOperation.DELEGATE);
    separation.checkTarget(state.task(), target);
    String targetName = org.displayName(target);
    operationTasks.engineCall(
        () -> {
          if (state.task().getAssignee() == null) {
            // a candidate delegates: they take the task first, so that it comes back to them
            tasks.setAssignee(taskId, caller.id());
          }
          if (state.task().getOwner() != null && !caller.id().equals(state.task().getOwner())) {
            // left over from an earlier 委派 before a 转办: the task returns to whoever delegates now
            tasks.setOwner(taskId, caller.id());
          }
          tasks.delegateTask(taskId, target);
          tasks.createComment(
              taskId, state.task().getProcessInstanceId(), "委派给" + targetName + "：" + reason);
        });
    note(state, caller.id(), Review.DELEGATE, "委派给" + targetName + "：" + reason);
    return new Result(
        taskId,
        TaskOperation.DELEGATE.id(),
        target,
        targetName,
        caller.id(),
        org.displayName(caller.id()));
  }

  /** 抄送: the users may read the business record; each gets a notification. Returns the new 抄送. */
  @Transactional
  public List<CarbonCopy> cc(String taskId, List<String> userIds, String comment) {
    Caller caller = caller();
    String note = FormValues.optionalText(comment, COMMENT, MAX_COMMENT, "说明");
    OperationTask state = state(taskId);
    operationTasks.requireAllowed(state, TaskOperation.CC);
    operationTasks.requireHandlerOrOwner(state, caller, TaskOperation.CC.label());
    Set<String> targets = ccTargets(userIds, caller);
    Object secrecy = variable(state, SECRECY);
    if (secrecy instanceof String level && NOT_COPIED.contains(level)) {
      throw new TaskOperationConflictException("「" + state.title() + "」密级为" + level + "，不能抄送");
    }
    List<String> already = copies.alreadyCopied(state.businessKey(), targets);
    if (!already.isEmpty()) {
      throw new TaskOperationConflictException("已抄送过" + org.displayNames(already) + "，请勿重复抄送");
    }
    LocalDateTime now = EngineClock.now();
    String callerName = org.displayName(caller.id());
    List<CarbonCopy> created = new ArrayList<>();
    for (String target : targets) {
      CarbonCopy cc =
          new CarbonCopy(
              UUID.randomUUID().toString(),
              state.businessKey(),
              state.definition().getKey(),
              state.processName(),
              state.task().getProcessInstanceId(),
              taskId,
              state.stepName(),
              state.title(),
              target,
              caller.id(),
              callerName,
              now,
              null);
      try {
        copies.insert(cc);
      } catch (DuplicateKeyException e) {
        throw new TaskOperationConflictException("已抄送过" + org.displayName(target) + "，请勿重复抄送");
      }
      created.add(cc);
    }
    String text = "抄送给" + org.displayNames(targets) + (note == null ? "" : "：" + note);
    operationTasks.engineCall(
        () -> {
          tasks.createComment(taskId, state.task().getProcessInstanceId(), text);
          Map<String, String> logged = new LinkedHashMap<>();
          logged.put(USER_IDS, String.join(",", targets));
          if (note != null) {
            logged.put(COMMENT, note);
          }
          ActingUser.logTaskOperation(engine, taskId, CC_OPERATION, logged);
        });
    note(state, caller.id(), Review.CC, text);
    Map<String, Object> model = new HashMap<>();
    model.put("title", state.title());
    model.put("processName", state.processName());
    model.put("taskName", state.stepName());
    model.put("senderName", callerName);
    model.put("comment", note == null ? "" : note);
    model.put("sentAt", now.format(TIME));
    notifications.send(CC_TEMPLATE, model, targets, Set.of(Channel.MAIL), state.businessKey());
    return created;
  }

  // --- rules
  // ----------------------------------------------------------------------------------------------

  /** The user a task is transferred or delegated to: 400 naming {@value #USER_ID} when not allowed. */
  private String target(
      OperationTask state, Caller caller, String userId, TaskOperation operation) {
    String target = person(userId, USER_ID, caller, operation.label());
    boolean candidate =
        state.candidateUsers().contains(target)
            || state.candidateGroups().stream().anyMatch(group -> org.isMember(target, group));
    if (candidate) {
      return target;
    }
    Set<String> departments =
        org.departmentsOf(caller.id()).stream().map(g -> g.getId()).collect(Collectors.toSet());
    boolean colleague =
        org.departmentsOf(target).stream().anyMatch(g -> departments.contains(g.getId()));
    if (!colleague) {
      throw new ValidationException(
          USER_ID,
          org.displayName(target)
              + "（"
              + target
              + "）既不是「"
              + state.stepName()
              + "」的候选人，也不在您的部门，不能"
              + operation.label()
              + "给他");
    }
    if (target.equals(state.starter())) {
      throw new ValidationException(
          USER_ID,
          org.displayName(target)
              + "是本流程的发起人，不能"
              + operation.label()
              + "给他办理「"
              + state.stepName()
              + "」");
    }
    return target;
  }

  private Set<String> ccTargets(List<String> userIds, Caller caller) {
    if (userIds == null || userIds.isEmpty()) {
      throw new ValidationException(USER_IDS, "请选择抄送对象");
    }
    Set<String> targets = new LinkedHashSet<>();
    for (String userId : userIds) {
      targets.add(person(userId, USER_IDS, caller, TaskOperation.CC.label()));
    }
    if (targets.size() > MAX_CC) {
      throw new ValidationException(USER_IDS, "一次最多抄送 " + MAX_CC + " 人");
    }
    return targets;
  }

  /** An existing staff member other than the caller ({@link OperationTasks#staffMember}). */
  private String person(String userId, String field, Caller caller, String action) {
    return operationTasks.staffMember(
        userId,
        field,
        caller,
        new OperationTasks.PersonRefusals(
            "请选择" + action + "对象", "不能" + action + "给自己", "不能" + action + "给他"));
  }

  private static String comment(String comment) {
    return FormValues.requiredText(comment, COMMENT, MAX_COMMENT, "说明");
  }

  // --- engine
  // ---------------------------------------------------------------------------------------------

  private void note(OperationTask state, String user, String kind, String text) {
    Object version = variable(state, SUBJECT_VERSION);
    reviews.note(
        state.businessKey(),
        state.definition().getKey(),
        state.task().getProcessInstanceId(),
        state.task().getTaskDefinitionKey(),
        state.stepName(),
        user,
        kind,
        text,
        version instanceof Number n ? n.intValue() : null);
  }

  private Object variable(OperationTask state, String name) {
    return SystemAuthentication.call(identity, () -> tasks.getVariable(state.task().getId(), name));
  }

  private Caller caller() {
    return operationTasks.caller("转办、委派或抄送");
  }

  private OperationTask state(String taskId) {
    return operationTasks.load(taskId, "转办、委派或抄送");
  }
}
