package cn.officeflow.drill;

import java.util.List;

/** 应急演练 (emergency_drill): process key, element ids and variable names, written once. */
public final class DrillVariables {

  public static final String PROCESS_KEY = "emergency_drill";

  // elements: the drill
  /**
   * The one start: by hand (emergency-command, Tasklist) or by {@link #QUARTER_PROCESS_KEY} as the engine itself
   * (no authenticated user).
   */
  public static final String START_DRILL = "StartEvent_Drill";

  public static final String TASK_PLAN = "Task_Plan";
  public static final String TASK_NOTIFY_STAFF = "Task_NotifyStaff";
  public static final String GATEWAY_CONDUCT = "Gateway_Conduct";
  public static final String TASK_CONDUCT = "Task_Conduct";
  public static final String TASK_EVALUATE = "Task_Evaluate";
  public static final String GATEWAY_EVALUATED = "Gateway_Evaluated";
  public static final String GATEWAY_HAS_ITEMS = "Gateway_HasItems";

  /** One instance per improvement item (parallel): Task_Improve with its overdue reminder. */
  public static final String SUB_PROCESS_IMPROVE = "SubProcess_Improve";

  public static final String TASK_IMPROVE = "Task_Improve";
  public static final String END_ITEM_DONE = "EndEvent_ItemDone";
  public static final String TIMER_ITEM_OVERDUE = "Timer_ItemOverdue";
  public static final String TASK_REMIND_OVERDUE = "Task_RemindOverdue";
  public static final String GATEWAY_ITEMS_DONE = "Gateway_ItemsDone";
  public static final String END_DONE = "EndEvent_Done";

  /**
   * 应急演练季度调度: the quarterly timer (Camunda 7 allows one none-or-timer start event per process, and the
   * drill has its none start for emergency-command): checks the quarter that has just ended, then starts the new
   * quarter's drill on its first working morning.
   */
  public static final String QUARTER_PROCESS_KEY = "emergency_drill_quarter";

  public static final String START_QUARTER = "StartEvent_QuarterStart";
  public static final String TASK_CHECK_QUARTER = "Task_CheckQuarter";
  public static final String GATEWAY_COVERED = "Gateway_Covered";
  public static final String TASK_REPORT_MISSED = "Task_ReportMissed";
  public static final String GATEWAY_CHECK_DONE = "Gateway_CheckDone";
  public static final String TIMER_FIRST_WORKING_MORNING = "Timer_FirstWorkingMorning";
  public static final String TASK_START_DRILL = "Task_StartDrill";
  public static final String END_STARTED = "EndEvent_Started";

  /**
   * Cron of StartEvent_QuarterStart (Camunda/Quartz cron with seconds: sec min hour day-of-month month
   * day-of-week): 00:00:00 on 1 January, April, July and October, in the server's time zone.
   */
  public static final String QUARTER_CRON = "0 0 0 1 1,4,7,10 ?";

  /** The planning task appears at this hour (Beijing) of the quarter's first working day. */
  public static final int WORKING_MORNING_HOUR = 9;

  // start form (manual start by emergency-command)
  public static final String DRILL_TYPE = "drillType";
  public static final String REASON = "reason";

  // 计划 (Task_Plan)
  public static final String PLANNED_DATE = "plannedDate";
  public static final String PLANNED_TIME = "plannedTime";
  public static final String PLACE = "place";
  public static final String SCENARIO = "scenario";

  /** 组织人: the user who carries the drill out (assignee of Task_Conduct), chosen at 计划. */
  public static final String ORGANISER = "organiser";

  // 实施 (Task_Conduct)
  public static final String PARTICIPANT_COUNT = "participantCount";
  public static final String PARTICIPANTS = "participants";
  public static final String EVACUATION_SECONDS = "evacuationSeconds";
  public static final String HEADCOUNT_EXPECTED = "headcountExpected";
  public static final String HEADCOUNT_PRESENT = "headcountPresent";
  public static final String HEADCOUNT_SECONDS = "headcountSeconds";
  public static final String ISSUES = "issues";

  // 评估 (Task_Evaluate): decision + comment (ReviewService) and the improvement items
  public static final String IMPROVEMENT_ITEMS = "improvementItems";

  // 整改 (Task_Improve, one per item): element variable and local input
  public static final String IMPROVEMENT_ITEM_ID = "improvementItemId";
  public static final String IMPROVEMENT_TEXT = "improvementText";
  public static final String IMPROVEMENT_DUE = "improvementDue";
  public static final String IMPROVEMENT_RESULT = "improvementResult";

  // set by the process
  public static final String DRILL_ID = "drillId";
  public static final String INITIATOR = "initiator";
  public static final String STARTED_BY = "startedBy";
  public static final String QUARTER = "quarter";
  public static final String QUARTER_LABEL = "quarterLabel";
  public static final String DRILL_TITLE = "drillTitle";
  public static final String ORGANISER_NAME = "organiserName";
  public static final String CONDUCT_SUMMARY = "conductSummary";
  public static final String HAS_ITEMS = "hasItems";

  /** The quarter process: the drill instance it started. */
  public static final String DRILL_PROCESS_INSTANCE_ID = "drillProcessInstanceId";

  /** The quarter-end check: which quarter, whether it had a completed drill. */
  public static final String CHECKED_QUARTER = "checkedQuarter";

  public static final String COVERED = "covered";

  public static final List<String> DRILL_TYPES = List.of("消防", "防暴", "地震", "其他");

  public static final int MAX_REASON = 500;
  public static final int MAX_PLACE = 200;
  public static final int MAX_SCENARIO = 2000;
  public static final int MAX_PARTICIPANTS = 4000;
  public static final int MAX_ISSUES = 4000;
  public static final int MAX_RESULT = 2000;
  public static final int MAX_COUNT = 100_000;

  /** A measured time may be up to 24 hours (in seconds). */
  public static final int MAX_SECONDS = 86_400;

  private DrillVariables() {}
}
