package cn.officeflow.platform.archive;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Result of walking the archive's hash chain (contract of GET /api/archive/verify): {@code {"intact": true}}
 * or {@code {"intact": false, "firstBroken": {...}}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainVerification(boolean intact, BrokenRecord firstBroken) {

  public static final ChainVerification INTACT = new ChainVerification(true, null);

  public static ChainVerification broken(BrokenRecord first) {
    return new ChainVerification(false, first);
  }

  /** Why a record no longer matches the chain. */
  public enum Reason {
    /** The record's hashed content (title, classification, …) differs from what was hashed. */
    CONTENT_CHANGED("内容已被修改：重新计算的哈希与记录的哈希不符"),
    /** The stored electronic file no longer has the SHA-256 recorded when it was archived. */
    FILE_CHANGED("电子文件已被修改：文件的 SHA-256 与归档时不符"),
    /** prev_hash does not name the record before it, or a record before it is missing. */
    LINK_BROKEN("链接断开：前一条记录的哈希不符或记录缺失"),
    /** Location or destruction state of the entry differs from what the chained events record. */
    STATE_CHANGED("状态已被修改：存放位置或销毁状态与链上事件不符"),
    /** The record differs from a copy of the chain head kept elsewhere: the chain was rewritten from here on. */
    HEAD_MISMATCH("与异地保存的链头哈希不符：档案链自此条起被整体改写");

    private final String message;

    Reason(String message) {
      this.message = message;
    }

    public String message() {
      return message;
    }
  }

  /**
   * The first record (lowest chain sequence number) that fails: {@code kind} ENTRY (an archive entry) or
   * EVENT (an event of entry {@code entryId}); {@code id} is null when the record itself is missing.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BrokenRecord(
      String id,
      int seq,
      String kind,
      String entryId,
      String title,
      Reason reason,
      String message) {}
}
