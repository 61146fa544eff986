package cn.officeflow.outgoing;

import static cn.officeflow.outgoing.OutgoingDocumentVariables.*;

import cn.officeflow.platform.docgen.DocxGenerator;
import cn.officeflow.platform.docgen.OfficialDocument;
import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.numbering.NumberingService;
import cn.officeflow.platform.org.OrgException;
import cn.officeflow.platform.org.OrgService;
import cn.officeflow.platform.review.ApprovalListener;
import cn.officeflow.platform.review.Review;
import cn.officeflow.platform.review.ReviewService;
import cn.officeflow.platform.web.FormValues;
import cn.officeflow.platform.web.NotFoundException;
import cn.officeflow.platform.web.ValidationException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * 发文「三审三校」: the logic behind the BPMN's listeners and delegates. Everything here runs inside
 * the engine's transaction, so a failure rolls back the document rows together with the engine state.
 */
@Service("outgoingDocumentService")
public class OutgoingDocumentService {

  private static final Logger LOG = LoggerFactory.getLogger(OutgoingDocumentService.class);

  /**
   * 份号 (GB/T 9704 7.2.1: the serial number of a printed copy; 涉密公文 must carry one) is allocated
   * by the system per copy, never typed by the drafter: the copy OfficeFlow generates, downloads and
   * archives is the 存档份, copy 000001. Copies printed beyond it are numbered 000002… by the 印发
   * register (not yet part of OfficeFlow).
   */
  static final String ARCHIVE_COPY_NUMBER = "000001";

  private final OutgoingDocumentRepository documents;
  private final OrgService org;
  private final ReviewService reviews;
  private final NumberingService numbering;
  private final ProofreadingAids proofreading;
  private final DocxGenerator docx;
  private final String defaultDocCode;
  private final String issuingAuthority;
  private final String issuerName;
  private final String printingAuthority;

  public OutgoingDocumentService(
      OutgoingDocumentRepository documents,
      OrgService org,
      ReviewService reviews,
      NumberingService numbering,
      ProofreadingAids proofreading,
      DocxGenerator docx,
      @Value("${officeflow.doc-code:行办发}") String defaultDocCode,
      @Value("${officeflow.issuing-authority:行政办公室文件}") String issuingAuthority,
      @Value("${officeflow.issuer-name:行政办公室}") String issuerName,
      @Value("${officeflow.printing-authority:行政办公室}") String printingAuthority) {
    this.documents = documents;
    this.org = org;
    this.reviews = reviews;
    this.numbering = numbering;
    this.proofreading = proofreading;
    this.docx = docx;
    this.defaultDocCode = defaultDocCode;
    this.issuingAuthority = issuingAuthority;
    this.issuerName = issuerName;
    this.printingAuthority = printingAuthority;
  }

  /**
   * Process start: validates the draft, resolves the drafter's department and reviewers, stores the
   * document and its first version, and makes the document id the business key.
   */
  public void startDraft(DelegateExecution execution) {
    Draft draft = Draft.from(execution::getVariable, defaultDocCode);
    String drafter = CurrentUser.initiator(execution, DRAFTER);
    if (drafter == null || drafter.isBlank()) {
      throw new ValidationException(DRAFTER, "发文必须由已登录的拟稿人发起");
    }
    Group dept = department(drafter);
    String reviewers = String.join(",", deptReviewers(dept, drafter));
    checkCountersign(draft, dept);

    String id = UUID.randomUUID().toString();
    LocalDateTime now = EngineClock.now();
    DocumentStatus first =
        draft.countersignDepts().isEmpty()
            ? DocumentStatus.DEPT_REVIEW
            : DocumentStatus.COUNTERSIGN;
    String drafterName = org.displayName(drafter);
    documents.insert(
        id,
        execution.getProcessInstanceId(),
        draft,
        drafter,
        drafterName,
        dept.getId(),
        dept.getName(),
        first,
        now);
    documents.insertVersion(id, 1, draft, drafter, now);

    execution.setProcessBusinessKey(id);
    execution.setVariable(DOCUMENT_ID, id);
    setDraftVariables(execution, draft);
    execution.setVariable(DRAFTER_NAME, drafterName);
    execution.setVariable(DRAFT_DEPT, dept.getId());
    execution.setVariable(DRAFT_DEPT_NAME, dept.getName());
    execution.setVariable(DEPT_REVIEWERS, reviewers);
    execution.setVariable(ReviewService.SUBJECT_VERSION, 1);
    execution.setVariable(ApprovalListener.REVISION_REQUIRED, false);
    LOG.info("发文 {} 拟稿：{}（{}，{}）", id, draft.title(), drafterName, dept.getName());
  }

  /**
   * Task_Revise completed: either the drafter's new text becomes the next version and goes to review again
   * (from 会签 when the document has 会签 departments), or — {@code reviseAction} = void — the drafter withdraws the
   * draft for good with a reason (400 naming {@code voidReason} without one): status 已作废, the reason in the
   * review trail, nothing else changed. A 文号 already assigned (作废 after a 三校 退回) is not given back: numbers
   * are gapless and never reused, so it stays with the voided document in the ledger.
   */
  public void revise(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String id = documentId(execution);
    String action =
        FormValues.oneOf(
            execution.getVariable(REVISE_ACTION),
            REVISE_ACTION,
            REVISE_ACTIONS,
            "处理方式",
            REVISE_RESUBMIT);
    if (REVISE_VOID.equals(action)) {
      voidDraft(execution, id);
      return;
    }
    OutgoingDocument current = document(id);
    Draft draft =
        Draft.from(
            name ->
                COUNTERSIGN_DEPTS.equals(name)
                    ? current.countersignDepts()
                    : execution.getVariable(name),
            defaultDocCode);
    LocalDateTime now = EngineClock.now();
    int version = current.version() + 1;
    documents.insertVersion(id, version, draft, current.drafter(), now);
    documents.updateText(id, draft, version, now);
    setDraftVariables(execution, draft);
    execution.setVariable(ReviewService.SUBJECT_VERSION, version);
    execution.setVariable(ApprovalListener.REVISION_REQUIRED, false);
    execution.setVariable(VOIDED, false);
  }

  private void voidDraft(DelegateExecution execution, String id) {
    String reason =
        FormValues.requiredText(
            execution.getVariable(VOID_REASON), VOID_REASON, MAX_VOID_REASON, "作废原因");
    OutgoingDocument current = document(id);
    String user = ReviewService.currentUser(execution);
    documents.updateStatus(id, DocumentStatus.VOIDED, EngineClock.now());
    reviews.note(
        id,
        PROCESS_KEY,
        execution.getProcessInstanceId(),
        TASK_REVISE,
        stepName(execution),
        user,
        Review.VOID,
        reason,
        current.version());
    // the draft fields of the form are not a new version: the variables keep the text of the last
    // version
    setDraftVariables(
        execution,
        new Draft(
            current.title(),
            current.docType(),
            current.mainRecipients(),
            current.copyTo(),
            documents.currentBody(id),
            current.attachments(),
            current.urgency(),
            current.secrecy(),
            current.docCode(),
            Draft.departments(current.countersignDepts()),
            current.secrecyPeriod(),
            current.notes()));
    execution.setVariable(VOIDED, true);
    LOG.info(
        "发文 {} 作废{}：{}",
        id,
        current.documentNumber() == null ? "" : "（文号 " + current.documentNumber() + " 随之作废，不再使用）",
        reason);
  }

  private static String stepName(DelegateExecution execution) {
    return execution.getCurrentActivityName() == null
        ? execution.getCurrentActivityId()
        : execution.getCurrentActivityName();
  }

  /** Status write-back, called by expression listeners in the BPMN. */
  public void markStatus(DelegateExecution execution, String status) {
    documents.updateStatus(
        documentId(execution), DocumentStatus.valueOf(status), EngineClock.now());
  }

  /** Collection of the countersign multi-instance: one element per chosen department. */
  public List<String> countersignDepartments(DelegateExecution execution) {
    String depts = document(documentId(execution)).countersignDepts();
    return depts == null || depts.isBlank() ? List.of() : Arrays.asList(depts.split(","));
  }

  /**
   * 签发 done: the 文号 {@code <docCode>〔<year>〕<n>号}, gapless per docCode per year. A document that
   * loops back after sign-off keeps the number it already has.
   */
  public String assignNumber(DelegateExecution execution) {
    String id = documentId(execution);
    OutgoingDocument document = document(id);
    String number = document.documentNumber();
    if (number == null) {
      int year = EngineClock.today().getYear();
      int seq = numbering.next(document.docCode(), year);
      number = document.docCode() + "〔" + year + "〕" + seq + "号";
      String signer = lastApprover(id, TASK_LEADER_APPROVAL);
      documents.updateNumber(
          id,
          number,
          year,
          seq,
          signer,
          signer == null ? null : org.displayName(signer),
          EngineClock.now());
      LOG.info("发文 {} 编号 {}", id, number);
    }
    execution.setVariable(DOCUMENT_NUMBER, number);
    return number;
  }

  /** Start listener of the three proofreading tasks: the automatic findings for that check. */
  public void proofreadingAids(DelegateExecution execution) {
    ProofreadingAids.Check check =
        switch (execution.getCurrentActivityId()) {
          case TASK_PROOF_FORMAT -> ProofreadingAids.Check.FORMAT;
          case TASK_PROOF_WORDING -> ProofreadingAids.Check.WORDING;
          case TASK_PROOF_ATTACHMENTS -> ProofreadingAids.Check.ATTACHMENTS;
          default ->
              throw new IllegalStateException(
                  "no proofreading aids for " + execution.getCurrentActivityId());
        };
    String id = documentId(execution);
    OutgoingDocument document = document(id);
    String text =
        ProofreadingAids.ProofreadingFindings.asText(
            proofreading.findings(
                check,
                new ProofreadingAids.ProofreadingInput(
                    document.title(),
                    document.docType(),
                    document.mainRecipients(),
                    documents.currentBody(id),
                    document.attachments(),
                    document.documentNumber(),
                    document.docCode(),
                    issueDate(document))));
    execution.setVariableLocal(PROOF_FINDINGS, text);
  }

  /**
   * The formal GB/T 9704 document (.docx), stored with the record: laid out from the 稿 that was signed off
   * (签发), every field of it (保密期限 and 附注 included), never from whatever the record holds now.
   */
  public void generateFormalDocument(DelegateExecution execution) {
    String id = documentId(execution);
    OutgoingDocument document = document(id);
    DocumentVersion approved = signedVersion(document);
    documents.updateDocx(
        id, docx.generate(officialDocument(document, approved)), EngineClock.now());
  }

  /**
   * The 稿 the 签发 approved. Only 退回修改 makes a new 稿, and it always leads back through 签发, so this is the
   * current one; anything else is refused rather than issuing text nobody signed.
   */
  public DocumentVersion signedVersion(OutgoingDocument document) {
    String id = document.id();
    Integer signed = lastApproval(id, TASK_LEADER_APPROVAL).map(Review::version).orElse(null);
    if (signed == null || signed != document.version()) {
      throw new IllegalStateException(
          "发文 " + id + " 的第 " + document.version() + " 稿未经签发（签发的是第 " + signed + " 稿），不能印发");
    }
    return documents
        .version(id, signed)
        .orElseThrow(() -> new IllegalStateException("发文 " + id + " 的第 " + signed + " 稿不存在"));
  }

  /** Registered in the ledger (公文追溯台账): issued. */
  public void registerInLedger(DelegateExecution execution) {
    documents.markIssued(documentId(execution), EngineClock.now());
  }

  /** Recipients notified; for now a log entry (mail/SMS come with the notification platform). */
  public void notifyRecipients(DelegateExecution execution) {
    OutgoingDocument document = document(documentId(execution));
    LOG.info(
        "发文通知：{}《{}》已印发，主送 {}，抄送 {}",
        document.documentNumber(),
        document.title(),
        document.mainRecipients(),
        document.copyTo() == null ? "无" : document.copyTo());
  }

  /**
   * The 公文 of {@code approved}, a 稿 of {@code document}: its text fields from the 稿, the 文号, 签发人 and
   * dates from the record.
   */
  public OfficialDocument officialDocument(OutgoingDocument document, DocumentVersion approved) {
    List<String> attachments =
        approved.attachments() == null ? List.of() : approved.attachments().lines().toList();
    boolean classified = CLASSIFIED.contains(approved.secrecy());
    return new OfficialDocument(
        issuingAuthority,
        classified ? ARCHIVE_COPY_NUMBER : null,
        approved.secrecy(),
        classified ? approved.secrecyPeriod() : null,
        approved.urgency(),
        document.documentNumber(),
        UPWARD_TYPES.contains(approved.docType()),
        document.signerName(),
        approved.title(),
        approved.mainRecipients(),
        approved.body(),
        attachments,
        issuerName,
        issueDate(document),
        approved.copyTo(),
        printingAuthority,
        issueDate(document),
        approved.notes());
  }

  public OutgoingDocument document(String id) {
    return documents.find(id).orElseThrow(() -> new NotFoundException("发文不存在：" + id));
  }

  static java.time.LocalDate issueDate(OutgoingDocument document) {
    return document.signedAt() == null ? EngineClock.today() : document.signedAt().toLocalDate();
  }

  private String lastApprover(String id, String stepId) {
    return lastApproval(id, stepId).map(Review::user).orElse(null);
  }

  private java.util.Optional<Review> lastApproval(String id, String stepId) {
    List<Review> trail = reviews.trail(id);
    for (int i = trail.size() - 1; i >= 0; i--) {
      Review review = trail.get(i);
      if (stepId.equals(review.stepId()) && Review.APPROVE.equals(review.decision())) {
        return java.util.Optional.of(review);
      }
    }
    return java.util.Optional.empty();
  }

  private Group department(String drafter) {
    try {
      return org.departmentOf(drafter);
    } catch (OrgException e) {
      throw new ValidationException(DRAFTER, e.getMessage());
    }
  }

  /**
   * 部门初审 reviewers: the department's heads other than the drafter; when the drafter is the only
   * head, the department's 分管领导 review instead (nobody approves their own draft).
   */
  private List<String> deptReviewers(Group dept, String drafter) {
    List<String> heads = new ArrayList<>(org.departmentHeads(dept.getId()));
    heads.remove(drafter);
    if (heads.isEmpty()) {
      heads.addAll(org.deputyLeaders(dept.getId()));
      heads.remove(drafter);
    }
    if (heads.isEmpty()) {
      throw new ValidationException(
          DRAFTER, "拟稿部门“" + dept.getName() + "”没有可以初审的部门负责人或分管领导，" + "请管理员在 Admin 中设置");
    }
    return heads;
  }

  private void checkCountersign(Draft draft, Group ownDept) {
    org.otherDepartmentsWithHead(draft.countersignDepts(), ownDept, COUNTERSIGN_DEPTS, "会签部门");
  }

  private static void setDraftVariables(DelegateExecution execution, Draft draft) {
    execution.setVariable(TITLE, draft.title());
    execution.setVariable(DOC_TYPE, draft.docType());
    execution.setVariable(MAIN_RECIPIENTS, draft.mainRecipients());
    execution.setVariable(COPY_TO, draft.copyTo());
    execution.setVariable(ATTACHMENTS, draft.attachments());
    execution.setVariable(URGENCY, draft.urgency());
    execution.setVariable(SECRECY, draft.secrecy());
    execution.setVariable(DOC_CODE, draft.docCode());
    execution.setVariable(COUNTERSIGN_DEPTS, draft.countersignDeptsText());
    execution.setVariable(BODY, draft.body());
    setOptional(execution, SECRECY_PERIOD, draft.secrecyPeriod());
    setOptional(execution, NOTES, draft.notes());
  }

  /**
   * An optional field left empty stays without a variable (no expression reads it; a form shows an absent
   * variable as an empty field): each variable is rows in three tables for every document.
   */
  private static void setOptional(DelegateExecution execution, String name, String value) {
    if ((value == null || value.isBlank()) && !execution.hasVariable(name)) {
      return;
    }
    execution.setVariable(name, value);
  }

  private static String documentId(DelegateExecution execution) {
    return (String) execution.getVariable(DOCUMENT_ID);
  }
}
