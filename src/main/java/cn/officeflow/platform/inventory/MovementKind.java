package cn.officeflow.platform.inventory;

/** Which way a stock movement goes. */
public enum MovementKind {
  /** 入库 (采购验收, 期初): + */
  RECEIVE("入库", 1),
  /** 出库 (领用): − */
  ISSUE("出库", -1),
  /** 归还/退库 (共享领用归还): + */
  RESTOCK("归还入库", 1),
  /** 报废核销: − */
  WRITE_OFF("报废核销", -1);

  private final String label;
  private final int sign;

  MovementKind(String label, int sign) {
    this.label = label;
    this.sign = sign;
  }

  public String label() {
    return label;
  }

  /** +1 when the movement adds to the stock, −1 when it takes from it. */
  public int sign() {
    return sign;
  }
}
