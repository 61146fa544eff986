package cn.officeflow.emergency;

/** 应急分级响应 (emergency_response): process key, element ids and variable names, written once. */
public final class EmergencyVariables {

  public static final String PROCESS_KEY = "emergency_response";
  public static final String MESSAGE_REPORTED = "EmergencyReported";

  // elements
  public static final String START_REPORT = "StartEvent_Report";
  public static final String START_MESSAGE = "StartEvent_Message";
  public static final String TASK_DETERMINE_LEVEL = "Task_DetermineLevel";
  public static final String TASK_ALERT = "Task_Alert";
  public static final String TASK_CONFIRM_SAFETY = "Task_ConfirmPersonnelSafety";
  public static final String TIMER_SAFETY_OVERDUE = "Timer_SafetyOverdue";
  public static final String TASK_ESCALATE_SAFETY = "Task_EscalateSafety";
  public static final String GATEWAY_TRACKS = "Gateway_Tracks";
  public static final String TASK_ON_SITE = "Task_OnSite";
  public static final String TASK_SUPPORT = "Task_Support";
  public static final String GATEWAY_DIMENSION = "Gateway_Dimension";
  public static final String TASK_RESCUE_ASSETS = "Task_RescueAssets";
  public static final String CALL_CRISIS_PR = "CallActivity_CrisisPr";
  public static final String TASK_CLOSE = "Task_Close";
  public static final String TASK_REVIEW = "Task_Review";
  public static final String TIMER_REVIEW_REMINDER = "Timer_ReviewReminder";
  public static final String TASK_REMIND_REVIEW = "Task_RemindReview";
  public static final String TIMER_REVIEW_OVERDUE = "Timer_ReviewOverdue";
  public static final String TASK_ESCALATE_REVIEW = "Task_EscalateReview";
  public static final String TASK_ARCHIVE_REPORT = "Task_ArchiveReport";
  public static final String TASK_IMPROVE = "Task_Improve";
  public static final String END_DONE = "EndEvent_Done";

  // report (start form / message)
  public static final String DIMENSION = "dimension";
  public static final String SCENARIO = "scenario";
  public static final String LOCATION = "location";
  public static final String DESCRIPTION = "description";
  public static final String INJURED = "injured";

  // set by the process
  public static final String EMERGENCY_ID = "emergencyId";
  public static final String INITIATOR = "initiator";
  public static final String REPORTED_AT = "reportedAt";
  public static final String LEVEL = "level";
  public static final String SAFETY_DUE_AT = "safetyDueAt";
  public static final String CHECKLIST_TEMPLATE = "checklistTemplate";
  public static final String MANUAL_TEXT = "manualText";
  public static final String REPORTER_NAME = "reporterName";
  public static final String REVIEW_REMIND_AT = "reviewRemindAt";
  public static final String REVIEW_DUE_AT = "reviewDueAt";
  public static final String TIMELINE_TEXT = "timelineText";
  public static final String RESPONSE_TEXT = "responseText";
  public static final String EVIDENCE_TEXT = "evidenceText";
  public static final String IMPROVEMENT_COUNT = "improvementCount";
  public static final String CRISIS_RESPONSE_MINUTES = "crisisResponseMinutes";

  // task inputs (local to their task)
  public static final String INJURED_CONFIRMED = "injuredConfirmed";
  public static final String SAFETY_NOTE = "safetyNote";
  public static final String CHECKLIST = "checklist";
  public static final String ON_SITE_REPORT = "onSiteReport";
  public static final String MEDICAL = "medicalContacted";
  public static final String POLICE = "policeContacted";
  public static final String FIRE = "fireContacted";
  public static final String SUPPORT_REPORT = "supportReport";
  public static final String ASSETS_REPORT = "assetsReport";
  public static final String LESSONS = "lessons";
  public static final String IMPROVEMENTS = "improvements";
  public static final String IMPROVEMENT_RESULT = "improvementResult";

  public static final String PERSONNEL = "人员";
  public static final String ASSETS = "资产";
  public static final String REPUTATION = "声誉";

  public static final int MAX_SCENARIO = 100;
  public static final int MAX_LOCATION = 200;
  public static final int MAX_TEXT = 4000;
  public static final int MAX_INJURED = 100000;

  public static final String EMERGENCY_COMMAND = "emergency-command";

  private EmergencyVariables() {}
}
