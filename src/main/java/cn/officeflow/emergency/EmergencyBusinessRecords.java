package cn.officeflow.emergency;

import cn.officeflow.platform.worklist.BusinessRecord;
import cn.officeflow.platform.worklist.BusinessRecords;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** 突发事件 in 我的工作: level, scenario and location as the title; Ⅰ/Ⅱ级 shown as 特急/加急. */
@Component
public class EmergencyBusinessRecords implements BusinessRecords {

  private final EmergencyRepository cases;
  private final EmergencyQueries queries;

  public EmergencyBusinessRecords(EmergencyRepository cases, EmergencyQueries queries) {
    this.cases = cases;
    this.queries = queries;
  }

  /** Who reads the case (the reader roles and its participants) reads its notifications. */
  @Override
  public Optional<Boolean> readableByCurrentUser(String businessKey) {
    return queries.mayRead(businessKey);
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(EmergencyVariables.PROCESS_KEY);
  }

  @Override
  public Optional<BusinessRecord> describe(String businessKey) {
    return cases
        .find(businessKey)
        .map(
            e ->
                new BusinessRecord(
                    (e.level() == null ? "" : e.level() + "级 ")
                        + e.scenario()
                        + "（"
                        + e.location()
                        + "）",
                    null,
                    e.status().name(),
                    e.status().label(),
                    "Ⅰ".equals(e.level()) ? "特急" : "Ⅱ".equals(e.level()) ? "加急" : null,
                    null,
                    null));
  }
}
