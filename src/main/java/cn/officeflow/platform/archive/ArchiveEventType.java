package cn.officeflow.platform.archive;

/** What can happen to an archive entry after it was archived; each event is a link of the hash chain. */
public enum ArchiveEventType {
  /** 纸质件入盒上架 or moved: the entry's box and shelf. */
  LOCATION("登记存放位置"),
  /** 销毁: the entry is marked destroyed (never deleted). */
  DESTROYED("销毁");

  private final String label;

  ArchiveEventType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
