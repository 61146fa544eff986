package cn.officeflow.platform.archive;

/** Where an archived document comes from: 发文 (outgoing_document) or 收文 (incoming_document). */
public enum ArchiveSource {
  OUTGOING("发文"),
  INCOMING("收文");

  private final String label;

  ArchiveSource(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
