package cn.officeflow.supervision;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST of 督查督办 (DESIGN.md §6 contract: GET /api/supervision/items?light=green|yellow|red) and the 通报 list
 * (GET /api/supervision/bulletin, newest first).
 */
@RestController
@RequestMapping("/api/supervision")
public class SupervisionController {

  private final SupervisionQueries queries;

  public SupervisionController(SupervisionQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/items")
  public List<SupervisionQueries.ItemView> items(@RequestParam(required = false) String light) {
    return queries.items(light);
  }

  @GetMapping("/bulletin")
  public List<BulletinEntry> bulletin() {
    return queries.bulletin();
  }
}
