package cn.officeflow.incoming;

import java.util.List;

/** 收文 (incoming document): process key, element ids and variable names, written once. */
public final class IncomingDocumentVariables {

  public static final String PROCESS_KEY = "incoming_document";

  // elements
  public static final String START = "StartEvent_Register";
  public static final String TASK_SCAN = "Task_Scan";
  public static final String GATEWAY_SCANNED = "Gateway_Scanned";
  public static final String END_VOIDED = "EndEvent_Voided";
  public static final String TASK_PROPOSE = "Task_Propose";
  public static final String TASK_INSTRUCT = "Task_Instruct";
  public static final String GATEWAY_FORK = "Gateway_Fork";
  public static final String GATEWAY_HANDLING = "Gateway_Handling";
  public static final String CALL_SUPERVISION = "CallActivity_Supervision";
  public static final String GATEWAY_HANDLING_MERGE = "Gateway_HandlingMerge";
  public static final String GATEWAY_CIRCULATE = "Gateway_Circulate";
  public static final String TASK_CIRCULATE = "Task_Circulate";
  public static final String GATEWAY_CIRCULATE_MERGE = "Gateway_CirculateMerge";
  public static final String GATEWAY_JOIN = "Gateway_Join";
  public static final String TASK_ARCHIVE = "Task_Archive";
  public static final String END_ARCHIVED = "EndEvent_Archived";

  // 登记 (start form)
  public static final String SENDER_ORG = "senderOrg";
  public static final String SENDER_NUMBER = "senderNumber";
  public static final String TITLE = "title";
  public static final String RECEIVED_DATE = "receivedDate";
  public static final String URGENCY = "urgency";
  public static final String SECRECY = "secrecy";
  public static final String PAGES = "pages";
  public static final String SUMMARY = "summary";

  /** Ticked to register although the same 来文单位 + 来文文号 is registered already. */
  public static final String DUPLICATE_CONFIRMED = "duplicateConfirmed";

  public static final String INITIATOR = "initiator";

  /** Not a form field: the end of Task_Scan names it when no file has been uploaded. */
  public static final String ATTACHMENTS = "attachments";

  // 作废 at Task_Scan (local inputs) and the gateway's variable
  public static final String VOID_REQUESTED = "voidRequested";
  public static final String VOID_REASON = "voidReason";
  public static final String VOIDED = "voided";

  // 拟办 (Task_Propose) and 批示 (Task_Instruct, may change the proposal)
  /** 办理 (handled by departments, with 督办) or 阅知 (for reading only). */
  public static final String HANDLING = "handling";

  public static final String LEAD_DEPARTMENT = "leadDepartment";
  public static final String ASSISTING_DEPARTMENTS = "assistingDepartments";

  /** 办理期限 in working days, counted from the 批示; default by urgency. */
  public static final String DEADLINE_DAYS = "deadlineDays";

  public static final String PROPOSAL = "proposal";
  public static final String INSTRUCTION = "instruction";

  /** 传阅: user ids of other leaders who read the document. */
  public static final String CIRCULATE_TO = "circulateTo";

  // 传阅 (Task_Circulate: element variable and local input)
  public static final String READER = "reader";
  public static final String READ_COMMENT = "readComment";
  // 归档 (Task_Archive)
  public static final String BOX = "box";
  public static final String SHELF = "shelf";

  // set by the process
  public static final String INCOMING_DOCUMENT_ID = "incomingDocumentId";
  public static final String RECEIPT_NUMBER = "receiptNumber";
  public static final String DUPLICATE_NOTE = "duplicateNote";
  public static final String ATTACHMENT_TEXT = "attachmentText";
  public static final String LEAD_DEPARTMENT_NAME = "leadDepartmentName";
  public static final String ASSISTING_NAMES = "assistingNames";
  public static final String PROPOSED_BY = "proposedBy";
  public static final String PROPOSAL_TEXT = "proposalText";
  public static final String INSTRUCTION_TEXT = "instructionText";
  public static final String CIRCULATION_TEXT = "circulationText";
  public static final String HANDLING_TEXT = "handlingText";
  public static final String SUPERVISION_ITEM_ID = "supervisionItemId";
  public static final String ARCHIVE_ENTRY_ID = "archiveEntryId";

  public static final String HANDLE = "办理";
  public static final String READ_ONLY = "阅知";
  public static final List<String> HANDLINGS = List.of(HANDLE, READ_ONLY);
  public static final List<String> URGENCIES = List.of("普通", "加急", "特急");

  public static final int MAX_SENDER = 200;
  public static final int MAX_SENDER_NUMBER = 100;
  public static final int MAX_TITLE = 500;
  public static final int MAX_SUMMARY = 2000;
  public static final int MAX_OPINION = 2000;
  public static final int MAX_PAGES = 9999;
  public static final int MIN_DAYS = 1;
  public static final int MAX_DAYS = 250;

  private IncomingDocumentVariables() {}
}
