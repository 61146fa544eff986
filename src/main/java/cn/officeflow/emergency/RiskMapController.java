package cn.officeflow.emergency;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST of the 风险地图: {@code GET /api/emergency-risks?dimension=} for everyone; {@code POST}, {@code PUT
 * /{id}}, {@code DELETE /{id}} for {@code emergency-command}.
 */
@RestController
@RequestMapping("/api/emergency-risks")
public class RiskMapController {

  private final RiskMapService service;

  public RiskMapController(RiskMapService service) {
    this.service = service;
  }

  @GetMapping
  public List<RiskMapEntry> list(@RequestParam(required = false) String dimension) {
    return service.list(dimension);
  }

  @GetMapping("/{id}")
  public RiskMapEntry get(@PathVariable String id) {
    return service.get(id);
  }

  @PostMapping
  public ResponseEntity<RiskMapEntry> create(
      @RequestBody(required = false) Map<String, Object> body) {
    return ResponseEntity.status(HttpStatus.CREATED).body(service.create(body));
  }

  @PutMapping("/{id}")
  public RiskMapEntry update(
      @PathVariable String id, @RequestBody(required = false) Map<String, Object> body) {
    return service.update(id, body);
  }

  @DeleteMapping("/{id}")
  public ResponseEntity<Void> delete(@PathVariable String id) {
    service.delete(id);
    return ResponseEntity.noContent().build();
  }
}
