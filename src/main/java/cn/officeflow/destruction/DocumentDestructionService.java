package cn.officeflow.destruction;

import static cn.officeflow.destruction.DocumentDestructionVariables.*;

import cn.officeflow.platform.archive.ArchiveEntry;
import cn.officeflow.platform.archive.ArchiveService;
import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.org.OrgService;
import cn.officeflow.platform.review.ApprovalListener;
import cn.officeflow.platform.review.ReviewService;
import cn.officeflow.platform.web.FormValues;
import cn.officeflow.platform.web.NotFoundException;
import cn.officeflow.platform.web.ValidationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * 文件销毁: 申请 (office-clerks) → 办公室主任审核 → 单位领导批准 → 销毁执行 with two 监销人. The logic
 * behind the BPMN's listeners; everything runs in the engine's transaction, so a validation error (400
 * naming the field) rolls back the request rows together with the engine state.
 *
 * <p>A reject at either review ends the request as 已驳回 and releases its entries at once: destruction is
 * irreversible and a request is only a list of entries with a reason, so the applicant files a corrected
 * request rather than revising one (and every decision stays in the trail of the request it was made on).
 */
@Service("documentDestructionService")
public class DocumentDestructionService {

  private static final Logger LOG = LoggerFactory.getLogger(DocumentDestructionService.class);
  private static final Pattern SEPARATORS = Pattern.compile("[\\s,，、;；]+");

  private final DestructionRepository destructions;
  private final ArchiveService archive;
  private final OrgService org;
  private final IdentityService identity;

  public DocumentDestructionService(
      DestructionRepository destructions,
      ArchiveService archive,
      OrgService org,
      IdentityService identity) {
    this.destructions = destructions;
    this.archive = archive;
    this.org = org;
    this.identity = identity;
  }

  /** Process start: validates the request, stores it and makes its id the business key. */
  public void start(DelegateExecution execution) {
    String applicant = CurrentUser.initiator(execution, APPLICANT);
    if (applicant == null || applicant.isBlank()) {
      throw new ValidationException(APPLICANT, "销毁申请必须由已登录的文书发起");
    }
    List<ArchiveEntry> entries = entries(execution.getVariable(ENTRIES));
    String reason = text(execution.getVariable(REASON), REASON, MAX_REASON, "销毁理由");
    String method = method(execution.getVariable(METHOD));

    String id = UUID.randomUUID().toString();
    String applicantName = org.displayName(applicant);
    List<String> ids = entries.stream().map(ArchiveEntry::id).toList();
    try {
      destructions.insert(
          id,
          execution.getProcessInstanceId(),
          reason,
          method,
          applicant,
          applicantName,
          ids,
          EngineClock.now());
    } catch (DuplicateKeyException e) {
      throw new ValidationException(ENTRIES, "所选档案条目已在另一份进行中的销毁申请中");
    }
    execution.setProcessBusinessKey(id);
    execution.setVariable(DESTRUCTION_ID, id);
    execution.setVariable(ENTRIES, String.join("\n", ids));
    execution.setVariable(ENTRY_SUMMARY, summary(entries));
    execution.setVariable(REASON, reason);
    execution.setVariable(METHOD, method);
    execution.setVariable(APPLICANT_NAME, applicantName);
    execution.setVariable(ApprovalListener.REVISION_REQUIRED, false);
    LOG.info("销毁申请 {}：{} 个档案条目，{}（{}）", id, ids.size(), method, applicantName);
  }

  /** Status write-back, called by expression listeners in the BPMN. */
  public void markStatus(DelegateExecution execution, String status) {
    destructions.updateStatus(
        destructionId(execution), DestructionStatus.valueOf(status), EngineClock.now());
  }

  /**
   * Task_ExecuteDestruction completed: checks the two 监销人, the date and the method, then marks the
   * entries destroyed (chain events, never deleted) and records the destruction.
   */
  public void execute(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Destruction destruction = destruction(destructionId(execution));
    String executor = ReviewService.currentUser(execution);
    String method = method(execution.getVariable(METHOD));
    if (!method.equals(destruction.method())) {
      throw new ValidationException(
          METHOD, "销毁方式必须与批准的方式一致（" + destruction.method() + "），收到：" + method);
    }
    String witness1 = witness(execution.getVariable(WITNESS_1), WITNESS_1, "第一监销人", executor);
    String witness2 = witness(execution.getVariable(WITNESS_2), WITNESS_2, "第二监销人", executor);
    if (witness1.equals(witness2)) {
      throw new ValidationException(
          WITNESS_2, "两名监销人必须是不同的人（均为 " + org.displayName(witness1) + "）");
    }
    LocalDate date = date(execution.getVariable(DESTROYED_DATE));
    if (date.isAfter(EngineClock.today())) {
      throw new ValidationException(
          DESTROYED_DATE, "销毁日期不能晚于今天（" + EngineClock.today() + "），收到：" + date);
    }
    if (date.isBefore(destruction.createdAt().toLocalDate())) {
      throw new ValidationException(
          DESTROYED_DATE, "销毁日期不能早于申请日期（" + destruction.createdAt().toLocalDate() + "），收到：" + date);
    }
    archive.markDestroyed(destruction.entryIds(), destruction.id(), date, method, executor);
    destructions.markDestroyed(
        destruction.id(),
        witness1,
        org.displayName(witness1),
        witness2,
        org.displayName(witness2),
        date,
        executor,
        EngineClock.now());
    execution.setVariable(DESTROYED_DATE, date.toString());
    LOG.info(
        "销毁 {} 执行：{} 个档案条目，{}，监销人 {}、{}",
        destruction.id(),
        destruction.entryIds().size(),
        date,
        org.displayName(witness1),
        org.displayName(witness2));
  }

  public Destruction destruction(String id) {
    return destructions.find(id).orElseThrow(() -> new NotFoundException("销毁申请不存在：" + id));
  }

  // --- validation

  private List<ArchiveEntry> entries(Object raw) {
    if (raw != null && !(raw instanceof String)) {
      throw new ValidationException(ENTRIES, "档案条目必须是文本（每行一个条目编号或文号）");
    }
    String text = raw == null ? "" : ((String) raw).strip();
    if (text.isEmpty()) {
      throw new ValidationException(ENTRIES, "请填写要销毁的档案条目编号或文号（每行一个）");
    }
    Set<String> keys = new LinkedHashSet<>(List.of(SEPARATORS.split(text)));
    if (keys.size() > MAX_ENTRIES) {
      throw new ValidationException(
          ENTRIES, "一次最多申请销毁 " + MAX_ENTRIES + " 个档案条目，收到 " + keys.size() + " 个");
    }
    List<ArchiveEntry> entries = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String key : keys) {
      ArchiveEntry entry =
          archive
              .findByIdOrNumber(key)
              .orElseThrow(() -> new ValidationException(ENTRIES, "档案条目不存在：" + key));
      if (entry.destroyed()) {
        throw new ValidationException(
            ENTRIES, "档案条目已于 " + entry.destroyedOn() + " 销毁：" + entry.title() + "（" + key + "）");
      }
      destructions
          .openRequestOf(entry.id())
          .ifPresent(
              other -> {
                throw new ValidationException(
                    ENTRIES, "档案条目已在另一份进行中的销毁申请中（申请编号 " + other + "）：" + entry.title());
              });
      if (seen.add(entry.id())) {
        entries.add(entry);
      }
    }
    return entries;
  }

  private static String text(Object raw, String field, int max, String label) {
    if (raw != null && !(raw instanceof String)) {
      throw new ValidationException(field, label + "必须是文本");
    }
    String value = raw == null ? "" : ((String) raw).strip();
    if (value.isEmpty()) {
      throw new ValidationException(field, label + "必须填写");
    }
    if (value.length() > max) {
      throw new ValidationException(field, label + "不能超过 " + max + " 字");
    }
    return value;
  }

  private static String method(Object raw) {
    if (!(raw instanceof String m) || !METHODS.contains(m.strip())) {
      throw new ValidationException(
          METHOD, "销毁方式必须是 " + String.join("、", METHODS) + " 之一，收到：" + raw);
    }
    return ((String) raw).strip();
  }

  private String witness(Object raw, String field, String label, String executor) {
    String id = text(raw, field, 64, label);
    if (identity.createUserQuery().userId(id).count() == 0) {
      throw new ValidationException(field, label + "不存在：" + id + "（请填写用户名，如 zhaomin）");
    }
    if (id.equals(executor)) {
      throw new ValidationException(field, label + "不能是销毁执行人本人");
    }
    return id;
  }

  private static LocalDate date(Object raw) {
    LocalDate date = FormValues.optionalDate(raw, DESTROYED_DATE, "销毁日期");
    if (date == null) {
      throw new ValidationException(DESTROYED_DATE, "销毁日期必须填写（YYYY-MM-DD）");
    }
    return date;
  }

  private static String summary(List<ArchiveEntry> entries) {
    StringBuilder text = new StringBuilder();
    for (ArchiveEntry e : entries) {
      text.append(e.classification())
          .append("｜")
          .append(e.documentNumber() == null ? "无文号" : e.documentNumber())
          .append("｜")
          .append(e.title())
          .append("｜")
          .append(e.box() == null ? "纸质件未入盒" : "盒号 " + e.box() + "，架位 " + e.shelf())
          .append("｜")
          .append(e.id())
          .append('\n');
    }
    return text.toString().stripTrailing();
  }

  private static String destructionId(DelegateExecution execution) {
    return (String) execution.getVariable(DESTRUCTION_ID);
  }
}
