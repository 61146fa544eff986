package cn.officeflow.supplies;

import static cn.officeflow.supplies.SuppliesVariables.*;

import cn.officeflow.platform.calendar.WorkingDayCalendar;
import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.files.StoredFile;
import cn.officeflow.platform.files.StoredFileService;
import cn.officeflow.platform.inventory.InventoryService;
import cn.officeflow.platform.inventory.Item;
import cn.officeflow.platform.inventory.StockShortageException;
import cn.officeflow.platform.notify.Channel;
import cn.officeflow.platform.notify.NotificationService;
import cn.officeflow.platform.numbering.NumberingService;
import cn.officeflow.platform.org.OrgService;
import cn.officeflow.platform.review.ReviewService;
import cn.officeflow.platform.web.FormValues;
import cn.officeflow.platform.web.NotFoundException;
import cn.officeflow.platform.web.ValidationException;
import cn.officeflow.supplies.SuppliesRepository.Asset;
import cn.officeflow.supplies.SuppliesRepository.Disposal;
import cn.officeflow.supplies.SuppliesRepository.Requisition;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * 物资 (seed 002 一、(二) 物资全生命周期「采购-仓储-使用-报废」): 领用 (普通领用, 以旧换新, 共享领用) with the 部门负责人
 * above {@code officeflow.supplies.approval-threshold}, issue by {@code warehouse} through the platform's
 * InventoryService (never negative: a short stock is the platform's 409 「库存不足」 with what to do next, the
 * task stays open), loans with reminder and escalation, and 资产报废 (鉴定 → 核销 → 环保处置 → asset register). Everything
 * runs in the engine's transaction: a validation error rolls the rows back too.
 */
@Service("suppliesService")
public class SuppliesService {

  public static final String WAREHOUSE = "warehouse";
  public static final String IT_SUPPORT = "it-support";
  public static final String FINANCE = "finance";
  public static final String CERTIFICATE_STEP = "环保处置证明";

  private final SuppliesRepository repo;
  private final InventoryService inventory;
  private final OrgService org;
  private final WorkingDayCalendar workingDays;
  private final NotificationService notifications;
  private final ReviewService reviews;
  private final NumberingService numbering;
  private final StoredFileService files;
  private final BigDecimal approvalThreshold;
  private final int maxLoanDays;
  private final int reminderWorkingDays;

  public SuppliesService(
      SuppliesRepository repo,
      InventoryService inventory,
      OrgService org,
      WorkingDayCalendar workingDays,
      NotificationService notifications,
      ReviewService reviews,
      NumberingService numbering,
      StoredFileService files,
      @Value("${officeflow.supplies.approval-threshold:500}") BigDecimal approvalThreshold,
      @Value("${officeflow.supplies.max-loan-days:30}") int maxLoanDays,
      @Value("${officeflow.supplies.reminder-working-days:1}") int reminderWorkingDays) {
    this.repo = repo;
    this.inventory = inventory;
    this.org = org;
    this.workingDays = workingDays;
    this.notifications = notifications;
    this.reviews = reviews;
    this.numbering = numbering;
    this.files = files;
    this.approvalThreshold = approvalThreshold;
    this.maxLoanDays = maxLoanDays;
    this.reminderWorkingDays = reminderWorkingDays;
  }

  public BigDecimal approvalThreshold() {
    return approvalThreshold;
  }

  // ---------------------------------------------------------------- 领用

  /** Start of StartEvent_Requisition: validates the request, registers it, decides on approval. */
  public void startRequisition(DelegateExecution execution) {
    String requester = CurrentUser.initiator(execution, INITIATOR);
    if (requester == null || requester.isBlank()) {
      throw new ValidationException(INITIATOR, "物资领用须由已登录的员工发起");
    }
    Item item = item(execution.getVariable(ITEM_ID));
    int quantity = quantity(execution.getVariable(QUANTITY));
    String kind =
        FormValues.oneOf(
            execution.getVariable(KIND), KIND, List.copyOf(KINDS.keySet()), "领用方式", null);
    String purpose =
        FormValues.requiredText(execution.getVariable(PURPOSE), PURPOSE, MAX_TEXT, "用途");
    LocalDate today = EngineClock.today();
    LocalDate returnDate =
        FormValues.optionalDate(execution.getVariable(RETURN_DATE), RETURN_DATE, "归还日期");
    if (SHARED_KIND.equals(kind)) {
      if (!item.shareable()) {
        throw new ValidationException(KIND, "「" + item.name() + "」不是共享物品，不能共享领用，请选择普通领用");
      }
      if (returnDate == null) {
        throw new ValidationException(RETURN_DATE, "共享领用须填写归还日期");
      }
      if (returnDate.isBefore(today.plusDays(1))
          || returnDate.isAfter(today.plusDays(maxLoanDays))) {
        throw new ValidationException(
            RETURN_DATE, "归还日期须在明天到 " + maxLoanDays + " 天内（" + today.plusDays(maxLoanDays) + "）之间");
      }
    } else if (returnDate != null) {
      throw new ValidationException(RETURN_DATE, "只有共享领用填写归还日期");
    }
    BigDecimal total = item.unitValue().multiply(BigDecimal.valueOf(quantity));
    String department = org.departmentOf(requester).getId();
    List<String> heads =
        org.departmentHeads(department).stream().filter(h -> !h.equals(requester)).toList();
    if (heads.isEmpty()) {
      // a 部门负责人's own requisition: the department's 分管领导 approve it
      heads = org.deputyLeaders(department).stream().filter(h -> !h.equals(requester)).toList();
    }
    boolean needsApproval = total.compareTo(approvalThreshold) > 0;
    if (needsApproval && heads.isEmpty()) {
      throw new ValidationException(INITIATOR, "所在部门没有可审批的部门负责人，请联系管理员");
    }
    String id = UUID.randomUUID().toString();
    LocalDateTime now = EngineClock.now();
    String name = org.displayName(requester);
    repo.insertRequisition(
        new Requisition(
            id,
            execution.getProcessInstanceId(),
            requester,
            name,
            department,
            item.id(),
            item.name(),
            quantity,
            total,
            kind,
            purpose,
            returnDate,
            needsApproval ? "APPROVING" : "ISSUING",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            now,
            null));
    execution.setProcessBusinessKey(id);
    execution.setVariable(REQUISITION_ID, id);
    execution.setVariable(ITEM_ID, item.id());
    execution.setVariable(ITEM_NAME, item.name() + "（" + item.code() + "，单位：" + item.unit() + "）");
    execution.setVariable(QUANTITY, quantity);
    execution.setVariable(KIND, kind);
    execution.setVariable(KIND_LABEL, KINDS.get(kind));
    execution.setVariable(PURPOSE, purpose);
    execution.setVariable(RETURN_DATE, returnDate == null ? null : returnDate.toString());
    execution.setVariable(TOTAL_VALUE, total.toPlainString());
    execution.setVariable(REQUESTER_NAME, name);
    execution.setVariable(NEEDS_APPROVAL, needsApproval);
    execution.setVariable(APPROVERS, heads);
    execution.setVariable(SHARED, SHARED_KIND.equals(kind));
    execution.setVariable(SUMMARY, summary(id));
  }

  /** End of Task_DeptApprove (after the review trail's ApprovalListener recorded the decision). */
  public void approved(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    boolean rejected = Boolean.TRUE.equals(execution.getVariable("revisionRequired"));
    Map<String, Object> set = new LinkedHashMap<>();
    set.put("status", rejected ? "REJECTED" : "ISSUING");
    set.put("approved_by", ReviewService.currentUser(execution));
    repo.updateRequisition(requisitionId(execution), set, EngineClock.now());
    if (rejected) {
      Requisition r = repo.requisition(requisitionId(execution)).orElseThrow();
      notifications.send(
          "supplies-rejected",
          Map.of(
              "summary",
              summary(r.id()),
              "reason",
              String.valueOf(execution.getVariable(ReviewService.COMMENT))),
          List.of(r.requester()),
          Channel.BOTH,
          r.id());
    }
  }

  /**
   * End of Task_Issue by warehouse: 发放 (the stock goes down; a short stock → 409 「库存不足」, nothing changed,
   * the task stays open) or 不予发放 with a reason (the request ends, the requester is told).
   * 以旧换新 needs the old item's tag and condition, recorded as received.
   */
  public void issue(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String id = requisitionId(execution);
    Requisition r = repo.requisition(id).orElseThrow();
    String user = ReviewService.currentUser(execution);
    String decision =
        FormValues.oneOf(
            execution.getVariable(ISSUE_DECISION),
            ISSUE_DECISION,
            List.of("issue", "refuse"),
            "发放结论",
            null);
    String comment =
        FormValues.optionalText(
            execution.getVariable(ISSUE_COMMENT), ISSUE_COMMENT, MAX_TEXT, "说明");
    LocalDateTime now = EngineClock.now();
    if ("refuse".equals(decision)) {
      if (comment == null) {
        throw new ValidationException(ISSUE_COMMENT, "不予发放时须写明原因（例如库存不足、待采购）");
      }
      repo.updateRequisition(id, Map.of("status", "REFUSED", "issued_by", user), now);
      execution.setVariable(ISSUED, false);
      notifications.send(
          "supplies-refused",
          Map.of("summary", summary(id), "reason", comment),
          List.of(r.requester()),
          Channel.BOTH,
          id);
      return;
    }
    Map<String, Object> set = new LinkedHashMap<>();
    if (EXCHANGE.equals(r.kind())) {
      String tag =
          FormValues.optionalText(
              execution.getVariable(OLD_ASSET_TAG), OLD_ASSET_TAG, 64, "旧物品资产标签号");
      String condition =
          FormValues.optionalText(
              execution.getVariable(OLD_CONDITION), OLD_CONDITION, MAX_TEXT, "旧物品状况");
      if (tag == null) {
        throw new ValidationException(OLD_ASSET_TAG, "以旧换新须先收回旧物品：请填写旧物品的资产标签号或序列号");
      }
      if (condition == null) {
        throw new ValidationException(OLD_CONDITION, "以旧换新须记录收回的旧物品状况");
      }
      set.put("old_asset_tag", tag);
      set.put("old_condition", condition);
      set.put("old_received_by", user);
      set.put("old_received_at", now);
      Asset old = repo.asset(tag).orElse(null);
      if (old != null && "SCRAPPED".equals(old.status())) {
        throw new ValidationException(OLD_ASSET_TAG, "资产 " + tag + " 已报废，不能再用于以旧换新");
      }
      repo.assetStatus(
          tag,
          old == null ? r.itemId() : old.itemId(),
          old == null ? r.itemName() : old.name(),
          "IN_STOCK",
          null,
          "以旧换新收回：" + condition,
          id,
          user,
          now);
    } else if (execution.getVariable(OLD_ASSET_TAG) != null
        && !String.valueOf(execution.getVariable(OLD_ASSET_TAG)).isBlank()) {
      throw new ValidationException(OLD_ASSET_TAG, "只有以旧换新登记旧物品");
    }
    try {
      inventory.issue(r.itemId(), r.quantity(), KINDS.get(r.kind()) + "：" + r.purpose(), id);
    } catch (StockShortageException e) {
      // 409 on /engine-rest and in Tasklist; the whole step rolls back and the task stays open
      throw new StockShortageException(e.getMessage() + "。请待入库后再发放，或选择「不予发放」并写明原因（申请结束，通知申请人）");
    }
    boolean shared = SHARED_KIND.equals(r.kind());
    String handedOut =
        FormValues.optionalText(
            execution.getVariable(ASSET_TAG_ISSUED), ASSET_TAG_ISSUED, 64, "发放资产标签号");
    if (handedOut != null) {
      Asset asset = repo.asset(handedOut).orElse(null);
      if (asset != null && !"IN_STOCK".equals(asset.status())) {
        throw new ValidationException(
            ASSET_TAG_ISSUED,
            "资产 " + handedOut + " 当前状态为「" + statusLabel(asset.status()) + "」，不能发放");
      }
      if (handedOut.equals(set.get("old_asset_tag"))) {
        throw new ValidationException(ASSET_TAG_ISSUED, "发放的资产不能是刚收回的旧物品");
      }
      repo.assetStatus(
          handedOut,
          r.itemId(),
          r.itemName(),
          shared ? "ON_LOAN" : "IN_USE",
          r.requester(),
          KINDS.get(r.kind()) + "：" + r.requesterName(),
          id,
          user,
          now);
      set.put("asset_tag", handedOut);
    }
    set.put("status", shared ? "ON_LOAN" : "ISSUED");
    set.put("issued_by", user);
    set.put("issued_at", now);
    repo.updateRequisition(id, set, now);
    execution.setVariable(ISSUED, true);
  }

  /** End of Task_Return: the lent item is back (restock), with its condition. */
  public void returned(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String id = requisitionId(execution);
    Requisition r = repo.requisition(id).orElseThrow();
    String condition =
        FormValues.requiredText(
            execution.getVariable(RETURN_CONDITION), RETURN_CONDITION, MAX_TEXT, "归还状况");
    inventory.restock(r.itemId(), r.quantity(), "共享领用归还：" + condition, id);
    if (r.assetTag() != null) {
      Asset asset = repo.asset(r.assetTag()).orElseThrow();
      repo.assetStatus(
          asset.tag(),
          asset.itemId(),
          asset.name(),
          "IN_STOCK",
          null,
          "共享领用归还：" + condition,
          id,
          ReviewService.currentUser(execution),
          EngineClock.now());
    }
    Map<String, Object> set = new LinkedHashMap<>();
    set.put("status", "RETURNED");
    set.put("returned_by", ReviewService.currentUser(execution));
    set.put("returned_at", EngineClock.now());
    set.put("return_condition", condition);
    repo.updateRequisition(id, set, EngineClock.now());
  }

  /** Due date of Task_Return: the return date, 18:00 Beijing. */
  public Date returnDue(DelegateExecution execution) {
    return date(returnDate(execution).atTime(18, 0));
  }

  /**
   * timeDate of Timer_LoanReminder: 09:00 Beijing, {@code reminder-working-days} working days before the return
   * date; now when that has passed.
   */
  public Date reminderAt(DelegateExecution execution) {
    LocalDate day = returnDate(execution);
    int back = 0;
    while (back < reminderWorkingDays) {
      day = day.minusDays(1);
      if (workingDays.isWorkingDay(day)) {
        back++;
      }
    }
    LocalDateTime at = day.atTime(9, 0);
    LocalDateTime now = EngineClock.now();
    return date(at.isBefore(now) ? now : at);
  }

  /** timeDate of Timer_LoanOverdue: 09:00 Beijing on the day after the return date. */
  public Date overdueAt(DelegateExecution execution) {
    return date(returnDate(execution).plusDays(1).atTime(9, 0));
  }

  public void remindBorrower(DelegateExecution execution) {
    Requisition r = repo.requisition(requisitionId(execution)).orElseThrow();
    notifications.send(
        "supplies-loan-reminder",
        Map.of("summary", summary(r.id()), "returnDate", r.returnDate().toString()),
        List.of(r.requester()),
        Channel.BOTH,
        r.id());
  }

  public void escalateOverdue(DelegateExecution execution) {
    Requisition r = repo.requisition(requisitionId(execution)).orElseThrow();
    List<String> recipients = new ArrayList<>();
    recipients.add(r.requester());
    recipients.addAll(org.departmentHeads(r.department()));
    recipients.addAll(org.members(WAREHOUSE));
    notifications.send(
        "supplies-loan-overdue",
        Map.of(
            "summary", summary(r.id()),
            "returnDate", r.returnDate().toString(),
            "borrowerName", r.requesterName()),
        recipients,
        Channel.BOTH,
        r.id());
  }

  // ---------------------------------------------------------------- 报废

  /** Start of StartEvent_Disposal by warehouse: a tagged asset (quantity 1) or a stock item with a quantity. */
  public void startDisposal(DelegateExecution execution) {
    String applicant = CurrentUser.initiator(execution, INITIATOR);
    if (applicant == null || applicant.isBlank()) {
      throw new ValidationException(INITIATOR, "资产报废须由已登录的仓库管理员发起");
    }
    if (!org.isMember(applicant, WAREHOUSE)) {
      throw new cn.officeflow.platform.web.AccessRefusedException("只有仓库管理（warehouse）可以申请资产报废");
    }
    String tag = FormValues.optionalText(execution.getVariable(ASSET_TAG), ASSET_TAG, 64, "资产标签号");
    Object rawItem = execution.getVariable(ITEM_ID);
    boolean hasItem = rawItem instanceof String s && !s.isBlank();
    String reason =
        FormValues.requiredText(execution.getVariable(REASON), REASON, MAX_REASON, "报废原因");
    String itemId;
    String itemName;
    int quantity;
    if (tag != null) {
      if (hasItem) {
        throw new ValidationException(ITEM_ID, "报废登记的资产（标签号）或库存物品，二选一");
      }
      Asset asset =
          repo.asset(tag)
              .orElseThrow(() -> new ValidationException(ASSET_TAG, "资产登记中没有标签号 " + tag));
      if ("SCRAPPED".equals(asset.status())) {
        throw new ValidationException(ASSET_TAG, "资产 " + tag + " 已报废");
      }
      if (repo.openDisposalOf(tag)) {
        throw new ValidationException(ASSET_TAG, "资产 " + tag + " 已有进行中的报废申请");
      }
      Object rawQuantity = execution.getVariable(QUANTITY);
      if (rawQuantity != null && quantity(rawQuantity) != 1) {
        throw new ValidationException(QUANTITY, "按资产标签号报废时数量只能为 1");
      }
      itemId = asset.itemId();
      itemName = asset.name() + "（" + tag + "）";
      quantity = 1;
    } else {
      if (!hasItem) {
        throw new ValidationException(ASSET_TAG, "请填写资产标签号，或选择库存物品");
      }
      Item item = item(rawItem);
      quantity = quantity(execution.getVariable(QUANTITY));
      if (quantity > item.stock()) {
        throw new ValidationException(
            QUANTITY, "报废数量 " + quantity + " 超过「" + item.name() + "」库存 " + item.stock());
      }
      itemId = item.id();
      itemName = item.name();
    }
    String id = UUID.randomUUID().toString();
    String name = org.displayName(applicant);
    repo.insertDisposal(
        new Disposal(
            id,
            execution.getProcessInstanceId(),
            applicant,
            name,
            tag == null ? itemId : itemId,
            itemName,
            tag,
            quantity,
            reason,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "APPRAISING",
            EngineClock.now()));
    execution.setProcessBusinessKey(id);
    execution.setVariable(DISPOSAL_ID, id);
    execution.setVariable(ITEM_NAME, itemName);
    execution.setVariable(QUANTITY, quantity);
    execution.setVariable(REASON, reason);
    execution.setVariable(ASSET_TAG, tag);
    execution.setVariable(ITEM_ID, tag == null ? itemId : null);
    execution.setVariable(REQUESTER_NAME, name);
  }

  /** End of Task_Appraise: scrap or repairable, with the technical note. */
  public void appraise(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String appraisal =
        FormValues.oneOf(
            execution.getVariable(APPRAISAL),
            APPRAISAL,
            List.of("scrap", "repairable"),
            "鉴定结论",
            null);
    String note =
        FormValues.requiredText(
            execution.getVariable(APPRAISAL_NOTE), APPRAISAL_NOTE, MAX_REASON, "鉴定意见");
    boolean scrap = "scrap".equals(appraisal);
    Map<String, Object> set = new LinkedHashMap<>();
    set.put("appraisal", appraisal);
    set.put("appraisal_note", note);
    set.put("appraised_by", ReviewService.currentUser(execution));
    set.put("status", scrap ? "WRITING_OFF" : "REPAIRABLE");
    repo.updateDisposal(disposalId(execution), set, EngineClock.now());
    execution.setVariable(SCRAP, scrap);
    execution.setVariable("appraisalSummary", (scrap ? "报废：" : "可修复：") + note);
  }

  /** End of Task_WriteOff by finance (after the review trail recorded approve/reject): book value, number. */
  public void writeOff(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String id = disposalId(execution);
    boolean rejected = Boolean.TRUE.equals(execution.getVariable("revisionRequired"));
    Map<String, Object> set = new LinkedHashMap<>();
    set.put("written_off_by", ReviewService.currentUser(execution));
    if (rejected) {
      set.put("status", "REJECTED");
      repo.updateDisposal(id, set, EngineClock.now());
      return;
    }
    BigDecimal bookValue = bookValue(execution.getVariable(BOOK_VALUE));
    int year = EngineClock.today().getYear();
    String number = "核销〔" + year + "〕" + numbering.next("supplies-write-off", year) + "号";
    set.put("book_value", bookValue);
    set.put("write_off_number", number);
    set.put("status", "DISPOSING");
    repo.updateDisposal(id, set, EngineClock.now());
    execution.setVariable(WRITE_OFF_NUMBER, number);
  }

  /**
   * End of Task_Dispose by warehouse: the vendor, and the certificate uploaded before (POST
   * /api/supplies/disposals/{id}/certificate, stored with its SHA-256); then the register is updated.
   */
  public void dispose(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String id = disposalId(execution);
    String vendor = FormValues.requiredText(execution.getVariable(VENDOR), VENDOR, 200, "环保处置单位");
    List<StoredFile> certificates = files.list(id);
    if (certificates.isEmpty()) {
      throw new ValidationException("certificate", "请先上传环保处置证明文件（处置单位出具的回收/处置证明）");
    }
    StoredFile certificate = certificates.get(certificates.size() - 1);
    Disposal d = repo.disposal(id).orElseThrow();
    String user = ReviewService.currentUser(execution);
    LocalDateTime now = EngineClock.now();
    String reason = "报废 " + d.writeOffNumber() + "：" + d.reason();
    if (d.assetTag() != null) {
      Asset asset = repo.asset(d.assetTag()).orElseThrow();
      repo.assetStatus(
          asset.tag(), asset.itemId(), asset.name(), "SCRAPPED", null, reason, id, user, now);
    } else {
      try {
        inventory.writeOff(d.itemId(), d.quantity(), reason, id);
      } catch (StockShortageException e) {
        throw new StockShortageException(e.getMessage() + "。无法核减，请核对库存后再办理");
      }
    }
    Map<String, Object> set = new LinkedHashMap<>();
    set.put("vendor", vendor);
    set.put("certificate_file_id", certificate.id());
    set.put("certificate_sha256", certificate.sha256());
    set.put("disposed_by", user);
    set.put("status", "DISPOSED");
    repo.updateDisposal(id, set, now);
  }

  /** Stores a certificate for a disposal waiting at 环保处置 (warehouse only; others 404). */
  public StoredFile storeCertificate(String disposalId, String name, String type, byte[] content) {
    Disposal d = repo.disposal(disposalId).orElseThrow(() -> new NotFoundException("没有这个报废申请"));
    if (!"DISPOSING".equals(d.status())) {
      throw new cn.officeflow.platform.web.ConflictException("只有待环保处置的报废申请可以上传处置证明");
    }
    return files.store(disposalId, CERTIFICATE_STEP, name, type, content);
  }

  // ---------------------------------------------------------------- helpers

  public String summary(String requisitionId) {
    Requisition r = repo.requisition(requisitionId).orElseThrow();
    return r.requesterName()
        + " "
        + KINDS.get(r.kind())
        + "「"
        + r.itemName()
        + "」× "
        + r.quantity()
        + "（"
        + r.totalValue().toPlainString()
        + " 元）";
  }

  private Item item(Object raw) {
    if (!(raw instanceof String id) || id.isBlank()) {
      throw new ValidationException(ITEM_ID, "请选择物品");
    }
    Item item =
        inventory.find(id).orElseThrow(() -> new ValidationException(ITEM_ID, "没有这个物品：" + id));
    if (!item.active()) {
      throw new ValidationException(ITEM_ID, "物品「" + item.name() + "」已停用");
    }
    return item;
  }

  static int quantity(Object raw) {
    Integer q = FormValues.optionalInt(raw, QUANTITY, 1, MAX_QUANTITY, "数量");
    if (q == null) {
      throw new ValidationException(QUANTITY, "请填写数量（1 到 " + MAX_QUANTITY + "）");
    }
    return q;
  }

  static BigDecimal bookValue(Object raw) {
    BigDecimal value;
    try {
      value =
          raw instanceof Number n
              ? new BigDecimal(n.toString())
              : raw instanceof String s && !s.isBlank() ? new BigDecimal(s.strip()) : null;
    } catch (NumberFormatException e) {
      value = null;
    }
    if (value == null
        || value.signum() < 0
        || value.scale() > 2
        || value.compareTo(BigDecimal.valueOf(100_000_000)) > 0) {
      throw new ValidationException(BOOK_VALUE, "请填写账面净值（元，0 到 1 亿，最多两位小数）");
    }
    return value;
  }

  private LocalDate returnDate(DelegateExecution execution) {
    return repo.requisition(requisitionId(execution)).orElseThrow().returnDate();
  }

  private static String requisitionId(DelegateExecution execution) {
    return (String) execution.getVariable(REQUISITION_ID);
  }

  private static String disposalId(DelegateExecution execution) {
    return (String) execution.getVariable(DISPOSAL_ID);
  }

  private static Date date(LocalDateTime t) {
    return Date.from(t.atZone(EngineClock.ZONE).toInstant());
  }

  static Map<String, Object> map() {
    return new HashMap<>();
  }
}
