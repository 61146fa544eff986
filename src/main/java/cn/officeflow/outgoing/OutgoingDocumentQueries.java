package cn.officeflow.outgoing;

import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.org.RoleGroups;
import cn.officeflow.platform.review.Review;
import cn.officeflow.platform.review.ReviewService;
import cn.officeflow.platform.taskops.CarbonCopyService;
import cn.officeflow.platform.web.NotFoundException;
import cn.officeflow.platform.web.ValidationException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The read side of 发文 for the REST API: one document with its versions and review trail, the
 * ledger (台账), the .docx. A user sees the documents they drafted, reviewed, have a task on or were given a
 * 抄送 of, and every document when their role reads the ledger; anything else answers 404.
 */
@Service
public class OutgoingDocumentQueries {

  /** Roles that read every document: 办公室主任, 单位领导, 文书 (台账), 审计, 管理员. */
  static final Set<String> LEDGER_ROLES = RoleGroups.DOCUMENT_READERS;

  private final OutgoingDocumentRepository documents;
  private final ReviewService reviews;
  private final IdentityService identity;
  private final TaskService tasks;
  private final CarbonCopyService copies;

  public OutgoingDocumentQueries(
      OutgoingDocumentRepository documents,
      ReviewService reviews,
      IdentityService identity,
      TaskService tasks,
      CarbonCopyService copies) {
    this.documents = documents;
    this.reviews = reviews;
    this.identity = identity;
    this.tasks = tasks;
    this.copies = copies;
  }

  public DocumentView view(String id) {
    OutgoingDocument document = readable(id);
    List<DocumentView.VersionView> versions =
        documents.versions(id).stream()
            .map(
                v ->
                    new DocumentView.VersionView(
                        v.version(),
                        v.title(),
                        v.editedBy(),
                        v.editedAt(),
                        v.body().codePointCount(0, v.body().length())))
            .toList();
    return new DocumentView(
        document.id(),
        document.title(),
        document.docType(),
        document.status().name(),
        document.status().label(),
        document.documentNumber(),
        document.drafter(),
        document.drafterName(),
        document.draftDept(),
        document.draftDeptName(),
        document.mainRecipients(),
        document.copyTo(),
        document.attachments(),
        document.urgency(),
        document.secrecy(),
        document.docCode(),
        document.countersignDepts(),
        document.version(),
        documents.currentBody(id),
        document.signerName(),
        document.signedAt(),
        document.issuedAt(),
        document.hasDocx(),
        document.processInstanceId(),
        document.createdAt(),
        versions,
        reviews.trail(id),
        document.secrecyPeriod(),
        document.notes());
  }

  public byte[] docx(String id) {
    readable(id);
    return documents.docx(id).orElseThrow(() -> new NotFoundException("发文尚未生成正式公文（三校通过后生成）：" + id));
  }

  /** The PDF/A print copy, with the read rules of the .docx. */
  public byte[] pdf(String id) {
    readable(id);
    return documents
        .pdf(id)
        .orElseThrow(() -> new NotFoundException("发文的 PDF 尚未生成（印发后由“生成版式文件”步骤异步生成）：" + id));
  }

  /** The OFD print copy, with the read rules of the .docx. */
  public byte[] ofd(String id) {
    readable(id);
    return documents
        .ofd(id)
        .orElseThrow(() -> new NotFoundException("发文的 OFD 尚未生成（印发后由“生成版式文件”步骤异步生成）：" + id));
  }

  /** The 文号 of a readable document (null before 签发). */
  public String documentNumber(String id) {
    return readable(id).documentNumber();
  }

  public String fileName(String id) {
    OutgoingDocument document = readable(id);
    String base = document.documentNumber() != null ? document.documentNumber() : document.title();
    return base.replaceAll("[\\\\/:*?\"<>|]", "_") + ".docx";
  }

  public List<OutgoingDocument> ledger(Integer year, String q) {
    if (year != null && (year < 2000 || year > 2100)) {
      throw new ValidationException("year", "年度必须在 2000 至 2100 之间，收到：" + year);
    }
    if (q != null && q.length() > 100) {
      throw new ValidationException("q", "搜索词不能超过 100 字");
    }
    String user = CurrentUser.id(identity).orElseThrow();
    List<String> myInstances =
        new ArrayList<>(
            tasks
                .createTaskQuery()
                .processDefinitionKey(OutgoingDocumentVariables.PROCESS_KEY)
                .list()
                .stream()
                .map(Task::getProcessInstanceId)
                .distinct()
                .toList());
    myInstances.addAll(copies.processInstancesCopiedTo(user));
    return documents.ledger(year, q, readsAll(), user, myInstances);
  }

  private OutgoingDocument readable(String id) {
    OutgoingDocument document =
        documents.find(id).orElseThrow(() -> new NotFoundException("发文不存在：" + id));
    String user = CurrentUser.id(identity).orElseThrow();
    boolean allowed =
        readsAll()
            || user.equals(document.drafter())
            || reviews.hasReviewed(id, user)
            || copies.isCopiedTo(id, user)
            || (document.processInstanceId() != null
                && tasks.createTaskQuery().processInstanceId(document.processInstanceId()).count()
                    > 0);
    if (!allowed) {
      throw new NotFoundException("发文不存在：" + id);
    }
    return document;
  }

  private boolean readsAll() {
    return CurrentUser.inAnyGroup(identity, LEDGER_ROLES);
  }

  /** JSON of GET /api/outgoing-documents/{id}. */
  public record DocumentView(
      String id,
      String title,
      String docType,
      String status,
      String statusLabel,
      String documentNumber,
      String drafter,
      String drafterName,
      String department,
      String departmentName,
      String mainRecipients,
      String copyTo,
      String attachments,
      String urgency,
      String secrecy,
      String docCode,
      String countersignDepts,
      int version,
      String body,
      String signerName,
      LocalDateTime signedAt,
      LocalDateTime issuedAt,
      boolean docxAvailable,
      String processInstanceId,
      LocalDateTime createdAt,
      List<VersionView> versions,
      List<Review> reviews,
      String secrecyPeriod,
      String notes) {

    public record VersionView(
        int version, String title, String editedBy, LocalDateTime editedAt, int bodyLength) {}
  }
}
