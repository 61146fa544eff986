package cn.officeflow.drill;

import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.worklist.BusinessRecord;
import cn.officeflow.platform.worklist.BusinessRecords;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** 应急演练 in 我的工作: the drill's title (2026年第四季度消防演练) and status; no number, no 紧急程度. */
@Component
public class DrillBusinessRecords implements BusinessRecords {

  private final DrillRepository drills;
  private final IdentityService identity;

  public DrillBusinessRecords(DrillRepository drills, IdentityService identity) {
    this.drills = drills;
    this.identity = identity;
  }

  /** Its readers read its notifications (the 30-minute warnings, the reports to the leaders …). */
  @Override
  public Optional<Boolean> readableByCurrentUser(String businessKey) {
    if (drills.find(businessKey).isEmpty() && !businessKey.startsWith("drill-quarter-")) {
      return Optional.empty();
    }
    return Optional.of(CurrentUser.inAnyGroup(identity, DrillQueries.READER_ROLES));
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(DrillVariables.PROCESS_KEY);
  }

  @Override
  public Optional<BusinessRecord> describe(String businessKey) {
    return drills
        .find(businessKey)
        .map(
            d ->
                new BusinessRecord(
                    d.title(), null, d.status().name(), d.status().label(), null, null, null));
  }
}
