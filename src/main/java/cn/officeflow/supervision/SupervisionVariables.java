package cn.officeflow.supervision;

/** 督查督办 (supervision): process key, element ids and variable names, written once. */
public final class SupervisionVariables {

  public static final String PROCESS_KEY = "supervision";

  // elements
  public static final String START = "StartEvent_Initiate";
  public static final String TASK_ASSIGN = "Task_Assign";
  public static final String SUB_PROCESS_HANDLING = "SubProcess_Handling";
  public static final String TASK_HANDLE = "Task_Handle";
  public static final String GATEWAY_HANDLING_RESTART = "Gateway_HandlingRestart";
  public static final String GATEWAY_HANDLING_FORK = "Gateway_HandlingFork";
  public static final String GATEWAY_HANDLE_MERGE = "Gateway_HandleMerge";
  public static final String GATEWAY_FINISHED = "Gateway_Finished";
  public static final String TASK_INSPECT = "Task_Inspect";
  public static final String GATEWAY_INSPECT = "Gateway_Inspect";

  /** 「协办意见齐全后方可办结」: 督查 starts once 承办 is 办结 and every 协办意见 is in. */
  public static final String GATEWAY_HANDLING_JOIN = "Gateway_HandlingJoin";

  public static final String END_HANDLED = "EndEvent_Handled";
  public static final String TIMER_YELLOW = "Timer_Yellow";
  public static final String TASK_MARK_YELLOW = "Task_MarkYellow";
  public static final String END_YELLOW_NOTIFIED = "EndEvent_YellowNotified";
  public static final String TIMER_RED = "Timer_Red";
  public static final String TASK_MARK_RED = "Task_MarkRed";
  public static final String TASK_ESCALATION = "Task_Escalation";
  public static final String END_ESCALATED = "EndEvent_Escalated";
  public static final String TASK_ASSESS = "Task_Assess";
  public static final String TASK_ASSIST = "Task_Assist";
  public static final String GATEWAY_HAS_ASSIST = "Gateway_HasAssist";
  public static final String GATEWAY_ASSIST_MERGE = "Gateway_AssistMerge";
  public static final String END_CLOSED = "EndEvent_Closed";

  // start form (立项)
  public static final String TITLE = "title";

  /** 督办依据 / 来源 (会议决定、领导批示、上级交办…). */
  public static final String BASIS = "basis";

  /** 主办部门: a department group id (dept-*). */
  public static final String DEPARTMENT = "department";

  /** 办理时限 in working days (1–250); or {@link #DUE_DATE}. */
  public static final String DEADLINE_DAYS = "deadlineDays";

  /** An explicit 办结期限 (YYYY-MM-DD), instead of {@link #DEADLINE_DAYS}. */
  public static final String DUE_DATE = "dueDate";

  public static final String REQUIREMENTS = "requirements";

  /** 协办部门 (optional): department group ids; each gives its input in parallel to 承办 (Task_Assist). */
  public static final String ASSISTING_DEPARTMENTS = "assistingDepartments";

  /** Set when the item is the 督办 of a 收文 (incoming_document calls this process). */
  public static final String INCOMING_DOCUMENT_ID = "incomingDocumentId";

  // 交办
  public static final String HANDLER = "handler";

  /** Set by the process while 交办 is open: the lead department's members (Json, the form's 承办人 choices). */
  public static final String HANDLER_OPTIONS = "handlerOptions";

  // 承办 (local to Task_Handle)
  public static final String PROGRESS = "progress";
  public static final String FINISHED = "finished";
  // 协办 (Task_Assist, one per assisting department: the element variable and the local input)
  public static final String ASSIST_DEPARTMENT = "assistDepartment";
  public static final String OPINION = "opinion";
  // 分管领导督办 (local to Task_Escalation)
  public static final String INSTRUCTION = "instruction";
  // 考核 (local to Task_Assess)
  public static final String SCORE = "score";
  public static final String REMARKS = "remarks";

  // set by the process
  public static final String ITEM_ID = "itemId";
  public static final String INITIATOR = "initiator";
  public static final String DEPARTMENT_NAME = "departmentName";
  public static final String HANDLER_NAME = "handlerName";

  /** Date: the red-light (overdue) moment, the timeDate of {@link #TIMER_RED}. */
  public static final String DUE_AT = "dueAt";

  /** Date: the yellow-light moment, the timeDate of {@link #TIMER_YELLOW}. */
  public static final String YELLOW_AT = "yellowAt";

  /** GREEN | YELLOW | RED, kept in step with the item row (the 「超期事项」 filter reads it). */
  public static final String LIGHT = "light";

  /** Whether the handler ticked 办结 on the last Task_Handle. */
  public static final String HANDLED = "handled";

  /** Names of the assisting departments, for the forms ("无" when none). */
  public static final String ASSISTING_NAMES = "assistingNames";

  /** Text of the 协办意见 so far, for the 承办 form. */
  public static final String ASSIST_TEXT = "assistText";

  /** Text of the progress reports so far, for the forms. */
  public static final String FEEDBACK_TEXT = "feedbackText";

  public static final int MIN_DAYS = 1;
  public static final int MAX_DAYS = 250;
  public static final int MAX_TITLE = 200;
  public static final int MAX_BASIS = 1000;
  public static final int MAX_TEXT = 4000;

  private SupervisionVariables() {}
}
