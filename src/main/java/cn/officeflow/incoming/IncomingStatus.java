package cn.officeflow.incoming;

/** Where a 收文 stands; written back by the process. */
public enum IncomingStatus {
  REGISTERED("已登记"),
  PROPOSING("拟办中"),
  INSTRUCTING("待批示"),
  HANDLING("办理中"),
  CIRCULATING("传阅中"),
  ARCHIVING("待归档"),
  ARCHIVED("已归档"),
  VOIDED("已作废");

  private final String label;

  IncomingStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
