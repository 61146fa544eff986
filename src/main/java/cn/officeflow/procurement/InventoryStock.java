package cn.officeflow.procurement;

import cn.officeflow.platform.inventory.InventoryService;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@link ProcurementStock} over the platform's InventoryService (same transaction as the process step). */
@Component
public class InventoryStock implements ProcurementStock {

  private final InventoryService inventory;

  public InventoryStock(InventoryService inventory) {
    this.inventory = inventory;
  }

  @Override
  public Optional<StockItem> find(String itemId) {
    return inventory
        .find(itemId)
        .filter(i -> i.active())
        .map(i -> new StockItem(i.id(), i.name(), i.category(), i.stock()));
  }

  @Override
  public void issue(String itemId, int quantity, String reason, String reference) {
    inventory.issue(itemId, quantity, reason, reference);
  }

  @Override
  public void receive(String itemId, int quantity, String reason, String reference) {
    inventory.receive(itemId, quantity, reason, reference);
  }
}
