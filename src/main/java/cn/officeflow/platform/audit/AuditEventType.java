package cn.officeflow.platform.audit;

/** The kinds of events of the access audit log (安全审计). */
public enum AuditEventType {
  /** 登录: webapp login or HTTP Basic on /engine-rest and /api, success and failure, with source address. */
  LOGIN("登录"),
  /** 查阅: a business record or file read (document views, .docx/.pdf/scan downloads, 处理笺, archive files). */
  READ("查阅"),
  /** 导出: a CSV export (发文台账, 收文登记簿, 审计查询). */
  EXPORT("导出"),
  /** 管理变更: users, groups, memberships, tenants, authorizations, deployments. */
  ADMIN("管理变更"),
  /**
   * 账号安全: an account locked or unlocked, a source address throttled, a password changed or expired, a TOTP
   * enrolment or a wrong TOTP code.
   */
  ACCOUNT("账号安全"),
  /** 保留期清理: records older than the retention were purged; the event names the checkpoint. */
  PURGE("保留期清理");

  private final String label;

  AuditEventType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
