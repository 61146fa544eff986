package cn.officeflow.destruction;

/** Where a 文件销毁 request stands; written back by the process's listeners. */
public enum DestructionStatus {
  DIRECTOR_REVIEW("办公室主任审核"),
  LEADER_APPROVAL("单位领导批准"),
  EXECUTING("销毁执行"),
  DESTROYED("已销毁"),
  REJECTED("已驳回");

  private final String label;

  DestructionStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean open() {
    return this != DESTROYED && this != REJECTED;
  }
}
