package cn.officeflow.platform.inventory;

import cn.officeflow.platform.forms.FormOptionSource;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The items in use, for the item choice of the 领用, 报废 and 采购 forms ({@code "valuesKey":
 * "options_inventoryItems"}): an item added over REST can be picked at once. The label shows name, code and
 * current stock; the value is the item's id, checked by the process services against the same table.
 */
@Component
class InventoryItemOptions implements FormOptionSource {

  private final InventoryService inventory;

  InventoryItemOptions(InventoryService inventory) {
    this.inventory = inventory;
  }

  @Override
  public String key() {
    return "inventoryItems";
  }

  @Override
  public List<FormOption> options() {
    return inventory.list(null, null).stream()
        .filter(Item::active)
        .map(
            i ->
                new FormOption(
                    i.name() + " " + i.code() + "（库存 " + i.stock() + i.unit() + "）", i.id()))
        .toList();
  }
}
