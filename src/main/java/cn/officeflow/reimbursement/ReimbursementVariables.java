package cn.officeflow.reimbursement;

import java.util.List;

/** 报销 (reimbursement): process key, element ids and variable names, written once. */
public final class ReimbursementVariables {

  public static final String PROCESS_KEY = "reimbursement";

  // elements
  public static final String START = "StartEvent_Apply";
  public static final String TASK_FIRST_REVIEW = "Task_FirstReview";
  public static final String TASK_SECOND_REVIEW = "Task_SecondReview";
  public static final String TASK_LEADER_APPROVAL = "Task_LeaderApproval";
  public static final String TASK_RECORD_PAYMENT = "Task_RecordPayment";
  public static final String TASK_REVISE = "Task_Revise";
  public static final String END_PAID = "EndEvent_Paid";
  public static final String END_WITHDRAWN = "EndEvent_Withdrawn";

  // start form (申请) and the revise form; also the call activity's in variables
  public static final String AMOUNT = "amount";
  public static final String PURPOSE = "purpose";
  public static final String INVOICES = "invoices";

  /** Set by a calling process (采购 CallActivity_PaymentRequest) only: never accepted from a user. */
  public static final String PROCUREMENT_ID = "procurementId";

  /** The requester a calling process claims for; the applicant then (a user start takes the user). */
  public static final String CLAIMANT = "claimant";

  // revise form
  public static final String REVISE_ACTION = "reviseAction";
  public static final String WITHDRAW_REASON = "withdrawReason";
  public static final String RESUBMIT = "resubmit";
  public static final String WITHDRAW = "withdraw";

  // payment form (付款登记)
  public static final String PAID_ON = "paidOn";
  public static final String PAYMENT_METHOD = "paymentMethod";
  public static final String PAYMENT_REFERENCE = "paymentReference";

  // set by the process
  public static final String REIMBURSEMENT_ID = "reimbursementId";
  public static final String APPLICANT = "applicant";
  public static final String APPLICANT_NAME = "applicantName";
  public static final String INVOICE_SUMMARY = "invoiceSummary";
  public static final String AMOUNT_TEXT = "amountText";
  public static final String LEADER_APPROVAL_REQUIRED = "leaderApprovalRequired";

  /** Who did the latest 初审: the user excluded from 复核 (model property separateFrom). */
  public static final String FIRST_REVIEWER = "firstReviewer";

  /** Out variable for a calling process: when the claim was paid (Date). */
  public static final String PAID_AT = "paidAt";

  public static final List<String> PAYMENT_METHODS = List.of("银行转账", "公务卡", "支票", "现金");

  public static final int MAX_PURPOSE = 1000;
  public static final int MAX_INVOICES = 50;
  public static final int MAX_REFERENCE = 100;
  public static final int MAX_WITHDRAW_REASON = 500;

  private ReimbursementVariables() {}
}
