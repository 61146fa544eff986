package cn.officeflow.reimbursement;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of 报销 claims and their invoices. */
@Repository
public class ReimbursementRepository {

  private static final String COLUMNS =
      """
      r.id, r.process_instance_id, r.applicant, r.applicant_name, r.procurement_id, r.amount, r.purpose,
      r.invoices, r.status, r.first_reviewer, r.second_reviewer, r.leader, r.paid_on, r.payment_method,
      r.payment_reference, r.paid_by, r.paid_at, r.created_at, r.updated_at""";

  private final JdbcClient jdbc;

  public ReimbursementRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(
      String id,
      String processInstanceId,
      String applicant,
      String applicantName,
      String procurementId,
      BigDecimal amount,
      String purpose,
      List<Invoice> invoices,
      LocalDateTime now) {
    jdbc.sql(
            """
        insert into of_reimbursement (id, process_instance_id, applicant, applicant_name, procurement_id, amount,
          purpose, invoices, invoice_count, status, created_at, updated_at)
        values (:id, :pi, :applicant, :applicantName, :procurementId, :amount, :purpose, :invoices, :count,
          :status, :now, :now)""")
        .param("id", id)
        .param("pi", processInstanceId)
        .param("applicant", applicant)
        .param("applicantName", applicantName)
        .param("procurementId", procurementId)
        .param("amount", amount)
        .param("purpose", purpose)
        .param("invoices", Invoices.toJson(invoices))
        .param("count", invoices.size())
        .param("status", ReimbursementStatus.FIRST_REVIEW.name())
        .param("now", now)
        .update();
  }

  /** A revised claim: new amount, purpose and invoices. */
  public void revise(
      String id, BigDecimal amount, String purpose, List<Invoice> invoices, LocalDateTime now) {
    jdbc.sql(
            """
        update of_reimbursement set amount = :amount, purpose = :purpose, invoices = :invoices,
          invoice_count = :count, status = :status, updated_at = :now where id = :id""")
        .param("id", id)
        .param("amount", amount)
        .param("purpose", purpose)
        .param("invoices", Invoices.toJson(invoices))
        .param("count", invoices.size())
        .param("status", ReimbursementStatus.FIRST_REVIEW.name())
        .param("now", now)
        .update();
  }

  /**
   * Claims one invoice for {@code id}; the unique key refuses an invoice that is in another open or paid claim
   * (DuplicateKeyException), also when two claims insert it at the same moment.
   */
  public void claimInvoice(String id, int position, Invoice invoice) {
    jdbc.sql(
            """
        insert into of_reimbursement_invoice (invoice_key, reimbursement_id, position, invoice_code, invoice_number,
          amount, issued_on)
        values (:key, :id, :position, :code, :number, :amount, :date)""")
        .param("key", invoice.key())
        .param("id", id)
        .param("position", position)
        .param("code", invoice.code())
        .param("number", invoice.number())
        .param("amount", invoice.amount())
        .param("date", invoice.date())
        .update();
  }

  /** Releases the invoices of a claim (withdrawn, or about to be replaced by its revision). */
  public void releaseInvoices(String id) {
    jdbc.sql("delete from of_reimbursement_invoice where reimbursement_id = :id")
        .param("id", id)
        .update();
  }

  /** The claim holding the invoice with this key, if any. */
  public Optional<String> claimOf(String invoiceKey) {
    return jdbc.sql(
            "select reimbursement_id from of_reimbursement_invoice where invoice_key = :key")
        .param("key", invoiceKey)
        .query(String.class)
        .optional();
  }

  public void updateStatus(String id, ReimbursementStatus status, LocalDateTime now) {
    jdbc.sql("update of_reimbursement set status = :status, updated_at = :now where id = :id")
        .param("id", id)
        .param("status", status.name())
        .param("now", now)
        .update();
  }

  /** A reviewer of a step: first_reviewer, second_reviewer or leader. */
  public void reviewed(String id, String column, String userId, LocalDateTime now) {
    if (!List.of("first_reviewer", "second_reviewer", "leader").contains(column)) {
      throw new IllegalArgumentException(column);
    }
    jdbc.sql("update of_reimbursement set " + column + " = :user, updated_at = :now where id = :id")
        .param("id", id)
        .param("user", userId)
        .param("now", now)
        .update();
  }

  public void paid(
      String id,
      LocalDate paidOn,
      String method,
      String reference,
      String paidBy,
      LocalDateTime paidAt) {
    jdbc.sql(
            """
        update of_reimbursement set status = :status, paid_on = :paidOn, payment_method = :method,
          payment_reference = :reference, paid_by = :paidBy, paid_at = :paidAt, updated_at = :paidAt
        where id = :id""")
        .param("id", id)
        .param("status", ReimbursementStatus.PAID.name())
        .param("paidOn", paidOn)
        .param("method", method)
        .param("reference", reference)
        .param("paidBy", paidBy)
        .param("paidAt", paidAt)
        .update();
  }

  public Optional<Reimbursement> find(String id) {
    return jdbc.sql("select " + COLUMNS + " from of_reimbursement r where r.id = :id")
        .param("id", id)
        .query(ReimbursementRepository::map)
        .optional();
  }

  /** Claims by status (null: all), optionally only one applicant's, newest first. */
  public List<Reimbursement> list(ReimbursementStatus status, String applicant) {
    StringBuilder sql =
        new StringBuilder("select " + COLUMNS + " from of_reimbursement r where 1 = 1");
    if (status != null) {
      sql.append(" and r.status = :status");
    }
    if (applicant != null) {
      sql.append(" and r.applicant = :applicant");
    }
    sql.append(" order by r.created_at desc, r.id");
    JdbcClient.StatementSpec spec = jdbc.sql(sql.toString());
    if (status != null) {
      spec = spec.param("status", status.name());
    }
    if (applicant != null) {
      spec = spec.param("applicant", applicant);
    }
    return spec.query(ReimbursementRepository::map).list();
  }

  /** Paid claims of a month: count and sum (for the monthly report). */
  public Figures paidIn(LocalDate from, LocalDate to) {
    return jdbc.sql(
            """
        select count(*) as claims, coalesce(sum(amount), 0) as total from of_reimbursement
        where status = 'PAID' and paid_on >= :from and paid_on < :to""")
        .param("from", from)
        .param("to", to)
        .query((rs, n) -> new Figures(rs.getInt("claims"), rs.getBigDecimal("total").setScale(2)))
        .single();
  }

  public record Figures(int claims, BigDecimal total) {}

  private static Reimbursement map(ResultSet rs, int row) throws SQLException {
    return new Reimbursement(
        rs.getString("id"),
        rs.getString("process_instance_id"),
        rs.getString("applicant"),
        rs.getString("applicant_name"),
        rs.getString("procurement_id"),
        rs.getBigDecimal("amount").setScale(2),
        rs.getString("purpose"),
        Invoices.parse(rs.getString("invoices"), LocalDate.MAX),
        ReimbursementStatus.valueOf(rs.getString("status")),
        rs.getString("first_reviewer"),
        rs.getString("second_reviewer"),
        rs.getString("leader"),
        rs.getObject("paid_on", LocalDate.class),
        rs.getString("payment_method"),
        rs.getString("payment_reference"),
        rs.getString("paid_by"),
        rs.getObject("paid_at", LocalDateTime.class),
        rs.getObject("created_at", LocalDateTime.class),
        rs.getObject("updated_at", LocalDateTime.class));
  }
}
