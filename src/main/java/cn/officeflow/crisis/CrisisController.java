package cn.officeflow.crisis;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST of 危机公关 (issue 11 contract): GET /api/crises?status= (newest report first) and GET
 * /api/crises/{id} (the case, its timeline, response minutes and whether the 30 minutes were met); GET
 * /api/crises/monthly?month=YYYY-MM (the month's response figures for the 月度通报).
 */
@RestController
@RequestMapping("/api/crises")
public class CrisisController {

  private final CrisisQueries queries;

  public CrisisController(CrisisQueries queries) {
    this.queries = queries;
  }

  @GetMapping
  public List<CrisisQueries.CaseView> list(@RequestParam(required = false) String status) {
    return queries.list(status);
  }

  @GetMapping("/monthly")
  public CrisisQueries.MonthlyReport monthly(@RequestParam(required = false) String month) {
    return queries.monthly(month);
  }

  @GetMapping("/{id}")
  public CrisisQueries.CaseDetail detail(@PathVariable String id) {
    return queries.detail(id);
  }
}
