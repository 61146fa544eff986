package cn.officeflow.platform.worklist;

import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.engine.SystemAuthentication;
import cn.officeflow.platform.org.OrgService;
import cn.officeflow.platform.org.RoleGroups;
import cn.officeflow.platform.review.ReviewService;
import cn.officeflow.platform.web.NotFoundException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * What Tasklist shows around one task (scripts/officeflow-task): the business record it is for (title, 文号/收文编号,
 * 紧急程度) on its card, who has it (「请先认领」), which of Tasklist's own controls the engine would allow the caller
 * (due dates and groups need UPDATE, the assignee field and 取消认领 TASK_ASSIGN, 认领 TASK_WORK, which candidates
 * have) and the review trail
 * (审批意见) of its business record for the 「历史」 tab. Only for a task the caller may read: the task is queried
 * as the caller, and a task they cannot see is 404 as if it did not exist.
 */
@Service
public class TaskRecordService {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final TaskService tasks;
  private final HistoryService history;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final ReviewService reviews;
  private final OrgService org;
  private final BusinessRecordLookup records;

  public TaskRecordService(
      ProcessEngine engine, ReviewService reviews, OrgService org, BusinessRecordLookup records) {
    this.tasks = engine.getTaskService();
    this.history = engine.getHistoryService();
    this.repository = engine.getRepositoryService();
    this.identity = engine.getIdentityService();
    this.authorizations = engine.getAuthorizationService();
    this.reviews = reviews;
    this.org = org;
    this.records = records;
  }

  /** The task's card and view data for the caller. */
  public TaskRecord record(String taskId) {
    String me = me();
    List<String> groups = CurrentUser.groups(identity);
    Task task = readable(taskId);
    Context context = context(task);
    Optional<BusinessRecord> record =
        records.describe(
            context.definition() == null ? null : context.definition().getKey(),
            context.businessKey());
    boolean candidate =
        SystemAuthentication.call(identity, () -> tasks.getIdentityLinksForTask(taskId)).stream()
            .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
            .anyMatch(
                l ->
                    me.equals(l.getUserId())
                        || (l.getGroupId() != null && groups.contains(l.getGroupId())));
    String key = context.definition() == null ? null : context.definition().getKey();
    boolean mayUpdate =
        allowed(
            me, groups, Permissions.UPDATE, key, ProcessDefinitionPermissions.UPDATE_TASK, taskId);
    boolean mayAssign =
        mayUpdate
            || allowed(
                me,
                groups,
                TaskPermissions.TASK_ASSIGN,
                key,
                ProcessDefinitionPermissions.TASK_ASSIGN,
                taskId);
    boolean mayWork =
        mayAssign
            || allowed(
                me,
                groups,
                TaskPermissions.TASK_WORK,
                key,
                ProcessDefinitionPermissions.TASK_WORK,
                taskId);
    String assignee = task.getAssignee();
    return new TaskRecord(
        task.getId(),
        task.getName(),
        context.businessKey(),
        record.map(BusinessRecord::title).orElse(null),
        record.map(BusinessRecord::number).orElse(null),
        record.map(BusinessRecord::urgency).orElse(null),
        record.map(BusinessRecord::statusLabel).orElse(null),
        assignee,
        assignee == null
            ? null
            : SystemAuthentication.call(identity, () -> org.displayName(assignee)),
        me.equals(assignee),
        candidate,
        mayUpdate,
        mayAssign,
        mayWork);
  }

  /** The review trail of the task's business record, oldest first, times as 2026-12-03 15:43. */
  public List<TrailEntry> trail(String taskId) {
    me();
    Context context = context(readable(taskId));
    if (context.businessKey() == null) {
      return List.of();
    }
    return reviews.trail(context.businessKey()).stream()
        .map(
            r ->
                new TrailEntry(
                    TIME.format(r.time()),
                    r.step(),
                    r.version(),
                    r.user(),
                    r.name(),
                    r.decision(),
                    r.decisionLabel(),
                    r.comment(),
                    ReviewService.opinion(r)))
        .toList();
  }

  private String me() {
    return CurrentUser.id(identity).orElseThrow(() -> new AuthorizationException("未登录"));
  }

  /** Queried as the caller: a task they may not read is 404, like one that does not exist. */
  private Task readable(String taskId) {
    Task task = taskId == null ? null : tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      throw new NotFoundException("任务不存在、已办结或无权查看：" + taskId);
    }
    return task;
  }

  private Context context(Task task) {
    return SystemAuthentication.call(
        identity,
        () -> {
          ProcessDefinition definition =
              task.getProcessDefinitionId() == null
                  ? null
                  : repository.getProcessDefinition(task.getProcessDefinitionId());
          HistoricProcessInstance instance =
              task.getProcessInstanceId() == null
                  ? null
                  : history
                      .createHistoricProcessInstanceQuery()
                      .processInstanceId(task.getProcessInstanceId())
                      .singleResult();
          return new Context(definition, instance == null ? null : instance.getBusinessKey());
        });
  }

  /** What the engine would answer: the permission on the task, or its task permission on the process. */
  private boolean allowed(
      String user,
      List<String> groups,
      Permission onTask,
      String processKey,
      Permission onProcess,
      String taskId) {
    if (groups.contains(RoleGroups.CAMUNDA_ADMIN)) {
      return true;
    }
    return SystemAuthentication.call(
        identity,
        () ->
            authorizations.isUserAuthorized(user, groups, onTask, Resources.TASK, taskId)
                || (processKey != null
                    && authorizations.isUserAuthorized(
                        user, groups, onProcess, Resources.PROCESS_DEFINITION, processKey)));
  }

  private record Context(ProcessDefinition definition, String businessKey) {}

  /**
   * The task for Tasklist: its record (null fields where the process has none), who has it ({@code mine}: the
   * caller; {@code candidate}: offered to the caller or their group) and what the engine lets the caller change
   * ({@code mayUpdate}: due dates, groups; {@code mayAssign}: the assignee, also to 取消认领; {@code mayWork}: 认领).
   */
  public record TaskRecord(
      String taskId,
      String taskName,
      String businessKey,
      String title,
      String number,
      String urgency,
      String statusLabel,
      String assignee,
      String assigneeName,
      boolean mine,
      boolean candidate,
      boolean mayUpdate,
      boolean mayAssign,
      boolean mayWork) {}

  /** One line of the trail: 时间, 步骤 (第 N 稿), who, the decision and the text as the forms show it. */
  public record TrailEntry(
      String time,
      String step,
      Integer version,
      String userId,
      String name,
      String decision,
      String decisionLabel,
      String comment,
      String opinion) {}
}
