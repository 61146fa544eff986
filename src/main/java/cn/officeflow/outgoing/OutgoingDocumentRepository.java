package cn.officeflow.outgoing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class OutgoingDocumentRepository {

  private static final String COLUMNS =
      """
      id, process_instance_id, title, doc_type, main_recipients, copy_to, attachments, urgency, secrecy, doc_code,
      countersign_depts, drafter, drafter_name, draft_dept, draft_dept_name, status, version, document_number,
      number_year, number_seq, signer, signer_name, signed_at, issued_at, docx is not null as has_docx,
      created_at, updated_at, secrecy_period, notes""";

  /** Columns of a saved 稿, in the order {@link #version(ResultSet, int)} reads them. */
  private static final String VERSION_COLUMNS =
      "version, title, doc_type, main_recipients, copy_to, attachments, urgency, secrecy, body, edited_by,"
          + " edited_at, secrecy_period, notes";

  private final JdbcClient jdbc;

  public OutgoingDocumentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(
      String id,
      String processInstanceId,
      Draft draft,
      String drafter,
      String drafterName,
      String dept,
      String deptName,
      DocumentStatus status,
      LocalDateTime now) {
    jdbc.sql(
            """
        insert into of_outgoing_document (id, process_instance_id, title, doc_type, main_recipients, copy_to,
          attachments, urgency, secrecy, doc_code, countersign_depts, drafter, drafter_name, draft_dept,
          draft_dept_name, status, version, created_at, updated_at, secrecy_period, notes)
        values (:id, :pi, :title, :docType, :recipients, :copyTo, :attachments, :urgency, :secrecy, :docCode,
          :countersign, :drafter, :drafterName, :dept, :deptName, :status, 1, :now, :now, :period, :notes)""")
        .param("period", draft.secrecyPeriod())
        .param("notes", draft.notes())
        .param("id", id)
        .param("pi", processInstanceId)
        .param("title", draft.title())
        .param("docType", draft.docType())
        .param("recipients", draft.mainRecipients())
        .param("copyTo", draft.copyTo())
        .param("attachments", draft.attachments())
        .param("urgency", draft.urgency())
        .param("secrecy", draft.secrecy())
        .param("docCode", draft.docCode())
        .param("countersign", draft.countersignDeptsText())
        .param("drafter", drafter)
        .param("drafterName", drafterName)
        .param("dept", dept)
        .param("deptName", deptName)
        .param("status", status.name())
        .param("now", now)
        .update();
  }

  /** Stores the revised text as the current state (the version row is written separately). */
  public void updateText(String id, Draft draft, int version, LocalDateTime now) {
    jdbc.sql(
            """
        update of_outgoing_document set title = :title, doc_type = :docType, main_recipients = :recipients,
          copy_to = :copyTo, attachments = :attachments, urgency = :urgency, secrecy = :secrecy,
          secrecy_period = :period, notes = :notes, version = :version, updated_at = :now where id = :id""")
        .param("period", draft.secrecyPeriod())
        .param("notes", draft.notes())
        .param("title", draft.title())
        .param("docType", draft.docType())
        .param("recipients", draft.mainRecipients())
        .param("copyTo", draft.copyTo())
        .param("attachments", draft.attachments())
        .param("urgency", draft.urgency())
        .param("secrecy", draft.secrecy())
        .param("version", version)
        .param("now", now)
        .param("id", id)
        .update();
  }

  public void insertVersion(
      String id, int version, Draft draft, String editedBy, LocalDateTime now) {
    jdbc.sql(
            """
        insert into of_outgoing_version (document_id, version, title, doc_type, main_recipients, copy_to,
          attachments, urgency, secrecy, body, edited_by, edited_at, secrecy_period, notes)
        values (:id, :version, :title, :docType, :recipients, :copyTo, :attachments, :urgency, :secrecy, :body,
          :editedBy, :now, :period, :notes)""")
        .param("period", draft.secrecyPeriod())
        .param("notes", draft.notes())
        .param("id", id)
        .param("version", version)
        .param("title", draft.title())
        .param("docType", draft.docType())
        .param("recipients", draft.mainRecipients())
        .param("copyTo", draft.copyTo())
        .param("attachments", draft.attachments())
        .param("urgency", draft.urgency())
        .param("secrecy", draft.secrecy())
        .param("body", draft.body())
        .param("editedBy", editedBy)
        .param("now", now)
        .update();
  }

  public void updateStatus(String id, DocumentStatus status, LocalDateTime now) {
    jdbc.sql("update of_outgoing_document set status = :status, updated_at = :now where id = :id")
        .param("status", status.name())
        .param("now", now)
        .param("id", id)
        .update();
  }

  public void updateNumber(
      String id,
      String number,
      int year,
      int seq,
      String signer,
      String signerName,
      LocalDateTime now) {
    jdbc.sql(
            """
        update of_outgoing_document set document_number = :number, number_year = :year, number_seq = :seq,
          signer = :signer, signer_name = :signerName, signed_at = :now, updated_at = :now where id = :id""")
        .param("number", number)
        .param("year", year)
        .param("seq", seq)
        .param("signer", signer)
        .param("signerName", signerName)
        .param("now", now)
        .param("id", id)
        .update();
  }

  public void updateDocx(String id, byte[] docx, LocalDateTime now) {
    jdbc.sql("update of_outgoing_document set docx = :docx, updated_at = :now where id = :id")
        .param("docx", docx)
        .param("now", now)
        .param("id", id)
        .update();
  }

  /** Stores the PDF/A print copy. */
  public void updatePdf(String id, byte[] pdf, LocalDateTime now) {
    updatePrintCopy(id, "pdf", pdf, now);
  }

  /** Stores the OFD print copy. */
  public void updateOfd(String id, byte[] ofd, LocalDateTime now) {
    updatePrintCopy(id, "ofd", ofd, now);
  }

  public Optional<byte[]> pdf(String id) {
    return printCopy(id, "pdf");
  }

  public Optional<byte[]> ofd(String id) {
    return printCopy(id, "ofd");
  }

  /** {@code column} is one of the constants above, never user input. */
  private void updatePrintCopy(String id, String column, byte[] content, LocalDateTime now) {
    jdbc.sql(
            "update of_outgoing_document set "
                + column
                + " = :content, updated_at = :now where id = :id")
        .param("content", content)
        .param("now", now)
        .param("id", id)
        .update();
  }

  private Optional<byte[]> printCopy(String id, String column) {
    return jdbc.sql(
            "select "
                + column
                + " from of_outgoing_document where id = :id and "
                + column
                + " is not null")
        .param("id", id)
        .query((rs, row) -> rs.getBytes(1))
        .optional();
  }

  public void markIssued(String id, LocalDateTime now) {
    jdbc.sql(
            "update of_outgoing_document set status = :status, issued_at = :now, updated_at = :now where id = :id")
        .param("status", DocumentStatus.ISSUED.name())
        .param("now", now)
        .param("id", id)
        .update();
  }

  public Optional<OutgoingDocument> find(String id) {
    return jdbc.sql("select " + COLUMNS + " from of_outgoing_document where id = :id")
        .param("id", id)
        .query(OutgoingDocumentRepository::map)
        .optional();
  }

  public Optional<byte[]> docx(String id) {
    return jdbc.sql("select docx from of_outgoing_document where id = :id and docx is not null")
        .param("id", id)
        .query((rs, i) -> rs.getBytes(1))
        .optional();
  }

  public List<DocumentVersion> versions(String id) {
    return jdbc.sql(
            "select "
                + VERSION_COLUMNS
                + " from of_outgoing_version where document_id = :id order by version")
        .param("id", id)
        .query(OutgoingDocumentRepository::version)
        .list();
  }

  /** One saved 稿 of the document. */
  public Optional<DocumentVersion> version(String id, int version) {
    return jdbc.sql(
            "select "
                + VERSION_COLUMNS
                + " from of_outgoing_version where document_id = :id and version = :version")
        .param("id", id)
        .param("version", version)
        .query(OutgoingDocumentRepository::version)
        .optional();
  }

  private static DocumentVersion version(ResultSet rs, int row) throws SQLException {
    return new DocumentVersion(
        rs.getInt(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10),
        rs.getObject(11, LocalDateTime.class),
        rs.getString(12),
        rs.getString(13));
  }

  public String currentBody(String id) {
    return jdbc.sql(
            """
        select v.body from of_outgoing_version v join of_outgoing_document d
          on d.id = v.document_id and d.version = v.version where d.id = :id""")
        .param("id", id)
        .query(String.class)
        .single();
  }

  /**
   * The ledger (台账): documents of a year (by 文号 year, else by creation year) matching a text in title,
   * 文号 or drafter, restricted to {@code visibleTo} unless {@code all}.
   */
  public List<OutgoingDocument> ledger(
      Integer year, String q, boolean all, String user, Collection<String> processInstanceIds) {
    StringBuilder sql =
        new StringBuilder("select " + COLUMNS + " from of_outgoing_document d where 1 = 1");
    List<Object> params = new ArrayList<>();
    if (year != null) {
      sql.append(" and coalesce(d.number_year, year(d.created_at)) = ?");
      params.add(year);
    }
    if (q != null && !q.isBlank()) {
      sql.append(" and (d.title like ? or d.document_number like ? or d.drafter_name like ?)");
      String like =
          "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
      params.add(like);
      params.add(like);
      params.add(like);
    }
    if (!all) {
      sql.append(
          " and (d.drafter = ? or exists (select 1 from of_review r where r.business_key = d.id"
              + " and r.user_id = ?)");
      params.add(user);
      params.add(user);
      for (String pi : processInstanceIds) {
        sql.append(" or d.process_instance_id = ?");
        params.add(pi);
      }
      sql.append(')');
    }
    sql.append(" order by d.number_year desc, d.number_seq desc, d.created_at desc");
    return jdbc.sql(sql.toString()).params(params).query(OutgoingDocumentRepository::map).list();
  }

  private static OutgoingDocument map(ResultSet rs, int row) throws SQLException {
    return new OutgoingDocument(
        rs.getString("id"),
        rs.getString("process_instance_id"),
        rs.getString("title"),
        rs.getString("doc_type"),
        rs.getString("main_recipients"),
        rs.getString("copy_to"),
        rs.getString("attachments"),
        rs.getString("urgency"),
        rs.getString("secrecy"),
        rs.getString("doc_code"),
        rs.getString("countersign_depts"),
        rs.getString("drafter"),
        rs.getString("drafter_name"),
        rs.getString("draft_dept"),
        rs.getString("draft_dept_name"),
        DocumentStatus.valueOf(rs.getString("status")),
        rs.getInt("version"),
        rs.getString("document_number"),
        (Integer) rs.getObject("number_year", Integer.class),
        (Integer) rs.getObject("number_seq", Integer.class),
        rs.getString("signer"),
        rs.getString("signer_name"),
        rs.getObject("signed_at", LocalDateTime.class),
        rs.getObject("issued_at", LocalDateTime.class),
        rs.getBoolean("has_docx"),
        rs.getObject("created_at", LocalDateTime.class),
        rs.getObject("updated_at", LocalDateTime.class),
        rs.getString("secrecy_period"),
        rs.getString("notes"));
  }
}
