package cn.officeflow.drill;

/** Where a drill stands; a drill counts for its quarter once evaluated (IMPROVING or DONE). */
public enum DrillStatus {
  PLANNING("待计划"),
  SCHEDULED("待实施"),
  EVALUATING("待评估"),
  IMPROVING("整改中"),
  DONE("已完成");

  private final String label;

  DrillStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean completed() {
    return this == IMPROVING || this == DONE;
  }
}
