package cn.officeflow.procurement;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables of V15__procurement.sql. */
@Repository
public class ProcurementRepository {

  private final JdbcClient jdbc;

  public ProcurementRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // --- suppliers

  public record Supplier(
      String id,
      String name,
      String grade,
      String categories,
      String contactName,
      String contactPhone,
      String contactEmail,
      String address,
      boolean active,
      BigDecimal score,
      int version) {}

  private static Supplier supplier(ResultSet rs, int n) throws SQLException {
    return new Supplier(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("grade"),
        rs.getString("categories"),
        rs.getString("contact_name"),
        rs.getString("contact_phone"),
        rs.getString("contact_email"),
        rs.getString("address"),
        rs.getBoolean("active"),
        rs.getBigDecimal("score"),
        rs.getInt("version"));
  }

  public List<Supplier> suppliers() {
    return jdbc.sql("select * from of_supplier order by name")
        .query(ProcurementRepository::supplier)
        .list();
  }

  public Optional<Supplier> supplier(String id) {
    return jdbc.sql("select * from of_supplier where id = ?")
        .param(id)
        .query(ProcurementRepository::supplier)
        .optional();
  }

  public Optional<Supplier> supplierNamed(String name) {
    return jdbc.sql("select * from of_supplier where name = ?")
        .param(name)
        .query(ProcurementRepository::supplier)
        .optional();
  }

  public void insertSupplier(Supplier s, LocalDateTime now) {
    jdbc.sql(
            "insert into of_supplier (id, name, grade, categories, contact_name, contact_phone, contact_email,"
                + " address, active, score, created_at, updated_at, version) values (?,?,?,?,?,?,?,?,?,?,?,?,0)")
        .params(
            s.id(),
            s.name(),
            s.grade(),
            s.categories(),
            s.contactName(),
            s.contactPhone(),
            s.contactEmail(),
            s.address(),
            s.active(),
            s.score(),
            ts(now),
            ts(now))
        .update();
  }

  /** Optimistic: false when the version moved on. */
  public boolean updateSupplier(Supplier s, LocalDateTime now) {
    return jdbc.sql(
                "update of_supplier set name = ?, grade = ?, categories = ?, contact_name = ?, contact_phone = ?,"
                    + " contact_email = ?, address = ?, active = ?, updated_at = ?, version = version + 1"
                    + " where id = ? and version = ?")
            .params(
                s.name(),
                s.grade(),
                s.categories(),
                s.contactName(),
                s.contactPhone(),
                s.contactEmail(),
                s.address(),
                s.active(),
                ts(now),
                s.id(),
                s.version())
            .update()
        == 1;
  }

  public void setGrade(String id, String grade, BigDecimal score, LocalDateTime now) {
    jdbc.sql(
            "update of_supplier set grade = ?, score = ?, updated_at = ?, version = version + 1 where id = ?")
        .params(grade, score, ts(now), id)
        .update();
  }

  public record Contact(
      String id, String supplierId, String name, String role, String phone, String email) {}

  public void insertContact(Contact c, LocalDateTime now) {
    jdbc.sql(
            "insert into of_supplier_contact (id, supplier_id, name, role, phone, email, created_at)"
                + " values (?,?,?,?,?,?,?)")
        .params(c.id(), c.supplierId(), c.name(), c.role(), c.phone(), c.email(), ts(now))
        .update();
  }

  public List<Contact> contacts(String supplierId) {
    return jdbc.sql(
            "select * from of_supplier_contact where supplier_id = ? order by created_at, id")
        .param(supplierId)
        .query(
            (rs, n) ->
                new Contact(
                    rs.getString("id"),
                    rs.getString("supplier_id"),
                    rs.getString("name"),
                    rs.getString("role"),
                    rs.getString("phone"),
                    rs.getString("email")))
        .list();
  }

  public record Evaluation(
      String id,
      String supplierId,
      int quality,
      int delivery,
      int price,
      int service,
      BigDecimal total,
      String comment,
      String kind,
      String evaluator,
      LocalDateTime evaluatedAt) {}

  public void insertEvaluation(Evaluation e) {
    jdbc.sql(
            "insert into of_supplier_evaluation (id, supplier_id, quality, delivery, price, service, total,"
                + " comment, kind, evaluator, evaluated_at) values (?,?,?,?,?,?,?,?,?,?,?)")
        .params(
            e.id(),
            e.supplierId(),
            e.quality(),
            e.delivery(),
            e.price(),
            e.service(),
            e.total(),
            e.comment(),
            e.kind(),
            e.evaluator(),
            ts(e.evaluatedAt()))
        .update();
  }

  public List<Evaluation> evaluations(String supplierId) {
    return jdbc.sql(
            "select * from of_supplier_evaluation where supplier_id = ? order by evaluated_at desc, id")
        .param(supplierId)
        .query(
            (rs, n) ->
                new Evaluation(
                    rs.getString("id"),
                    rs.getString("supplier_id"),
                    rs.getInt("quality"),
                    rs.getInt("delivery"),
                    rs.getInt("price"),
                    rs.getInt("service"),
                    rs.getBigDecimal("total"),
                    rs.getString("comment"),
                    rs.getString("kind"),
                    rs.getString("evaluator"),
                    rs.getTimestamp("evaluated_at").toLocalDateTime()))
        .list();
  }

  // --- budgets

  public record Budget(
      String id,
      String departmentId,
      String quarter,
      BigDecimal rigidAmount,
      BigDecimal flexibleAmount,
      BigDecimal committedAmount,
      BigDecimal usedAmount,
      int version) {}

  private static Budget budget(ResultSet rs, int n) throws SQLException {
    return new Budget(
        rs.getString("id"),
        rs.getString("department_id"),
        rs.getString("quarter"),
        rs.getBigDecimal("rigid_amount"),
        rs.getBigDecimal("flexible_amount"),
        rs.getBigDecimal("committed_amount"),
        rs.getBigDecimal("used_amount"),
        rs.getInt("version"));
  }

  public List<Budget> budgets(String quarter, String department) {
    return jdbc.sql(
            "select * from of_budget where (? is null or quarter = ?) and (? is null or department_id = ?)"
                + " order by quarter, department_id")
        .params(quarter, quarter, department, department)
        .query(ProcurementRepository::budget)
        .list();
  }

  public Optional<Budget> budget(String id) {
    return jdbc.sql("select * from of_budget where id = ?")
        .param(id)
        .query(ProcurementRepository::budget)
        .optional();
  }

  public Optional<Budget> budget(String department, String quarter) {
    return jdbc.sql("select * from of_budget where department_id = ? and quarter = ?")
        .params(department, quarter)
        .query(ProcurementRepository::budget)
        .optional();
  }

  /** Row lock for the budget check: two purchases never commit the same money twice. */
  public Optional<Budget> lockBudget(String department, String quarter) {
    return jdbc.sql("select * from of_budget where department_id = ? and quarter = ? for update")
        .params(department, quarter)
        .query(ProcurementRepository::budget)
        .optional();
  }

  public void insertBudget(Budget b, String user, LocalDateTime now) {
    jdbc.sql(
            "insert into of_budget (id, department_id, quarter, rigid_amount, flexible_amount, committed_amount,"
                + " used_amount, updated_by, updated_at, version) values (?,?,?,?,?,0,0,?,?,0)")
        .params(
            b.id(),
            b.departmentId(),
            b.quarter(),
            b.rigidAmount(),
            b.flexibleAmount(),
            user,
            ts(now))
        .update();
  }

  public boolean updateBudgetLimits(
      String id,
      BigDecimal rigid,
      BigDecimal flexible,
      int version,
      String user,
      LocalDateTime now) {
    return jdbc.sql(
                "update of_budget set rigid_amount = ?, flexible_amount = ?, updated_by = ?, updated_at = ?,"
                    + " version = version + 1 where id = ? and version = ?")
            .params(rigid, flexible, user, ts(now), id, version)
            .update()
        == 1;
  }

  public void addToBudget(
      String id, BigDecimal committed, BigDecimal used, String user, LocalDateTime now) {
    jdbc.sql(
            "update of_budget set committed_amount = committed_amount + ?, used_amount = used_amount + ?,"
                + " updated_by = ?, updated_at = ?, version = version + 1 where id = ?")
        .params(committed, used, user, ts(now), id)
        .update();
  }

  // --- purchases

  public record Purchase(
      String id,
      String processInstanceId,
      String origin,
      String requester,
      String requesterName,
      String departmentId,
      String quarter,
      String itemId,
      String itemName,
      String category,
      int quantity,
      String reason,
      String status,
      String mergedInto,
      String singleSourceReason,
      String chosenSupplierId,
      String chosenSupplierName,
      BigDecimal chosenAmount,
      BigDecimal highestAmount,
      String choiceReason,
      String approvers,
      String budgetOutcome,
      String orderNumber,
      LocalDateTime createdAt,
      LocalDateTime orderedAt,
      LocalDateTime receivedAt,
      LocalDateTime finishedAt,
      String purchaseNumber,
      String archiveEntryId) {

    public BigDecimal savings() {
      return chosenAmount == null || highestAmount == null
          ? null
          : highestAmount.subtract(chosenAmount);
    }
  }

  private static Purchase purchase(ResultSet rs, int n) throws SQLException {
    return new Purchase(
        rs.getString("id"),
        rs.getString("process_instance_id"),
        rs.getString("origin"),
        rs.getString("requester"),
        rs.getString("requester_name"),
        rs.getString("department_id"),
        rs.getString("quarter"),
        rs.getString("item_id"),
        rs.getString("item_name"),
        rs.getString("category"),
        rs.getInt("quantity"),
        rs.getString("reason"),
        rs.getString("status"),
        rs.getString("merged_into"),
        rs.getString("single_source_reason"),
        rs.getString("chosen_supplier_id"),
        rs.getString("chosen_supplier_name"),
        rs.getBigDecimal("chosen_amount"),
        rs.getBigDecimal("highest_amount"),
        rs.getString("choice_reason"),
        rs.getString("approvers"),
        rs.getString("budget_outcome"),
        rs.getString("order_number"),
        time(rs, "created_at"),
        time(rs, "ordered_at"),
        time(rs, "received_at"),
        time(rs, "finished_at"),
        rs.getString("purchase_number"),
        rs.getString("archive_entry_id"));
  }

  public void insertPurchase(Purchase p, LocalDateTime now) {
    jdbc.sql(
            "insert into of_purchase (id, process_instance_id, origin, requester, requester_name, department_id,"
                + " quarter, item_id, item_name, category, quantity, reason, status, created_at, updated_at)"
                + " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
        .params(
            p.id(),
            p.processInstanceId(),
            p.origin(),
            p.requester(),
            p.requesterName(),
            p.departmentId(),
            p.quarter(),
            p.itemId(),
            p.itemName(),
            p.category(),
            p.quantity(),
            p.reason(),
            p.status(),
            ts(now),
            ts(now))
        .update();
  }

  public Optional<Purchase> purchase(String id) {
    return jdbc.sql("select * from of_purchase where id = ?")
        .param(id)
        .query(ProcurementRepository::purchase)
        .optional();
  }

  public List<Purchase> purchases() {
    return jdbc.sql("select * from of_purchase order by created_at desc")
        .query(ProcurementRepository::purchase)
        .list();
  }

  /** Open purchases (not finished) of the same item or item name, other than {@code except}. */
  public List<Purchase> openSimilar(String itemId, String itemName, String except) {
    return jdbc.sql(
            "select * from of_purchase where id <> ? and finished_at is null"
                + " and ((? is not null and item_id = ?) or (item_id is null and item_name = ?))"
                + " order by created_at")
        .params(except, itemId, itemId, itemName)
        .query(ProcurementRepository::purchase)
        .list();
  }

  /** Purchases ordered in [from, to). */
  public List<Purchase> orderedBetween(LocalDateTime from, LocalDateTime to) {
    return jdbc.sql(
            "select * from of_purchase where ordered_at >= ? and ordered_at < ? order by ordered_at")
        .params(ts(from), ts(to))
        .query(ProcurementRepository::purchase)
        .list();
  }

  public void setStatus(String id, String status, LocalDateTime now) {
    jdbc.sql("update of_purchase set status = ?, updated_at = ? where id = ?")
        .params(status, ts(now), id)
        .update();
  }

  public void finish(String id, String status, LocalDateTime now) {
    jdbc.sql("update of_purchase set status = ?, finished_at = ?, updated_at = ? where id = ?")
        .params(status, ts(now), ts(now), id)
        .update();
  }

  public void merge(String id, String into, LocalDateTime now) {
    jdbc.sql(
            "update of_purchase set status = 'MERGED', merged_into = ?, finished_at = ?, updated_at = ? where id = ?")
        .params(into, ts(now), ts(now), id)
        .update();
  }

  public void addQuantity(String id, int quantity, LocalDateTime now) {
    jdbc.sql("update of_purchase set quantity = quantity + ?, updated_at = ? where id = ?")
        .params(quantity, ts(now), id)
        .update();
  }

  public void choose(
      String id,
      String singleSourceReason,
      String supplierId,
      String supplierName,
      BigDecimal amount,
      BigDecimal highest,
      String choiceReason,
      LocalDateTime now) {
    jdbc.sql(
            "update of_purchase set single_source_reason = ?, chosen_supplier_id = ?, chosen_supplier_name = ?,"
                + " chosen_amount = ?, highest_amount = ?, choice_reason = ?, status = 'QUOTED', updated_at = ?"
                + " where id = ?")
        .params(
            singleSourceReason,
            supplierId,
            supplierName,
            amount,
            highest,
            choiceReason,
            ts(now),
            id)
        .update();
  }

  public void setApprovers(String id, String approvers, LocalDateTime now) {
    jdbc.sql(
            "update of_purchase set approvers = ?, status = 'APPROVING', updated_at = ? where id = ?")
        .params(approvers, ts(now), id)
        .update();
  }

  public void setBudgetOutcome(String id, String outcome, LocalDateTime now) {
    jdbc.sql("update of_purchase set budget_outcome = ?, updated_at = ? where id = ?")
        .params(outcome, ts(now), id)
        .update();
  }

  public void ordered(String id, String orderNumber, LocalDateTime now) {
    jdbc.sql(
            "update of_purchase set order_number = ?, ordered_at = ?, status = 'RECEIVING', updated_at = ? where id = ?")
        .params(orderNumber, ts(now), ts(now), id)
        .update();
  }

  public void setNumber(String id, String number) {
    jdbc.sql("update of_purchase set purchase_number = ? where id = ?").params(number, id).update();
  }

  public void setArchiveEntry(String id, String entryId) {
    jdbc.sql("update of_purchase set archive_entry_id = ? where id = ?")
        .params(entryId, id)
        .update();
  }

  /** A purchase of a new item: the item it became in the stock at 验收入库. */
  public void setItem(String id, String itemId, LocalDateTime now) {
    jdbc.sql("update of_purchase set item_id = ?, updated_at = ? where id = ?")
        .params(itemId, ts(now), id)
        .update();
  }

  public void received(String id, LocalDateTime now) {
    jdbc.sql(
            "update of_purchase set received_at = ?, status = 'PAYING', updated_at = ? where id = ?")
        .params(ts(now), ts(now), id)
        .update();
  }

  public record Quote(
      String supplierId,
      String supplierName,
      BigDecimal amount,
      int deliveryDays,
      String terms,
      boolean compliant,
      boolean chosen) {}

  public void replaceQuotes(String purchaseId, List<Quote> quotes) {
    jdbc.sql("delete from of_purchase_quote where purchase_id = ?").param(purchaseId).update();
    int seq = 0;
    for (Quote q : quotes) {
      jdbc.sql(
              "insert into of_purchase_quote (id, purchase_id, seq, supplier_id, supplier_name, amount,"
                  + " delivery_days, terms, compliant, chosen) values (?,?,?,?,?,?,?,?,?,?)")
          .params(
              java.util.UUID.randomUUID().toString(),
              purchaseId,
              ++seq,
              q.supplierId(),
              q.supplierName(),
              q.amount(),
              q.deliveryDays(),
              q.terms(),
              q.compliant(),
              q.chosen())
          .update();
    }
  }

  public List<Quote> quotes(String purchaseId) {
    return jdbc.sql("select * from of_purchase_quote where purchase_id = ? order by seq")
        .param(purchaseId)
        .query(
            (rs, n) ->
                new Quote(
                    rs.getString("supplier_id"),
                    rs.getString("supplier_name"),
                    rs.getBigDecimal("amount"),
                    rs.getInt("delivery_days"),
                    rs.getString("terms"),
                    rs.getBoolean("compliant"),
                    rs.getBoolean("chosen")))
        .list();
  }

  public record Invoice(String code, String number, BigDecimal amount, LocalDate date) {}

  public void insertInvoices(String purchaseId, List<Invoice> invoices) {
    for (Invoice i : invoices) {
      jdbc.sql(
              "insert into of_purchase_invoice (id, purchase_id, invoice_code, invoice_number, amount,"
                  + " invoice_date) values (?,?,?,?,?,?)")
          .params(
              java.util.UUID.randomUUID().toString(),
              purchaseId,
              i.code(),
              i.number(),
              i.amount(),
              java.sql.Date.valueOf(i.date()))
          .update();
    }
  }

  public List<Invoice> invoices(String purchaseId) {
    return jdbc.sql(
            "select * from of_purchase_invoice where purchase_id = ? order by invoice_code, invoice_number")
        .param(purchaseId)
        .query(
            (rs, n) ->
                new Invoice(
                    rs.getString("invoice_code"),
                    rs.getString("invoice_number"),
                    rs.getBigDecimal("amount"),
                    rs.getDate("invoice_date").toLocalDate()))
        .list();
  }

  private static Timestamp ts(LocalDateTime t) {
    return t == null ? null : Timestamp.valueOf(t);
  }

  private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toLocalDateTime();
  }
}
