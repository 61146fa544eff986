package cn.officeflow.emergency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of 应急分级响应 (V11): cases and their improvement items. */
@Repository
public class EmergencyRepository {

  private static final String COLUMNS =
      """
      id, process_instance_id, reporter, reporter_name, reported_at, dimension, scenario, location, description,
      injured, emergency_level, status, alerted_at, safety_confirmed_at, safety_confirmed_by, on_site_done_at,
      checklist, support_done_at, assets_done_at, crisis_done_at, crisis_response_minutes, closed_at, review_due_at,
      reviewed_at, lessons, archive_entry_id, done_at""";

  private final JdbcClient jdbc;

  public EmergencyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Emergency e) {
    jdbc.sql(
            """
        insert into of_emergency (id, process_instance_id, reporter, reporter_name, reported_at, dimension, scenario,
          location, description, injured, status, updated_at)
        values (:id, :pi, :reporter, :reporterName, :at, :dimension, :scenario, :location, :description, :injured,
          :status, :at)""")
        .param("id", e.id())
        .param("pi", e.processInstanceId())
        .param("reporter", e.reporter())
        .param("reporterName", e.reporterName())
        .param("at", e.reportedAt())
        .param("dimension", e.dimension())
        .param("scenario", e.scenario())
        .param("location", e.location())
        .param("description", e.description())
        .param("injured", e.injured())
        .param("status", e.status().name())
        .update();
  }

  /** Sets one column (from a fixed list in the service, never from input) and updated_at. */
  public void set(String id, String column, Object value, LocalDateTime now) {
    if (!column.matches("[a-z_]+")) {
      throw new IllegalArgumentException(column);
    }
    jdbc.sql("update of_emergency set " + column + " = :v, updated_at = :now where id = :id")
        .param("v", value)
        .param("now", now)
        .param("id", id)
        .update();
  }

  public Optional<Emergency> find(String id) {
    return jdbc.sql("select " + COLUMNS + " from of_emergency where id = :id")
        .param("id", id)
        .query(EmergencyRepository::map)
        .optional();
  }

  /** Locks the row (select … for update) so an upload and the closing do not interleave. */
  public Optional<Emergency> lock(String id) {
    return jdbc.sql("select " + COLUMNS + " from of_emergency where id = :id for update")
        .param("id", id)
        .query(EmergencyRepository::map)
        .optional();
  }

  public List<Emergency> list(EmergencyStatus status, String level) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from of_emergency where (:status is null or status = :status)"
                + " and (:level is null or emergency_level = :level) order by reported_at desc, id")
        .param("status", status == null ? null : status.name())
        .param("level", level)
        .query(EmergencyRepository::map)
        .list();
  }

  public void insertImprovement(String id, int seq, Improvement item) {
    jdbc.sql(
            """
        insert into of_emergency_improvement (emergency_id, seq, content, owner_id, owner_name, due)
        values (:id, :seq, :content, :owner, :ownerName, :due)""")
        .param("id", id)
        .param("seq", seq)
        .param("content", item.content())
        .param("owner", item.ownerId())
        .param("ownerName", item.ownerName())
        .param("due", item.due())
        .update();
  }

  public void improvementDone(String id, int seq, String result, LocalDateTime now) {
    jdbc.sql(
            "update of_emergency_improvement set result = :r, done_at = :now where emergency_id = :id and"
                + " seq = :seq")
        .param("r", result)
        .param("now", now)
        .param("id", id)
        .param("seq", seq)
        .update();
  }

  public List<Improvement> improvements(String id) {
    return jdbc.sql(
            "select seq, content, owner_id, owner_name, due, result, done_at from of_emergency_improvement"
                + " where emergency_id = :id order by seq")
        .param("id", id)
        .query(
            (rs, n) ->
                new Improvement(
                    rs.getInt("seq"),
                    rs.getString("content"),
                    rs.getString("owner_id"),
                    rs.getString("owner_name"),
                    rs.getObject("due", LocalDate.class),
                    rs.getString("result"),
                    time(rs, "done_at")))
        .list();
  }

  /** An 优化建议 of the 复盘 and its 整改 result. */
  public record Improvement(
      int seq,
      String content,
      String ownerId,
      String ownerName,
      LocalDate due,
      String result,
      LocalDateTime doneAt) {}

  private static Emergency map(ResultSet rs, int n) throws SQLException {
    long minutes = rs.getLong("crisis_response_minutes");
    Long crisisMinutes = rs.wasNull() ? null : minutes;
    return new Emergency(
        rs.getString("id"),
        rs.getString("process_instance_id"),
        rs.getString("reporter"),
        rs.getString("reporter_name"),
        time(rs, "reported_at"),
        rs.getString("dimension"),
        rs.getString("scenario"),
        rs.getString("location"),
        rs.getString("description"),
        rs.getInt("injured"),
        rs.getString("emergency_level"),
        EmergencyStatus.valueOf(rs.getString("status")),
        time(rs, "alerted_at"),
        time(rs, "safety_confirmed_at"),
        rs.getString("safety_confirmed_by"),
        time(rs, "on_site_done_at"),
        rs.getString("checklist"),
        time(rs, "support_done_at"),
        time(rs, "assets_done_at"),
        time(rs, "crisis_done_at"),
        crisisMinutes,
        time(rs, "closed_at"),
        time(rs, "review_due_at"),
        time(rs, "reviewed_at"),
        rs.getString("lessons"),
        rs.getString("archive_entry_id"),
        time(rs, "done_at"));
  }

  private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toLocalDateTime();
  }
}
