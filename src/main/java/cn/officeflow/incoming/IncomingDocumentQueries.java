package cn.officeflow.incoming;

import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.org.OrgService;
import cn.officeflow.platform.org.RoleGroups;
import cn.officeflow.platform.review.Review;
import cn.officeflow.platform.review.ReviewService;
import cn.officeflow.platform.supervise.SupervisedCase;
import cn.officeflow.platform.supervise.SupervisedCases;
import cn.officeflow.platform.taskops.CarbonCopyService;
import cn.officeflow.platform.web.NotFoundException;
import cn.officeflow.platform.web.ValidationException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The read side of 收文 for the REST API: one 收文 with its files, opinions and 督办, the 收文登记簿, the files
 * and the 处理笺. A user sees the 收文 they registered, gave an opinion on, have a task on (in the 收文 or its
 * 督办), handle as 承办人 or 主办/协办部门负责人, or were given a 抄送 of (from the 收文 or its 督办), and every 收文
 * when their role keeps the register; anyone else gets 404.
 */
@Service
public class IncomingDocumentQueries {

  /** Roles that read every 收文: 办公室主任, 单位领导, 文书, 审计, 管理员. */
  static final Set<String> REGISTER_ROLES = RoleGroups.DOCUMENT_READERS;

  private final IncomingDocumentRepository documents;
  private final IncomingArchivePackage archivePackage;
  private final ReviewService reviews;
  private final SupervisedCases supervision;
  private final OrgService org;
  private final IdentityService identity;
  private final TaskService tasks;
  private final CarbonCopyService copies;

  public IncomingDocumentQueries(
      IncomingDocumentRepository documents,
      IncomingArchivePackage archivePackage,
      ReviewService reviews,
      SupervisedCases supervision,
      OrgService org,
      IdentityService identity,
      TaskService tasks,
      CarbonCopyService copies) {
    this.documents = documents;
    this.archivePackage = archivePackage;
    this.reviews = reviews;
    this.supervision = supervision;
    this.org = org;
    this.identity = identity;
    this.tasks = tasks;
    this.copies = copies;
  }

  public DocumentView view(String id) {
    IncomingDocument d = readable(id);
    String user = CurrentUser.id(identity).orElseThrow();
    Optional<SupervisedCase> item = supervision.forIncomingDocument(id);
    boolean canUpload =
        d.status() == IncomingStatus.REGISTERED
            && (user.equals(d.registeredBy()) || org.isMember(user, RoleGroups.OFFICE_CLERKS));
    return new DocumentView(
        d.id(),
        d.receiptNumber(),
        d.status().name(),
        d.status().label(),
        d.senderOrg(),
        d.senderNumber(),
        d.title(),
        d.receivedOn(),
        d.urgency(),
        d.secrecy(),
        d.pages(),
        d.summary(),
        d.duplicateOf(),
        d.registeredBy(),
        d.registeredByName(),
        d.registeredAt(),
        d.handling(),
        d.proposal(),
        d.leadDepartment(),
        d.leadDepartmentName(),
        d.assistingDepartmentIds(),
        d.deadlineDays(),
        d.instruction(),
        d.instructedByName(),
        d.instructedAt(),
        d.circulateToIds(),
        item.map(SupervisionView::of).orElse(null),
        d.archiveEntryId(),
        d.voidReason(),
        d.processInstanceId(),
        documents.attachments(id),
        canUpload,
        reviews.trail(id));
  }

  /** The 收文 a task belongs to (a task of the 收文 or of its 督办), for the Tasklist 「收文附件」 tab. */
  public DocumentView viewForTask(String taskId) {
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      throw new NotFoundException("任务不存在或无权查看：" + taskId);
    }
    Object id = tasks.getVariable(taskId, IncomingDocumentVariables.INCOMING_DOCUMENT_ID);
    if (!(id instanceof String documentId)) {
      throw new NotFoundException("该任务不属于收文：" + taskId);
    }
    return view(documentId);
  }

  public IncomingAttachment attachment(String documentId, String attachmentId) {
    readable(documentId);
    return documents
        .attachment(documentId, attachmentId)
        .orElseThrow(() -> new NotFoundException("附件不存在：" + attachmentId));
  }

  public byte[] content(String attachmentId) {
    return documents.content(attachmentId);
  }

  /** The 收文处理笺 as it stands now (HTML). */
  public String slip(String id) {
    IncomingDocument d = readable(id);
    return archivePackage.slip(
        d,
        documents.attachments(id),
        reviews.trail(id),
        supervision.forIncomingDocument(id).orElse(null));
  }

  /** 收文登记簿: every 收文 for the register roles, else the ones the user may read. */
  public List<IncomingDocument> register(Integer year, String q) {
    if (year != null && (year < 2000 || year > 2100)) {
      throw new ValidationException("year", "年度必须在 2000 至 2100 之间，收到：" + year);
    }
    if (q != null && q.length() > 100) {
      throw new ValidationException("q", "搜索词不能超过 100 字");
    }
    List<IncomingDocument> all = documents.register(year, q);
    if (readsAll()) {
      return all;
    }
    String user = CurrentUser.id(identity).orElseThrow();
    List<IncomingDocument> mine = new ArrayList<>();
    for (IncomingDocument d : all) {
      if (involved(d, user)) {
        mine.add(d);
      }
    }
    return mine;
  }

  /** Earlier registrations of a 来文单位 + 来文文号 (the duplicate check before 登记). */
  public List<DuplicateView> duplicates(String senderOrg, String senderNumber) {
    CurrentUser.requireAnyGroup(identity, REGISTER_ROLES, "查询重复来文");
    if (senderOrg == null || senderOrg.isBlank()) {
      throw new ValidationException("senderOrg", "请提供来文单位");
    }
    if (senderNumber == null || senderNumber.isBlank()) {
      throw new ValidationException("senderNumber", "请提供来文文号");
    }
    return documents.sameSender(senderOrg.strip(), senderNumber.strip()).stream()
        .map(
            d ->
                new DuplicateView(
                    d.id(), d.receiptNumber(), d.title(), d.registeredAt(), d.status().label()))
        .toList();
  }

  /** 404 unless the current user may read this 收文. */
  public void requireReadable(String id) {
    readable(id);
  }

  private IncomingDocument readable(String id) {
    IncomingDocument d = documents.find(id).orElseThrow(() -> new NotFoundException("收文不存在：" + id));
    if (!readsAll() && !involved(d, CurrentUser.id(identity).orElseThrow())) {
      throw new NotFoundException("收文不存在：" + id);
    }
    return d;
  }

  private boolean involved(IncomingDocument d, String user) {
    if (user.equals(d.registeredBy())
        || reviews.hasReviewed(d.id(), user)
        || copies.isCopiedTo(d.id(), user)
        || tasks.createTaskQuery().processInstanceId(d.processInstanceId()).count() > 0) {
      return true;
    }
    Optional<SupervisedCase> item = supervision.forIncomingDocument(d.id());
    if (item.isEmpty()) {
      return false;
    }
    SupervisedCase i = item.get();
    if (user.equals(i.handler())
        || copies.isCopiedTo(i.id(), user)
        || tasks.createTaskQuery().processInstanceId(i.processInstanceId()).count() > 0) {
      return true;
    }
    List<String> departments = new ArrayList<>(i.assistingDepartmentIds());
    departments.add(i.department());
    return departments.stream().anyMatch(dept -> org.departmentHeads(dept).contains(user));
  }

  private boolean readsAll() {
    return CurrentUser.inAnyGroup(identity, REGISTER_ROLES);
  }

  /** JSON of GET /api/incoming-documents/{id}. */
  public record DocumentView(
      String id,
      String receiptNumber,
      String status,
      String statusLabel,
      String senderOrg,
      String senderNumber,
      String title,
      LocalDate receivedDate,
      String urgency,
      String secrecy,
      int pages,
      String summary,
      String duplicateOf,
      String registeredBy,
      String registeredByName,
      LocalDateTime registeredAt,
      String handling,
      String proposal,
      String leadDepartment,
      String leadDepartmentName,
      List<String> assistingDepartments,
      Integer deadlineDays,
      String instruction,
      String instructedByName,
      LocalDateTime instructedAt,
      List<String> circulateTo,
      SupervisionView supervision,
      String archiveEntryId,
      String voidReason,
      String processInstanceId,
      List<IncomingAttachment> attachments,
      boolean canUpload,
      List<Review> reviews) {}

  /** The 督办 of a 收文: its item, light and handler. */
  public record SupervisionView(
      String itemId,
      String light,
      LocalDate due,
      String handler,
      String handlerName,
      String status) {
    static SupervisionView of(SupervisedCase i) {
      return new SupervisionView(
          i.id(), i.light(), i.due(), i.handler(), i.handlerName(), i.status());
    }
  }

  /** An earlier registration of the same 来文. */
  public record DuplicateView(
      String id,
      String receiptNumber,
      String title,
      LocalDateTime registeredAt,
      String statusLabel) {}
}
