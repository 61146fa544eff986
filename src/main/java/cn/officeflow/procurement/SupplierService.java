package cn.officeflow.procurement;

import static cn.officeflow.procurement.ProcurementVariables.*;

import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.org.OrgService;
import cn.officeflow.platform.review.ReviewService;
import cn.officeflow.platform.web.ConflictException;
import cn.officeflow.platform.web.FormValues;
import cn.officeflow.platform.web.NotFoundException;
import cn.officeflow.platform.web.ValidationException;
import cn.officeflow.procurement.ProcurementRepository.Budget;
import cn.officeflow.procurement.ProcurementRepository.Evaluation;
import cn.officeflow.procurement.ProcurementRepository.Supplier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 供应商分级维护 and 预算 master data. Grade rule (documented in the README): after each evaluation the
 * supplier's score is the mean of its last {@value #GRADE_WINDOW} evaluation totals (each total = mean of the four
 * 1–5 scores); score ≥ {@code 4.50} with at least 2 evaluations → 战略 (STRATEGIC); score below {@code 3.50} → 普通
 * (ORDINARY); otherwise the grade stays.
 */
@Service("supplierService")
public class SupplierService {

  public static final String STRATEGIC = "STRATEGIC";
  public static final String ORDINARY = "ORDINARY";
  public static final int GRADE_WINDOW = 3;
  public static final BigDecimal PROMOTE_AT = new BigDecimal("4.50");
  public static final BigDecimal DEMOTE_BELOW = new BigDecimal("3.50");

  /** Who maintains suppliers and budgets. */
  public static final List<String> SUPPLIER_EDITORS = List.of("procurement", "office-director");

  public static final List<String> BUDGET_EDITORS = List.of("finance", "office-director");

  private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{5,40}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final ProcurementRepository repo;
  private final IdentityService identity;
  private final OrgService org;

  public SupplierService(ProcurementRepository repo, IdentityService identity, OrgService org) {
    this.repo = repo;
    this.identity = identity;
    this.org = org;
  }

  public static String gradeLabel(String grade) {
    return STRATEGIC.equals(grade) ? "战略" : "普通";
  }

  static String grade(Object raw) {
    String g =
        FormValues.oneOf(raw, "grade", List.of("战略", "普通", STRATEGIC, ORDINARY), "供应商等级", "普通");
    return g.equals("战略") || g.equals(STRATEGIC) ? STRATEGIC : ORDINARY;
  }

  @Transactional
  public Supplier create(Map<String, Object> body) {
    CurrentUser.requireAnyGroup(identity, SUPPLIER_EDITORS, "维护供应商");
    Supplier s = supplier(UUID.randomUUID().toString(), body, 0);
    if (repo.supplierNamed(s.name()).isPresent()) {
      throw new ConflictException("供应商已存在：" + s.name());
    }
    repo.insertSupplier(s, EngineClock.now());
    return repo.supplier(s.id()).orElseThrow();
  }

  @Transactional
  public Supplier update(String id, Map<String, Object> body) {
    CurrentUser.requireAnyGroup(identity, SUPPLIER_EDITORS, "维护供应商");
    Supplier old = repo.supplier(id).orElseThrow(() -> new NotFoundException("供应商不存在：" + id));
    Integer version =
        FormValues.optionalInt(body.get("version"), "version", 0, Integer.MAX_VALUE, "版本");
    if (version == null) {
      throw new ValidationException("version", "请提供 version（乐观锁）");
    }
    Map<String, Object> merged = new java.util.HashMap<>(body);
    // absent grade / active keep their value (the grade also moves with the evaluations)
    merged.putIfAbsent("grade", old.grade());
    merged.putIfAbsent("active", old.active());
    Supplier s = supplier(id, merged, version);
    repo.supplierNamed(s.name())
        .filter(other -> !other.id().equals(id))
        .ifPresent(
            other -> {
              throw new ConflictException("供应商名称已被使用：" + s.name());
            });
    if (!repo.updateSupplier(s, EngineClock.now())) {
      throw new ConflictException("供应商已被他人修改（版本 " + old.version() + "），请刷新后重试");
    }
    return repo.supplier(id).orElseThrow();
  }

  private Supplier supplier(String id, Map<String, Object> body, int version) {
    allowOnly(
        body,
        List.of(
            "name",
            "grade",
            "categories",
            "contactName",
            "contactPhone",
            "contactEmail",
            "address",
            "active",
            "version"));
    String name = FormValues.requiredText(body.get("name"), "name", 200, "供应商名称");
    String phone = FormValues.optionalText(body.get("contactPhone"), "contactPhone", 40, "联系电话");
    if (phone != null && !PHONE.matcher(phone).matches()) {
      throw new ValidationException("contactPhone", "联系电话格式不正确：" + phone);
    }
    String email = FormValues.optionalText(body.get("contactEmail"), "contactEmail", 200, "邮箱");
    if (email != null && !EMAIL.matcher(email).matches()) {
      throw new ValidationException("contactEmail", "邮箱格式不正确：" + email);
    }
    Object active = body.get("active");
    if (active != null && !(active instanceof Boolean)) {
      throw new ValidationException("active", "active 必须是 true 或 false");
    }
    return new Supplier(
        id,
        name,
        grade(body.get("grade")),
        FormValues.optionalText(body.get("categories"), "categories", 500, "供货类别"),
        FormValues.optionalText(body.get("contactName"), "contactName", 100, "联系人"),
        phone,
        email,
        FormValues.optionalText(body.get("address"), "address", 500, "地址"),
        active == null || (Boolean) active,
        null,
        version);
  }

  /** Another contact of a supplier (procurement, office-director). */
  @Transactional
  public ProcurementRepository.Contact addContact(String supplierId, Map<String, Object> body) {
    CurrentUser.requireAnyGroup(identity, SUPPLIER_EDITORS, "维护供应商");
    repo.supplier(supplierId).orElseThrow(() -> new NotFoundException("供应商不存在：" + supplierId));
    allowOnly(body, List.of("name", "role", "phone", "email"));
    String phone = FormValues.optionalText(body.get("phone"), "phone", 40, "电话");
    if (phone != null && !PHONE.matcher(phone).matches()) {
      throw new ValidationException("phone", "电话格式不正确：" + phone);
    }
    String email = FormValues.optionalText(body.get("email"), "email", 200, "邮箱");
    if (email != null && !EMAIL.matcher(email).matches()) {
      throw new ValidationException("email", "邮箱格式不正确：" + email);
    }
    ProcurementRepository.Contact c =
        new ProcurementRepository.Contact(
            UUID.randomUUID().toString(),
            supplierId,
            FormValues.requiredText(body.get("name"), "name", 100, "联系人姓名"),
            FormValues.optionalText(body.get("role"), "role", 100, "职务"),
            phone,
            email);
    repo.insertContact(c, EngineClock.now());
    return c;
  }

  static void allowOnly(Map<String, Object> body, List<String> fields) {
    if (body == null) {
      throw new ValidationException("body", "请求体不能为空");
    }
    for (String key : body.keySet()) {
      if (!fields.contains(key)) {
        throw new ValidationException(key, "不接受的字段：" + key);
      }
    }
  }

  // --- evaluations and grade

  /** An evaluation by the current user (REST, procurement) or at a 供应商考评 task. */
  @Transactional
  public Evaluation evaluate(String supplierId, Map<String, ?> scores, String kind, String user) {
    Supplier s =
        repo.supplier(supplierId).orElseThrow(() -> new NotFoundException("供应商不存在：" + supplierId));
    int q = score(scores.get(SCORE_QUALITY), SCORE_QUALITY, "质量评分");
    int d = score(scores.get(SCORE_DELIVERY), SCORE_DELIVERY, "交付评分");
    int p = score(scores.get(SCORE_PRICE), SCORE_PRICE, "价格评分");
    int sv = score(scores.get(SCORE_SERVICE), SCORE_SERVICE, "服务评分");
    String comment =
        FormValues.optionalText(scores.get(REVIEW_COMMENT), REVIEW_COMMENT, MAX_TEXT, "评价意见");
    LocalDateTime now = EngineClock.now();
    BigDecimal total =
        BigDecimal.valueOf(q + d + p + sv).divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP);
    Evaluation e =
        new Evaluation(
            UUID.randomUUID().toString(), s.id(), q, d, p, sv, total, comment, kind, user, now);
    repo.insertEvaluation(e);
    regrade(s, now);
    return e;
  }

  private static int score(Object raw, String field, String label) {
    Integer v = FormValues.optionalInt(raw, field, 1, 5, label);
    if (v == null) {
      throw new ValidationException(field, label + "必须填写（1–5）");
    }
    return v;
  }

  /** The grade rule of the class comment. */
  void regrade(Supplier s, LocalDateTime now) {
    List<Evaluation> last = repo.evaluations(s.id()).stream().limit(GRADE_WINDOW).toList();
    BigDecimal score =
        last.stream()
            .map(Evaluation::total)
            .reduce(BigDecimal.ZERO, BigDecimal::add)
            .divide(BigDecimal.valueOf(last.size()), 2, RoundingMode.HALF_UP);
    String grade = s.grade();
    if (score.compareTo(PROMOTE_AT) >= 0 && last.size() >= 2) {
      grade = STRATEGIC;
    } else if (score.compareTo(DEMOTE_BELOW) < 0) {
      grade = ORDINARY;
    }
    repo.setGrade(s.id(), grade, score, now);
  }

  // --- supplier_review (timer)

  /**
   * Task_ListDue of supplier_review: which suppliers get a task this quarter — every active strategic supplier
   * (quarterly visit), and in the first quarter every active ordinary supplier too (yearly evaluation).
   */
  public void listDue(DelegateExecution execution) {
    boolean firstQuarter = EngineClock.today().getMonthValue() <= 3;
    List<String> ids =
        repo.suppliers().stream()
            .filter(Supplier::active)
            .filter(s -> STRATEGIC.equals(s.grade()) || firstQuarter)
            .map(Supplier::id)
            .toList();
    execution.setVariable(SUPPLIER_IDS, new java.util.ArrayList<>(ids));
  }

  /** Start of each Task_SupplierReview: the supplier's name and what is due, for the form. */
  public void showSupplier(DelegateExecution execution) {
    Supplier s = repo.supplier((String) execution.getVariable(SUPPLIER_ID)).orElseThrow();
    execution.setVariableLocal(SUPPLIER_NAME, s.name() + "（" + gradeLabel(s.grade()) + "供应商）");
    execution.setVariableLocal(REVIEW_KIND, STRATEGIC.equals(s.grade()) ? "季度走访" : "年度评价");
  }

  /** End of each Task_SupplierReview: the scores become an evaluation. */
  public void recordReview(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Map<String, Object> vars = new java.util.HashMap<>();
    for (String k :
        List.of(SCORE_QUALITY, SCORE_DELIVERY, SCORE_PRICE, SCORE_SERVICE, REVIEW_COMMENT)) {
      vars.put(k, execution.getVariable(k));
    }
    String kind = "季度走访".equals(execution.getVariable(REVIEW_KIND)) ? "VISIT" : "YEARLY";
    evaluate(
        (String) execution.getVariable(SUPPLIER_ID),
        vars,
        kind,
        ReviewService.currentUser(execution));
  }

  // --- budgets

  /**
   * 刚性约束+弹性调整: the rigid amount is the quarter's ceiling (above it a purchase is refused), the flexible
   * amount the line above which the leaders decide; so the flexible amount cannot lie above the rigid one.
   */
  private static void checkLimits(BigDecimal rigid, BigDecimal flexible) {
    if (flexible.compareTo(rigid) > 0) {
      throw new ValidationException(
          "flexibleAmount",
          "弹性额度（超出后须单位领导审批）不能高于刚性额度（不可突破的上限）："
              + flexible.toPlainString()
              + " > "
              + rigid.toPlainString());
    }
  }

  @Transactional
  public Budget createBudget(Map<String, Object> body) {
    CurrentUser.requireAnyGroup(identity, BUDGET_EDITORS, "维护预算");
    allowOnly(body, List.of("departmentId", "quarter", "rigidAmount", "flexibleAmount"));
    String dept = FormValues.requiredText(body.get("departmentId"), "departmentId", 64, "部门");
    if (org.department(dept).isEmpty()) {
      throw new ValidationException("departmentId", "部门不存在：" + dept);
    }
    Quarter quarter = Quarter.parse(body.get("quarter"), "quarter");
    BigDecimal rigid = money(body.get("rigidAmount"), "rigidAmount", "刚性额度");
    BigDecimal flexible = money(body.get("flexibleAmount"), "flexibleAmount", "弹性额度");
    checkLimits(rigid, flexible);
    if (repo.budget(dept, quarter.toString()).isPresent()) {
      throw new ConflictException(org.groupName(dept) + quarter.label() + "的预算已存在");
    }
    String id = UUID.randomUUID().toString();
    repo.insertBudget(
        new Budget(
            id, dept, quarter.toString(), rigid, flexible, BigDecimal.ZERO, BigDecimal.ZERO, 0),
        CurrentUser.idOrSystem(identity),
        EngineClock.now());
    return repo.budget(id).orElseThrow();
  }

  @Transactional
  public Budget updateBudget(String id, Map<String, Object> body) {
    CurrentUser.requireAnyGroup(identity, BUDGET_EDITORS, "维护预算");
    allowOnly(body, List.of("rigidAmount", "flexibleAmount", "version"));
    Budget b = repo.budget(id).orElseThrow(() -> new NotFoundException("预算不存在：" + id));
    BigDecimal rigid = money(body.get("rigidAmount"), "rigidAmount", "刚性额度");
    BigDecimal flexible = money(body.get("flexibleAmount"), "flexibleAmount", "弹性额度");
    Integer version =
        FormValues.optionalInt(body.get("version"), "version", 0, Integer.MAX_VALUE, "版本");
    if (version == null) {
      throw new ValidationException("version", "请提供 version（乐观锁）");
    }
    checkLimits(rigid, flexible);
    if (rigid.compareTo(b.usedAmount().add(b.committedAmount())) < 0) {
      throw new ValidationException("rigidAmount", "刚性额度不能低于已用和已占用金额之和");
    }
    if (!repo.updateBudgetLimits(
        id, rigid, flexible, version, CurrentUser.idOrSystem(identity), EngineClock.now())) {
      throw new ConflictException("预算已被他人修改，请刷新后重试");
    }
    return repo.budget(id).orElseThrow();
  }

  static BigDecimal money(Object raw, String field, String label) {
    if (raw == null) {
      throw new ValidationException(field, label + "必须填写");
    }
    if ("0".equals(String.valueOf(raw)) || raw instanceof Number n && n.doubleValue() == 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    return ProcurementService.amount(raw, field, label);
  }
}
