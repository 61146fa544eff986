package cn.officeflow.outgoing;

/** Where a 发文 stands; written back by the process's listeners. */
public enum DocumentStatus {
  COUNTERSIGN("会签中"),
  DEPT_REVIEW("部门初审"),
  LEGAL_REVIEW("法务复审"),
  SIGN_OFF("领导签发"),
  REVISING("退回修改"),
  PROOFREADING("三校"),
  ISSUED("已印发"),
  /** Withdrawn for good by the drafter at 退回修改; a 文号 already assigned stays with it, void. */
  VOIDED("已作废");

  private final String label;

  DocumentStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
