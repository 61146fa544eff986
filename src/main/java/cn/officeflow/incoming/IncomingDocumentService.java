package cn.officeflow.incoming;

import static cn.officeflow.incoming.IncomingDocumentVariables.*;

import cn.officeflow.incoming.IncomingDocumentRepository.Handling;
import cn.officeflow.platform.archive.ArchiveChain;
import cn.officeflow.platform.archive.ArchiveEntry;
import cn.officeflow.platform.archive.ArchiveService;
import cn.officeflow.platform.archive.ArchiveSource;
import cn.officeflow.platform.archive.NewArchiveEntry;
import cn.officeflow.platform.calendar.WorkingDayCalendar;
import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.engine.StoredFileLimits;
import cn.officeflow.platform.engine.SystemAuthentication;
import cn.officeflow.platform.notify.Channel;
import cn.officeflow.platform.notify.NotificationService;
import cn.officeflow.platform.numbering.NumberingService;
import cn.officeflow.platform.org.OrgService;
import cn.officeflow.platform.org.RoleGroups;
import cn.officeflow.platform.review.Review;
import cn.officeflow.platform.review.ReviewRepository;
import cn.officeflow.platform.review.ReviewService;
import cn.officeflow.platform.supervise.SupervisedCase;
import cn.officeflow.platform.supervise.SupervisedCases;
import cn.officeflow.platform.web.FormValues;
import cn.officeflow.platform.web.NotFoundException;
import cn.officeflow.platform.web.ValidationException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 收文「登记-拟办-督办-归档」: 登记 by the office clerks (收文编号, duplicate check, 扫描件 with SHA-256) → 拟办 by
 * the office director (办理: 主办 + 协办部门 + 办理期限 in working days, default by urgency; or 阅知) → 领导批示 (may
 * change the proposal, may add 传阅 to other leaders) → 督办 (the {@code supervision} process, called: 交办,
 * 承办 with 协办 in parallel, 办结, 督查, 考核, with 红黄绿灯) and 传阅 in parallel → 归档 (a ZIP of the 处理笺 and
 * the files into the archive's hash chain). Everything runs in the engine's transaction: a validation error
 * (400 naming the field) rolls the rows back with the engine state.
 */
@Service("incomingDocumentService")
public class IncomingDocumentService {

  static final String COUNTER_KEY = "incoming";
  private static final Logger LOG = LoggerFactory.getLogger(IncomingDocumentService.class);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final IncomingDocumentRepository documents;
  private final NumberingService numbering;
  private final OrgService org;
  private final ReviewRepository reviews;
  private final SupervisedCases supervision;
  private final WorkingDayCalendar workingDays;
  private final IncomingArchivePackage archivePackage;
  private final ArchiveService archive;
  private final IdentityService identity;
  private final RuntimeService runtime;
  private final NotificationService notifications;
  private final StoredFileLimits limits;
  private final String numberPrefix;
  private final int daysExtraUrgent;
  private final int daysUrgent;
  private final int daysNormal;

  public IncomingDocumentService(
      IncomingDocumentRepository documents,
      NumberingService numbering,
      OrgService org,
      ReviewRepository reviews,
      SupervisedCases supervision,
      WorkingDayCalendar workingDays,
      IncomingArchivePackage archivePackage,
      ArchiveService archive,
      IdentityService identity,
      RuntimeService runtime,
      NotificationService notifications,
      StoredFileLimits limits,
      @Value("${officeflow.incoming.number-prefix:收文}") String numberPrefix,
      @Value("${officeflow.incoming.deadline-days.extra-urgent:1}") int daysExtraUrgent,
      @Value("${officeflow.incoming.deadline-days.urgent:3}") int daysUrgent,
      @Value("${officeflow.incoming.deadline-days.normal:5}") int daysNormal) {
    this.documents = documents;
    this.numbering = numbering;
    this.org = org;
    this.reviews = reviews;
    this.supervision = supervision;
    this.workingDays = workingDays;
    this.archivePackage = archivePackage;
    this.archive = archive;
    this.identity = identity;
    this.runtime = runtime;
    this.notifications = notifications;
    this.limits = limits;
    this.numberPrefix = numberPrefix.strip();
    for (int days : List.of(daysExtraUrgent, daysUrgent, daysNormal)) {
      if (days < MIN_DAYS || days > MAX_DAYS) {
        throw new IllegalStateException(
            "officeflow.incoming.deadline-days.* 必须在 "
                + MIN_DAYS
                + " 到 "
                + MAX_DAYS
                + " 个工作日之间，收到："
                + days);
      }
    }
    this.daysExtraUrgent = daysExtraUrgent;
    this.daysUrgent = daysUrgent;
    this.daysNormal = daysNormal;
  }

  // --- 登记

  /** Process start (登记): validates, checks for a duplicate, takes the gapless 收文编号 and stores the row. */
  public void register(DelegateExecution execution) {
    String clerk = CurrentUser.initiator(execution, INITIATOR);
    if (clerk == null || clerk.isBlank()) {
      throw new ValidationException(INITIATOR, "收文必须由已登录的文书登记");
    }
    // blanks inside are noise (「市应急发 〔2026〕 31号」 is 「市应急发〔2026〕31号」), so the duplicate check
    // ignores them
    String senderOrg =
        FormValues.requiredText(execution.getVariable(SENDER_ORG), SENDER_ORG, MAX_SENDER, "来文单位")
            .replaceAll("\\s+", " ");
    String senderNumber =
        FormValues.optionalText(
            execution.getVariable(SENDER_NUMBER), SENDER_NUMBER, MAX_SENDER_NUMBER, "来文文号");
    senderNumber = senderNumber == null ? null : senderNumber.replaceAll("\\s+", "");
    String title = FormValues.requiredText(execution.getVariable(TITLE), TITLE, MAX_TITLE, "标题");
    LocalDate today = EngineClock.today();
    LocalDate receivedOn = receivedDate(execution.getVariable(RECEIVED_DATE), today);
    String urgency =
        FormValues.oneOf(execution.getVariable(URGENCY), URGENCY, URGENCIES, "紧急程度", "普通");
    String secrecy =
        FormValues.oneOf(
            execution.getVariable(SECRECY), SECRECY, ArchiveService.SECRECIES, "密级", "公开");
    Integer pages = FormValues.optionalInt(execution.getVariable(PAGES), PAGES, 1, MAX_PAGES, "页数");
    if (pages == null) {
      throw new ValidationException(PAGES, "页数必须填写（1 到 " + MAX_PAGES + "）");
    }
    String summary =
        FormValues.optionalText(execution.getVariable(SUMMARY), SUMMARY, MAX_SUMMARY, "内容摘要");

    String duplicateOf = null;
    String duplicateNote = "无";
    if (senderNumber != null) {
      List<IncomingDocument> earlier = documents.sameSender(senderOrg, senderNumber);
      if (!earlier.isEmpty()) {
        IncomingDocument first = earlier.get(0);
        String seen =
            "来文单位「"
                + senderOrg
                + "」的来文文号「"
                + senderNumber
                + "」已于 "
                + DAY.format(first.registeredAt())
                + " 登记为 "
                + first.receiptNumber()
                + "（"
                + first.title()
                + "）";
        if (!FormValues.bool(execution.getVariable(DUPLICATE_CONFIRMED))) {
          throw new ValidationException(SENDER_NUMBER, seen + "。如确属另一份来文（如更正件），请勾选「确认重复登记」后再提交");
        }
        duplicateOf = first.id();
        duplicateNote = "⚠ " + seen + "；登记人已确认重复登记";
      }
    }

    int year = today.getYear();
    int seq = numbering.next(COUNTER_KEY, year);
    String receiptNumber = numberPrefix + "〔" + year + "〕" + seq + "号";
    String id = UUID.randomUUID().toString();
    LocalDateTime now = EngineClock.now();
    String clerkName = org.displayName(clerk);
    documents.insert(
        new IncomingDocument(
            id,
            execution.getProcessInstanceId(),
            year,
            seq,
            receiptNumber,
            senderOrg,
            senderNumber,
            title,
            receivedOn,
            urgency,
            secrecy,
            pages,
            summary,
            duplicateOf,
            clerk,
            clerkName,
            now,
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
            null,
            null,
            null,
            null,
            null,
            null,
            IncomingStatus.REGISTERED,
            now));
    execution.setProcessBusinessKey(id);
    execution.setVariable(INCOMING_DOCUMENT_ID, id);
    execution.setVariable(RECEIPT_NUMBER, receiptNumber);
    execution.setVariable(SENDER_ORG, senderOrg);
    execution.setVariable(SENDER_NUMBER, senderNumber);
    execution.setVariable(TITLE, title);
    execution.setVariable(RECEIVED_DATE, receivedOn.toString());
    execution.setVariable(URGENCY, urgency);
    execution.setVariable(SECRECY, secrecy);
    execution.setVariable(PAGES, (long) pages);
    execution.setVariable(SUMMARY, summary);
    execution.setVariable(DUPLICATE_NOTE, duplicateNote);
    execution.setVariable(ATTACHMENT_TEXT, NO_ATTACHMENTS);
    execution.setVariable(VOIDED, false);
    // the 拟办 form starts from the defaults
    execution.setVariable(HANDLING, HANDLE);
    execution.setVariable(DEADLINE_DAYS, (long) defaultDeadlineDays(urgency));
    LOG.info(
        "收文登记 {}：{}（{} {}），{}{}",
        receiptNumber,
        title,
        senderOrg,
        senderNumber == null ? "无文号" : senderNumber,
        urgency,
        duplicateOf == null ? "" : "，确认重复登记");
  }

  /** 办理期限 by urgency (特急 1, 加急 3, 普通 5 working days unless configured otherwise). */
  public int defaultDeadlineDays(String urgency) {
    return switch (urgency) {
      case "特急" -> daysExtraUrgent;
      case "加急" -> daysUrgent;
      default -> daysNormal;
    };
  }

  /**
   * End of Task_Scan (扫描上传): at least one electronic file, then on to 拟办 — or 作废 with a reason (a wrong
   * registration): the 收文编号 stays used and the register shows it as void.
   */
  public void scanned(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String id = documentId(execution);
    documents.lockStatus(id);
    if (FormValues.bool(execution.getVariable(VOID_REQUESTED))) {
      String reason =
          FormValues.requiredText(execution.getVariable(VOID_REASON), VOID_REASON, 500, "作废原因");
      LocalDateTime now = EngineClock.now();
      documents.voided(id, reason, now);
      trail(execution, ReviewService.currentUser(execution), Review.VOID, reason, now);
      execution.setVariable(VOIDED, true);
      LOG.info("收文 {} 登记作废：{}", document(id).receiptNumber(), reason);
      return;
    }
    List<IncomingAttachment> files = documents.attachments(id);
    if (files.isEmpty()) {
      throw new ValidationException(ATTACHMENTS, "请先在「收文附件」中上传来文扫描件（至少一个文件），再送拟办");
    }
    documents.updateStatus(id, IncomingStatus.PROPOSING, EngineClock.now());
    execution.setVariable(ATTACHMENT_TEXT, attachmentText(files));
    IncomingDocument d = document(id);
    if (!"普通".equals(d.urgency())) {
      // 特急/加急: the office director learns of it at once by e-mail and SMS (双提醒), not only in
      // Tasklist
      Map<String, Object> model = new HashMap<>();
      model.put("receiptNumber", d.receiptNumber());
      model.put("title", d.title());
      model.put("senderOrg", d.senderOrg());
      model.put("urgency", d.urgency());
      model.put("deadlineDays", defaultDeadlineDays(d.urgency()));
      notifications.send(
          "incoming-urgent", model, org.members(RoleGroups.OFFICE_DIRECTOR), Channel.BOTH, id);
    }
  }

  // --- 拟办 and 批示

  /** End of Task_Propose (拟办): 办理 with 主办/协办/期限, or 阅知; the proposal text is required. */
  public void propose(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Handling handling = handling(execution);
    String proposal =
        FormValues.requiredText(execution.getVariable(PROPOSAL), PROPOSAL, MAX_OPINION, "拟办意见");
    String user = ReviewService.currentUser(execution);
    String id = documentId(execution);
    LocalDateTime now = EngineClock.now();
    documents.propose(id, handling, proposal, user, now);
    trail(execution, user, Review.PROPOSE, describe(handling) + proposal, now);
    setHandlingVariables(execution, handling);
    execution.setVariable(PROPOSED_BY, user);
    execution.setVariable(PROPOSAL, proposal);
    execution.setVariable(
        PROPOSAL_TEXT,
        org.displayName(user) + "（" + TIME.format(now) + "）：" + describe(handling) + proposal);
  }

  /**
   * End of Task_Instruct (领导批示): the leader may change the handling; 批示意见 is required; 传阅 names other
   * leaders (the instructing leader is left out).
   */
  public void instruct(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Handling handling = handling(execution);
    String instruction =
        FormValues.requiredText(
            execution.getVariable(INSTRUCTION), INSTRUCTION, MAX_OPINION, "批示意见");
    String user = ReviewService.currentUser(execution);
    List<String> readers = new ArrayList<>();
    for (String reader :
        FormValues.ids(execution.getVariable(CIRCULATE_TO), CIRCULATE_TO, "传阅领导")) {
      if (!org.isMember(reader, RoleGroups.LEADERS)) {
        throw new ValidationException(CIRCULATE_TO, "传阅对象 " + reader + " 不是单位领导");
      }
      if (!reader.equals(user)) {
        readers.add(reader);
      }
    }
    String id = documentId(execution);
    LocalDateTime now = EngineClock.now();
    IncomingStatus next =
        HANDLE.equals(handling.handling())
            ? IncomingStatus.HANDLING
            : readers.isEmpty() ? IncomingStatus.ARCHIVING : IncomingStatus.CIRCULATING;
    String name = org.displayName(user);
    documents.instruct(
        id,
        handling,
        instruction,
        user,
        name,
        readers.isEmpty() ? null : String.join(",", readers),
        next,
        now);
    trail(execution, user, Review.INSTRUCT, describe(handling) + instruction, now);
    setHandlingVariables(execution, handling);
    execution.setVariable(INSTRUCTION, instruction);
    execution.setVariable(CIRCULATE_TO, SpinValues.jsonValue(Spin.JSON(readers)).create());
    execution.setVariable(INSTRUCTION_TEXT, name + "（" + TIME.format(now) + "）：" + instruction);
    execution.setVariable(CIRCULATION_TEXT, readers.isEmpty() ? "无" : org.displayNames(readers));
    LOG.info("收文 {} 批示：{}，{}", id, name, describe(handling));
  }

  /** Collection of the 传阅 multi-instance: the leaders named in the 批示. */
  public List<String> circulationReaders(DelegateExecution execution) {
    return document(documentId(execution)).circulateToIds();
  }

  /** Whether the 批示 named any leaders for 传阅 (condition of Gateway_Circulate). */
  public boolean hasCirculation(DelegateExecution execution) {
    return !circulationReaders(execution).isEmpty();
  }

  /** End of Task_Circulate (传阅): 已阅, with an optional remark, into the trail. */
  public void read(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String comment =
        FormValues.optionalText(
            execution.getVariable(READ_COMMENT), READ_COMMENT, MAX_OPINION, "阅示意见");
    trail(execution, ReviewService.currentUser(execution), Review.READ, comment, EngineClock.now());
  }

  // --- 督办 (the called supervision process)

  /** 督办事项 title for the called supervision process. */
  public String supervisionTitle(DelegateExecution execution) {
    IncomingDocument d = document(documentId(execution));
    String title = "【" + d.receiptNumber() + "】" + d.title();
    return title.length() > 200 ? title.substring(0, 199) + "…" : title;
  }

  /** 督办依据 for the called supervision process: the 来文 and the 批示. */
  public String supervisionBasis(DelegateExecution execution) {
    IncomingDocument d = document(documentId(execution));
    String basis =
        "收文 "
            + d.receiptNumber()
            + "："
            + d.senderOrg()
            + (d.senderNumber() == null ? "" : " " + d.senderNumber())
            + "《"
            + d.title()
            + "》。"
            + d.instructedByName()
            + "批示："
            + d.instruction();
    return basis.length() > 1000 ? basis.substring(0, 999) + "…" : basis;
  }

  /** 协办部门 (comma-separated ids) for the called supervision process. */
  public String assistingText(DelegateExecution execution) {
    String text = document(documentId(execution)).assistingDepartments();
    return text == null ? "" : text;
  }

  /** End of the call activity: the 督办 item is done; keep its id on the 收文. */
  public void supervised(DelegateExecution execution) {
    Object itemId = execution.getVariable(SUPERVISION_ITEM_ID);
    if (itemId instanceof String item) {
      documents.linkSupervision(documentId(execution), item, EngineClock.now());
    }
  }

  // --- 归档

  /** Start of Task_Archive: status and a summary of the 办理 for the form. */
  public void prepareArchive(DelegateExecution execution) {
    String id = documentId(execution);
    documents.updateStatus(id, IncomingStatus.ARCHIVING, EngineClock.now());
    execution.setVariable(HANDLING_TEXT, handlingSummary(document(id)));
  }

  /** End of Task_Archive (归档): the 处理笺 and the files as one ZIP into the archive, with box and shelf. */
  public void archive(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    IncomingDocument d = document(documentId(execution));
    Object box = execution.getVariable(BOX);
    Object shelf = execution.getVariable(SHELF);
    String boxText = FormValues.optionalText(box, BOX, ArchiveService.MAX_LOCATION, "盒号");
    String shelfText = FormValues.optionalText(shelf, SHELF, ArchiveService.MAX_LOCATION, "架位");
    String department = d.leadDepartment();
    String departmentName = d.leadDepartmentName();
    if (department == null) {
      Group registrarDept = org.departmentOf(d.registeredBy());
      department = registrarDept.getId();
      departmentName = registrarDept.getName();
    }
    byte[] zip =
        archivePackage.zip(
            d,
            documents.attachments(d.id()),
            documents::content,
            reviews.findByBusinessKey(d.id()),
            supervision.forIncomingDocument(d.id()).orElse(null));
    ArchiveEntry entry =
        archive.archive(
            new NewArchiveEntry(
                d.receiptYear(),
                department,
                departmentName,
                d.secrecy(),
                ArchiveSource.INCOMING,
                d.id(),
                d.title(),
                d.receiptNumber(),
                fileName(d.receiptNumber()) + ".zip",
                "application/zip",
                zip,
                boxText,
                shelfText));
    documents.archived(d.id(), entry.id(), EngineClock.now());
    execution.setVariable(ARCHIVE_ENTRY_ID, entry.id());
    LOG.info("收文 {} 已归档：{}", d.receiptNumber(), entry.id());
  }

  // --- electronic files (REST)

  /** Adds files to a 收文 while it is being registered (before 送拟办); clerks or the registrar only. */
  @Transactional
  public List<IncomingAttachment> upload(String documentId, List<Upload> files) {
    IncomingDocument d = document(documentId);
    String user = CurrentUser.id(identity).orElseThrow();
    requireRegistrar(d, user);
    IncomingStatus status = documents.lockStatus(documentId).orElseThrow();
    if (status != IncomingStatus.REGISTERED) {
      throw new ValidationException("file", filesFixed(status));
    }
    if (files.isEmpty()) {
      throw new ValidationException("file", "请选择要上传的文件");
    }
    List<IncomingAttachment> existing = documents.attachments(documentId);
    int seq = existing.stream().mapToInt(IncomingAttachment::seq).max().orElse(0) + 1;
    if (seq - 1 + files.size() > MAX_FILES) {
      throw new ValidationException("file", "每份收文最多 " + MAX_FILES + " 个附件");
    }
    long total = existing.stream().mapToLong(IncomingAttachment::size).sum();
    List<IncomingAttachment> stored = new ArrayList<>();
    LocalDateTime now = EngineClock.now();
    for (Upload file : files) {
      String name = fileName(file.name() == null ? "" : file.name());
      if (name.isEmpty()) {
        throw new ValidationException("file", "文件名不能为空（去掉路径和控制字符后什么也没有剩下）");
      }
      int length = name.codePointCount(0, name.length());
      if (length > MAX_FILE_NAME) {
        throw new ValidationException(
            "file", "文件名不能超过 " + MAX_FILE_NAME + " 个字符，当前 " + length + " 个，请改短后再上传");
      }
      if (file.content() == null || file.content().length == 0) {
        throw new ValidationException("file", "文件是空的：" + name);
      }
      if (file.content().length > limits.fileBytes()) {
        throw new ValidationException(
            "file",
            "文件过大："
                + name
                + "（"
                + size(file.content().length)
                + "），单个文件不能超过 "
                + size(limits.fileBytes())
                + limits.reason());
      }
      total += file.content().length;
      if (total > limits.documentBytes()) {
        throw new ValidationException(
            "file",
            "每份收文的附件合计不能超过 " + size(limits.documentBytes()) + limits.reason() + "，可分拆或压缩扫描件");
      }
      String type =
          file.mediaType() == null || file.mediaType().isBlank()
              ? "application/octet-stream"
              : file.mediaType().strip();
      IncomingAttachment attachment =
          new IncomingAttachment(
              UUID.randomUUID().toString(),
              documentId,
              seq++,
              name,
              type.length() > 200 ? "application/octet-stream" : type,
              file.content().length,
              ArchiveChain.sha256(file.content()),
              user,
              now);
      documents.insertAttachment(attachment, file.content());
      stored.add(attachment);
    }
    LOG.info("收文 {} 上传附件 {} 个", d.receiptNumber(), stored.size());
    showAttachments(d);
    return stored;
  }

  @Transactional
  public void deleteAttachment(String documentId, String attachmentId) {
    IncomingDocument d = document(documentId);
    requireRegistrar(d, CurrentUser.id(identity).orElseThrow());
    IncomingStatus status = documents.lockStatus(documentId).orElseThrow();
    if (status != IncomingStatus.REGISTERED) {
      throw new ValidationException("file", filesFixed(status));
    }
    if (documents.deleteAttachment(documentId, attachmentId) == 0) {
      throw new NotFoundException("附件不存在：" + attachmentId);
    }
    showAttachments(d);
  }

  /**
   * 「已上传附件」 of the forms (variable attachmentText) after an upload or a removal: set by the server as the
   * engine itself — no form declares the variable editable, so no user can set it through REST.
   */
  private void showAttachments(IncomingDocument d) {
    List<IncomingAttachment> files = documents.attachments(d.id());
    String text = files.isEmpty() ? NO_ATTACHMENTS : attachmentText(files);
    SystemAuthentication.call(
        identity,
        () -> {
          runtime.setVariable(d.processInstanceId(), ATTACHMENT_TEXT, text);
          return null;
        });
  }

  private static String filesFixed(IncomingStatus status) {
    return status == IncomingStatus.VOIDED
        ? "收文登记已作废，附件不能再更改"
        : "收文已送拟办（" + status.label() + "），附件不能再更改";
  }

  /** A file to store: its name as uploaded, its media type and bytes. */
  public record Upload(String name, String mediaType, byte[] content) {}

  public static final int MAX_FILES = 20;

  /** 「已上传附件」 while there is no file. */
  static final String NO_ATTACHMENTS = "（尚未上传）";

  public static final int MAX_FILE_NAME = 200;

  public IncomingDocument document(String id) {
    return documents.find(id).orElseThrow(() -> new NotFoundException("收文不存在：" + id));
  }

  // --- helpers

  private void requireRegistrar(IncomingDocument d, String user) {
    if (!user.equals(d.registeredBy()) && !org.isMember(user, RoleGroups.OFFICE_CLERKS)) {
      throw new ValidationException("file", "只有文书（收发）可以上传或删除收文附件");
    }
  }

  private Handling handling(DelegateExecution execution) {
    String handling =
        FormValues.oneOf(execution.getVariable(HANDLING), HANDLING, HANDLINGS, "办理方式", HANDLE);
    if (READ_ONLY.equals(handling)) {
      return new Handling(READ_ONLY, null, null, null, null);
    }
    Object rawLead = execution.getVariable(LEAD_DEPARTMENT);
    String leadId = FormValues.optionalText(rawLead, LEAD_DEPARTMENT, 64, "主办部门");
    if (leadId == null) {
      throw new ValidationException(LEAD_DEPARTMENT, "办理类收文必须确定主办部门");
    }
    Group lead = org.departmentWithHead(leadId, LEAD_DEPARTMENT, "主办部门");
    List<String> assisting =
        org
            .otherDepartmentsWithHead(
                FormValues.ids(
                    execution.getVariable(ASSISTING_DEPARTMENTS), ASSISTING_DEPARTMENTS, "协办部门"),
                lead,
                ASSISTING_DEPARTMENTS,
                "协办部门")
            .stream()
            .map(Group::getId)
            .toList();
    Integer days =
        FormValues.optionalInt(
            execution.getVariable(DEADLINE_DAYS), DEADLINE_DAYS, MIN_DAYS, MAX_DAYS, "办理期限（工作日）");
    if (days == null) {
      days = defaultDeadlineDays((String) execution.getVariable(URGENCY));
    }
    return new Handling(
        HANDLE,
        leadId,
        lead.getName(),
        assisting.isEmpty() ? null : String.join(",", assisting),
        days);
  }

  private void setHandlingVariables(DelegateExecution execution, Handling h) {
    execution.setVariable(HANDLING, h.handling());
    execution.setVariable(LEAD_DEPARTMENT, h.leadDepartment());
    execution.setVariable(LEAD_DEPARTMENT_NAME, h.leadDepartmentName());
    List<String> assisting =
        h.assistingDepartments() == null ? List.of() : List.of(h.assistingDepartments().split(","));
    execution.setVariable(
        ASSISTING_DEPARTMENTS, SpinValues.jsonValue(Spin.JSON(assisting)).create());
    execution.setVariable(
        ASSISTING_NAMES,
        assisting.isEmpty()
            ? "无"
            : String.join("、", assisting.stream().map(org::groupName).toList()));
    if (h.deadlineDays() != null) {
      execution.setVariable(DEADLINE_DAYS, (long) h.deadlineDays());
    }
  }

  /** 「办理：业务处主办，财务处协办，5 个工作日（至 2026-12-01）。」 or 「阅知。」 */
  private String describe(Handling h) {
    if (READ_ONLY.equals(h.handling())) {
      return "阅知。";
    }
    StringBuilder text = new StringBuilder("办理：").append(h.leadDepartmentName()).append("主办");
    if (h.assistingDepartments() != null) {
      text.append("，")
          .append(
              String.join(
                  "、",
                  List.of(h.assistingDepartments().split(",")).stream()
                      .map(org::groupName)
                      .toList()))
          .append("协办");
    }
    LocalDate due = workingDays.add(EngineClock.today(), h.deadlineDays());
    return text.append("，")
        .append(h.deadlineDays())
        .append(" 个工作日内办结（按今日计至 ")
        .append(due)
        .append("）。")
        .toString();
  }

  private void trail(
      DelegateExecution execution, String user, String kind, String comment, LocalDateTime now) {
    String step =
        execution.getCurrentActivityName() == null
            ? execution.getCurrentActivityId()
            : execution.getCurrentActivityName();
    String text =
        comment == null
            ? null
            : comment.length() > 2000 ? comment.substring(0, 1999) + "…" : comment;
    reviews.insert(
        execution.getProcessBusinessKey(),
        PROCESS_KEY,
        execution.getProcessInstanceId(),
        new Review(
            execution.getCurrentActivityId(), step, user, org.displayName(user), now, kind, text));
  }

  private String handlingSummary(IncomingDocument d) {
    if (!HANDLE.equals(d.handling())) {
      return "阅知件，无需办理。传阅："
          + (d.circulateToIds().isEmpty()
              ? "无"
              : String.join("、", d.circulateToIds().stream().map(org::displayName).toList()));
    }
    Optional<SupervisedCase> item = supervision.forIncomingDocument(d.id());
    if (item.isEmpty()) {
      return "（无督办记录）";
    }
    SupervisedCase i = item.get();
    StringBuilder text = new StringBuilder();
    text.append("主办：")
        .append(i.departmentName())
        .append("，承办人：")
        .append(i.handlerName() == null ? "未交办" : i.handlerName())
        .append("，办结期限：")
        .append(i.due())
        .append("，灯色：")
        .append(i.lightLabel())
        .append('\n');
    supervision.progress(i.id()).stream()
        .filter(f -> f.finished())
        .reduce((a, b) -> b)
        .ifPresent(
            f ->
                text.append("办结报告（")
                    .append(TIME.format(f.at()))
                    .append(" ")
                    .append(f.userName())
                    .append("）：")
                    .append(f.progress())
                    .append('\n'));
    for (var a : supervision.assistOpinions(i.id())) {
      text.append("协办意见（")
          .append(a.departmentName())
          .append(" ")
          .append(a.userName())
          .append("）：")
          .append(a.opinion())
          .append('\n');
    }
    if (i.score() != null) {
      text.append("考核：")
          .append(i.score())
          .append(" 分")
          .append(i.remarks() == null ? "" : "，" + i.remarks());
    }
    return text.toString().stripTrailing();
  }

  private static String attachmentText(List<IncomingAttachment> files) {
    StringBuilder text = new StringBuilder();
    for (IncomingAttachment f : files) {
      text.append(f.seq())
          .append(". ")
          .append(f.fileName())
          .append("（")
          .append(size(f.size()))
          .append("，SHA-256 ")
          .append(f.sha256(), 0, 16)
          .append("…）\n");
    }
    return text.toString().stripTrailing();
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format("%.1f KB", bytes / 1024.0);
    }
    return String.format("%.1f MB", bytes / 1024.0 / 1024.0);
  }

  /**
   * A file name without path (after the last / or \\), control characters (C0 including NUL, DEL, C1) and
   * bidirectional overrides that disguise an extension removed, characters that break file systems replaced
   * by _, stripped.
   */
  static String fileName(String name) {
    String base = CONTROLS.matcher(name).replaceAll("").replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    return base.replaceAll("[:*?\"<>|]", "_").strip();
  }

  private static final Pattern CONTROLS =
      Pattern.compile("[\\x00-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069]");

  private static LocalDate receivedDate(Object raw, LocalDate today) {
    // a date-time text from a form (2026-11-20T00:00) counts by its date
    Object value =
        raw instanceof String s && s.strip().length() > 10 && s.strip().charAt(10) == 'T'
            ? s.strip().substring(0, 10)
            : raw;
    LocalDate date = FormValues.optionalDate(value, RECEIVED_DATE, "收文日期");
    if (date == null) {
      return today;
    }
    if (date.isAfter(today)) {
      throw new ValidationException(RECEIVED_DATE, "收文日期不能晚于今天（" + today + "），收到：" + date);
    }
    if (date.isBefore(today.minusYears(1))) {
      throw new ValidationException(
          RECEIVED_DATE, "收文日期不能早于一年前（" + today.minusYears(1) + "），收到：" + date);
    }
    return date;
  }

  private static String documentId(DelegateExecution execution) {
    return (String) execution.getVariable(INCOMING_DOCUMENT_ID);
  }
}
