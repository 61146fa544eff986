package cn.officeflow.platform.inventory;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST of the 物资: {@code GET /api/inventory/items?category=&q=}, {@code /{id}} and {@code /{id}/movements}
 * (出入库台账) for everyone; {@code POST}/{@code PUT} of the master data for {@code warehouse} and {@code
 * procurement}. Stock changes only through the processes.
 */
@RestController
@RequestMapping("/api/inventory/items")
public class InventoryController {

  private final InventoryService inventory;

  public InventoryController(InventoryService inventory) {
    this.inventory = inventory;
  }

  @GetMapping
  public List<Item> list(
      @RequestParam(required = false) String category, @RequestParam(required = false) String q) {
    return inventory.list(category, q);
  }

  @GetMapping("/{id}")
  public Item get(@PathVariable String id) {
    return inventory.get(id);
  }

  @GetMapping("/{id}/movements")
  public List<StockMovement> movements(@PathVariable String id) {
    return inventory.movements(id);
  }

  @PostMapping
  public ResponseEntity<Item> create(@RequestBody(required = false) Map<String, Object> body) {
    return ResponseEntity.status(HttpStatus.CREATED).body(inventory.create(body));
  }

  @PutMapping("/{id}")
  public Item update(
      @PathVariable String id, @RequestBody(required = false) Map<String, Object> body) {
    return inventory.update(id, body);
  }
}
