package cn.officeflow.outgoing;

import java.util.List;

/** 发文 (outgoing_document): process key, element ids and variable names, written once. */
public final class OutgoingDocumentVariables {

  public static final String PROCESS_KEY = "outgoing_document";

  // user tasks (contract)
  public static final String TASK_COUNTERSIGN = "Task_Countersign";
  public static final String TASK_DEPT_REVIEW = "Task_DeptReview";
  public static final String TASK_LEGAL_REVIEW = "Task_LegalReview";
  public static final String TASK_LEADER_APPROVAL = "Task_LeaderApproval";
  public static final String TASK_PROOF_FORMAT = "Task_ProofFormat";
  public static final String TASK_PROOF_WORDING = "Task_ProofWording";
  public static final String TASK_PROOF_ATTACHMENTS = "Task_ProofAttachments";
  public static final String TASK_REVISE = "Task_Revise";

  // other elements
  public static final String START = "StartEvent_Draft";
  public static final String TASK_ASSIGN_NUMBER = "Task_AssignNumber";
  public static final String TASK_GENERATE_DOCUMENT = "Task_GenerateDocument";
  public static final String TASK_REGISTER_LEDGER = "Task_RegisterLedger";
  public static final String TASK_ARCHIVE = "Task_Archive";
  public static final String TASK_NOTIFY_RECIPIENTS = "Task_NotifyRecipients";
  public static final String GATEWAY_PROOF_JOIN = "Gateway_ProofJoin";
  public static final String END = "EndEvent_Issued";
  public static final String END_VOIDED = "EndEvent_Voided";

  // start variables (contract)
  public static final String TITLE = "title";
  public static final String DOC_TYPE = "docType";
  public static final String MAIN_RECIPIENTS = "mainRecipients";
  public static final String COPY_TO = "copyTo";
  public static final String BODY = "body";
  public static final String ATTACHMENTS = "attachments";
  public static final String URGENCY = "urgency";
  public static final String SECRECY = "secrecy";
  public static final String DOC_CODE = "docCode";
  public static final String COUNTERSIGN_DEPTS = "countersignDepts";
  // GB/T 9704 7.2.2 保密期限 (optional; only with 秘密/机密) and 7.3.7 附注 (required on a 请示)
  public static final String SECRECY_PERIOD = "secrecyPeriod";
  public static final String NOTES = "notes";

  // variables set by the process (contract: documentId, documentNumber)
  public static final String DOCUMENT_ID = "documentId";
  public static final String DOCUMENT_NUMBER = "documentNumber";
  public static final String DRAFTER = "drafter";
  public static final String DRAFTER_NAME = "drafterName";
  public static final String DRAFT_DEPT = "draftDept";
  public static final String DRAFT_DEPT_NAME = "draftDeptName";
  public static final String DEPT_REVIEWERS = "deptReviewers";
  public static final String COUNTERSIGN_DEPT = "countersignDept";
  public static final String PROOF_FINDINGS = "proofFindings";

  // Task_Revise: resubmit or 作废 (inputs local to the task), and the gateway's variable set by the
  // server
  public static final String REVISE_ACTION = "reviseAction";
  public static final String REVISE_RESUBMIT = "resubmit";
  public static final String REVISE_VOID = "void";
  public static final List<String> REVISE_ACTIONS = List.of(REVISE_RESUBMIT, REVISE_VOID);
  public static final String VOID_REASON = "voidReason";
  public static final int MAX_VOID_REASON = 500;
  public static final String VOIDED = "voided";

  /** The 15 kinds of 公文 of GB/T 9704-2012 / 党政机关公文处理工作条例. */
  public static final List<String> DOC_TYPES =
      List.of(
          "决议", "决定", "命令", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示", "批复", "议案", "函", "纪要");

  /** 上行文: the 文号 line carries the 签发人. */
  public static final List<String> UPWARD_TYPES = List.of("请示", "报告");

  public static final List<String> URGENCIES = List.of("普通", "加急", "特急");
  public static final List<String> SECRECIES = List.of("公开", "内部", "秘密", "机密");

  /** 涉密公文: they carry a 份号 and may carry a 保密期限 (GB/T 9704 7.2.1, 7.2.2). */
  public static final List<String> CLASSIFIED = List.of("秘密", "机密");

  /** 请示 name a 联系人 and 电话 in the 附注 (党政机关公文处理工作条例 第十五条, GB/T 9704 7.3.7). */
  public static final List<String> NOTES_REQUIRED_TYPES = List.of("请示");

  private OutgoingDocumentVariables() {}
}
