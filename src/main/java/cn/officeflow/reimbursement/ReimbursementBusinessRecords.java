package cn.officeflow.reimbursement;

import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.worklist.BusinessRecord;
import cn.officeflow.platform.worklist.BusinessRecords;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** 报销 in 我的工作: 「报销 1,234.50 元：事由」 and its status; no number, no 紧急程度. */
@Component
public class ReimbursementBusinessRecords implements BusinessRecords {

  private final ReimbursementRepository claims;
  private final IdentityService identity;

  public ReimbursementBusinessRecords(ReimbursementRepository claims, IdentityService identity) {
    this.claims = claims;
    this.identity = identity;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(ReimbursementVariables.PROCESS_KEY);
  }

  @Override
  public Optional<BusinessRecord> describe(String businessKey) {
    return claims
        .find(businessKey)
        .map(
            r ->
                new BusinessRecord(
                    "报销 " + r.amount().toPlainString() + " 元：" + abbreviate(r.purpose()),
                    null,
                    r.status().name(),
                    r.status().label(),
                    null,
                    null,
                    null));
  }

  /** The applicant and the finance, leaders, auditors read its notifications. */
  @Override
  public Optional<Boolean> readableByCurrentUser(String businessKey) {
    return claims
        .find(businessKey)
        .map(
            r ->
                CurrentUser.id(identity).filter(r.applicant()::equals).isPresent()
                    || CurrentUser.inAnyGroup(identity, ReimbursementController.READER_ROLES));
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 39) + "…";
  }
}
