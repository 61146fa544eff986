package cn.officeflow.platform.archive;

/**
 * Where an archived document comes from: 发文 (outgoing_document), 收文 (incoming_document) or a 危机公关
 * 《事件复盘报告》 (crisis_pr).
 */
public enum ArchiveSource {
  OUTGOING("发文"),
  INCOMING("收文"),
  CRISIS("危机公关");

  private final String label;

  ArchiveSource(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
