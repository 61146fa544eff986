package cn.officeflow.drill;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST of 应急演练 (issue 11 contract: GET /api/emergencies/drills — drills per quarter with their status and the
 * past quarters without a completed drill; optional {@code year}); GET /api/emergencies/drills/{id} for one drill
 * with its improvement items.
 */
@RestController
@RequestMapping("/api/emergencies/drills")
public class DrillController {

  private final DrillQueries queries;

  public DrillController(DrillQueries queries) {
    this.queries = queries;
  }

  @GetMapping
  public DrillQueries.Overview drills(@RequestParam(required = false) String year) {
    return queries.drills(year);
  }

  @GetMapping("/{id}")
  public DrillQueries.DrillView drill(@PathVariable String id) {
    return queries.drill(id);
  }
}
