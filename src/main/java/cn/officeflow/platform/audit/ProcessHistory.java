package cn.officeflow.platform.audit;

import cn.officeflow.platform.archive.ArchiveEntry;
import cn.officeflow.platform.archive.ArchiveService;
import cn.officeflow.platform.archive.ArchiveSource;
import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.files.CaseFileSource;
import cn.officeflow.platform.files.StoredFile;
import cn.officeflow.platform.files.StoredFileService;
import cn.officeflow.platform.org.OrgService;
import cn.officeflow.platform.org.RoleGroups;
import cn.officeflow.platform.review.Review;
import cn.officeflow.platform.review.ReviewService;
import cn.officeflow.platform.web.NotFoundException;
import cn.officeflow.platform.worklist.BusinessRecord;
import cn.officeflow.platform.worklist.BusinessRecordLookup;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Service;

/**
 * 流程审计 (the Cockpit history that Camunda CE lacks): finished and running process instances searched by
 * process, business title or number (文号, 收文编号), person, start time and status, and one instance's whole
 * history — from Camunda's {@link HistoryService} (history level {@code full}) and the project's own records
 * (review trail, stored files, archive entries). Queries run with the caller's engine authorizations; the
 * caller must be in {@code auditors}, {@code audit-admins} (审计管理员) or {@code camunda-admin}.
 *
 * <p>Search by {@code q}: each process keeps its title and number in its own tables, known to the platform only
 * through {@link BusinessRecordLookup}; the instances that match the other criteria are therefore read newest
 * first and described one by one, at most {@value #MAX_SCANNED} of them per search (say so when the limit is
 * reached: narrow the search by process or time).
 */
@Service
public class ProcessHistory {

  public static final Set<String> ROLES =
      Set.of(RoleGroups.AUDITORS, RoleGroups.AUDIT_ADMINS, RoleGroups.CAMUNDA_ADMIN);
  static final int MAX_SCANNED = 10_000;
  private static final int PAGE = 200;
  private static final int MAX_VALUE = 4000;

  private final HistoryService history;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final BusinessRecordLookup records;
  private final ReviewService reviews;
  private final StoredFileService files;
  private final List<CaseFileSource> caseFiles;
  private final ArchiveService archive;
  private final OrgService org;

  public ProcessHistory(
      HistoryService history,
      RepositoryService repository,
      IdentityService identity,
      BusinessRecordLookup records,
      ReviewService reviews,
      StoredFileService files,
      List<CaseFileSource> caseFiles,
      ArchiveService archive,
      OrgService org) {
    this.history = history;
    this.repository = repository;
    this.identity = identity;
    this.records = records;
    this.reviews = reviews;
    this.files = files;
    this.caseFiles = caseFiles;
    this.archive = archive;
    this.org = org;
  }

  /** The search criteria (validated by the controller). */
  public record Criteria(
      String processDefinitionKey,
      Boolean finished,
      LocalDateTime startedAfter,
      LocalDateTime startedBefore,
      String user,
      String q,
      int firstResult,
      int maxResults) {}

  /** One instance in a search result and at the top of its page. */
  public record InstanceSummary(
      String id,
      String processDefinitionId,
      String processDefinitionKey,
      String processName,
      Integer processVersion,
      String businessKey,
      String title,
      String number,
      String recordStatus,
      String recordStatusLabel,
      String state,
      String stateLabel,
      LocalDateTime startTime,
      LocalDateTime endTime,
      Long durationMillis,
      String startUserId,
      String startUserName,
      String deleteReason,
      String superProcessInstanceId) {}

  /** The search result: the page of instances and whether the scan limit of a {@code q} search was reached. */
  public record SearchResult(List<InstanceSummary> instances, boolean truncated) {}

  public record Step(
      String activityInstanceId,
      String activityId,
      String activityName,
      String activityType,
      String assignee,
      String assigneeName,
      LocalDateTime startTime,
      LocalDateTime endTime,
      Long durationMillis,
      boolean canceled,
      String taskId) {}

  public record VariableView(
      String name, String type, String value, String scope, LocalDateTime createTime) {}

  public record ArchiveView(
      String id,
      int seq,
      String source,
      String fileName,
      long size,
      String sha256,
      String status,
      String statusLabel,
      String box,
      String shelf,
      String archivedBy,
      LocalDateTime archivedAt,
      String entryHash) {}

  public record OperationView(
      String operationId,
      LocalDateTime timestamp,
      String userId,
      String userName,
      String operationType,
      String entityType,
      String property,
      String orgValue,
      String newValue,
      String category,
      String taskId,
      String annotation) {}

  public record IncidentView(
      String id,
      String incidentType,
      String message,
      String activityId,
      LocalDateTime createTime,
      LocalDateTime endTime,
      String state) {}

  public record InstanceDetail(
      InstanceSummary instance,
      List<Step> timeline,
      List<String> activitiesTaken,
      List<Review> trail,
      List<VariableView> variables,
      List<StoredFile> files,
      List<ArchiveView> archive,
      List<OperationView> operations,
      List<IncidentView> incidents,
      List<InstanceSummary> subProcesses) {}

  public SearchResult search(Criteria criteria) {
    requireRole("查询流程审计记录");
    Optional<HistoricProcessInstanceQuery> query = query(criteria);
    if (query.isEmpty()) {
      return new SearchResult(List.of(), false);
    }
    if (criteria.q() == null) {
      List<HistoricProcessInstance> page =
          query.get().listPage(criteria.firstResult(), criteria.maxResults());
      return new SearchResult(summaries(page), false);
    }
    String q = criteria.q().toLowerCase(Locale.ROOT);
    List<InstanceSummary> found = new ArrayList<>();
    int skip = criteria.firstResult();
    int scanned = 0;
    while (found.size() < criteria.maxResults() && scanned < MAX_SCANNED) {
      List<HistoricProcessInstance> page = query.get().listPage(scanned, PAGE);
      for (HistoricProcessInstance instance : page) {
        InstanceSummary summary = summary(instance, new HashMap<>());
        if (matches(summary, q)) {
          if (skip > 0) {
            skip--;
          } else if (found.size() < criteria.maxResults()) {
            found.add(summary);
          }
        }
      }
      scanned += page.size();
      if (page.size() < PAGE) {
        return new SearchResult(found, false);
      }
    }
    return new SearchResult(found, scanned >= MAX_SCANNED && found.size() < criteria.maxResults());
  }

  public InstanceDetail detail(String id) {
    requireRole("查看流程审计记录");
    HistoricProcessInstance instance =
        history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
    if (instance == null) {
      throw new NotFoundException("流程实例不存在或无权查看：" + id);
    }
    Map<String, String> names = new HashMap<>();
    List<Step> timeline =
        history
            .createHistoricActivityInstanceQuery()
            .processInstanceId(id)
            .orderByHistoricActivityInstanceStartTime()
            .asc()
            .orderPartiallyByOccurrence()
            .asc()
            .list()
            .stream()
            .map(a -> step(a, names))
            .toList();
    List<String> taken = timeline.stream().map(Step::activityId).distinct().toList();
    String businessKey = instance.getBusinessKey();
    List<Review> trail = businessKey == null ? List.of() : reviews.trail(businessKey);
    List<VariableView> variables =
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceId(id)
            .disableBinaryFetching()
            .disableCustomObjectDeserialization()
            .orderByVariableName()
            .asc()
            .list()
            .stream()
            .map(v -> variable(v, instance.getId()))
            .toList();
    List<StoredFile> stored = new ArrayList<>();
    if (businessKey != null) {
      stored.addAll(files.list(businessKey));
      caseFiles.forEach(source -> stored.addAll(source.files(businessKey)));
    }
    List<ArchiveView> archived = new ArrayList<>();
    if (businessKey != null) {
      for (ArchiveSource source : ArchiveSource.values()) {
        archive
            .findBySource(source, businessKey)
            .map(ProcessHistory::archived)
            .ifPresent(archived::add);
      }
    }
    List<OperationView> operations =
        history
            .createUserOperationLogQuery()
            .processInstanceId(id)
            .orderByTimestamp()
            .asc()
            .list()
            .stream()
            .map(o -> operation(o, names))
            .toList();
    List<IncidentView> incidents =
        history.createHistoricIncidentQuery().processInstanceId(id).list().stream()
            .map(ProcessHistory::incident)
            .toList();
    List<InstanceSummary> subProcesses =
        summaries(
            history
                .createHistoricProcessInstanceQuery()
                .superProcessInstanceId(id)
                .orderByProcessInstanceStartTime()
                .asc()
                .list());
    return new InstanceDetail(
        summary(instance, names),
        timeline,
        taken,
        trail,
        variables,
        stored,
        archived,
        operations,
        incidents,
        subProcesses);
  }

  private Optional<HistoricProcessInstanceQuery> query(Criteria c) {
    HistoricProcessInstanceQuery query = history.createHistoricProcessInstanceQuery();
    if (c.processDefinitionKey() != null) {
      query.processDefinitionKey(c.processDefinitionKey());
    }
    if (Boolean.TRUE.equals(c.finished())) {
      query.finished();
    } else if (Boolean.FALSE.equals(c.finished())) {
      query.unfinished();
    }
    if (c.startedAfter() != null) {
      query.startedAfter(date(c.startedAfter()));
    }
    if (c.startedBefore() != null) {
      query.startedBefore(date(c.startedBefore()));
    }
    if (c.user() != null) {
      // started by the person or with a task they worked on
      Set<String> ids = new HashSet<>();
      history.createHistoricProcessInstanceQuery().startedBy(c.user()).list().stream()
          .map(HistoricProcessInstance::getId)
          .forEach(ids::add);
      history.createHistoricTaskInstanceQuery().taskAssignee(c.user()).list().stream()
          .map(HistoricTaskInstance::getProcessInstanceId)
          .filter(java.util.Objects::nonNull)
          .forEach(ids::add);
      if (ids.isEmpty()) {
        return Optional.empty();
      }
      query.processInstanceIds(ids);
    }
    return Optional.of(query.orderByProcessInstanceStartTime().desc());
  }

  private static boolean matches(InstanceSummary s, String q) {
    for (String value :
        new String[] {s.title(), s.number(), s.businessKey(), s.id(), s.processName()}) {
      if (value != null && value.toLowerCase(Locale.ROOT).contains(q)) {
        return true;
      }
    }
    return false;
  }

  private List<InstanceSummary> summaries(List<HistoricProcessInstance> instances) {
    Map<String, String> names = new HashMap<>();
    return instances.stream().map(i -> summary(i, names)).toList();
  }

  private InstanceSummary summary(HistoricProcessInstance i, Map<String, String> names) {
    Optional<BusinessRecord> record =
        records.describe(i.getProcessDefinitionKey(), i.getBusinessKey());
    ProcessDefinition definition = definition(i.getProcessDefinitionId());
    return new InstanceSummary(
        i.getId(),
        i.getProcessDefinitionId(),
        i.getProcessDefinitionKey(),
        i.getProcessDefinitionName() != null
            ? i.getProcessDefinitionName()
            : definition == null ? i.getProcessDefinitionKey() : definition.getName(),
        i.getProcessDefinitionVersion(),
        i.getBusinessKey(),
        record.map(BusinessRecord::title).orElse(null),
        record.map(BusinessRecord::number).orElse(null),
        record.map(BusinessRecord::status).orElse(null),
        record.map(BusinessRecord::statusLabel).orElse(null),
        i.getState(),
        stateLabel(i.getState()),
        time(i.getStartTime()),
        time(i.getEndTime()),
        i.getDurationInMillis(),
        i.getStartUserId(),
        name(i.getStartUserId(), names),
        i.getDeleteReason(),
        i.getSuperProcessInstanceId());
  }

  private ProcessDefinition definition(String id) {
    try {
      return repository.getProcessDefinition(id);
    } catch (RuntimeException e) {
      return null;
    }
  }

  static String stateLabel(String state) {
    if (state == null) {
      return null;
    }
    return switch (state) {
      case HistoricProcessInstance.STATE_ACTIVE -> "进行中";
      case HistoricProcessInstance.STATE_SUSPENDED -> "已挂起";
      case HistoricProcessInstance.STATE_COMPLETED -> "已办结";
      case HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED -> "已终止（人工）";
      case HistoricProcessInstance.STATE_INTERNALLY_TERMINATED -> "已终止（流程内）";
      default -> state;
    };
  }

  private Step step(HistoricActivityInstance a, Map<String, String> names) {
    return new Step(
        a.getId(),
        a.getActivityId(),
        a.getActivityName(),
        a.getActivityType(),
        a.getAssignee(),
        a.getAssignee() == null ? null : name(a.getAssignee(), names),
        time(a.getStartTime()),
        time(a.getEndTime()),
        a.getDurationInMillis(),
        a.isCanceled(),
        a.getTaskId());
  }

  private static VariableView variable(HistoricVariableInstance v, String processInstanceId) {
    String value;
    TypedValue typed = v.getTypedValue();
    if (v.getErrorMessage() != null) {
      value = "（无法读取：" + v.getErrorMessage() + "）";
    } else if (typed instanceof FileValue file) {
      value = "文件：" + file.getFilename();
    } else if (typed instanceof SerializableValue serializable) {
      value = serializable.getValueSerialized();
    } else {
      value = v.getValue() == null ? null : String.valueOf(v.getValue());
    }
    if (value != null && value.length() > MAX_VALUE) {
      value = value.substring(0, MAX_VALUE) + "…（共 " + value.length() + " 字符）";
    }
    String scope =
        v.getActivityInstanceId() == null || v.getActivityInstanceId().equals(processInstanceId)
            ? null
            : v.getActivityInstanceId();
    return new VariableView(v.getName(), v.getTypeName(), value, scope, time(v.getCreateTime()));
  }

  private static ArchiveView archived(ArchiveEntry e) {
    return new ArchiveView(
        e.id(),
        e.seq(),
        e.source().label(),
        e.fileName(),
        e.fileSize(),
        e.fileSha256(),
        e.status().name(),
        e.destroyed() ? "已销毁" : "已归档",
        e.box(),
        e.shelf(),
        e.archivedBy(),
        e.archivedAt(),
        e.entryHash());
  }

  private OperationView operation(UserOperationLogEntry o, Map<String, String> names) {
    return new OperationView(
        o.getOperationId(),
        time(o.getTimestamp()),
        o.getUserId(),
        o.getUserId() == null ? null : name(o.getUserId(), names),
        o.getOperationType(),
        o.getEntityType(),
        o.getProperty(),
        o.getOrgValue(),
        o.getNewValue(),
        o.getCategory(),
        o.getTaskId(),
        o.getAnnotation());
  }

  private static IncidentView incident(HistoricIncident i) {
    String state = i.isOpen() ? "未解决" : i.isResolved() ? "已解决" : "已删除";
    return new IncidentView(
        i.getId(),
        i.getIncidentType(),
        i.getIncidentMessage(),
        i.getActivityId(),
        time(i.getCreateTime()),
        time(i.getEndTime()),
        state);
  }

  private String name(String userId, Map<String, String> names) {
    if (userId == null) {
      return null;
    }
    return names.computeIfAbsent(userId, org::displayName);
  }

  private void requireRole(String action) {
    CurrentUser.requireAnyGroup(identity, ROLES, action);
  }

  private static Date date(LocalDateTime time) {
    return Date.from(time.atZone(EngineClock.ZONE).toInstant());
  }

  private static LocalDateTime time(Date date) {
    return EngineClock.local(date);
  }
}
