package cn.officeflow.supplies;

import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.worklist.BusinessRecord;
import cn.officeflow.platform.worklist.BusinessRecords;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** 物资领用 and 资产报废 in 我的工作: the summary and status. */
@Component
public class SuppliesBusinessRecords implements BusinessRecords {

  private final SuppliesRepository repo;
  private final IdentityService identity;

  public SuppliesBusinessRecords(SuppliesRepository repo, IdentityService identity) {
    this.repo = repo;
    this.identity = identity;
  }

  @Override
  public Optional<Boolean> readableByCurrentUser(String businessKey) {
    var r = repo.requisition(businessKey);
    if (r.isPresent()) {
      String user = CurrentUser.id(identity).orElse("");
      return Optional.of(
          user.equals(r.get().requester())
              || user.equals(r.get().approvedBy())
              || CurrentUser.inAnyGroup(identity, SuppliesController.READERS));
    }
    if (repo.disposal(businessKey).isPresent()) {
      return Optional.of(CurrentUser.inAnyGroup(identity, SuppliesController.DISPOSAL_READERS));
    }
    return Optional.empty();
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(SuppliesVariables.REQUISITION_KEY, SuppliesVariables.DISPOSAL_KEY);
  }

  @Override
  public Optional<BusinessRecord> describe(String businessKey) {
    var r = repo.requisition(businessKey);
    if (r.isPresent()) {
      var q = r.get();
      return Optional.of(
          new BusinessRecord(
              SuppliesVariables.KINDS.get(q.kind()) + "：" + q.itemName() + " × " + q.quantity(),
              null,
              q.status(),
              SuppliesVariables.statusLabel(q.status()),
              null,
              null,
              null));
    }
    return repo.disposal(businessKey)
        .map(
            d ->
                new BusinessRecord(
                    "资产报废：" + d.itemName() + " × " + d.quantity(),
                    d.writeOffNumber(),
                    d.status(),
                    SuppliesVariables.statusLabel(d.status()),
                    null,
                    null,
                    null));
  }
}
