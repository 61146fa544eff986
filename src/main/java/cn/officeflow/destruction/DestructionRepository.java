package cn.officeflow.destruction;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of 文件销毁 requests. */
@Repository
public class DestructionRepository {

  private final JdbcClient jdbc;

  public DestructionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores a request and its entries, each marked open; the unique index on open_entry_id refuses an
   * entry that is already in another open request (DuplicateKeyException).
   */
  public void insert(
      String id,
      String processInstanceId,
      String reason,
      String method,
      String applicant,
      String applicantName,
      List<String> entryIds,
      LocalDateTime now) {
    jdbc.sql(
            """
        insert into of_archive_destruction (id, process_instance_id, reason, method, applicant, applicant_name,
          status, created_at, updated_at)
        values (:id, :pi, :reason, :method, :applicant, :applicantName, :status, :now, :now)""")
        .param("id", id)
        .param("pi", processInstanceId)
        .param("reason", reason)
        .param("method", method)
        .param("applicant", applicant)
        .param("applicantName", applicantName)
        .param("status", DestructionStatus.DIRECTOR_REVIEW.name())
        .param("now", now)
        .update();
    int order = 0;
    for (String entryId : entryIds) {
      jdbc.sql(
              """
          insert into of_archive_destruction_entry (destruction_id, entry_id, entry_order, open_entry_id)
          values (:id, :entry, :order, :entry)""")
          .param("id", id)
          .param("entry", entryId)
          .param("order", ++order)
          .update();
    }
  }

  public void updateStatus(String id, DestructionStatus status, LocalDateTime now) {
    jdbc.sql("update of_archive_destruction set status = :status, updated_at = :now where id = :id")
        .param("status", status.name())
        .param("now", now)
        .param("id", id)
        .update();
    if (!status.open()) {
      release(id);
    }
  }

  public void markDestroyed(
      String id,
      String witness1,
      String witness1Name,
      String witness2,
      String witness2Name,
      LocalDate destroyedOn,
      String executedBy,
      LocalDateTime now) {
    jdbc.sql(
            """
        update of_archive_destruction set status = :status, witness1 = :w1, witness1_name = :w1Name,
          witness2 = :w2, witness2_name = :w2Name, destroyed_on = :date, executed_by = :executedBy,
          updated_at = :now where id = :id""")
        .param("status", DestructionStatus.DESTROYED.name())
        .param("w1", witness1)
        .param("w1Name", witness1Name)
        .param("w2", witness2)
        .param("w2Name", witness2Name)
        .param("date", destroyedOn)
        .param("executedBy", executedBy)
        .param("now", now)
        .param("id", id)
        .update();
    release(id);
  }

  /** The open request an entry is in, if any. */
  public Optional<String> openRequestOf(String entryId) {
    return jdbc.sql(
            "select destruction_id from of_archive_destruction_entry where open_entry_id = :entry")
        .param("entry", entryId)
        .query(String.class)
        .optional();
  }

  public Optional<Destruction> find(String id) {
    List<String> entries =
        jdbc.sql(
                """
        select entry_id from of_archive_destruction_entry where destruction_id = :id order by entry_order""")
            .param("id", id)
            .query(String.class)
            .list();
    return jdbc.sql(
            """
        select id, process_instance_id, reason, method, applicant, applicant_name, status, witness1, witness1_name,
          witness2, witness2_name, destroyed_on, executed_by, created_at, updated_at
        from of_archive_destruction where id = :id""")
        .param("id", id)
        .query(
            (rs, i) ->
                new Destruction(
                    rs.getString("id"),
                    rs.getString("process_instance_id"),
                    rs.getString("reason"),
                    rs.getString("method"),
                    rs.getString("applicant"),
                    rs.getString("applicant_name"),
                    DestructionStatus.valueOf(rs.getString("status")),
                    rs.getString("witness1"),
                    rs.getString("witness1_name"),
                    rs.getString("witness2"),
                    rs.getString("witness2_name"),
                    rs.getObject("destroyed_on", LocalDate.class),
                    rs.getString("executed_by"),
                    rs.getObject("created_at", LocalDateTime.class),
                    rs.getObject("updated_at", LocalDateTime.class),
                    entries))
        .optional();
  }

  private void release(String id) {
    jdbc.sql(
            "update of_archive_destruction_entry set open_entry_id = null where destruction_id = :id")
        .param("id", id)
        .update();
  }
}
