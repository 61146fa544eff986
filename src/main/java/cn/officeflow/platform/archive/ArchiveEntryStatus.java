package cn.officeflow.platform.archive;

/** State of an archive entry; an entry is never deleted, a destroyed one stays as a record. */
public enum ArchiveEntryStatus {
  ARCHIVED("已归档"),
  DESTROYED("已销毁");

  private final String label;

  ArchiveEntryStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
