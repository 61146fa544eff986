package cn.officeflow.procurement;

import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.worklist.BusinessRecord;
import cn.officeflow.platform.worklist.BusinessRecords;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** 采购 in 我的工作: item × quantity and status; readers = the requester and the office roles. */
@Component
public class ProcurementBusinessRecords implements BusinessRecords {

  private final ProcurementRepository repo;
  private final IdentityService identity;

  public ProcurementBusinessRecords(ProcurementRepository repo, IdentityService identity) {
    this.repo = repo;
    this.identity = identity;
  }

  @Override
  public Optional<Boolean> readableByCurrentUser(String businessKey) {
    return repo.purchase(businessKey)
        .map(
            p ->
                CurrentUser.id(identity).map(u -> u.equals(p.requester())).orElse(false)
                    || CurrentUser.inAnyGroup(identity, ProcurementController.OFFICE_ROLES));
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(ProcurementVariables.PROCESS_KEY);
  }

  @Override
  public Optional<BusinessRecord> describe(String businessKey) {
    return repo.purchase(businessKey)
        .map(
            p ->
                new BusinessRecord(
                    "采购：" + p.itemName() + " × " + p.quantity(),
                    null,
                    p.status(),
                    ProcurementService.status(p),
                    null,
                    null,
                    null));
  }
}
