package cn.officeflow.reimbursement;

/** Where a claim stands (column of_reimbursement.status). */
public enum ReimbursementStatus {
  FIRST_REVIEW("初审中", true),
  SECOND_REVIEW("复核中", true),
  LEADER_APPROVAL("领导审批中", true),
  PAYMENT("待付款", true),
  REVISING("退回修改", true),
  PAID("已付款", false),
  WITHDRAWN("已撤回", false);

  private final String label;
  private final boolean open;

  ReimbursementStatus(String label, boolean open) {
    this.label = label;
    this.open = open;
  }

  public String label() {
    return label;
  }

  public boolean open() {
    return open;
  }
}
