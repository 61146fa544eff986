package cn.officeflow.crisis;

import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.worklist.BusinessRecord;
import cn.officeflow.platform.worklist.BusinessRecords;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** 危机公关 cases in 我的工作: the keyword, status, and 特急 while the first response is outstanding. */
@Component
public class CrisisBusinessRecords implements BusinessRecords {

  private final CrisisRepository cases;
  private final IdentityService identity;

  public CrisisBusinessRecords(CrisisRepository cases, IdentityService identity) {
    this.cases = cases;
    this.identity = identity;
  }

  /** Its readers read its notifications (the 30-minute warnings, the reports to the leaders …). */
  @Override
  public Optional<Boolean> readableByCurrentUser(String businessKey) {
    if (cases.find(businessKey).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(CurrentUser.inAnyGroup(identity, CrisisQueries.READER_ROLES));
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(CrisisVariables.PROCESS_KEY);
  }

  @Override
  public Optional<BusinessRecord> describe(String businessKey) {
    return cases
        .find(businessKey)
        .map(
            c ->
                new BusinessRecord(
                    "舆情：" + c.keyword(),
                    null,
                    c.status().name(),
                    c.status().label()
                        + (c.responseMinutes() == null
                            ? ""
                            : "（首次回应 " + c.responseMinutes() + " 分钟）"),
                    c.status() == CrisisStatus.RESPONDING ? "特急" : null,
                    null,
                    null));
  }
}
