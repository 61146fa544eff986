package cn.officeflow.platform.notify;

import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.engine.SystemAuthentication;
import cn.officeflow.platform.org.OrgService;
import cn.officeflow.platform.org.RoleGroups;
import cn.officeflow.platform.web.NotFoundException;
import cn.officeflow.platform.web.ValidationException;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 催办: a reminder for an open task, by e-mail and SMS (双提醒), to its assignee — or, while nobody has
 * claimed it, to every candidate (candidate users and the members of candidate groups).
 *
 * <p>Allowed for the office ({@code office-director}, {@code office-clerks}) and for a 部门负责人 or
 * 分管领导 of the department of any of those recipients.
 */
@Service
public class ReminderService {

  public static final String TEMPLATE = "reminder";
  public static final String MESSAGE = "message";
  public static final int MAX_MESSAGE = 500;

  /** Roles that may remind anybody. */
  static final Set<String> OFFICE = Set.of(RoleGroups.OFFICE_DIRECTOR, RoleGroups.OFFICE_CLERKS);

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

  private final NotificationService notifications;
  private final NotifyProperties properties;
  private final OrgService org;
  private final IdentityService identity;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final RepositoryService repository;

  public ReminderService(
      NotificationService notifications,
      NotifyProperties properties,
      OrgService org,
      IdentityService identity,
      TaskService tasks,
      RuntimeService runtime,
      RepositoryService repository) {
    this.notifications = notifications;
    this.properties = properties;
    this.org = org;
    this.identity = identity;
    this.tasks = tasks;
    this.runtime = runtime;
    this.repository = repository;
  }

  /** Sends the reminder as the current user; returns the ids of the notification records. */
  @Transactional
  public List<String> remind(String taskId, String message) {
    String caller = CurrentUser.id(identity).orElseThrow(() -> new AuthorizationException("需要登录"));
    List<String> callerGroups = CurrentUser.groups(identity);
    Reminder reminder =
        SystemAuthentication.call(
            identity,
            () -> {
              Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
              if (task == null) {
                throw new NotFoundException("任务不存在或已办结：" + taskId);
              }
              Set<String> recipients = recipients(task);
              if (!mayRemind(caller, callerGroups, recipients)) {
                throw new AuthorizationException(
                    "用户 "
                        + caller
                        + " 无权催办任务「"
                        + task.getName()
                        + "」：仅办公室或办理人所在部门的"
                        + "部门负责人、分管领导可以催办");
              }
              String text = validMessage(message);
              if (recipients.isEmpty()) {
                throw new NoRecipientException("任务「" + task.getName() + "」没有办理人或候选人，无法催办");
              }
              String businessKey = businessKey(task);
              return new Reminder(recipients, model(task, caller, text, businessKey), businessKey);
            });
    // sent as the caller: the records name who reminded
    return notifications.send(
        TEMPLATE, reminder.model(), reminder.recipients(), Channel.BOTH, reminder.businessKey());
  }

  /**
   * Whether the current user may remind on the task (for the 「催办」 tab); 404 for an unknown task. Reveals no more
   * than the 403 of {@link #remind} would.
   */
  public boolean mayRemind(String taskId) {
    String caller = CurrentUser.id(identity).orElseThrow(() -> new AuthorizationException("需要登录"));
    List<String> callerGroups = CurrentUser.groups(identity);
    return SystemAuthentication.call(
        identity,
        () -> {
          Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
          if (task == null) {
            throw new NotFoundException("任务不存在或已办结：" + taskId);
          }
          return mayRemind(caller, callerGroups, recipients(task));
        });
  }

  private record Reminder(Set<String> recipients, Map<String, Object> model, String businessKey) {}

  static String validMessage(String message) {
    if (message == null || message.isBlank()) {
      return null;
    }
    String text = message.strip();
    if (text.codePointCount(0, text.length()) > MAX_MESSAGE) {
      throw new ValidationException(MESSAGE, "催办留言不能超过 " + MAX_MESSAGE + " 字");
    }
    return text;
  }

  /** The assignee, or every candidate user and member of a candidate group while unassigned. */
  Set<String> recipients(Task task) {
    Set<String> users = new LinkedHashSet<>();
    if (task.getAssignee() != null) {
      users.add(task.getAssignee());
      return users;
    }
    for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (link.getUserId() != null) {
        users.add(link.getUserId());
      } else if (link.getGroupId() != null) {
        identity
            .createUserQuery()
            .memberOfGroup(link.getGroupId())
            .orderByUserId()
            .asc()
            .list()
            .stream()
            .map(User::getId)
            .forEach(users::add);
      }
    }
    return users;
  }

  private boolean mayRemind(String caller, List<String> callerGroups, Set<String> recipients) {
    if (callerGroups.stream().anyMatch(OFFICE::contains)) {
      return true;
    }
    for (String recipient : recipients) {
      boolean supervisor =
          org.departmentsOf(recipient).stream()
              .anyMatch(
                  dept ->
                      org.departmentHeads(dept.getId()).contains(caller)
                          || org.deputyLeaders(dept.getId()).contains(caller));
      if (supervisor) {
        return true;
      }
    }
    return false;
  }

  private String businessKey(Task task) {
    if (task.getProcessInstanceId() == null) {
      return null;
    }
    ProcessInstance instance =
        runtime
            .createProcessInstanceQuery()
            .processInstanceId(task.getProcessInstanceId())
            .singleResult();
    return instance == null || instance.getBusinessKey() == null
        ? task.getProcessInstanceId()
        : instance.getBusinessKey();
  }

  private Map<String, Object> model(Task task, String caller, String message, String businessKey) {
    Map<String, Object> model = new HashMap<>();
    model.put("taskName", task.getName() == null ? task.getTaskDefinitionKey() : task.getName());
    model.put("processName", processName(task));
    model.put("businessKey", businessKey == null ? "" : businessKey);
    model.put("created", format(task.getCreateTime()));
    model.put("due", format(task.getDueDate()));
    model.put("senderName", org.displayName(caller));
    model.put("message", message == null ? "" : message);
    String base = properties.getBaseUrl();
    model.put(
        "link",
        base == null || base.isBlank()
            ? ""
            : base.strip().replaceAll("/+$", "")
                + "/camunda/app/tasklist/default/#/?task="
                + task.getId());
    model.put("sentAt", EngineClock.now().format(TIME));
    return model;
  }

  private String processName(Task task) {
    if (task.getProcessDefinitionId() == null) {
      return "";
    }
    ProcessDefinition definition = repository.getProcessDefinition(task.getProcessDefinitionId());
    return definition.getName() == null ? definition.getKey() : definition.getName();
  }

  private static String format(Date date) {
    return date == null ? "" : date.toInstant().atZone(EngineClock.ZONE).format(TIME);
  }

  /** The task has nobody to remind (409). */
  public static class NoRecipientException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NoRecipientException(String message) {
      super(message);
    }
  }
}
