package cn.officeflow.incoming;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of 收文: the register (收文登记簿) and the electronic files. */
@Repository
public class IncomingDocumentRepository {

  private static final String COLUMNS =
      """
      id, process_instance_id, receipt_year, receipt_seq, receipt_number, sender_org, sender_number, title,
      received_on, urgency, secrecy, pages, summary, duplicate_of, registered_by, registered_by_name, registered_at,
      handling, proposal, lead_department, lead_department_name, assisting_departments, deadline_days, proposed_by,
      proposed_at, instruction, instructed_by, instructed_by_name, instructed_at, circulate_to, supervision_item_id,
      archive_entry_id, void_reason, status, updated_at""";
  private static final String ATTACHMENT_COLUMNS =
      "id, document_id, seq, file_name, media_type, file_size, sha256, uploaded_by, uploaded_at";

  private final JdbcClient jdbc;

  public IncomingDocumentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(IncomingDocument d) {
    jdbc.sql(
            """
        insert into of_incoming_document (id, process_instance_id, receipt_year, receipt_seq, receipt_number,
          sender_org, sender_number, title, received_on, urgency, secrecy, pages, summary, duplicate_of,
          registered_by, registered_by_name, registered_at, status, updated_at)
        values (:id, :pi, :year, :seq, :number, :senderOrg, :senderNumber, :title, :receivedOn, :urgency, :secrecy,
          :pages, :summary, :duplicateOf, :registeredBy, :registeredByName, :registeredAt, :status, :registeredAt)""")
        .param("id", d.id())
        .param("pi", d.processInstanceId())
        .param("year", d.receiptYear())
        .param("seq", d.receiptSeq())
        .param("number", d.receiptNumber())
        .param("senderOrg", d.senderOrg())
        .param("senderNumber", d.senderNumber())
        .param("title", d.title())
        .param("receivedOn", d.receivedOn())
        .param("urgency", d.urgency())
        .param("secrecy", d.secrecy())
        .param("pages", d.pages())
        .param("summary", d.summary())
        .param("duplicateOf", d.duplicateOf())
        .param("registeredBy", d.registeredBy())
        .param("registeredByName", d.registeredByName())
        .param("registeredAt", d.registeredAt())
        .param("status", d.status().name())
        .update();
  }

  public Optional<IncomingDocument> find(String id) {
    return jdbc.sql("select " + COLUMNS + " from of_incoming_document where id = :id")
        .param("id", id)
        .query(IncomingDocumentRepository::document)
        .optional();
  }

  /** Earlier registrations of the same 来文单位 + 来文文号, oldest first. */
  public List<IncomingDocument> sameSender(String senderOrg, String senderNumber) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from of_incoming_document where sender_org = :org"
                + " and sender_number = :number order by registered_at, receipt_year, receipt_seq")
        .param("org", senderOrg)
        .param("number", senderNumber)
        .query(IncomingDocumentRepository::document)
        .list();
  }

  /** 收文登记簿: by year (null = all) and a search in 标题 / 来文单位 / 来文文号 / 收文编号. */
  public List<IncomingDocument> register(Integer year, String q) {
    StringBuilder sql =
        new StringBuilder("select " + COLUMNS + " from of_incoming_document where 1 = 1");
    if (year != null) {
      sql.append(" and receipt_year = :year");
    }
    if (q != null && !q.isBlank()) {
      sql.append(" and (lower(title) like :q escape '!' or lower(sender_org) like :q escape '!'")
          .append(
              " or lower(sender_number) like :q escape '!' or lower(receipt_number) like :q escape '!')");
    }
    sql.append(" order by receipt_year desc, receipt_seq desc");
    JdbcClient.StatementSpec statement = jdbc.sql(sql.toString());
    if (year != null) {
      statement = statement.param("year", year);
    }
    if (q != null && !q.isBlank()) {
      String escaped =
          q.strip().toLowerCase().replace("!", "!!").replace("%", "!%").replace("_", "!_");
      statement = statement.param("q", "%" + escaped + "%");
    }
    return statement.query(IncomingDocumentRepository::document).list();
  }

  public void updateStatus(String id, IncomingStatus status, LocalDateTime now) {
    jdbc.sql("update of_incoming_document set status = :status, updated_at = :now where id = :id")
        .param("status", status.name())
        .param("now", now)
        .param("id", id)
        .update();
  }

  public void propose(
      String id, Handling h, String proposal, String proposedBy, LocalDateTime now) {
    jdbc.sql(
            """
        update of_incoming_document set handling = :handling, proposal = :proposal, lead_department = :lead,
          lead_department_name = :leadName, assisting_departments = :assisting, deadline_days = :days,
          proposed_by = :by, proposed_at = :now, status = :status, updated_at = :now where id = :id""")
        .param("handling", h.handling())
        .param("proposal", proposal)
        .param("lead", h.leadDepartment())
        .param("leadName", h.leadDepartmentName())
        .param("assisting", h.assistingDepartments())
        .param("days", h.deadlineDays())
        .param("by", proposedBy)
        .param("now", now)
        .param("status", IncomingStatus.INSTRUCTING.name())
        .param("id", id)
        .update();
  }

  public void instruct(
      String id,
      Handling h,
      String instruction,
      String by,
      String byName,
      String circulateTo,
      IncomingStatus status,
      LocalDateTime now) {
    jdbc.sql(
            """
        update of_incoming_document set handling = :handling, lead_department = :lead,
          lead_department_name = :leadName, assisting_departments = :assisting, deadline_days = :days,
          instruction = :instruction, instructed_by = :by, instructed_by_name = :byName, instructed_at = :now,
          circulate_to = :circulate, status = :status, updated_at = :now where id = :id""")
        .param("handling", h.handling())
        .param("lead", h.leadDepartment())
        .param("leadName", h.leadDepartmentName())
        .param("assisting", h.assistingDepartments())
        .param("days", h.deadlineDays())
        .param("instruction", instruction)
        .param("by", by)
        .param("byName", byName)
        .param("circulate", circulateTo)
        .param("status", status.name())
        .param("now", now)
        .param("id", id)
        .update();
  }

  public void voided(String id, String reason, LocalDateTime now) {
    jdbc.sql(
            "update of_incoming_document set void_reason = :reason, status = :status, updated_at = :now where id = :id")
        .param("reason", reason)
        .param("status", IncomingStatus.VOIDED.name())
        .param("now", now)
        .param("id", id)
        .update();
  }

  public void linkSupervision(String id, String itemId, LocalDateTime now) {
    jdbc.sql(
            "update of_incoming_document set supervision_item_id = :item, updated_at = :now where id = :id")
        .param("item", itemId)
        .param("now", now)
        .param("id", id)
        .update();
  }

  public void archived(String id, String entryId, LocalDateTime now) {
    jdbc.sql(
            """
        update of_incoming_document set archive_entry_id = :entry, status = :status, updated_at = :now
        where id = :id""")
        .param("entry", entryId)
        .param("status", IncomingStatus.ARCHIVED.name())
        .param("now", now)
        .param("id", id)
        .update();
  }

  // --- electronic files

  public void insertAttachment(IncomingAttachment a, byte[] content) {
    jdbc.sql(
            """
        insert into of_incoming_attachment (id, document_id, seq, file_name, media_type, file_size, sha256, content,
          uploaded_by, uploaded_at)
        values (:id, :doc, :seq, :name, :type, :size, :sha, :content, :by, :at)""")
        .param("id", a.id())
        .param("doc", a.documentId())
        .param("seq", a.seq())
        .param("name", a.fileName())
        .param("type", a.mediaType())
        .param("size", a.size())
        .param("sha", a.sha256())
        .param("content", content)
        .param("by", a.uploadedBy())
        .param("at", a.uploadedAt())
        .update();
  }

  public List<IncomingAttachment> attachments(String documentId) {
    return jdbc.sql(
            "select "
                + ATTACHMENT_COLUMNS
                + " from of_incoming_attachment where document_id = :doc"
                + " order by seq")
        .param("doc", documentId)
        .query(IncomingDocumentRepository::attachment)
        .list();
  }

  public Optional<IncomingAttachment> attachment(String documentId, String attachmentId) {
    return jdbc.sql(
            "select "
                + ATTACHMENT_COLUMNS
                + " from of_incoming_attachment where document_id = :doc"
                + " and id = :id")
        .param("doc", documentId)
        .param("id", attachmentId)
        .query(IncomingDocumentRepository::attachment)
        .optional();
  }

  public byte[] content(String attachmentId) {
    return jdbc.sql("select content from of_incoming_attachment where id = :id")
        .param("id", attachmentId)
        .query((rs, i) -> rs.getBytes(1))
        .single();
  }

  public int deleteAttachment(String documentId, String attachmentId) {
    return jdbc.sql("delete from of_incoming_attachment where document_id = :doc and id = :id")
        .param("doc", documentId)
        .param("id", attachmentId)
        .update();
  }

  /** Locks the document row until the transaction ends (uploads and 送拟办 of one 收文 run one at a time). */
  public Optional<IncomingStatus> lockStatus(String id) {
    return jdbc.sql("select status from of_incoming_document where id = :id for update")
        .param("id", id)
        .query((rs, i) -> IncomingStatus.valueOf(rs.getString(1)))
        .optional();
  }

  private static IncomingDocument document(ResultSet rs, int row) throws SQLException {
    return new IncomingDocument(
        rs.getString("id"),
        rs.getString("process_instance_id"),
        rs.getInt("receipt_year"),
        rs.getInt("receipt_seq"),
        rs.getString("receipt_number"),
        rs.getString("sender_org"),
        rs.getString("sender_number"),
        rs.getString("title"),
        rs.getObject("received_on", LocalDate.class),
        rs.getString("urgency"),
        rs.getString("secrecy"),
        rs.getInt("pages"),
        rs.getString("summary"),
        rs.getString("duplicate_of"),
        rs.getString("registered_by"),
        rs.getString("registered_by_name"),
        rs.getObject("registered_at", LocalDateTime.class),
        rs.getString("handling"),
        rs.getString("proposal"),
        rs.getString("lead_department"),
        rs.getString("lead_department_name"),
        rs.getString("assisting_departments"),
        (Integer) rs.getObject("deadline_days"),
        rs.getString("proposed_by"),
        rs.getObject("proposed_at", LocalDateTime.class),
        rs.getString("instruction"),
        rs.getString("instructed_by"),
        rs.getString("instructed_by_name"),
        rs.getObject("instructed_at", LocalDateTime.class),
        rs.getString("circulate_to"),
        rs.getString("supervision_item_id"),
        rs.getString("archive_entry_id"),
        rs.getString("void_reason"),
        IncomingStatus.valueOf(rs.getString("status")),
        rs.getObject("updated_at", LocalDateTime.class));
  }

  private static IncomingAttachment attachment(ResultSet rs, int row) throws SQLException {
    return new IncomingAttachment(
        rs.getString("id"),
        rs.getString("document_id"),
        rs.getInt("seq"),
        rs.getString("file_name"),
        rs.getString("media_type"),
        rs.getInt("file_size"),
        rs.getString("sha256"),
        rs.getString("uploaded_by"),
        rs.getObject("uploaded_at", LocalDateTime.class));
  }

  /** The handling decided by 拟办 or 批示. */
  public record Handling(
      String handling,
      String leadDepartment,
      String leadDepartmentName,
      String assistingDepartments,
      Integer deadlineDays) {}
}
