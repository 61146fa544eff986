package cn.officeflow.procurement;

import cn.officeflow.platform.archive.ArchiveService;
import cn.officeflow.platform.archive.ArchiveSource;
import cn.officeflow.platform.archive.NewArchiveEntry;
import cn.officeflow.platform.docgen.HtmlDocuments;
import cn.officeflow.platform.numbering.NumberingService;
import cn.officeflow.platform.org.OrgService;
import cn.officeflow.platform.review.ReviewService;
import cn.officeflow.procurement.ProcurementRepository.Purchase;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The paper trail of a purchase: its number (采购〔2026〕12号, gapless per year, allocated with the request in
 * the same transaction) and, when it is done, the 采购记录 (request, quote comparison, approvals with their
 * comments, budget, order, receipt, invoices, payment) archived as HTML in the platform's hash chain.
 */
@Component
public class ProcurementRecords {

  static final String COUNTER = "procurement";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ProcurementRepository repo;
  private final NumberingService numbering;
  private final ArchiveService archive;
  private final HtmlDocuments html;
  private final ReviewService reviews;
  private final OrgService org;

  public ProcurementRecords(
      ProcurementRepository repo,
      NumberingService numbering,
      ArchiveService archive,
      HtmlDocuments html,
      ReviewService reviews,
      OrgService org) {
    this.repo = repo;
    this.numbering = numbering;
    this.archive = archive;
    this.html = html;
    this.reviews = reviews;
    this.org = org;
  }

  /** Allocates and stores the purchase's number. */
  public String number(String purchaseId, int year) {
    String number = "采购〔" + year + "〕" + numbering.next(COUNTER, year) + "号";
    repo.setNumber(purchaseId, number);
    return number;
  }

  /** Archives the 采购记录 of a done purchase once; returns the archive entry id. */
  public String archive(Purchase p, LocalDateTime paidAt) {
    if (p.archiveEntryId() != null) {
      return p.archiveEntryId();
    }
    byte[] record = record(p, paidAt).getBytes(StandardCharsets.UTF_8);
    String entryId =
        archive
            .archive(
                new NewArchiveEntry(
                    p.createdAt().getYear(),
                    p.departmentId(),
                    org.groupName(p.departmentId()),
                    "内部",
                    ArchiveSource.PROCUREMENT,
                    p.id(),
                    "采购记录：" + p.itemName() + " × " + p.quantity(),
                    p.purchaseNumber(),
                    "采购记录-" + (p.purchaseNumber() == null ? p.id() : p.purchaseNumber()) + ".html",
                    "text/html",
                    record,
                    null,
                    null))
            .id();
    repo.setArchiveEntry(p.id(), entryId);
    return entryId;
  }

  /** The 采购记录 as printable HTML. */
  public String record(Purchase p, LocalDateTime paidAt) {
    Map<String, Object> model = new HashMap<>();
    Map<String, String> head = new LinkedHashMap<>();
    head.put("采购编号", orNone(p.purchaseNumber()));
    head.put(
        "物品",
        p.itemName()
            + " × "
            + p.quantity()
            + (p.category() == null ? "" : "（" + p.category() + "）"));
    head.put("申请人", p.requesterName() == null ? "JIT 自动补货" : p.requesterName());
    head.put("申请时间", TIME.format(p.createdAt()));
    head.put(
        "预算",
        org.groupName(p.departmentId())
            + " "
            + p.quarter()
            + "（"
            + orNone(p.budgetOutcome())
            + "）");
    head.put("申请理由", orNone(p.reason()));
    head.put("单一来源理由", orNone(p.singleSourceReason()));
    head.put(
        "选定供应商",
        orNone(p.chosenSupplierName())
            + (p.chosenAmount() == null ? "" : "，" + p.chosenAmount().toPlainString() + " 元"));
    head.put("选择理由", orNone(p.choiceReason()));
    head.put("节约", p.savings() == null ? "无" : p.savings().toPlainString() + " 元（最高报价 − 选定报价）");
    head.put("审批层级", orNone(p.approvers()));
    head.put(
        "订单号",
        orNone(p.orderNumber())
            + (p.orderedAt() == null ? "" : "（" + TIME.format(p.orderedAt()) + "）"));
    head.put("验收入库", p.receivedAt() == null ? "无" : TIME.format(p.receivedAt()));
    head.put("付款", paidAt == null ? "无" : TIME.format(paidAt));
    model.put("head", head);
    model.put(
        "quotes",
        repo.quotes(p.id()).stream()
            .map(
                q ->
                    Map.of(
                        "supplier",
                        q.supplierName(),
                        "amount",
                        q.amount().toPlainString(),
                        "days",
                        String.valueOf(q.deliveryDays()),
                        "terms",
                        q.terms() == null ? "" : q.terms(),
                        "compliant",
                        q.compliant() ? "是" : "否",
                        "chosen",
                        q.chosen() ? "✔" : ""))
            .toList());
    model.put("trail", reviews.trail(p.id()).stream().map(r -> r.printed(TIME)).toList());
    model.put(
        "invoices",
        repo.invoices(p.id()).stream()
            .map(
                i ->
                    Map.of(
                        "code", i.code() == null ? "（数电发票）" : i.code(),
                        "number", i.number(),
                        "amount", i.amount().toPlainString(),
                        "date", i.date().toString()))
            .toList());
    return html.render("procurement-record", model);
  }

  private static String orNone(String s) {
    return s == null || s.isBlank() ? "无" : s;
  }
}
