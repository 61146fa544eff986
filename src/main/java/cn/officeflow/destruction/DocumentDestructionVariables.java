package cn.officeflow.destruction;

import java.util.List;

/** 文件销毁 (document_destruction): process key, element ids and variable names, written once. */
public final class DocumentDestructionVariables {

  public static final String PROCESS_KEY = "document_destruction";

  // elements
  public static final String START = "StartEvent_Request";
  public static final String TASK_DIRECTOR_REVIEW = "Task_DirectorReview";
  public static final String TASK_LEADER_APPROVAL = "Task_LeaderApproval";
  public static final String TASK_EXECUTE_DESTRUCTION = "Task_ExecuteDestruction";
  public static final String GATEWAY_DIRECTOR_REVIEW = "Gateway_DirectorReview";
  public static final String GATEWAY_LEADER_APPROVAL = "Gateway_LeaderApproval";
  public static final String GATEWAY_REJECT_MERGE = "Gateway_RejectMerge";
  public static final String END_DESTROYED = "EndEvent_Destroyed";
  public static final String END_REJECTED = "EndEvent_Rejected";

  // start form (申请)
  /** Archive entries to destroy: entry ids (or 文号), one per line or separated by commas. */
  public static final String ENTRIES = "entries";

  public static final String REASON = "reason";
  public static final String METHOD = "method";

  // execution form (销毁执行)
  public static final String WITNESS_1 = "witness1";
  public static final String WITNESS_2 = "witness2";
  public static final String DESTROYED_DATE = "destroyedDate";

  // set by the process
  public static final String DESTRUCTION_ID = "destructionId";
  public static final String APPLICANT = "applicant";
  public static final String APPLICANT_NAME = "applicantName";

  /** The requested entries as readable lines for the forms (年度-部门-密级｜文号｜标题｜位置). */
  public static final String ENTRY_SUMMARY = "entrySummary";

  /** 销毁方式. */
  public static final List<String> METHODS = List.of("碎纸", "焚烧");

  public static final int MAX_ENTRIES = 100;
  public static final int MAX_REASON = 1000;

  private DocumentDestructionVariables() {}
}
