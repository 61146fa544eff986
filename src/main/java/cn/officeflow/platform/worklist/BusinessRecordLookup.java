package cn.officeflow.platform.worklist;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The process packages' {@link BusinessRecords} by process key: which record a task or a copy is about. */
@Component
public class BusinessRecordLookup {

  private final Map<String, BusinessRecords> byProcess;

  public BusinessRecordLookup(List<BusinessRecords> records) {
    Map<String, BusinessRecords> map = new HashMap<>();
    records.forEach(r -> r.processKeys().forEach(key -> map.put(key, r)));
    this.byProcess = Map.copyOf(map);
  }

  /** The record with this business key in a process that describes its records; empty otherwise. */
  public Optional<BusinessRecord> describe(String processKey, String businessKey) {
    if (processKey == null || businessKey == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(byProcess.get(processKey)).flatMap(r -> r.describe(businessKey));
  }
}
