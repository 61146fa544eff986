package cn.officeflow.supplies;

import java.util.Map;

/** 物资领用 (supplies_requisition) and 资产报废 (asset_disposal): keys, element ids and variable names. */
public final class SuppliesVariables {

  public static final String REQUISITION_KEY = "supplies_requisition";
  public static final String DISPOSAL_KEY = "asset_disposal";

  // requisition elements
  public static final String TASK_APPROVE = "Task_DeptApprove";
  public static final String TASK_ISSUE = "Task_Issue";
  public static final String TASK_RETURN = "Task_Return";
  public static final String TIMER_REMIND = "Timer_LoanReminder";
  public static final String TIMER_OVERDUE = "Timer_LoanOverdue";

  // disposal elements
  public static final String TASK_APPRAISE = "Task_Appraise";
  public static final String TASK_WRITE_OFF = "Task_WriteOff";
  public static final String TASK_DISPOSE = "Task_Dispose";

  // requisition start form
  public static final String ITEM_ID = "itemId";
  public static final String QUANTITY = "quantity";
  public static final String KIND = "kind";
  public static final String PURPOSE = "purpose";
  public static final String RETURN_DATE = "returnDate";

  // 发放 (Task_Issue)
  public static final String ISSUE_DECISION = "issueDecision";
  public static final String ISSUE_COMMENT = "issueComment";
  public static final String OLD_ASSET_TAG = "oldAssetTag";
  public static final String OLD_CONDITION = "oldCondition";

  /** 发放 (optional): the tagged asset handed out — 在用 or, for 共享领用, 借出 to the requester. */
  public static final String ASSET_TAG_ISSUED = "assetTag";

  // 归还 (Task_Return)
  public static final String RETURN_CONDITION = "returnCondition";

  // disposal
  public static final String ASSET_TAG = "assetTag";
  public static final String REASON = "reason";
  public static final String APPRAISAL = "appraisal";
  public static final String APPRAISAL_NOTE = "appraisalNote";
  public static final String BOOK_VALUE = "bookValue";
  public static final String VENDOR = "vendor";

  // set by the process
  public static final String INITIATOR = "initiator";
  public static final String REQUISITION_ID = "requisitionId";
  public static final String DISPOSAL_ID = "disposalId";
  public static final String ITEM_NAME = "itemName";
  public static final String KIND_LABEL = "kindLabel";
  public static final String TOTAL_VALUE = "totalValue";
  public static final String REQUESTER_NAME = "requesterName";
  public static final String NEEDS_APPROVAL = "needsApproval";
  public static final String APPROVERS = "approvers";
  public static final String ISSUED = "issued";
  public static final String SHARED = "shared";
  public static final String SCRAP = "scrap";
  public static final String WRITE_OFF_NUMBER = "writeOffNumber";
  public static final String SUMMARY = "summary";

  public static final String NORMAL = "NORMAL";
  public static final String EXCHANGE = "EXCHANGE";
  public static final String SHARED_KIND = "SHARED";
  public static final Map<String, String> KINDS =
      Map.of(NORMAL, "普通领用", EXCHANGE, "以旧换新", SHARED_KIND, "共享领用");

  public static final Map<String, String> STATUS_LABELS =
      Map.ofEntries(
          Map.entry("APPROVING", "待部门负责人审批"),
          Map.entry("ISSUING", "待发放"),
          Map.entry("REJECTED", "未获批准"),
          Map.entry("REFUSED", "不予发放"),
          Map.entry("ISSUED", "已发放"),
          Map.entry("ON_LOAN", "借出中"),
          Map.entry("RETURNED", "已归还"),
          Map.entry("APPRAISING", "待鉴定"),
          Map.entry("REPAIRABLE", "可修复，不报废"),
          Map.entry("WRITING_OFF", "待财务核销"),
          Map.entry("DISPOSING", "待环保处置"),
          Map.entry("DISPOSED", "已报废处置"),
          Map.entry("IN_USE", "在用"),
          Map.entry("IN_STOCK", "在库"),
          Map.entry("SCRAPPED", "已报废"));

  public static String statusLabel(String status) {
    return STATUS_LABELS.getOrDefault(status, status);
  }

  public static final int MAX_QUANTITY = 10_000;
  public static final int MAX_TEXT = 500;
  public static final int MAX_REASON = 1000;

  private SuppliesVariables() {}
}
