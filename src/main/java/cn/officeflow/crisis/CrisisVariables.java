package cn.officeflow.crisis;

import java.util.List;

/** 危机公关 (crisis_pr): process key, element ids and variable names, written once. */
public final class CrisisVariables {

  public static final String PROCESS_KEY = "crisis_pr";
  public static final String MESSAGE_ALERT = "PublicOpinionAlert";

  /** 品牌/舆情: starts by hand, does most steps. */
  public static final String PR_TEAM = "pr-team";

  // elements
  public static final String START_REPORT = "StartEvent_Report";
  public static final String START_ALERT = "StartEvent_Alert";
  public static final String SUB_PROCESS_FIRST_RESPONSE = "SubProcess_FirstResponse";
  public static final String TASK_MONITOR = "Task_Monitor";
  public static final String TASK_ASSESS = "Task_Assess";
  public static final String TASK_LEGAL = "Task_LegalOpinion";
  public static final String TASK_BRAND = "Task_BrandDraft";
  public static final String TASK_PUBLISH = "Task_Publish";
  public static final String TIMER_WARNING = "Timer_Warning";
  public static final String TASK_WARN = "Task_Warn";
  public static final String END_WARNED = "EndEvent_Warned";
  public static final String TIMER_ESCALATE = "Timer_Escalate";
  public static final String TASK_ESCALATE = "Task_Escalate";
  public static final String END_ESCALATED = "EndEvent_Escalated";
  public static final String TASK_FOLLOW_UP = "Task_FollowUp";
  public static final String TASK_FURTHER_RESPONSE = "Task_FurtherResponse";
  public static final String TASK_REVIEW = "Task_Review";
  public static final String END_CLOSED = "EndEvent_Closed";

  // start (form, message): what was seen
  public static final String KEYWORD = "keyword";
  public static final String SOURCE = "source";
  public static final String SUMMARY = "summary";
  public static final String LINK = "link";

  // in variables of a calling emergency_response (声誉 case), the shared contract of issue 11
  public static final String EMERGENCY_ID = "emergencyId";

  /** java.util.Date: when the emergency was reported; the 30 minutes count from here. */
  public static final String REPORTED_AT = "reportedAt";

  public static final String SCENARIO = "scenario";
  public static final String DESCRIPTION = "description";
  public static final String LOCATION = "location";
  public static final String LEVEL = "level";

  /** Out variable (Long): minutes from the report to the first published response. */
  public static final String RESPONSE_MINUTES = "crisisResponseMinutes";

  // steps
  public static final String SPREAD = "spread";
  public static final String IMPACT_LEVEL = "impactLevel";
  public static final String ASSESSMENT = "assessment";
  public static final String LEGAL_OPINION = "legalOpinion";
  public static final String DRAFT = "draft";
  public static final String RESPONSE_TEXT = "responseText";
  public static final String CHANNEL = "channel";
  public static final String FOLLOW_UP_NOTES = "followUpNotes";

  /** calm | respond (local to Task_FollowUp). */
  public static final String FOLLOW_UP_RESULT = "followUpResult";

  public static final String REVIEW_REPORT = "reviewReport";

  /** 改进措施, one per line: 内容 | 责任人 | 完成期限 (platform ImprovementItems). */
  public static final String IMPROVEMENTS = "improvements";

  // 整改落实 (Task_Improvement, one per item)
  public static final String TASK_IMPROVEMENT = "Task_Improvement";
  public static final String IMPROVEMENT_IDS = "improvementIds";
  public static final String IMPROVEMENT_ID = "improvementId";
  public static final String IMPROVEMENT_TEXT = "improvementText";
  public static final String IMPROVEMENT_DUE = "improvementDue";
  public static final String IMPROVEMENT_RESULT = "improvementResult";

  // set by the process
  public static final String CASE_ID = "caseId";
  public static final String INITIATOR = "initiator";
  public static final String ORIGIN_LABEL = "originLabel";
  public static final String REPORTED_AT_TEXT = "reportedAtText";
  public static final String WARN_AT = "warnAt";
  public static final String ESCALATE_AT = "escalateAt";
  public static final String CALMED = "calmed";
  public static final String FIRST_RESPONSE_TEXT = "firstResponseText";
  public static final String RESPONSE_SUMMARY = "responseSummary";
  public static final String TIMELINE_TEXT = "timelineText";

  public static final List<String> SOURCES =
      List.of("微博", "微信", "抖音/短视频", "新闻网站", "论坛/贴吧", "媒体来电", "其他");
  public static final List<String> IMPACT_LEVELS = List.of("一般", "较大", "重大");
  public static final List<String> CHANNELS =
      List.of("官方微博", "微信公众号", "官方网站", "媒体声明", "新闻发布会", "其他");

  public static final int WARN_MINUTES = 20;
  public static final int TARGET_MINUTES = 30;
  public static final int MAX_KEYWORD = 200;
  public static final int MAX_SUMMARY = 2000;
  public static final int MAX_LINK = 1000;
  public static final int MAX_TEXT = 4000;
  public static final int MAX_REPORT = 20000;

  private CrisisVariables() {}
}
