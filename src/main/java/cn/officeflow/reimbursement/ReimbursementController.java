package cn.officeflow.reimbursement;

import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.org.RoleGroups;
import cn.officeflow.platform.review.Review;
import cn.officeflow.platform.review.ReviewService;
import cn.officeflow.platform.web.NotFoundException;
import cn.officeflow.platform.web.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST of 报销: {@code GET /api/reimbursements?status=} (finance, leaders, auditors, admins: every claim; anyone
 * else: their own), {@code GET /api/reimbursements/{id}} (the applicant and those roles; others 404), {@code GET
 * /api/reimbursements/figures?month=YYYY-MM} (paid claims of a month for the monthly report; those roles only).
 */
@RestController
@RequestMapping("/api/reimbursements")
public class ReimbursementController {

  static final String FINANCE = "finance";
  static final Set<String> READER_ROLES =
      Set.of(FINANCE, RoleGroups.LEADERS, RoleGroups.AUDITORS, RoleGroups.CAMUNDA_ADMIN);

  private final ReimbursementRepository claims;
  private final ReviewService reviews;
  private final IdentityService identity;

  public ReimbursementController(
      ReimbursementRepository claims, ReviewService reviews, IdentityService identity) {
    this.claims = claims;
    this.reviews = reviews;
    this.identity = identity;
  }

  public record InvoiceView(String code, String number, BigDecimal amount, LocalDate date) {}

  public record ClaimView(
      String id,
      String status,
      String statusLabel,
      String applicant,
      String applicantName,
      String procurementId,
      BigDecimal amount,
      String purpose,
      List<InvoiceView> invoices,
      String firstReviewer,
      String secondReviewer,
      String leader,
      LocalDate paidOn,
      String paymentMethod,
      String paymentReference,
      LocalDateTime paidAt,
      LocalDateTime createdAt,
      List<Review> reviews) {

    static ClaimView of(Reimbursement r, List<Review> reviews) {
      return new ClaimView(
          r.id(),
          r.status().name(),
          r.status().label(),
          r.applicant(),
          r.applicantName(),
          r.procurementId(),
          r.amount(),
          r.purpose(),
          r.invoices().stream()
              .map(i -> new InvoiceView(i.code(), i.number(), i.amount(), i.date()))
              .toList(),
          r.firstReviewer(),
          r.secondReviewer(),
          r.leader(),
          r.paidOn(),
          r.paymentMethod(),
          r.paymentReference(),
          r.paidAt(),
          r.createdAt(),
          reviews);
    }
  }

  public record MonthFigures(String month, int paidClaims, BigDecimal paidTotal) {}

  @GetMapping
  public List<ClaimView> list(@RequestParam(required = false) String status) {
    ReimbursementStatus wanted = status(status);
    String user = CurrentUser.id(identity).orElseThrow(() -> new NotFoundException("未登录"));
    String only = CurrentUser.inAnyGroup(identity, READER_ROLES) ? null : user;
    return claims.list(wanted, only).stream().map(r -> ClaimView.of(r, null)).toList();
  }

  @GetMapping("/{id}")
  public ClaimView claim(@PathVariable String id) {
    String user = CurrentUser.id(identity).orElseThrow(() -> new NotFoundException("未登录"));
    Reimbursement claim =
        claims
            .find(id)
            .filter(
                r -> r.applicant().equals(user) || CurrentUser.inAnyGroup(identity, READER_ROLES))
            .orElseThrow(() -> new NotFoundException("报销单不存在：" + id));
    return ClaimView.of(claim, reviews.trail(id));
  }

  @GetMapping("/figures")
  public MonthFigures figures(@RequestParam(required = false) String month) {
    CurrentUser.requireAnyGroup(identity, READER_ROLES, "查看报销统计");
    YearMonth m;
    try {
      m = month == null ? YearMonth.from(EngineClock.today()) : YearMonth.parse(month.strip());
    } catch (DateTimeParseException e) {
      throw new ValidationException("month", "月份格式为 YYYY-MM，收到：" + month);
    }
    ReimbursementRepository.Figures f = claims.paidIn(m.atDay(1), m.plusMonths(1).atDay(1));
    return new MonthFigures(m.toString(), f.claims(), f.total());
  }

  private static ReimbursementStatus status(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return ReimbursementStatus.valueOf(raw.strip());
    } catch (IllegalArgumentException e) {
      throw new ValidationException(
          "status",
          "状态必须是 "
              + String.join(
                  " | ", Arrays.stream(ReimbursementStatus.values()).map(Enum::name).toList())
              + " 之一，收到："
              + raw);
    }
  }
}
