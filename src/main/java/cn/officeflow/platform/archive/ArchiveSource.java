package cn.officeflow.platform.archive;

/**
 * Where an archived document comes from: 发文 (outgoing_document), 收文 (incoming_document), 应急复盘
 * (emergency_response), a 危机公关 《事件复盘报告》 (crisis_pr) or a completed purchase's 采购记录 (procurement).
 */
public enum ArchiveSource {
  OUTGOING("发文"),
  INCOMING("收文"),
  /** 应急 复盘报告 with its evidence (emergency_response). */
  EMERGENCY("应急复盘"),
  /** 危机公关 《事件复盘报告》 (crisis_pr). */
  CRISIS("危机公关"),
  /** 采购记录 of a completed purchase: request, quotes, approvals, budget, order, receipt, invoices. */
  PROCUREMENT("采购");

  private final String label;

  ArchiveSource(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
