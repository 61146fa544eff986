package cn.officeflow.procurement;

/** 采购 (procurement) and 供应商考评 (supplier_review): process keys, element ids and variable names, written once. */
public final class ProcurementVariables {

  public static final String PROCESS_KEY = "procurement";
  public static final String DECISION_KEY = "procurement_approval";

  /**
   * 供应商考评: a quarterly timer (cron {@link #REVIEW_CRON}); strategic suppliers get a visit task each quarter,
   * ordinary ones an evaluation task each January.
   */
  public static final String REVIEW_PROCESS_KEY = "supplier_review";

  /** 09:00 on 1 January, April, July and October (server zone). */
  public static final String REVIEW_CRON = "0 0 9 1 1,4,7,10 ?";

  // elements
  public static final String START_REQUEST = "StartEvent_Request";
  public static final String START_REORDER = "StartEvent_Reorder";
  public static final String MESSAGE_REORDER = "ReorderPointReached";
  public static final String TASK_RESEARCH = "Task_Research";
  public static final String TASK_ISSUE_FROM_STOCK = "Task_IssueFromStock";
  public static final String TASK_COMPARE_QUOTES = "Task_CompareQuotes";
  public static final String TASK_APPROVE_SINGLE_SOURCE = "Task_ApproveSingleSource";
  public static final String TASK_SAMPLE_TRIAL = "Task_SampleTrial";
  public static final String TASK_APPROVAL_LEVELS = "Task_ApprovalLevels";
  public static final String TASK_APPROVE = "Task_Approve";
  public static final String TASK_BUDGET_CHECK = "Task_BudgetCheck";
  public static final String TASK_LEADER_BUDGET = "Task_LeaderBudget";
  public static final String TASK_ORDER = "Task_Order";
  public static final String TASK_RECEIVE = "Task_Receive";
  public static final String CALL_PAYMENT = "CallActivity_PaymentRequest";
  public static final String END_MERGED = "EndEvent_Merged";
  public static final String END_FROM_STOCK = "EndEvent_FromStock";
  public static final String END_REJECTED = "EndEvent_Rejected";
  public static final String END_OVER_BUDGET = "EndEvent_OverBudget";
  public static final String END_BUDGET_REJECTED = "EndEvent_BudgetRejected";
  public static final String END_DONE = "EndEvent_Done";
  public static final String TASK_SUPPLIER_REVIEW = "Task_SupplierReview";

  // 需求申请 (start form)
  public static final String ITEM_ID = "itemId";
  public static final String ITEM_DESCRIPTION = "itemDescription";
  public static final String CATEGORY = "category";
  public static final String QUANTITY = "quantity";
  public static final String REASON = "reason";
  public static final String BUDGET_DEPARTMENT = "budgetDepartment";
  public static final String BUDGET_QUARTER = "budgetQuarter";

  // ReorderPointReached (message, as the engine)
  public static final String ITEM_NAME = "itemName";
  public static final String STOCK = "stock";
  public static final String REORDER_POINT = "reorderPoint";

  // 需求调研
  public static final String RESEARCH_OUTCOME = "researchOutcome";
  public static final String MERGE_INTO = "mergeInto";
  public static final String OUTCOME_PURCHASE = "purchase";
  public static final String OUTCOME_STOCK = "stock";
  public static final String OUTCOME_MERGE = "merge";

  // 供应商比价
  public static final String QUOTES = "quotes";
  public static final String CHOSEN_SUPPLIER = "chosenSupplier";
  public static final String CHOICE_REASON = "choiceReason";
  public static final String SINGLE_SOURCE_REASON = "singleSourceReason";

  // 样品试用
  public static final String SAMPLE_RESULT = "sampleResult";
  public static final String SAMPLE_NOTE = "sampleNote";

  // 下单, 验收入库
  public static final String ORDER_NUMBER = "orderNumber";

  /** Set by the server at 下单: the buyer, the claimant of a JIT reorder's payment (no requester). */
  public static final String ORDERED_BY = "orderedBy";

  public static final String RECEIVED_QUANTITY = "receivedQuantity";

  /** 验收入库 of a new item (not in stock when requested): its 物资编码 and 计量单位 in the stock. */
  public static final String NEW_ITEM_CODE = "newItemCode";

  public static final String NEW_ITEM_UNIT = "newItemUnit";
  public static final String INVOICES = "invoices";

  // 供应商考评
  public static final String SUPPLIER_ID = "supplierId";
  public static final String SUPPLIER_IDS = "supplierIds";
  public static final String SCORE_QUALITY = "scoreQuality";
  public static final String SCORE_DELIVERY = "scoreDelivery";
  public static final String SCORE_PRICE = "scorePrice";
  public static final String SCORE_SERVICE = "scoreService";
  public static final String REVIEW_COMMENT = "reviewComment";

  // set by the process
  public static final String PURCHASE_ID = "purchaseId";
  public static final String PROCUREMENT_ID = "procurementId";
  public static final String REQUESTER = "requester";
  public static final String REQUESTER_NAME = "requesterName";
  public static final String SUMMARY = "purchaseSummary";
  public static final String OPEN_SIMILAR = "openSimilar";
  public static final String STOCK_INFO = "stockInfo";
  public static final String QUOTE_TABLE = "quoteTable";
  public static final String SINGLE_SOURCE = "singleSource";
  public static final String SINGLE_SOURCE_REJECTED = "singleSourceRejected";
  public static final String NEEDS_SAMPLE = "needsSample";
  public static final String SAMPLE_FAILED = "sampleFailed";
  public static final String AMOUNT = "amount";
  public static final String APPROVERS = "approvers";
  public static final String APPROVER_GROUPS = "approverGroups";
  public static final String APPROVER_GROUP = "approverGroup";
  public static final String APPROVAL_LEVELS = "approvalLevels";

  /** Set by the process: 采购〔2026〕12号. */
  public static final String PURCHASE_NUMBER = "purchaseNumber";

  public static final String APPROVAL_REJECTED = "approvalRejected";

  /** Approve form: after a 退回, {@value #SEND_BACK_REVISE} (back to 比价) or {@value #SEND_BACK_END} (default). */
  public static final String REJECT_ACTION = "rejectAction";

  public static final String SEND_BACK_REVISE = "revise";
  public static final String SEND_BACK_END = "end";

  /** Set by the process: the approver chose 退回比价. */
  public static final String APPROVAL_SENT_BACK = "approvalSentBack";

  /**
   * Set by the process: who approved a level of this round of the chain (comma-separated), the users the
   * model's {@code separateFrom} keeps out of the next levels — one person, one level.
   */
  public static final String CHAIN_APPROVERS = "chainApprovers";

  public static final String BUDGET_OUTCOME = "budgetOutcome";
  public static final String BUDGET_INFO = "budgetInfo";
  public static final String BUDGET_WITHIN = "within";
  public static final String BUDGET_FLEXIBLE = "flexible";
  public static final String BUDGET_OVER = "over";
  public static final String LEADER_REJECTED = "leaderRejected";
  public static final String PURPOSE = "purpose";
  public static final String CLAIMANT = "claimant";
  public static final String PAID_AT = "paidAt";
  public static final String SUPPLIER_NAME = "supplierName";
  public static final String REVIEW_KIND = "reviewKind";

  public static final int MAX_TEXT = 2000;
  public static final int MAX_QUANTITY = 100_000;
  public static final int MIN_QUOTES = 3;
  public static final int MAX_QUOTES = 20;

  private ProcurementVariables() {}
}
