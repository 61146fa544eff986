package cn.officeflow.platform.archive;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the archive: entries, chained events, and the 发文 rows it archives. */
@Repository
public class ArchiveRepository {

  private static final String ENTRY_COLUMNS =
      """
      id, seq, archive_year, department_id, department_name, secrecy, source, source_id, title, document_number,
      file_name, media_type, file_size, file_sha256, archived_by, archived_at, prev_hash, entry_hash, box, shelf,
      status, destroyed_on, destruction_id""";
  private static final String EVENT_COLUMNS =
      """
      id, seq, entry_id, event_type, box, shelf, destruction_id, destroyed_on, method, actor, occurred_at, prev_hash,
      event_hash""";

  private final JdbcClient jdbc;

  public ArchiveRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insertEntry(ArchiveEntry e, byte[] content) {
    jdbc.sql(
            """
        insert into of_archive_entry (id, seq, archive_year, department_id, department_name, secrecy, source,
          source_id, title, document_number, file_name, media_type, file_size, file_sha256, file_content,
          archived_by, archived_at, prev_hash, entry_hash, box, shelf, status, destroyed_on, destruction_id)
        values (:id, :seq, :year, :deptId, :deptName, :secrecy, :source, :sourceId, :title, :number, :fileName,
          :mediaType, :fileSize, :fileSha, :content, :archivedBy, :archivedAt, :prevHash, :hash, :box, :shelf,
          :status, :destroyedOn, :destructionId)""")
        .param("id", e.id())
        .param("seq", e.seq())
        .param("year", e.year())
        .param("deptId", e.departmentId())
        .param("deptName", e.departmentName())
        .param("secrecy", e.secrecy())
        .param("source", e.source().name())
        .param("sourceId", e.sourceId())
        .param("title", e.title())
        .param("number", e.documentNumber())
        .param("fileName", e.fileName())
        .param("mediaType", e.mediaType())
        .param("fileSize", e.fileSize())
        .param("fileSha", e.fileSha256())
        .param("content", content)
        .param("archivedBy", e.archivedBy())
        .param("archivedAt", e.archivedAt())
        .param("prevHash", e.prevHash())
        .param("hash", e.entryHash())
        .param("box", e.box())
        .param("shelf", e.shelf())
        .param("status", e.status().name())
        .param("destroyedOn", e.destroyedOn())
        .param("destructionId", e.destructionId())
        .update();
  }

  public void insertEvent(ArchiveEvent v) {
    jdbc.sql(
            """
        insert into of_archive_event (id, seq, entry_id, event_type, box, shelf, destruction_id, destroyed_on,
          method, actor, occurred_at, prev_hash, event_hash)
        values (:id, :seq, :entryId, :type, :box, :shelf, :destructionId, :destroyedOn, :method, :actor,
          :occurredAt, :prevHash, :hash)""")
        .param("id", v.id())
        .param("seq", v.seq())
        .param("entryId", v.entryId())
        .param("type", v.type().name())
        .param("box", v.box())
        .param("shelf", v.shelf())
        .param("destructionId", v.destructionId())
        .param("destroyedOn", v.destroyedOn())
        .param("method", v.method())
        .param("actor", v.actor())
        .param("occurredAt", v.occurredAt())
        .param("prevHash", v.prevHash())
        .param("hash", v.eventHash())
        .update();
  }

  public void updateLocation(String id, String box, String shelf) {
    jdbc.sql("update of_archive_entry set box = :box, shelf = :shelf where id = :id")
        .param("box", box)
        .param("shelf", shelf)
        .param("id", id)
        .update();
  }

  /** The entry's state columns only; the hashed content is never updated. */
  public void markDestroyed(String id, LocalDate destroyedOn, String destructionId) {
    jdbc.sql(
            """
        update of_archive_entry set status = :status, destroyed_on = :destroyedOn, destruction_id = :destructionId
        where id = :id""")
        .param("status", ArchiveEntryStatus.DESTROYED.name())
        .param("destroyedOn", destroyedOn)
        .param("destructionId", destructionId)
        .param("id", id)
        .update();
  }

  public Optional<ArchiveEntry> find(String id) {
    return jdbc.sql("select " + ENTRY_COLUMNS + " from of_archive_entry where id = :id")
        .param("id", id)
        .query(ArchiveRepository::mapEntry)
        .optional();
  }

  public List<ArchiveEntry> findByDocumentNumber(String documentNumber) {
    return jdbc.sql(
            "select "
                + ENTRY_COLUMNS
                + " from of_archive_entry where document_number = :n order by seq")
        .param("n", documentNumber)
        .query(ArchiveRepository::mapEntry)
        .list();
  }

  public Optional<ArchiveEntry> findBySource(ArchiveSource source, String sourceId) {
    return jdbc
        .sql(
            "select "
                + ENTRY_COLUMNS
                + " from of_archive_entry where source = :s and source_id = :id"
                + " order by seq")
        .param("s", source.name())
        .param("id", sourceId)
        .query(ArchiveRepository::mapEntry)
        .list()
        .stream()
        .findFirst();
  }

  public Optional<byte[]> content(String id) {
    return jdbc.sql("select file_content from of_archive_entry where id = :id")
        .param("id", id)
        .query((rs, i) -> rs.getBytes(1))
        .optional();
  }

  /** Entries by 年度-部门-密级 and status; null filters are ignored. Newest first. */
  public List<ArchiveEntry> list(
      Integer year, String department, String secrecy, ArchiveEntryStatus status) {
    StringBuilder sql =
        new StringBuilder("select " + ENTRY_COLUMNS + " from of_archive_entry where 1 = 1");
    List<Object> params = new ArrayList<>();
    if (year != null) {
      sql.append(" and archive_year = ?");
      params.add(year);
    }
    if (department != null) {
      sql.append(" and department_id = ?");
      params.add(department);
    }
    if (secrecy != null) {
      sql.append(" and secrecy = ?");
      params.add(secrecy);
    }
    if (status != null) {
      sql.append(" and status = ?");
      params.add(status.name());
    }
    sql.append(" order by seq desc");
    return jdbc.sql(sql.toString()).params(params).query(ArchiveRepository::mapEntry).list();
  }

  /** Every entry in chain order (without file bytes). */
  public List<ArchiveEntry> chainEntries() {
    return jdbc.sql("select " + ENTRY_COLUMNS + " from of_archive_entry order by seq")
        .query(ArchiveRepository::mapEntry)
        .list();
  }

  /** Every event in chain order. */
  public List<ArchiveEvent> chainEvents() {
    return jdbc.sql("select " + EVENT_COLUMNS + " from of_archive_event order by seq")
        .query(ArchiveRepository::mapEvent)
        .list();
  }

  public List<ArchiveEvent> events(String entryId) {
    return jdbc.sql(
            "select " + EVENT_COLUMNS + " from of_archive_event where entry_id = :id order by seq")
        .param("id", entryId)
        .query(ArchiveRepository::mapEvent)
        .list();
  }

  /** The stored hash of the chain record (entry or event) with this sequence number. */
  public Optional<String> hashAt(int seq) {
    return jdbc
        .sql(
            """
        select entry_hash from of_archive_entry where seq = :seq
        union all
        select event_hash from of_archive_event where seq = :seq""")
        .param("seq", seq)
        .query(String.class)
        .list()
        .stream()
        .findFirst();
  }

  /** The chain counter's value: the sequence number of the last record ever appended (0 when none). */
  public int chainCounter() {
    return jdbc.sql(
            "select last_value from of_number_counter where counter_key = :k and counter_year = :y")
        .param("k", ArchiveChain.COUNTER_KEY)
        .param("y", ArchiveChain.COUNTER_YEAR)
        .query(Integer.class)
        .optional()
        .orElse(0);
  }

  private static ArchiveEntry mapEntry(ResultSet rs, int row) throws SQLException {
    return new ArchiveEntry(
        rs.getString("id"),
        rs.getInt("seq"),
        rs.getInt("archive_year"),
        rs.getString("department_id"),
        rs.getString("department_name"),
        rs.getString("secrecy"),
        source(rs.getString("source")),
        rs.getString("source_id"),
        rs.getString("title"),
        rs.getString("document_number"),
        rs.getString("file_name"),
        rs.getString("media_type"),
        rs.getInt("file_size"),
        rs.getString("file_sha256"),
        rs.getString("archived_by"),
        rs.getObject("archived_at", LocalDateTime.class),
        rs.getString("prev_hash"),
        rs.getString("entry_hash"),
        rs.getString("box"),
        rs.getString("shelf"),
        status(rs.getString("status")),
        rs.getObject("destroyed_on", LocalDate.class),
        rs.getString("destruction_id"));
  }

  private static ArchiveEvent mapEvent(ResultSet rs, int row) throws SQLException {
    return new ArchiveEvent(
        rs.getString("id"),
        rs.getInt("seq"),
        rs.getString("entry_id"),
        ArchiveEventType.valueOf(rs.getString("event_type")),
        rs.getString("box"),
        rs.getString("shelf"),
        rs.getString("destruction_id"),
        rs.getObject("destroyed_on", LocalDate.class),
        rs.getString("method"),
        rs.getString("actor"),
        rs.getObject("occurred_at", LocalDateTime.class),
        rs.getString("prev_hash"),
        rs.getString("event_hash"));
  }

  private static ArchiveSource source(String value) {
    try {
      return ArchiveSource.valueOf(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      return null;
    }
  }

  /** A status edited to something unknown maps to null, which verify() reports as a changed state. */
  private static ArchiveEntryStatus status(String value) {
    try {
      return ArchiveEntryStatus.valueOf(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      return null;
    }
  }
}
