package cn.officeflow.platform.worklist;

import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.engine.SystemAuthentication;
import cn.officeflow.platform.org.OrgService;
import cn.officeflow.platform.review.Review;
import cn.officeflow.platform.review.ReviewService;
import cn.officeflow.platform.taskops.CarbonCopy;
import cn.officeflow.platform.taskops.CarbonCopyService;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 我的工作: the four lists of a Chinese OA for the current user, from Camunda's public APIs and each process's
 * {@link BusinessRecords}.
 * <ul>
 *   <li><b>待办</b>: open tasks assigned to me, offered to me or my groups (unassigned), or delegated by me (委派,
 *       still mine to complete) — queried as me, so Camunda's task authorizations apply too; sorted 特急, 加急,
 *       普通, then by due date (none last), then by creation.</li>
 *   <li><b>已办</b>: tasks I completed, newest first, with my decision from the review trail and the record's
 *       current status.</li>
 *   <li><b>我发起的</b>: the (top-level) instances I started, newest first, with their status and current steps.</li>
 *   <li><b>抄送我的</b>: {@link CarbonCopyService#mine}.</li>
 * </ul>
 * Staff have no READ_HISTORY: history and instance look-ups run as the engine but are restricted to the caller's
 * own tasks and instances (assignee = me, started by = me) or to the instances of tasks the caller's query found.
 */
@Service
public class WorklistService {

  public static final int MAX_ENTRIES = 200;

  private final TaskService tasks;
  private final HistoryService history;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final ReviewService reviews;
  private final CarbonCopyService copies;
  private final OrgService org;
  private final BusinessRecordLookup records;
  private final JdbcClient jdbc;
  private final Map<String, ProcessDefinition> definitions =
      new java.util.concurrent.ConcurrentHashMap<>();

  public WorklistService(
      ProcessEngine engine,
      ReviewService reviews,
      CarbonCopyService copies,
      OrgService org,
      BusinessRecordLookup records,
      JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.tasks = engine.getTaskService();
    this.history = engine.getHistoryService();
    this.repository = engine.getRepositoryService();
    this.identity = engine.getIdentityService();
    this.reviews = reviews;
    this.copies = copies;
    this.org = org;
    this.records = records;
  }

  /** 待办 of the current user. */
  public List<WorklistEntry> todo() {
    String me = me();
    List<Task> open = openTasks(me);
    Map<String, HistoricProcessInstance> instances =
        instances(open.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()));
    return open.stream()
        .map(
            task -> {
              HistoricProcessInstance instance = instances.get(task.getProcessInstanceId());
              String businessKey = instance == null ? null : instance.getBusinessKey();
              ProcessDefinition definition = definition(task.getProcessDefinitionId());
              Optional<BusinessRecord> record = record(definition, businessKey);
              String state =
                  me.equals(task.getAssignee())
                      ? "assigned"
                      : task.getAssignee() == null ? "candidate" : "delegated";
              return new WorklistEntry(
                  task.getId(),
                  task.getId(),
                  task.getName(),
                  task.getProcessInstanceId(),
                  key(definition),
                  processName(definition),
                  businessKey,
                  record.map(BusinessRecord::title).orElse(null),
                  record.map(BusinessRecord::number).orElse(null),
                  record.map(BusinessRecord::statusLabel).orElse(null),
                  record.map(BusinessRecord::urgency).orElse(null),
                  local(task.getCreateTime()),
                  local(task.getDueDate()),
                  null,
                  state,
                  task.getAssignee(),
                  name(task.getAssignee()),
                  null,
                  null,
                  null,
                  null,
                  record.map(BusinessRecord::link).orElse(null),
                  record.map(BusinessRecord::linkLabel).orElse(null),
                  null);
            })
        .sorted(
            Comparator.comparingInt((WorklistEntry e) -> -rank(e.urgency()))
                .thenComparing(WorklistEntry::due, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(
                    WorklistEntry::created, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
  }

  /**
   * The user's open tasks, oldest first, at most {@link #MAX_ENTRIES}: assigned to them, offered to them or
   * their groups (unassigned), or owned by them (delegated). The ids come from index lookups (as for Tasklist's
   * 「我的待办」, {@link TaskListShortcut}); the tasks from the engine as the user, so that its authorization
   * checks apply — Camunda's own query joins every open task with the user's authorizations (half a second at
   * 100,000 open tasks).
   */
  private List<Task> openTasks(String me) {
    List<String> ids =
        new TaskListShortcut.MyTasks(jdbc, me, CurrentUser.groups(identity), true, true)
            .page(0, MAX_ENTRIES, false);
    if (ids.isEmpty()) {
      return List.of();
    }
    return TaskListShortcut.inOrder(
        tasks.createTaskQuery().taskIdIn(ids.toArray(String[]::new)).active().list(), ids);
  }

  /** 已办 of the current user. */
  public List<WorklistEntry> done() {
    String me = me();
    List<HistoricTaskInstance> finished =
        SystemAuthentication.call(
            identity,
            () ->
                history
                    .createHistoricTaskInstanceQuery()
                    .taskAssignee(me)
                    .finished()
                    .orderByHistoricTaskInstanceEndTime()
                    .desc()
                    .listPage(0, MAX_ENTRIES));
    List<HistoricTaskInstance> completed =
        finished.stream()
            .filter(t -> t.getDeleteReason() == null || "completed".equals(t.getDeleteReason()))
            .toList();
    Map<String, HistoricProcessInstance> instances =
        instances(
            completed.stream()
                .map(HistoricTaskInstance::getProcessInstanceId)
                .collect(Collectors.toSet()));
    Map<String, List<Review>> trails = new HashMap<>();
    return completed.stream()
        .map(
            task -> {
              HistoricProcessInstance instance = instances.get(task.getProcessInstanceId());
              String businessKey = instance == null ? null : instance.getBusinessKey();
              ProcessDefinition definition = definition(task.getProcessDefinitionId());
              Optional<BusinessRecord> record = record(definition, businessKey);
              LocalDateTime ended = local(task.getEndTime());
              Optional<Review> decision =
                  businessKey == null
                      ? Optional.empty()
                      : trails.computeIfAbsent(businessKey, reviews::trail).stream()
                          .filter(
                              r ->
                                  me.equals(r.user())
                                      && task.getTaskDefinitionKey().equals(r.stepId())
                                      && r.time() != null)
                          .min(Comparator.comparing(r -> Duration.between(r.time(), ended).abs()));
              return new WorklistEntry(
                  task.getId(),
                  task.getId(),
                  task.getName(),
                  task.getProcessInstanceId(),
                  key(definition),
                  processName(definition),
                  businessKey,
                  record.map(BusinessRecord::title).orElse(null),
                  record.map(BusinessRecord::number).orElse(null),
                  record.map(BusinessRecord::statusLabel).orElse(instanceState(instance)),
                  record.map(BusinessRecord::urgency).orElse(null),
                  local(task.getStartTime()),
                  local(task.getDueDate()),
                  ended,
                  "completed",
                  me,
                  name(me),
                  decision.map(Review::decision).orElse(null),
                  decision.map(Review::decisionLabel).orElse("已办理"),
                  decision.map(Review::comment).orElse(null),
                  null,
                  record.map(BusinessRecord::link).orElse(null),
                  record.map(BusinessRecord::linkLabel).orElse(null),
                  null);
            })
        .toList();
  }

  /** 我发起的 of the current user. */
  public List<WorklistEntry> started() {
    String me = me();
    List<HistoricProcessInstance> mine =
        SystemAuthentication.call(
            identity,
            () ->
                history
                    .createHistoricProcessInstanceQuery()
                    .startedBy(me)
                    .rootProcessInstances()
                    .orderByProcessInstanceStartTime()
                    .desc()
                    .listPage(0, MAX_ENTRIES));
    Set<String> active =
        mine.stream()
            .filter(i -> i.getEndTime() == null)
            .map(HistoricProcessInstance::getId)
            .collect(Collectors.toSet());
    Map<String, String> steps =
        active.isEmpty()
            ? Map.of()
            : SystemAuthentication.call(
                    identity,
                    () ->
                        tasks
                            .createTaskQuery()
                            .processInstanceIdIn(active.toArray(String[]::new))
                            .list())
                .stream()
                .collect(
                    Collectors.groupingBy(
                        Task::getProcessInstanceId,
                        Collectors.mapping(
                            Task::getName,
                            Collectors.collectingAndThen(
                                Collectors.toCollection(java.util.TreeSet::new),
                                s -> String.join("、", s)))));
    return mine.stream()
        .map(
            instance -> {
              ProcessDefinition definition = definition(instance.getProcessDefinitionId());
              Optional<BusinessRecord> record = record(definition, instance.getBusinessKey());
              String state =
                  instance.getEndTime() == null
                      ? "active"
                      : HistoricProcessInstance.STATE_COMPLETED.equals(instance.getState())
                          ? "completed"
                          : "ended";
              return new WorklistEntry(
                  instance.getId(),
                  null,
                  null,
                  instance.getId(),
                  key(definition),
                  processName(definition),
                  instance.getBusinessKey(),
                  record.map(BusinessRecord::title).orElse(null),
                  record.map(BusinessRecord::number).orElse(null),
                  record.map(BusinessRecord::statusLabel).orElse(instanceState(instance)),
                  record.map(BusinessRecord::urgency).orElse(null),
                  local(instance.getStartTime()),
                  null,
                  local(instance.getEndTime()),
                  state,
                  null,
                  null,
                  null,
                  null,
                  null,
                  steps.get(instance.getId()),
                  record.map(BusinessRecord::link).orElse(null),
                  record.map(BusinessRecord::linkLabel).orElse(null),
                  null);
            })
        .toList();
  }

  /** 抄送我的 of the current user, newest first, with the record's number, status and link. */
  public List<WorklistEntry> copiedToMe() {
    List<CarbonCopy> mine = copies.mine(false);
    return mine.stream()
        .map(
            cc -> {
              Optional<BusinessRecord> record = records.describe(cc.processKey(), cc.businessKey());
              return new WorklistEntry(
                  cc.id(),
                  null,
                  cc.taskName(),
                  cc.processInstanceId(),
                  cc.processKey(),
                  cc.processName(),
                  cc.businessKey(),
                  record.map(BusinessRecord::title).orElse(cc.title()),
                  record.map(BusinessRecord::number).orElse(null),
                  record.map(BusinessRecord::statusLabel).orElse(null),
                  record.map(BusinessRecord::urgency).orElse(null),
                  cc.ccAt(),
                  null,
                  cc.readAt(),
                  cc.read() ? "read" : "unread",
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  record.map(BusinessRecord::link).orElse(null),
                  record.map(BusinessRecord::linkLabel).orElse(null),
                  cc.ccByName());
            })
        .toList();
  }

  private String me() {
    return CurrentUser.id(identity).orElseThrow(() -> new AuthorizationException("未登录"));
  }

  private Map<String, HistoricProcessInstance> instances(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return SystemAuthentication.call(
            identity,
            () ->
                history
                    .createHistoricProcessInstanceQuery()
                    .processInstanceIds(Set.copyOf(ids))
                    .list())
        .stream()
        .collect(Collectors.toMap(HistoricProcessInstance::getId, Function.identity()));
  }

  private ProcessDefinition definition(String id) {
    return id == null
        ? null
        : definitions.computeIfAbsent(
            id,
            key -> SystemAuthentication.call(identity, () -> repository.getProcessDefinition(key)));
  }

  private Optional<BusinessRecord> record(ProcessDefinition definition, String businessKey) {
    return records.describe(key(definition), businessKey);
  }

  private static String key(ProcessDefinition definition) {
    return definition == null ? null : definition.getKey();
  }

  private static String processName(ProcessDefinition definition) {
    if (definition == null) {
      return null;
    }
    return definition.getName() == null ? definition.getKey() : definition.getName();
  }

  private static String instanceState(HistoricProcessInstance instance) {
    if (instance == null || instance.getEndTime() == null) {
      return "进行中";
    }
    return HistoricProcessInstance.STATE_COMPLETED.equals(instance.getState()) ? "已办结" : "已终止";
  }

  private static int rank(String urgency) {
    return new BusinessRecord(null, null, null, null, urgency, null, null).urgencyRank();
  }

  private String name(String userId) {
    return userId == null
        ? null
        : SystemAuthentication.call(identity, () -> org.displayName(userId));
  }

  private static LocalDateTime local(Date date) {
    return EngineClock.local(date);
  }
}
