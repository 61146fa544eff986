package cn.officeflow.reimbursement;

import static cn.officeflow.reimbursement.ReimbursementVariables.*;

import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.notify.Channel;
import cn.officeflow.platform.notify.NotificationService;
import cn.officeflow.platform.org.OrgService;
import cn.officeflow.platform.review.ApprovalListener;
import cn.officeflow.platform.review.Review;
import cn.officeflow.platform.review.ReviewService;
import cn.officeflow.platform.web.FormValues;
import cn.officeflow.platform.web.NotFoundException;
import cn.officeflow.platform.web.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * 报销「初审-复核」双签: 申请 (staff, or 采购's payment request by call activity) → 初审 (finance) → 复核
 * (finance, never the 初审 user: the model's {@code separateFrom=firstReviewer}, enforced by the platform's
 * command guard) → 单位领导 above {@code officeflow.reimbursement.leader-threshold} → 付款登记 (finance). Any
 * reject sends the claim back to the applicant, who revises or withdraws it.
 *
 * <p>Everything runs in the engine's transaction: a validation error (400 naming the field) rolls back the claim's
 * rows together with the engine state. An invoice belongs to one open or paid claim: the unique key of
 * of_reimbursement_invoice refuses the second claim, also when both arrive at the same moment.
 */
@Service("reimbursementService")
public class ReimbursementService {

  private static final Logger LOG = LoggerFactory.getLogger(ReimbursementService.class);

  private final ReimbursementRepository claims;
  private final OrgService org;
  private final ReviewService reviews;
  private final BigDecimal leaderThreshold;
  private final NotificationService notifications;

  public ReimbursementService(
      ReimbursementRepository claims,
      OrgService org,
      ReviewService reviews,
      NotificationService notifications,
      @Value("${officeflow.reimbursement.leader-threshold:10000}") BigDecimal leaderThreshold) {
    this.claims = claims;
    this.org = org;
    this.reviews = reviews;
    this.leaderThreshold = leaderThreshold;
    this.notifications = notifications;
  }

  public BigDecimal leaderThreshold() {
    return leaderThreshold;
  }

  /** Process start: validates the claim, stores it and its invoices, makes its id the business key. */
  public void start(DelegateExecution execution) {
    boolean called = execution.getProcessInstance().getSuperExecution() != null;
    String applicant;
    String procurementId = null;
    if (called) {
      // 采购's payment request: the requester claims; there is no user to take it from
      applicant = execution.getVariable(CLAIMANT) instanceof String c ? c.strip() : null;
      if (applicant == null || applicant.isEmpty() || !org.userExists(applicant)) {
        throw new ValidationException(CLAIMANT, "调用报销流程时必须给出存在的报销人（claimant），收到：" + applicant);
      }
      execution.setVariable(APPLICANT, applicant);
      Object procurement = execution.getVariable(PROCUREMENT_ID);
      procurementId =
          procurement == null
              ? null
              : FormValues.optionalText(procurement, PROCUREMENT_ID, 64, "采购单号");
    } else {
      applicant = CurrentUser.initiator(execution, APPLICANT);
      if (applicant == null || applicant.isBlank()) {
        throw new ValidationException(APPLICANT, "报销必须由已登录的用户发起");
      }
    }
    Claim claim = claim(execution);
    String id = UUID.randomUUID().toString();
    String applicantName = org.displayName(applicant);
    claims.insert(
        id,
        execution.getProcessInstanceId(),
        applicant,
        applicantName,
        procurementId,
        claim.amount(),
        claim.purpose(),
        claim.invoices(),
        EngineClock.now());
    claimInvoices(id, claim.invoices());
    execution.setProcessBusinessKey(id);
    execution.setVariable(REIMBURSEMENT_ID, id);
    execution.setVariable(APPLICANT_NAME, applicantName);
    execution.setVariable(ApprovalListener.REVISION_REQUIRED, false);
    setClaimVariables(execution, claim);
    LOG.info(
        "报销 {}：{} 元，{} 张发票（{}{}）",
        id,
        claim.amount(),
        claim.invoices().size(),
        applicantName,
        procurementId == null ? "" : "，采购 " + procurementId);
  }

  /** End of 初审, 复核, 领导审批 (after the approval listener): who reviewed; 初审's user is kept out of 复核. */
  public void reviewed(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String user = ReviewService.currentUser(execution);
    String step = execution.getCurrentActivityId();
    String column =
        switch (step) {
          case TASK_FIRST_REVIEW -> "first_reviewer";
          case TASK_SECOND_REVIEW -> "second_reviewer";
          case TASK_LEADER_APPROVAL -> "leader";
          default -> throw new IllegalStateException("not a review step: " + step);
        };
    if (TASK_FIRST_REVIEW.equals(step)) {
      // whoever did 初审's work: the one completing it and anyone it was delegated to (委派: the
      // delegate
      // reviews, the owner completes)
      Set<String> people = new java.util.LinkedHashSet<>(List.of(user));
      people.addAll(delegates(execution));
      execution.setVariable(FIRST_REVIEWER, String.join(",", people));
    } else if (TASK_SECOND_REVIEW.equals(step)
        && execution.getVariable(FIRST_REVIEWER) instanceof String first
        && List.of(first.split(",")).contains(user)) {
      // the command guard refuses this before it gets here; kept as the last line of defence
      throw new cn.officeflow.platform.web.AccessRefusedException("复核不能由初审人办理（双签制）");
    }
    claims.reviewed(id(execution), column, user, EngineClock.now());
  }

  /** Start of Task_Revise: the applicant is told by e-mail which step returned the claim and why. */
  public void returned(DelegateExecution execution) {
    Reimbursement claim = claim(id(execution));
    List<Review> trail = reviews.trail(claim.id());
    Review last = trail.isEmpty() ? null : trail.get(trail.size() - 1);
    Map<String, Object> model = new HashMap<>();
    model.put("amount", claim.amount().toPlainString());
    model.put("purpose", claim.purpose());
    model.put("step", last == null ? "审核" : last.step());
    model.put("reviewerName", last == null ? "" : last.name());
    model.put("comment", last == null || last.comment() == null ? "（无）" : last.comment());
    notifications.send(
        "reimbursement-returned",
        model,
        List.of(claim.applicant()),
        Set.of(Channel.MAIL),
        claim.id());
  }

  /** The users the current 初审 task was delegated to (from Camunda's user operation log). */
  private static List<String> delegates(DelegateExecution execution) {
    var history = execution.getProcessEngineServices().getHistoryService();
    var task =
        history
            .createHistoricTaskInstanceQuery()
            .processInstanceId(execution.getProcessInstanceId())
            .taskDefinitionKey(TASK_FIRST_REVIEW)
            .unfinished()
            .list();
    if (task.isEmpty()) {
      return List.of();
    }
    return history
        .createUserOperationLogQuery()
        .taskId(task.get(0).getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_DELEGATE)
        .property("assignee")
        .list()
        .stream()
        .map(UserOperationLogEntry::getNewValue)
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  /** End of Task_Revise: resubmit the revised claim (validated again) or withdraw it. */
  public void revise(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String id = id(execution);
    String user = ReviewService.currentUser(execution);
    String action =
        FormValues.oneOf(
            execution.getVariable(REVISE_ACTION),
            REVISE_ACTION,
            List.of(RESUBMIT, WITHDRAW),
            "处理方式",
            null);
    if (WITHDRAW.equals(action)) {
      String reason =
          FormValues.requiredText(
              execution.getVariable(WITHDRAW_REASON), WITHDRAW_REASON, MAX_WITHDRAW_REASON, "撤回原因");
      claims.releaseInvoices(id);
      claims.updateStatus(id, ReimbursementStatus.WITHDRAWN, EngineClock.now());
      reviews.note(
          id,
          PROCESS_KEY,
          execution.getProcessInstanceId(),
          TASK_REVISE,
          "修改或撤回",
          user,
          Review.WITHDRAW,
          "撤回报销：" + reason,
          null);
      LOG.info("报销 {} 已撤回", id);
      return;
    }
    Claim claim = claim(execution);
    claims.releaseInvoices(id);
    claims.revise(id, claim.amount(), claim.purpose(), claim.invoices(), EngineClock.now());
    claimInvoices(id, claim.invoices());
    setClaimVariables(execution, claim);
    execution.setVariable(ApprovalListener.REVISION_REQUIRED, false);
    execution.removeVariable(ReviewService.DECISION);
    execution.removeVariable(ReviewService.COMMENT);
    reviews.note(
        id,
        PROCESS_KEY,
        execution.getProcessInstanceId(),
        TASK_REVISE,
        "修改或撤回",
        user,
        "resubmit",
        "修改后重新提交：" + claim.amount().toPlainString() + " 元，" + claim.invoices().size() + " 张发票",
        null);
  }

  /** End of Task_RecordPayment: date, method and reference of the payment; the claim is PAID. */
  public void pay(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Reimbursement claim = claim(id(execution));
    String user = ReviewService.currentUser(execution);
    LocalDate paidOn = FormValues.optionalDate(execution.getVariable(PAID_ON), PAID_ON, "付款日期");
    if (paidOn == null) {
      throw new ValidationException(PAID_ON, "付款日期必须填写（YYYY-MM-DD）");
    }
    LocalDate today = EngineClock.today();
    if (paidOn.isAfter(today)) {
      throw new ValidationException(PAID_ON, "付款日期不能晚于今天（" + today + "），收到：" + paidOn);
    }
    if (paidOn.isBefore(claim.createdAt().toLocalDate())) {
      throw new ValidationException(
          PAID_ON, "付款日期不能早于报销申请日期（" + claim.createdAt().toLocalDate() + "），收到：" + paidOn);
    }
    String method =
        FormValues.oneOf(
            execution.getVariable(PAYMENT_METHOD), PAYMENT_METHOD, PAYMENT_METHODS, "付款方式", null);
    String reference =
        FormValues.optionalText(
            execution.getVariable(PAYMENT_REFERENCE), PAYMENT_REFERENCE, MAX_REFERENCE, "付款凭证号");
    if (reference == null && !"现金".equals(method)) {
      throw new ValidationException(PAYMENT_REFERENCE, "付款凭证号必须填写（银行流水号、公务卡交易号或支票号；现金付款可不填）");
    }
    LocalDateTime now = EngineClock.now();
    // paid today: the moment it was recorded; paid earlier: that day's start (Beijing time)
    LocalDateTime paidAt = paidOn.equals(today) ? now : paidOn.atStartOfDay();
    claims.paid(claim.id(), paidOn, method, reference, user, paidAt);
    execution.setVariable(PAID_ON, paidOn.toString());
    execution.setVariable(PAID_AT, Date.from(paidAt.atZone(EngineClock.ZONE).toInstant()));
    reviews.note(
        claim.id(),
        PROCESS_KEY,
        execution.getProcessInstanceId(),
        TASK_RECORD_PAYMENT,
        "付款登记",
        user,
        "pay",
        method
            + "付款 "
            + claim.amount().toPlainString()
            + " 元（"
            + paidOn
            + (reference == null ? "" : "，" + reference)
            + "）",
        null);
    Map<String, Object> model = new HashMap<>();
    model.put("amount", claim.amount().toPlainString());
    model.put("purpose", claim.purpose());
    model.put("paidOn", paidOn.toString());
    model.put("method", method);
    model.put("reference", reference == null ? "（现金）" : reference);
    notifications.send(
        "reimbursement-paid", model, List.of(claim.applicant()), Set.of(Channel.MAIL), claim.id());
    LOG.info("报销 {} 已付款：{} 元，{}", claim.id(), claim.amount(), method);
  }

  /** Status write-back, called by expression listeners in the BPMN. */
  public void markStatus(DelegateExecution execution, String status) {
    claims.updateStatus(id(execution), ReimbursementStatus.valueOf(status), EngineClock.now());
  }

  public Reimbursement claim(String id) {
    return claims.find(id).orElseThrow(() -> new NotFoundException("报销单不存在：" + id));
  }

  // --- validation

  record Claim(BigDecimal amount, String purpose, List<Invoice> invoices) {}

  private Claim claim(DelegateExecution execution) {
    BigDecimal amount = amount(execution.getVariable(AMOUNT));
    String purpose =
        FormValues.requiredText(execution.getVariable(PURPOSE), PURPOSE, MAX_PURPOSE, "报销事由");
    List<Invoice> invoices = Invoices.parse(execution.getVariable(INVOICES), EngineClock.today());
    BigDecimal total = Invoices.total(invoices);
    if (total.compareTo(amount) != 0) {
      throw new ValidationException(
          INVOICES,
          "发票金额合计 "
              + total.toPlainString()
              + " 元与报销金额 "
              + amount.toPlainString()
              + " 元不一致（相差 "
              + amount.subtract(total).abs().toPlainString()
              + " 元）");
    }
    return new Claim(amount, purpose, invoices);
  }

  static BigDecimal amount(Object raw) {
    if (raw == null || raw instanceof String s && s.isBlank()) {
      throw new ValidationException(AMOUNT, "报销金额必须填写（元）");
    }
    BigDecimal amount;
    if (raw instanceof BigDecimal d) {
      amount = d;
    } else if (raw instanceof Number || raw instanceof String) {
      try {
        // a Double from a form's number field: its shortest decimal form (0.1 stays 0.1)
        amount = new BigDecimal(raw.toString().strip());
      } catch (NumberFormatException e) {
        throw new ValidationException(AMOUNT, "报销金额必须是数字（元），收到：" + raw);
      }
    } else {
      throw new ValidationException(AMOUNT, "报销金额必须是数字（元）");
    }
    return Invoices.checkAmount(amount, AMOUNT, "报销金额");
  }

  /** Claims each invoice for the claim; one already in another open or paid claim → 400 naming it. */
  private void claimInvoices(String id, List<Invoice> invoices) {
    for (int i = 0; i < invoices.size(); i++) {
      Invoice invoice = invoices.get(i);
      String field = INVOICES + "[" + i + "]";
      claims
          .claimOf(invoice.key())
          .filter(other -> !other.equals(id))
          .ifPresent(
              other -> {
                throw alreadyClaimed(field, invoice, other);
              });
      try {
        claims.claimInvoice(id, i, invoice);
      } catch (DuplicateKeyException e) {
        // another claim took it at the same moment
        throw alreadyClaimed(field, invoice, null);
      }
    }
  }

  private ValidationException alreadyClaimed(String field, Invoice invoice, String other) {
    String where = "另一张报销单";
    if (other != null) {
      ReimbursementStatus status = claims.find(other).map(Reimbursement::status).orElse(null);
      where = status == ReimbursementStatus.PAID ? "已付款的报销单" : "另一张进行中的报销单";
    }
    return new ValidationException(field, invoice.label() + " 已在" + where + "中报销，不能重复报销");
  }

  private void setClaimVariables(DelegateExecution execution, Claim claim) {
    execution.setVariable(AMOUNT, claim.amount().doubleValue());
    execution.setVariable(AMOUNT_TEXT, claim.amount().toPlainString() + " 元");
    execution.setVariable(PURPOSE, claim.purpose());
    execution.setVariable(INVOICES, Invoices.toJson(claim.invoices()));
    execution.setVariable(INVOICE_SUMMARY, Invoices.summary(claim.invoices()));
    execution.setVariable(LEADER_APPROVAL_REQUIRED, claim.amount().compareTo(leaderThreshold) > 0);
  }

  private static String id(DelegateExecution execution) {
    return (String) execution.getVariable(REIMBURSEMENT_ID);
  }
}
