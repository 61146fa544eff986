package cn.officeflow.procurement;

import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.org.OrgService;
import cn.officeflow.platform.web.NotFoundException;
import cn.officeflow.platform.web.ValidationException;
import cn.officeflow.procurement.ProcurementRepository.Budget;
import cn.officeflow.procurement.ProcurementRepository.Evaluation;
import cn.officeflow.procurement.ProcurementRepository.Invoice;
import cn.officeflow.procurement.ProcurementRepository.Purchase;
import cn.officeflow.procurement.ProcurementRepository.Quote;
import cn.officeflow.procurement.ProcurementRepository.Supplier;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST of 采购 (issue 12): suppliers (everyone authenticated reads; procurement and office-director maintain;
 * procurement evaluates), budgets (finance and office-director maintain; the office roles read all, others their
 * own department), purchases (the requester and the office roles; others 404) and the monthly-report figures
 * (savings per purchase, budget use per department and quarter).
 */
@RestController
@RequestMapping("/api/procurement")
public class ProcurementController {

  /** Read every budget, purchase and figure. */
  public static final List<String> OFFICE_ROLES =
      List.of(
          "procurement",
          "office-director",
          "finance",
          "leaders",
          "deputy-leaders",
          "warehouse",
          "auditors");

  private final ProcurementRepository repo;
  private final SupplierService suppliers;
  private final IdentityService identity;
  private final OrgService org;

  public ProcurementController(
      ProcurementRepository repo,
      SupplierService suppliers,
      IdentityService identity,
      OrgService org) {
    this.repo = repo;
    this.suppliers = suppliers;
    this.identity = identity;
    this.org = org;
  }

  public record SupplierView(
      String id,
      String name,
      String grade,
      String gradeLabel,
      String categories,
      String contactName,
      String contactPhone,
      String contactEmail,
      String address,
      boolean active,
      BigDecimal score,
      int version,
      List<ProcurementRepository.Contact> contacts,
      List<Evaluation> evaluations) {}

  private SupplierView view(Supplier s, boolean withEvaluations) {
    return new SupplierView(
        s.id(),
        s.name(),
        s.grade(),
        SupplierService.gradeLabel(s.grade()),
        s.categories(),
        s.contactName(),
        s.contactPhone(),
        s.contactEmail(),
        s.address(),
        s.active(),
        s.score(),
        s.version(),
        withEvaluations ? repo.contacts(s.id()) : null,
        withEvaluations ? repo.evaluations(s.id()) : null);
  }

  @GetMapping("/suppliers")
  public List<SupplierView> suppliers() {
    return repo.suppliers().stream().map(s -> view(s, false)).toList();
  }

  @GetMapping("/suppliers/{id}")
  public SupplierView supplier(@PathVariable String id) {
    return view(repo.supplier(id).orElseThrow(() -> new NotFoundException("供应商不存在：" + id)), true);
  }

  @PostMapping("/suppliers")
  public SupplierView createSupplier(@RequestBody Map<String, Object> body) {
    return view(suppliers.create(body), true);
  }

  @PutMapping("/suppliers/{id}")
  public SupplierView updateSupplier(
      @PathVariable String id, @RequestBody Map<String, Object> body) {
    return view(suppliers.update(id, body), true);
  }

  @PostMapping("/suppliers/{id}/contacts")
  public SupplierView addContact(@PathVariable String id, @RequestBody Map<String, Object> body) {
    suppliers.addContact(id, body);
    return supplier(id);
  }

  @PostMapping("/suppliers/{id}/evaluations")
  public SupplierView evaluate(@PathVariable String id, @RequestBody Map<String, Object> body) {
    CurrentUser.requireAnyGroup(identity, List.of("procurement"), "评价供应商");
    SupplierService.allowOnly(
        body,
        List.of("scoreQuality", "scoreDelivery", "scorePrice", "scoreService", "reviewComment"));
    suppliers.evaluate(id, body, "ADHOC", CurrentUser.id(identity).orElseThrow());
    return supplier(id);
  }

  // --- budgets

  public record BudgetView(
      String id,
      String departmentId,
      String departmentName,
      String quarter,
      BigDecimal rigidAmount,
      BigDecimal flexibleAmount,
      BigDecimal committedAmount,
      BigDecimal usedAmount,
      BigDecimal available,
      BigDecimal usedPercent,
      int version) {}

  private BudgetView view(Budget b) {
    // the rigid amount is the ceiling: what is left of it, and how much of it is spent
    BigDecimal total = b.rigidAmount();
    BigDecimal spent = b.usedAmount().add(b.committedAmount());
    return new BudgetView(
        b.id(),
        b.departmentId(),
        org.groupName(b.departmentId()),
        b.quarter(),
        b.rigidAmount(),
        b.flexibleAmount(),
        b.committedAmount(),
        b.usedAmount(),
        total.subtract(spent),
        total.signum() == 0
            ? BigDecimal.ZERO
            : spent
                .multiply(BigDecimal.valueOf(100))
                .divide(total, 1, java.math.RoundingMode.HALF_UP),
        b.version());
  }

  /** Budget use per department and quarter; ?quarter=2026Q4&department=dept-business (both optional). */
  @GetMapping("/budgets")
  public List<BudgetView> budgets(
      @RequestParam(required = false) String quarter,
      @RequestParam(required = false) String department) {
    String q =
        quarter == null || quarter.isBlank() ? null : Quarter.parse(quarter, "quarter").toString();
    String d = department == null || department.isBlank() ? null : department;
    String user = CurrentUser.id(identity).orElseThrow();
    List<Budget> list = repo.budgets(q, d);
    if (!CurrentUser.inAnyGroup(identity, OFFICE_ROLES)) {
      List<String> own = org.departmentsOf(user).stream().map(g -> g.getId()).toList();
      list = list.stream().filter(b -> own.contains(b.departmentId())).toList();
    }
    return list.stream().map(this::view).toList();
  }

  @PostMapping("/budgets")
  public BudgetView createBudget(@RequestBody Map<String, Object> body) {
    return view(suppliers.createBudget(body));
  }

  @PutMapping("/budgets/{id}")
  public BudgetView updateBudget(@PathVariable String id, @RequestBody Map<String, Object> body) {
    return view(suppliers.updateBudget(id, body));
  }

  // --- purchases

  public record PurchaseView(
      Purchase purchase,
      String statusLabel,
      BigDecimal savings,
      List<Quote> quotes,
      List<Invoice> invoices) {}

  @GetMapping("/purchases/{id}")
  public PurchaseView purchase(@PathVariable String id) {
    Purchase p =
        repo.purchase(id)
            .filter(this::readable)
            .orElseThrow(() -> new NotFoundException("采购申请不存在：" + id));
    return new PurchaseView(
        p, ProcurementService.status(p), p.savings(), repo.quotes(id), repo.invoices(id));
  }

  @GetMapping("/purchases")
  public List<Purchase> purchases() {
    return repo.purchases().stream().filter(this::readable).toList();
  }

  boolean readable(Purchase p) {
    String user = CurrentUser.id(identity).orElse(null);
    return user != null
        && (user.equals(p.requester()) || CurrentUser.inAnyGroup(identity, OFFICE_ROLES));
  }

  // --- figures

  public record Saving(
      String purchaseId,
      String itemName,
      int quantity,
      String departmentId,
      String supplier,
      BigDecimal highestQuote,
      BigDecimal chosenQuote,
      BigDecimal savings,
      LocalDateTime orderedAt) {}

  public record Savings(String month, int purchases, BigDecimal totalSavings, List<Saving> items) {}

  /** Savings per purchase ordered in the month (highest quote − chosen quote); ?month=2026-11. */
  @GetMapping("/savings")
  public Savings savings(@RequestParam(required = false) String month) {
    CurrentUser.requireAnyGroup(identity, OFFICE_ROLES, "查看采购节约统计");
    YearMonth ym;
    try {
      ym =
          month == null || month.isBlank()
              ? YearMonth.from(EngineClock.today())
              : YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      throw new ValidationException("month", "月份格式应为 YYYY-MM，收到：" + month);
    }
    List<Saving> items =
        repo
            .orderedBetween(ym.atDay(1).atStartOfDay(), ym.plusMonths(1).atDay(1).atStartOfDay())
            .stream()
            .map(
                p ->
                    new Saving(
                        p.id(),
                        p.itemName(),
                        p.quantity(),
                        p.departmentId(),
                        p.chosenSupplierName(),
                        p.highestAmount(),
                        p.chosenAmount(),
                        p.savings(),
                        p.orderedAt()))
            .toList();
    BigDecimal total =
        items.stream()
            .map(Saving::savings)
            .filter(java.util.Objects::nonNull)
            .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    return new Savings(ym.toString(), items.size(), total, items);
  }
}
