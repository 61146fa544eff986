package cn.officeflow.platform.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Result of walking the audit log's hash chain (GET /api/audit/events/verify): {@code {"intact": true,
 * "checked": n}} or {@code {"intact": false, "checked": n, "firstBroken": {...}}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditVerification(boolean intact, int checked, Broken firstBroken) {

  /** Why a record no longer matches the chain. */
  public enum Reason {
    CONTENT_CHANGED("内容已被修改：重新计算的哈希与记录的哈希不符"),
    LINK_BROKEN("链接断开：前一条记录的哈希不符或记录缺失"),
    CHECKPOINT_UNCONFIRMED("清理检查点与链上的清理记录不符：检查点可能被伪造"),
    HEAD_MISMATCH("与异地保存的链头哈希不符：审计日志自此条起被整体改写");

    private final String message;

    Reason(String message) {
      this.message = message;
    }

    public String message() {
      return message;
    }
  }

  /** The first record that fails ({@code id} null when the record itself is missing). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Broken(String id, int seq, Reason reason, String message) {}
}
