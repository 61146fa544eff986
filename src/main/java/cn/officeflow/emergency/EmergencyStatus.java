package cn.officeflow.emergency;

/** Where an emergency case stands. */
public enum EmergencyStatus {
  /** Reported and alerted; 人员安全确认 and 双轨行动 under way. */
  RESPONDING("处置中"),
  /** 结案: evidence frozen, 复盘 due. */
  CLOSED("已结案待复盘"),
  /** 复盘 done, report archived; improvement items under way. */
  REVIEWED("整改中"),
  DONE("已办结");

  private final String label;

  EmergencyStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
