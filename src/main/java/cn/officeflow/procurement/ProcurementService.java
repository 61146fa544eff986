package cn.officeflow.procurement;

import static cn.officeflow.procurement.ProcurementVariables.*;

import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.notify.Channel;
import cn.officeflow.platform.notify.NotificationService;
import cn.officeflow.platform.org.OrgService;
import cn.officeflow.platform.org.RoleGroups;
import cn.officeflow.platform.review.ReviewService;
import cn.officeflow.platform.web.AccessRefusedException;
import cn.officeflow.platform.web.ConflictException;
import cn.officeflow.platform.web.FormValues;
import cn.officeflow.platform.web.NotFoundException;
import cn.officeflow.platform.web.ValidationException;
import cn.officeflow.procurement.ProcurementRepository.Budget;
import cn.officeflow.procurement.ProcurementRepository.Invoice;
import cn.officeflow.procurement.ProcurementRepository.Purchase;
import cn.officeflow.procurement.ProcurementRepository.Quote;
import cn.officeflow.procurement.ProcurementRepository.Supplier;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * 采购 (seed 002 一、(二)(三)(四)): 需求申请 by staff (or JIT: ReorderPointReached as the engine) → 需求调研 by
 * procurement (merge into an open request for the same item, or fulfil from stock) → 供应商比价 (≥ 3 quotes or an
 * approved single-source reason; not the cheapest compliant quote → a reason) → 样品试用 for configured categories
 * → approval chain from the DMN procurement_approval → budget check (刚性约束+弹性调整) → 下单 → 验收入库 (stock,
 * invoices) → payment request (call activity reimbursement). Everything runs in the engine's transaction: a
 * validation error (400 naming the field) rolls the rows back too.
 */
@Service("procurementService")
public class ProcurementService {

  public static final String ORIGIN_REQUEST = "REQUEST";
  public static final String ORIGIN_JIT = "JIT";
  public static final String PROCUREMENT = "procurement";
  public static final String WAREHOUSE = "warehouse";
  public static final String FINANCE = "finance";

  /** The department whose budget a JIT reorder (no requester) is charged to. */
  public static final String JIT_DEPARTMENT = "dept-office";

  public static final List<String> CATEGORIES = List.of("办公用品", "办公设备", "家具", "耗材", "电子产品", "其他");

  private static final Logger LOG = LoggerFactory.getLogger(ProcurementService.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LINE_SEPARATOR = Pattern.compile("\\s*[|｜]\\s*");
  private static final Pattern MONEY = Pattern.compile("\\d{1,12}(\\.\\d{1,2})?");
  private static final Pattern INVOICE_CODE = Pattern.compile("\\d{10}|\\d{12}");
  private static final Pattern INVOICE_NUMBER = Pattern.compile("\\d{8}|\\d{20}");

  private final ProcurementRepository repo;
  private final OrgService org;
  private final ReviewService reviews;
  private final NotificationService notifications;
  private final ProcurementStock stock;
  private final ProcurementRecords records;
  private final Set<String> sampleCategories;

  public ProcurementService(
      ProcurementRepository repo,
      OrgService org,
      ReviewService reviews,
      NotificationService notifications,
      ProcurementStock stock,
      ProcurementRecords records,
      @Value("${officeflow.procurement.sample-categories:办公设备,家具}") String sampleCategories) {
    this.repo = repo;
    this.org = org;
    this.reviews = reviews;
    this.notifications = notifications;
    this.stock = stock;
    this.records = records;
    this.sampleCategories =
        Arrays.stream(sampleCategories.split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toSet());
  }

  private ProcurementStock stock() {
    return stock;
  }

  // --- start

  /** Start listener of both start events: validates the request (400 naming the field) and registers it. */
  public void start(DelegateExecution execution) {
    boolean jit = START_REORDER.equals(execution.getCurrentActivityId());
    LocalDateTime now = EngineClock.now();
    String id = UUID.randomUUID().toString();
    Purchase p;
    if (jit) {
      if (CurrentUser.id(execution.getProcessEngineServices().getIdentityService()).isPresent()) {
        throw new AccessRefusedException("ReorderPointReached 只能由库存服务（系统）触发");
      }
      String itemId = FormValues.requiredText(execution.getVariable(ITEM_ID), ITEM_ID, 64, "物品");
      String name =
          FormValues.requiredText(execution.getVariable(ITEM_NAME), ITEM_NAME, 200, "物品名称");
      String category =
          FormValues.optionalText(execution.getVariable(CATEGORY), CATEGORY, 50, "类别");
      int quantity = quantity(execution.getVariable(QUANTITY));
      String reason =
          "库存低于再订货点（库存 "
              + execution.getVariable(STOCK)
              + "，再订货点 "
              + execution.getVariable(REORDER_POINT)
              + "），JIT 补货";
      p =
          new Purchase(
              id,
              execution.getProcessInstanceId(),
              ORIGIN_JIT,
              null,
              null,
              JIT_DEPARTMENT,
              Quarter.of(now.toLocalDate()).toString(),
              itemId,
              name,
              category,
              quantity,
              reason,
              "RESEARCH",
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              now,
              null,
              null,
              null,
              null,
              null);
    } else {
      String requester = CurrentUser.initiator(execution, REQUESTER);
      if (requester == null) {
        throw new ValidationException(REQUESTER, "采购申请须由已登录的用户发起");
      }
      String itemId = FormValues.optionalText(execution.getVariable(ITEM_ID), ITEM_ID, 64, "库存物品");
      String name;
      String category;
      if (itemId != null) {
        String wanted = itemId;
        ProcurementStock.StockItem item =
            stock()
                .find(wanted)
                .orElseThrow(() -> new ValidationException(ITEM_ID, "库存物品不存在：" + wanted));
        itemId = item.id();
        name = item.name();
        category = item.category();
      } else {
        name =
            FormValues.requiredText(
                execution.getVariable(ITEM_DESCRIPTION), ITEM_DESCRIPTION, 200, "新物品描述（未选择库存物品时）");
        category =
            FormValues.oneOf(execution.getVariable(CATEGORY), CATEGORY, CATEGORIES, "类别", null);
      }
      int quantity = quantity(execution.getVariable(QUANTITY));
      String reason =
          FormValues.requiredText(execution.getVariable(REASON), REASON, MAX_TEXT, "申请理由");
      String own = org.departmentOf(requester).getId();
      String dept =
          FormValues.optionalText(
              execution.getVariable(BUDGET_DEPARTMENT), BUDGET_DEPARTMENT, 64, "预算部门");
      if (dept == null) {
        dept = own;
      } else if (!dept.equals(own)) {
        throw new ValidationException(BUDGET_DEPARTMENT, "只能使用本部门（" + own + "）的预算，收到：" + dept);
      }
      Quarter current = Quarter.of(now.toLocalDate());
      Quarter quarter =
          execution.getVariable(BUDGET_QUARTER) == null
                  || String.valueOf(execution.getVariable(BUDGET_QUARTER)).isBlank()
              ? current
              : Quarter.parse(execution.getVariable(BUDGET_QUARTER), BUDGET_QUARTER);
      if (!quarter.equals(current) && !quarter.equals(current.next())) {
        throw new ValidationException(BUDGET_QUARTER, "预算季度只能是本季度或下季度，收到：" + quarter);
      }
      if (repo.budget(dept, quarter.toString()).isEmpty()) {
        throw new ValidationException(
            BUDGET_QUARTER, org.groupName(dept) + quarter.label() + "没有预算");
      }
      p =
          new Purchase(
              id,
              execution.getProcessInstanceId(),
              ORIGIN_REQUEST,
              requester,
              org.displayName(requester),
              dept,
              quarter.toString(),
              itemId,
              name,
              category,
              quantity,
              reason,
              "RESEARCH",
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              now,
              null,
              null,
              null,
              null,
              null);
      execution.setVariable(REQUESTER_NAME, p.requesterName());
      execution.setVariable(BUDGET_DEPARTMENT, dept);
      execution.setVariable(BUDGET_QUARTER, quarter.toString());
    }
    repo.insertPurchase(p, now);
    String number = records.number(id, now.getYear());
    execution.setVariable(PURCHASE_NUMBER, number);
    execution.setProcessBusinessKey(id);
    execution.setVariable(PURCHASE_ID, id);
    execution.setVariable(PROCUREMENT_ID, id);
    execution.setVariable(ITEM_ID, p.itemId());
    execution.setVariable(ITEM_NAME, p.itemName());
    execution.setVariable(CATEGORY, p.category());
    execution.setVariable(QUANTITY, (long) p.quantity());
    execution.setVariable(REASON, p.reason());
    execution.setVariable(SUMMARY, number + "\n" + summary(p));
    LOG.info("采购申请 {} {}：{} × {}（{}）", number, id, p.itemName(), p.quantity(), p.origin());
  }

  private static int quantity(Object raw) {
    Integer q = FormValues.optionalInt(raw, QUANTITY, 1, MAX_QUANTITY, "数量");
    if (q == null) {
      throw new ValidationException(QUANTITY, "数量必须填写");
    }
    return q;
  }

  private String summary(Purchase p) {
    return p.itemName()
        + " × "
        + p.quantity()
        + (p.category() == null ? "" : "（" + p.category() + "）")
        + "\n申请人："
        + (p.requesterName() == null ? "JIT 自动补货" : p.requesterName())
        + "\n预算："
        + org.groupName(p.departmentId())
        + " "
        + p.quarter()
        + "\n理由："
        + (p.reason() == null ? "" : p.reason());
  }

  // --- 需求调研

  /** Start of Task_Research: open requests for the same item and the stock, for the form. */
  public void showResearch(DelegateExecution execution) {
    Purchase p = purchase(execution);
    List<Purchase> similar = repo.openSimilar(p.itemId(), p.itemName(), p.id());
    execution.setVariable(
        OPEN_SIMILAR,
        similar.isEmpty()
            ? "（没有同类未完成的采购申请）"
            : similar.stream()
                .map(
                    s -> s.id() + "：" + s.itemName() + " × " + s.quantity() + "（" + status(s) + "）")
                .collect(Collectors.joining("\n")));
    String info = "（新物品，不在库存中）";
    if (p.itemId() != null) {
      info =
          stock()
              .find(p.itemId())
              .map(
                  i ->
                      "库存 "
                          + i.stock()
                          + "，申请 "
                          + p.quantity()
                          + (i.stock() >= p.quantity() ? "：库存足够，可直接出库" : "：库存不足"))
              .orElse("（库存中找不到该物品）");
    }
    execution.setVariable(STOCK_INFO, info);
  }

  /** End of Task_Research: purchase | stock (enough in the warehouse) | merge (into an open request). */
  public void research(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Purchase p = purchase(execution);
    String outcome =
        FormValues.oneOf(
            execution.getVariable(RESEARCH_OUTCOME),
            RESEARCH_OUTCOME,
            List.of(OUTCOME_PURCHASE, OUTCOME_STOCK, OUTCOME_MERGE),
            "调研结论",
            null);
    LocalDateTime now = EngineClock.now();
    String user = ReviewService.currentUser(execution);
    if (OUTCOME_STOCK.equals(outcome)) {
      if (p.itemId() == null || p.requester() == null) {
        throw new ValidationException(RESEARCH_OUTCOME, "新物品或 JIT 补货不能从库存出库");
      }
      long inStock = stock().find(p.itemId()).map(ProcurementStock.StockItem::stock).orElse(0L);
      if (inStock < p.quantity()) {
        throw new ValidationException(
            RESEARCH_OUTCOME, "库存不足（库存 " + inStock + "，申请 " + p.quantity() + "），不能从库存出库");
      }
    } else if (OUTCOME_MERGE.equals(outcome)) {
      List<Purchase> similar = repo.openSimilar(p.itemId(), p.itemName(), p.id());
      String into =
          FormValues.optionalText(execution.getVariable(MERGE_INTO), MERGE_INTO, 36, "合并到");
      if (into == null && similar.size() == 1) {
        into = similar.get(0).id();
      }
      String target = into;
      if (target == null || similar.stream().noneMatch(s -> s.id().equals(target))) {
        throw new ValidationException(MERGE_INTO, "请选择一个同类未完成的采购申请合并，收到：" + into);
      }
      repo.addQuantity(target, p.quantity(), now);
      repo.merge(p.id(), target, now);
      execution.setVariable(MERGE_INTO, target);
    } else {
      repo.setStatus(p.id(), "QUOTING", now);
    }
    execution.setVariable(RESEARCH_OUTCOME, outcome);
    reviews.note(
        p.id(),
        PROCESS_KEY,
        execution.getProcessInstanceId(),
        TASK_RESEARCH,
        "需求调研",
        user,
        "调研",
        "调研结论：" + outcomeLabel(outcome),
        null);
  }

  private static String outcomeLabel(String outcome) {
    return switch (outcome) {
      case OUTCOME_STOCK -> "库存充足，直接出库";
      case OUTCOME_MERGE -> "合并到同类申请";
      default -> "采购";
    };
  }

  /** Task_IssueFromStock: 出库 to the requester (409 「库存不足」 if someone was faster). */
  public void issueFromStock(DelegateExecution execution) {
    Purchase p = purchase(execution);
    stock().issue(p.itemId(), p.quantity(), "采购申请改为库存出库：" + p.requesterName(), p.id());
    repo.finish(p.id(), "FROM_STOCK", EngineClock.now());
    notifyRequester(
        p, "已从库存出库", "您申请的 " + p.itemName() + " × " + p.quantity() + " 库存充足，已直接出库，请到仓库领取。");
  }

  // --- 供应商比价

  record ParsedQuote(
      Supplier supplier, BigDecimal amount, int days, String terms, boolean compliant) {}

  /**
   * End of Task_CompareQuotes: quotes (one per line: 供应商 | 总价（元） | 交货天数 | 条款 | 合规 是/否), at least
   * {@value ProcurementVariables#MIN_QUOTES} unless a single-source reason is given (then approved by
   * office-director); the chosen supplier must be a compliant quote; not the cheapest compliant → a reason.
   */
  public void compareQuotes(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Purchase p = purchase(execution);
    List<ParsedQuote> quotes = parseQuotes(execution.getVariable(QUOTES));
    String singleSource =
        FormValues.optionalText(
            execution.getVariable(SINGLE_SOURCE_REASON), SINGLE_SOURCE_REASON, MAX_TEXT, "单一来源理由");
    if (quotes.size() < MIN_QUOTES && singleSource == null) {
      throw new ValidationException(
          QUOTES, "至少需要 " + MIN_QUOTES + " 家供应商报价（收到 " + quotes.size() + " 家），或填写单一来源理由报办公室主任审批");
    }
    String chosenName =
        FormValues.requiredText(
            execution.getVariable(CHOSEN_SUPPLIER), CHOSEN_SUPPLIER, 200, "选定供应商");
    ParsedQuote chosen =
        quotes.stream()
            .filter(
                q -> q.supplier().name().equals(chosenName) || q.supplier().id().equals(chosenName))
            .findFirst()
            .orElseThrow(
                () -> new ValidationException(CHOSEN_SUPPLIER, "选定供应商不在报价中：" + chosenName));
    if (!chosen.compliant()) {
      throw new ValidationException(CHOSEN_SUPPLIER, "选定供应商的报价不合规：" + chosenName);
    }
    BigDecimal cheapest =
        quotes.stream()
            .filter(ParsedQuote::compliant)
            .map(ParsedQuote::amount)
            .min(Comparator.naturalOrder())
            .orElseThrow();
    BigDecimal highest =
        quotes.stream().map(ParsedQuote::amount).max(Comparator.naturalOrder()).orElseThrow();
    String choiceReason =
        FormValues.optionalText(
            execution.getVariable(CHOICE_REASON), CHOICE_REASON, MAX_TEXT, "选择理由");
    if (chosen.amount().compareTo(cheapest) > 0 && choiceReason == null) {
      throw new ValidationException(
          CHOICE_REASON, "未选择最低的合规报价（最低 " + cheapest.toPlainString() + " 元），必须填写选择理由");
    }
    boolean single = quotes.size() < MIN_QUOTES;
    LocalDateTime now = EngineClock.now();
    repo.replaceQuotes(
        p.id(),
        quotes.stream()
            .map(
                q ->
                    new Quote(
                        q.supplier().id(),
                        q.supplier().name(),
                        q.amount(),
                        q.days(),
                        q.terms(),
                        q.compliant(),
                        q == chosen))
            .toList());
    repo.choose(
        p.id(),
        single ? singleSource : null,
        chosen.supplier().id(),
        chosen.supplier().name(),
        chosen.amount(),
        highest,
        choiceReason,
        now);
    execution.setVariable(SINGLE_SOURCE, single);
    execution.setVariable(SINGLE_SOURCE_REASON, singleSource);
    execution.setVariable(SINGLE_SOURCE_REJECTED, false);
    execution.setVariable(CHOICE_REASON, choiceReason);
    execution.setVariable(CHOSEN_SUPPLIER, chosen.supplier().name());
    execution.setVariable(AMOUNT, chosen.amount().doubleValue());
    execution.setVariable(
        NEEDS_SAMPLE, p.category() != null && sampleCategories.contains(p.category()));
    execution.setVariable(SAMPLE_FAILED, false);
    execution.setVariable(QUOTE_TABLE, quoteTable(p.id()));
  }

  List<ParsedQuote> parseQuotes(Object raw) {
    String text = raw == null ? "" : String.valueOf(raw);
    if (text.length() > 8000) {
      throw new ValidationException(QUOTES, "报价不能超过 8000 字");
    }
    List<ParsedQuote> quotes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int lineNo = 0;
    for (String line : text.split("\\R")) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String[] parts = LINE_SEPARATOR.split(line.strip(), -1);
      if (parts.length < 3 || parts.length > 5) {
        throw new ValidationException(
            QUOTES, "报价第 " + lineNo + " 行应为「供应商 | 总价 | 交货天数 | 条款 | 合规」：" + line);
      }
      String name = parts[0];
      Supplier supplier =
          repo.supplierNamed(name)
              .or(() -> repo.supplier(name))
              .filter(Supplier::active)
              .orElseThrow(() -> new ValidationException(QUOTES, "报价中的供应商不在供应商名录中（或已停用）：" + name));
      if (!seen.add(supplier.id())) {
        throw new ValidationException(QUOTES, "报价第 " + lineNo + " 行：供应商重复：" + name);
      }
      BigDecimal amount = amount(parts[1], QUOTES, "报价第 " + lineNo + " 行的总价");
      int days;
      try {
        days = Integer.parseInt(parts[2]);
      } catch (NumberFormatException e) {
        days = -1;
      }
      if (days < 0 || days > 365) {
        throw new ValidationException(QUOTES, "报价第 " + lineNo + " 行的交货天数必须是 0–365 的整数：" + parts[2]);
      }
      String terms = parts.length > 3 ? parts[3] : "";
      FormValues.noControlCharacters(terms, QUOTES, "条款");
      if (terms.length() > 500) {
        throw new ValidationException(QUOTES, "报价第 " + lineNo + " 行的条款不能超过 500 字");
      }
      boolean compliant =
          parts.length < 5 || !List.of("否", "不合规", "no", "false").contains(parts[4].toLowerCase());
      quotes.add(new ParsedQuote(supplier, amount, days, terms, compliant));
      if (quotes.size() > MAX_QUOTES) {
        throw new ValidationException(QUOTES, "报价不能超过 " + MAX_QUOTES + " 家");
      }
    }
    if (quotes.isEmpty()) {
      throw new ValidationException(QUOTES, "请填写供应商报价");
    }
    if (quotes.stream().noneMatch(ParsedQuote::compliant)) {
      throw new ValidationException(QUOTES, "没有合规的报价");
    }
    return quotes;
  }

  static BigDecimal amount(Object raw, String field, String label) {
    String s = raw == null ? "" : String.valueOf(raw).strip().replace(",", "");
    if (raw instanceof Number num) {
      s = new BigDecimal(num.toString()).stripTrailingZeros().toPlainString();
    }
    if (!MONEY.matcher(s).matches() || new BigDecimal(s).signum() <= 0) {
      throw new ValidationException(field, label + "必须是大于 0 的金额（元，最多两位小数），收到：" + raw);
    }
    return new BigDecimal(s).setScale(2, RoundingMode.UNNECESSARY);
  }

  /** The comparison table the forms show, cheapest first. */
  public String quoteTable(String purchaseId) {
    List<Quote> quotes = new ArrayList<>(repo.quotes(purchaseId));
    quotes.sort(Comparator.comparing(Quote::amount));
    StringBuilder sb = new StringBuilder("供应商 | 总价（元） | 交货天数 | 条款 | 合规 | 选定\n");
    for (Quote q : quotes) {
      sb.append(q.supplierName())
          .append(" | ")
          .append(q.amount().toPlainString())
          .append(" | ")
          .append(q.deliveryDays())
          .append(" | ")
          .append(q.terms() == null ? "" : q.terms())
          .append(" | ")
          .append(q.compliant() ? "是" : "否")
          .append(" | ")
          .append(q.chosen() ? "✔" : "")
          .append('\n');
    }
    Purchase p = repo.purchase(purchaseId).orElseThrow();
    if (p.savings() != null) {
      sb.append("节约：").append(p.savings().toPlainString()).append(" 元（最高报价 − 选定报价）");
    }
    if (p.choiceReason() != null) {
      sb.append("\n选择理由：").append(p.choiceReason());
    }
    if (p.singleSourceReason() != null) {
      sb.append("\n单一来源理由：").append(p.singleSourceReason());
    }
    return sb.toString();
  }

  /** End of Task_ApproveSingleSource (office-director): reject → 比价 again. */
  public void singleSourceDecision(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    ReviewService.Decision d = reviews.record(execution, ReviewService.currentUser(execution));
    execution.setVariable(SINGLE_SOURCE_REJECTED, d.rejected());
  }

  // --- 样品试用

  /** Assignee of Task_SampleTrial: the requester; a JIT reorder's sample is tried by procurement. */
  public String sampleTester(DelegateExecution execution) {
    return (String) execution.getVariable(REQUESTER);
  }

  /** candidateGroups of Task_SampleTrial: none when a requester tries it; procurement for a JIT reorder. */
  public List<String> sampleGroups(DelegateExecution execution) {
    return execution.getVariable(REQUESTER) == null ? List.of(PROCUREMENT) : List.of();
  }

  public void sampleTrial(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String result =
        FormValues.oneOf(
            execution.getVariable(SAMPLE_RESULT),
            SAMPLE_RESULT,
            List.of("pass", "fail"),
            "试用结论",
            null);
    String note =
        FormValues.optionalText(execution.getVariable(SAMPLE_NOTE), SAMPLE_NOTE, MAX_TEXT, "试用意见");
    if ("fail".equals(result) && note == null) {
      throw new ValidationException(SAMPLE_NOTE, "试用不合格时必须填写试用意见");
    }
    execution.setVariable(SAMPLE_FAILED, "fail".equals(result));
    Purchase p = purchase(execution);
    reviews.note(
        p.id(),
        PROCESS_KEY,
        execution.getProcessInstanceId(),
        TASK_SAMPLE_TRIAL,
        "样品试用",
        ReviewService.currentUser(execution),
        "试用",
        ("fail".equals(result) ? "不合格" : "合格") + (note == null ? "" : "：" + note),
        null);
  }

  // --- approvals

  /** End of Task_ApprovalLevels (DMN procurement_approval → approvers): the chain as a list and as text. */
  public void approvalLevels(DelegateExecution execution) {
    String approvers = (String) execution.getVariable(APPROVERS);
    if (approvers == null || approvers.isBlank()) {
      throw new IllegalStateException("procurement_approval 没有给出审批人");
    }
    List<String> groups =
        Arrays.stream(approvers.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    execution.setVariable(APPROVER_GROUPS, new ArrayList<>(groups));
    execution.setVariable(
        APPROVAL_LEVELS, groups.stream().map(this::groupLabel).collect(Collectors.joining(" → ")));
    execution.setVariable(APPROVAL_REJECTED, false);
    execution.setVariable(APPROVAL_SENT_BACK, false);
    execution.setVariable(CHAIN_APPROVERS, "");
    repo.setApprovers(purchaseId(execution), approvers, EngineClock.now());
  }

  private String groupLabel(String group) {
    return RoleGroups.DEPUTY_LEADERS.equals(group) ? "分管领导" : org.groupName(group);
  }

  /** candidateUsers of Task_Approve: the 分管领导 of the budget department for deputy-leaders. */
  public List<String> approverUsers(DelegateExecution execution, String group) {
    if (!RoleGroups.DEPUTY_LEADERS.equals(group)) {
      return List.of();
    }
    return org.deputyLeaders((String) execution.getVariable(BUDGET_DEPARTMENT));
  }

  /** candidateGroups of Task_Approve: the group itself, or deputy-leaders when the department has no 分管领导. */
  public List<String> approverGroups(DelegateExecution execution, String group) {
    if (RoleGroups.DEPUTY_LEADERS.equals(group) && !approverUsers(execution, group).isEmpty()) {
      return List.of();
    }
    return List.of(group);
  }

  /**
   * End of each Task_Approve: decision into the trail. A reject ends the chain, back to 比价 or to the end as
   * the approver chose; an approval keeps its approver out of the next levels of this round.
   */
  public void approve(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String action =
        FormValues.oneOf(
            execution.getVariable(REJECT_ACTION),
            REJECT_ACTION,
            List.of(SEND_BACK_REVISE, SEND_BACK_END),
            "退回处理",
            SEND_BACK_END);
    String approver = ReviewService.currentUser(execution);
    ReviewService.Decision d = reviews.record(execution, approver);
    if (d.rejected()) {
      execution.setVariable(APPROVAL_REJECTED, true);
      execution.setVariable(APPROVAL_SENT_BACK, SEND_BACK_REVISE.equals(action));
    } else {
      String before = (String) execution.getVariable(CHAIN_APPROVERS);
      execution.setVariable(
          CHAIN_APPROVERS, before == null || before.isBlank() ? approver : before + "," + approver);
    }
    execution.removeVariable(REJECT_ACTION);
  }

  // --- budget

  /**
   * Task_BudgetCheck (刚性约束+弹性调整), on what the quarter would have spent with this purchase (used + committed
   * + this one): up to the flexible amount → committed; above it → leaders; above the rigid amount → refused.
   */
  public void checkBudget(DelegateExecution execution) {
    Purchase p = purchase(execution);
    Optional<Budget> found = repo.lockBudget(p.departmentId(), p.quarter());
    if (found.isEmpty()) {
      // a JIT reorder charged to a department and quarter without a budget: refused like an
      // over-budget one
      repo.setBudgetOutcome(p.id(), BUDGET_OVER, EngineClock.now());
      execution.setVariable(BUDGET_OUTCOME, BUDGET_OVER);
      execution.setVariable(
          BUDGET_INFO, org.groupName(p.departmentId()) + " " + p.quarter() + "：没有预算");
      execution.setVariable(LEADER_REJECTED, false);
      return;
    }
    Budget b = found.get();
    BigDecimal after = b.usedAmount().add(b.committedAmount()).add(p.chosenAmount());
    String outcome;
    // 刚性约束: the rigid amount is the quarter's ceiling, never exceeded; 弹性调整: above the flexible
    // amount (up to the ceiling) the leaders decide
    if (after.compareTo(b.rigidAmount()) > 0) {
      outcome = BUDGET_OVER;
    } else if (after.compareTo(b.flexibleAmount()) > 0) {
      outcome = BUDGET_FLEXIBLE;
    } else {
      outcome = BUDGET_WITHIN;
      repo.addToBudget(
          b.id(), p.chosenAmount(), BigDecimal.ZERO, CurrentUser.SYSTEM, EngineClock.now());
    }
    repo.setBudgetOutcome(p.id(), outcome, EngineClock.now());
    execution.setVariable(BUDGET_OUTCOME, outcome);
    execution.setVariable(
        BUDGET_INFO,
        org.groupName(p.departmentId())
            + " "
            + p.quarter()
            + "：刚性额度 "
            + b.rigidAmount().toPlainString()
            + " 元，弹性额度 "
            + b.flexibleAmount().toPlainString()
            + " 元，已用 "
            + b.usedAmount().toPlainString()
            + " 元，已占用 "
            + b.committedAmount().toPlainString()
            + " 元，本次 "
            + p.chosenAmount().toPlainString()
            + " 元");
    execution.setVariable(LEADER_REJECTED, false);
  }

  /** End of Task_LeaderBudget (leaders): approve → committed, still never above the rigid amount. */
  public void leaderBudget(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    ReviewService.Decision d = reviews.record(execution, ReviewService.currentUser(execution));
    execution.setVariable(LEADER_REJECTED, d.rejected());
    if (!d.rejected()) {
      Purchase p = purchase(execution);
      Budget b = repo.lockBudget(p.departmentId(), p.quarter()).orElseThrow();
      if (b.usedAmount().add(b.committedAmount()).add(p.chosenAmount()).compareTo(b.rigidAmount())
          > 0) {
        throw new ConflictException("预算已被其他采购占用，本次采购将超出刚性额度");
      }
      repo.addToBudget(
          b.id(),
          p.chosenAmount(),
          BigDecimal.ZERO,
          ReviewService.currentUser(execution),
          EngineClock.now());
    }
  }

  // --- 下单, 验收入库

  public void order(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String number =
        FormValues.requiredText(execution.getVariable(ORDER_NUMBER), ORDER_NUMBER, 100, "订单号");
    repo.ordered(purchaseId(execution), number, EngineClock.now());
    execution.setVariable(ORDERED_BY, ReviewService.currentUser(execution));
  }

  /** End of Task_Receive (warehouse): stock in, invoices recorded and handed to 报销. */
  public void receive(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Purchase p = purchase(execution);
    Integer received =
        FormValues.optionalInt(
            execution.getVariable(RECEIVED_QUANTITY), RECEIVED_QUANTITY, 1, p.quantity(), "实收数量");
    if (received == null) {
      throw new ValidationException(RECEIVED_QUANTITY, "实收数量必须填写");
    }
    List<Invoice> invoices = parseInvoices(execution.getVariable(INVOICES));
    BigDecimal sum =
        invoices.stream().map(Invoice::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (sum.compareTo(p.chosenAmount()) != 0) {
      throw new ValidationException(
          INVOICES,
          "发票金额合计 "
              + sum.toPlainString()
              + " 元与订单金额 "
              + p.chosenAmount().toPlainString()
              + " 元不一致");
    }
    LocalDateTime now = EngineClock.now();
    if (p.itemId() != null && execution.getVariable(NEW_ITEM_CODE) != null) {
      throw new ValidationException(NEW_ITEM_CODE, "采购的是库存中已有的物品，不能再登记为新物品");
    }
    String itemId = p.itemId() != null ? p.itemId() : newItem(execution, p, received);
    repo.insertInvoices(p.id(), invoices);
    repo.received(p.id(), now);
    stock().receive(itemId, received, "采购入库：" + p.chosenSupplierName(), p.id());
    repo.budget(p.departmentId(), p.quarter())
        .ifPresent(
            b ->
                repo.addToBudget(
                    b.id(),
                    p.chosenAmount().negate(),
                    p.chosenAmount(),
                    ReviewService.currentUser(execution),
                    now));
    ArrayNode json = JSON.createArrayNode();
    for (Invoice i : invoices) {
      json.addObject()
          .put("code", i.code())
          .put("number", i.number())
          .put("amount", i.amount())
          .put("date", i.date().toString());
    }
    execution.setVariable(INVOICES, json.toString());
    execution.setVariable(AMOUNT, p.chosenAmount().doubleValue());
    execution.setVariable(
        PURPOSE,
        "采购付款：" + p.itemName() + " × " + p.quantity() + "（" + p.chosenSupplierName() + "）");
    execution.setVariable(
        CLAIMANT,
        p.requester() == null ? (String) execution.getVariable(ORDERED_BY) : p.requester());
    execution.setVariable(RECEIVED_QUANTITY, (long) received);
  }

  /**
   * 验收入库 of something the warehouse did not hold: it becomes an item (the requester's description and
   * category, the warehouse's code and unit, unit value = order amount / quantity received) and the purchase
   * points at it, so the stock, 领用 and the next JIT reorder know it.
   */
  private String newItem(DelegateExecution execution, Purchase p, int received) {
    String code =
        FormValues.requiredText(
            execution.getVariable(NEW_ITEM_CODE), NEW_ITEM_CODE, 30, "新物品的物资编码（申请时不在库存中的物品）");
    String unit =
        FormValues.requiredText(
            execution.getVariable(NEW_ITEM_UNIT), NEW_ITEM_UNIT, 10, "新物品的计量单位");
    BigDecimal unitValue =
        p.chosenAmount().divide(BigDecimal.valueOf(received), 2, java.math.RoundingMode.HALF_UP);
    String itemId =
        stock()
            .create(
                new ProcurementStock.NewItem(code, p.itemName(), p.category(), unit, unitValue),
                NEW_ITEM_CODE,
                NEW_ITEM_UNIT);
    repo.setItem(p.id(), itemId, EngineClock.now());
    execution.setVariable(ITEM_ID, itemId);
    return itemId;
  }

  /** Invoices: a JSON array of {code, number, amount, date} or one per line 代码 | 号码 | 金额 | 日期. */
  List<Invoice> parseInvoices(Object raw) {
    String text = raw == null ? "" : String.valueOf(raw).strip();
    List<String[]> rows = new ArrayList<>();
    if (text.startsWith("[")) {
      try {
        for (var node : JSON.readTree(text)) {
          rows.add(
              new String[] {
                node.path("code").asText(),
                node.path("number").asText(),
                node.path("amount").asText(),
                node.path("date").asText()
              });
        }
      } catch (Exception e) {
        throw new ValidationException(INVOICES, "发票 JSON 格式不正确");
      }
    } else {
      for (String line : text.split("\\R")) {
        if (!line.isBlank()) {
          rows.add(LINE_SEPARATOR.split(line.strip(), -1));
        }
      }
    }
    if (rows.isEmpty()) {
      throw new ValidationException(INVOICES, "请登记供应商发票");
    }
    if (rows.size() > 50) {
      throw new ValidationException(INVOICES, "发票不能超过 50 张");
    }
    List<Invoice> invoices = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int n = 0;
    for (String[] r : rows) {
      n++;
      if (r.length != 4) {
        throw new ValidationException(INVOICES, "发票第 " + n + " 行应为「发票代码 | 发票号码 | 金额 | 开票日期」");
      }
      // 数电发票 (20-digit number) have no 发票代码; paper and older e-invoices have 10 or 12 digits, as 报销
      // checks
      boolean digital = r[1].length() == 20 && r[0].isEmpty();
      if (!digital && !INVOICE_CODE.matcher(r[0]).matches()) {
        throw new ValidationException(
            INVOICES, "发票第 " + n + " 行的发票代码应为 10 或 12 位数字（数电发票可不填）：" + r[0]);
      }
      if (!INVOICE_NUMBER.matcher(r[1]).matches()) {
        throw new ValidationException(INVOICES, "发票第 " + n + " 行的发票号码应为 8 或 20 位数字：" + r[1]);
      }
      if (!seen.add(r[0] + "/" + r[1])) {
        throw new ValidationException(INVOICES, "发票第 " + n + " 行重复：" + r[0] + " " + r[1]);
      }
      BigDecimal amount = amount(r[2], INVOICES, "发票第 " + n + " 行的金额");
      LocalDate date;
      try {
        date = LocalDate.parse(r[3]);
      } catch (DateTimeParseException e) {
        throw new ValidationException(INVOICES, "发票第 " + n + " 行的开票日期应为 YYYY-MM-DD：" + r[3]);
      }
      if (date.isAfter(EngineClock.today())) {
        throw new ValidationException(INVOICES, "发票第 " + n + " 行的开票日期晚于今天：" + r[3]);
      }
      invoices.add(new Invoice(r[0], r[1], amount, date));
    }
    return invoices;
  }

  // --- ends

  public void finish(DelegateExecution execution) {
    Purchase p = purchase(execution);
    repo.finish(p.id(), "DONE", EngineClock.now());
    records.archive(
        p,
        execution.getVariable(PAID_AT) instanceof java.util.Date d ? EngineClock.local(d) : null);
    notifyRequester(p, "采购完成", "您申请的 " + p.itemName() + " × " + p.quantity() + " 已验收入库并提交付款。");
  }

  /** End events Rejected, OverBudget, BudgetRejected: status and the requester told why. */
  public void refuse(DelegateExecution execution, String status) {
    Purchase p = purchase(execution);
    repo.finish(p.id(), status, EngineClock.now());
    String why =
        switch (status) {
          case "OVER_BUDGET" -> "超出预算（刚性额度与弹性额度之和），采购不予办理。" + execution.getVariable(BUDGET_INFO);
          case "BUDGET_REJECTED" -> "动用弹性预算未获单位领导批准。";
          default ->
              "审批未通过："
                  + Optional.ofNullable(execution.getVariable(ReviewService.COMMENT)).orElse("");
        };
    notifyRequester(p, "采购未获批准", "您申请的 " + p.itemName() + " × " + p.quantity() + " " + why);
  }

  public void merged(DelegateExecution execution) {
    Purchase p = purchase(execution);
    notifyRequester(
        p,
        "采购申请已合并",
        "您申请的 " + p.itemName() + " × " + p.quantity() + " 已合并到同类采购申请 " + p.mergedInto() + " 一并办理。");
  }

  private void notifyRequester(Purchase p, String subject, String text) {
    List<String> to = p.requester() == null ? org.members(PROCUREMENT) : List.of(p.requester());
    Map<String, Object> model = new HashMap<>();
    model.put("subject", subject);
    model.put("text", text);
    model.put("purchaseId", p.id());
    notifications.send("procurement-result", model, to, Channel.BOTH, p.id());
  }

  // --- helpers

  private String purchaseId(DelegateExecution execution) {
    return (String) execution.getVariable(PURCHASE_ID);
  }

  private Purchase purchase(DelegateExecution execution) {
    String id = purchaseId(execution);
    return repo.purchase(id).orElseThrow(() -> new NotFoundException("采购申请不存在：" + id));
  }

  static String status(Purchase p) {
    return switch (p.status()) {
      case "RESEARCH" -> "需求调研";
      case "QUOTING", "QUOTED" -> "供应商比价";
      case "APPROVING" -> "审批中";
      case "RECEIVING" -> "待验收入库";
      case "PAYING" -> "付款中";
      case "DONE" -> "已完成";
      case "MERGED" -> "已合并";
      case "FROM_STOCK" -> "库存出库";
      case "REJECTED" -> "未获批准";
      case "OVER_BUDGET" -> "超出预算";
      case "BUDGET_REJECTED" -> "弹性预算未获批准";
      default -> p.status();
    };
  }
}
