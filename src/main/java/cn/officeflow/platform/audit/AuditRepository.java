package cn.officeflow.platform.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** of_audit_event and of_audit_checkpoint (V20): insert, query, and the purge of the oldest records. */
@Repository
class AuditRepository {

  private static final String COLUMNS =
      "id, seq, event_type, action, user_id, occurred_at, source_address, target, result, detail,"
          + " prev_hash, event_hash";

  private final JdbcClient jdbc;

  AuditRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(AuditEvent e) {
    jdbc.sql(
            "insert into of_audit_event ("
                + COLUMNS
                + ") values (:id, :seq, :type, :action, :user, :at, :address, :target, :result,"
                + " :detail, :prev, :hash)")
        .param("id", e.id())
        .param("seq", e.seq())
        .param("type", e.type().name())
        .param("action", e.action())
        .param("user", e.userId())
        .param("at", Timestamp.valueOf(e.occurredAt()))
        .param("address", e.sourceAddress())
        .param("target", e.target())
        .param("result", e.result())
        .param("detail", e.detail())
        .param("prev", e.prevHash())
        .param("hash", e.hash())
        .update();
  }

  Optional<String> hashAt(int seq) {
    return jdbc.sql("select event_hash from of_audit_event where seq = :seq")
        .param("seq", seq)
        .query(String.class)
        .optional();
  }

  /** Events by user, type and time (from inclusive, to exclusive), newest first, at most {@code limit}. */
  List<AuditEvent> search(
      String user, AuditEventType type, LocalDateTime from, LocalDateTime to, int limit) {
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from of_audit_event where 1 = 1");
    List<Object> params = new ArrayList<>();
    if (user != null) {
      sql.append(" and user_id = ?");
      params.add(user);
    }
    if (type != null) {
      sql.append(" and event_type = ?");
      params.add(type.name());
    }
    if (from != null) {
      sql.append(" and occurred_at >= ?");
      params.add(Timestamp.valueOf(from));
    }
    if (to != null) {
      sql.append(" and occurred_at < ?");
      params.add(Timestamp.valueOf(to));
    }
    sql.append(" order by seq desc limit ").append(limit);
    return jdbc.sql(sql.toString()).params(params).query(AuditRepository::map).list();
  }

  /** The whole chain in order (verification). */
  List<AuditEvent> chain() {
    return jdbc.sql("select " + COLUMNS + " from of_audit_event order by seq")
        .query(AuditRepository::map)
        .list();
  }

  Optional<AuditEvent> newest() {
    return jdbc
        .sql("select " + COLUMNS + " from of_audit_event order by seq desc")
        .query(AuditRepository::map)
        .stream()
        .findFirst();
  }

  /** The highest sequence number among records that occurred before {@code cutoff}. */
  Optional<Integer> lastSeqBefore(LocalDateTime cutoff) {
    return jdbc
        .sql("select max(seq) from of_audit_event where occurred_at < :cutoff")
        .param("cutoff", Timestamp.valueOf(cutoff))
        .query((rs, n) -> rs.getObject(1) == null ? null : rs.getInt(1))
        .list()
        .stream()
        .filter(java.util.Objects::nonNull)
        .findFirst();
  }

  int deleteThrough(int seq) {
    return jdbc.sql("delete from of_audit_event where seq <= :seq").param("seq", seq).update();
  }

  void insertCheckpoint(
      String id, int throughSeq, String throughHash, int count, LocalDateTime at) {
    jdbc.sql(
            "insert into of_audit_checkpoint (id, through_seq, through_hash, purged_count, purged_at)"
                + " values (:id, :seq, :hash, :count, :at)")
        .param("id", id)
        .param("seq", throughSeq)
        .param("hash", throughHash)
        .param("count", count)
        .param("at", Timestamp.valueOf(at))
        .update();
  }

  /** The latest purge checkpoint: the chain continues after its seq from its hash. */
  Optional<Checkpoint> checkpoint() {
    return jdbc
        .sql("select through_seq, through_hash from of_audit_checkpoint order by through_seq desc")
        .query((rs, n) -> new Checkpoint(rs.getInt(1), rs.getString(2)))
        .stream()
        .findFirst();
  }

  int counter(String key, int year) {
    return jdbc.sql(
            "select last_value from of_number_counter where counter_key = :k and counter_year = :y")
        .param("k", key)
        .param("y", year)
        .query(Integer.class)
        .optional()
        .orElse(0);
  }

  record Checkpoint(int seq, String hash) {}

  private static AuditEvent map(ResultSet rs, int row) throws SQLException {
    return new AuditEvent(
        rs.getString("id"),
        rs.getInt("seq"),
        AuditEventType.valueOf(rs.getString("event_type")),
        rs.getString("action"),
        rs.getString("user_id"),
        rs.getTimestamp("occurred_at").toLocalDateTime(),
        rs.getString("source_address"),
        rs.getString("target"),
        rs.getString("result"),
        rs.getString("detail"),
        rs.getString("prev_hash"),
        rs.getString("event_hash"));
  }
}
