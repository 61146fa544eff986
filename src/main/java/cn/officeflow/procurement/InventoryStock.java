package cn.officeflow.procurement;

import cn.officeflow.platform.inventory.InventoryService;
import cn.officeflow.platform.web.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;
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

  @Override
  public String create(NewItem item, String codeField, String unitField) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("code", item.code());
    input.put("name", item.name());
    input.put("category", item.category());
    input.put("unit", item.unit());
    input.put("unitValue", item.unitValue().toPlainString());
    try {
      return inventory.create(input).id();
    } catch (ValidationException e) {
      // the form's field names, not the item API's
      String field =
          switch (e.getField()) {
            case "code" -> codeField;
            case "unit" -> unitField;
            default -> e.getField();
          };
      if (field.equals(e.getField())) {
        throw e;
      }
      throw e.onField(field);
    }
  }
}
