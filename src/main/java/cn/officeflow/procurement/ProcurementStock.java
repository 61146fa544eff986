package cn.officeflow.procurement;

import java.util.Optional;

/**
 * What 采购 needs of the shared stock (platform.inventory's InventoryService, issue 12 contract), behind one
 * seam: {@link InventoryStock} adapts the platform bean.
 */
public interface ProcurementStock {

  /** The item, or empty when there is no such item. */
  Optional<StockItem> find(String itemId);

  /** 出库 to the requester (409 「库存不足」 when short). */
  void issue(String itemId, int quantity, String reason, String reference);

  /** 入库. */
  void receive(String itemId, int quantity, String reason, String reference);

  /**
   * A new item in the stock (a purchase of something the warehouse did not hold, at 验收入库), with no stock
   * yet: its id. Bad input is a 400 naming {@code codeField}/{@code unitField}; a code in use is a 409.
   */
  String create(NewItem item, String codeField, String unitField);

  record NewItem(
      String code, String name, String category, String unit, java.math.BigDecimal unitValue) {}

  record StockItem(String id, String name, String category, long stock) {}
}
