package cn.officeflow.drill;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of 应急演练: drills, their improvement items and the quarter-end checks. */
@Repository
public class DrillRepository {

  private static final String COLUMNS =
      """
      id, process_instance_id, quarter, started_by, initiator, initiator_name, reason, drill_type, planned_date,
      planned_time, place, scenario, organiser, organiser_name, notified_count, participant_count, participants,
      evacuation_seconds, headcount_expected, headcount_present, headcount_seconds, issues, conducted_at,
      evaluated_by, evaluated_at, evaluation_comment, status, started_at, completed_at""";

  private static final String ITEM_COLUMNS =
      "id, drill_id, seq, text, owner_id, owner_name, due, status, result, done_at";

  private final JdbcClient jdbc;

  public DrillRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(
      String id,
      String processInstanceId,
      Quarter quarter,
      String startedBy,
      String initiator,
      String initiatorName,
      String reason,
      String drillType,
      LocalDateTime now) {
    jdbc.sql(
            """
        insert into of_drill (id, process_instance_id, quarter, started_by, initiator, initiator_name, reason,
          drill_type, status, started_at, updated_at)
        values (:id, :pi, :quarter, :startedBy, :initiator, :initiatorName, :reason, :drillType, :status, :now, :now)""")
        .param("id", id)
        .param("pi", processInstanceId)
        .param("quarter", quarter.toString())
        .param("startedBy", startedBy)
        .param("initiator", initiator)
        .param("initiatorName", initiatorName)
        .param("reason", reason)
        .param("drillType", drillType)
        .param("status", DrillStatus.PLANNING.name())
        .param("now", now)
        .update();
  }

  public void plan(
      String id,
      String drillType,
      LocalDate plannedDate,
      String plannedTime,
      String place,
      String scenario,
      String organiser,
      String organiserName,
      String plannedBy,
      LocalDateTime now) {
    jdbc.sql(
            """
        update of_drill set drill_type = :type, planned_date = :date, planned_time = :time, place = :place,
          scenario = :scenario, organiser = :organiser, organiser_name = :organiserName, planned_by = :plannedBy,
          updated_at = :now
        where id = :id""")
        .param("type", drillType)
        .param("date", plannedDate)
        .param("time", plannedTime)
        .param("place", place)
        .param("scenario", scenario)
        .param("organiser", organiser)
        .param("organiserName", organiserName)
        .param("plannedBy", plannedBy)
        .param("now", now)
        .param("id", id)
        .update();
  }

  public void notified(String id, int count, LocalDateTime now) {
    jdbc.sql(
            "update of_drill set notified_count = :count, status = :status, updated_at = :now where id = :id")
        .param("count", count)
        .param("status", DrillStatus.SCHEDULED.name())
        .param("now", now)
        .param("id", id)
        .update();
  }

  public void conduct(
      String id,
      Integer participantCount,
      String participants,
      int evacuationSeconds,
      int headcountExpected,
      int headcountPresent,
      int headcountSeconds,
      String issues,
      String conductedBy,
      LocalDateTime now) {
    jdbc.sql(
            """
        update of_drill set participant_count = :count, participants = :participants, evacuation_seconds = :evac,
          headcount_expected = :expected, headcount_present = :present, headcount_seconds = :headcountSeconds,
          issues = :issues, conducted_by = :by, conducted_at = :now, status = :status, updated_at = :now
        where id = :id""")
        .param("count", participantCount)
        .param("participants", participants)
        .param("evac", evacuationSeconds)
        .param("expected", headcountExpected)
        .param("present", headcountPresent)
        .param("headcountSeconds", headcountSeconds)
        .param("issues", issues)
        .param("by", conductedBy)
        .param("status", DrillStatus.EVALUATING.name())
        .param("now", now)
        .param("id", id)
        .update();
  }

  /** 评估: approved → IMPROVING (items pending) or DONE; rejected → SCHEDULED again (实施 once more). */
  public void evaluate(
      String id, String user, String comment, DrillStatus status, LocalDateTime now) {
    jdbc.sql(
            """
        update of_drill set evaluated_by = :user, evaluated_at = :evaluatedAt, evaluation_comment = :comment,
          status = :status, completed_at = :completedAt, updated_at = :now
        where id = :id""")
        .param("user", user)
        .param("evaluatedAt", status.completed() ? now : null)
        .param("comment", comment)
        .param("status", status.name())
        .param("completedAt", status == DrillStatus.DONE ? now : null)
        .param("now", now)
        .param("id", id)
        .update();
  }

  public void done(String id, LocalDateTime now) {
    jdbc.sql(
            "update of_drill set status = :status, completed_at = :now, updated_at = :now where id = :id")
        .param("status", DrillStatus.DONE.name())
        .param("now", now)
        .param("id", id)
        .update();
  }

  public void insertItem(
      String id,
      String drillId,
      int seq,
      String text,
      String ownerId,
      String ownerName,
      LocalDate due,
      LocalDateTime now) {
    jdbc.sql(
            """
        insert into of_drill_improvement (id, drill_id, seq, text, owner_id, owner_name, due, status, created_at)
        values (:id, :drill, :seq, :text, :owner, :ownerName, :due, 'OPEN', :now)""")
        .param("id", id)
        .param("drill", drillId)
        .param("seq", seq)
        .param("text", text)
        .param("owner", ownerId)
        .param("ownerName", ownerName)
        .param("due", due)
        .param("now", now)
        .update();
  }

  public void itemDone(String id, String result, LocalDateTime now) {
    jdbc.sql(
            "update of_drill_improvement set status = 'DONE', result = :result, done_at = :now where id = :id")
        .param("result", result)
        .param("now", now)
        .param("id", id)
        .update();
  }

  public Optional<Drill> find(String id) {
    return jdbc.sql("select " + COLUMNS + " from of_drill where id = :id")
        .param("id", id)
        .query(DrillRepository::drill)
        .optional();
  }

  public List<Drill> all() {
    return jdbc.sql("select " + COLUMNS + " from of_drill order by quarter, started_at")
        .query(DrillRepository::drill)
        .list();
  }

  public List<Drill> inQuarter(Quarter quarter) {
    return jdbc.sql(
            "select " + COLUMNS + " from of_drill where quarter = :quarter order by started_at")
        .param("quarter", quarter.toString())
        .query(DrillRepository::drill)
        .list();
  }

  public List<ImprovementRow> items(String drillId) {
    return jdbc.sql(
            "select "
                + ITEM_COLUMNS
                + " from of_drill_improvement where drill_id = :drill order by seq")
        .param("drill", drillId)
        .query(DrillRepository::item)
        .list();
  }

  public Optional<ImprovementRow> item(String id) {
    return jdbc.sql("select " + ITEM_COLUMNS + " from of_drill_improvement where id = :id")
        .param("id", id)
        .query(DrillRepository::item)
        .optional();
  }

  public boolean hasCheck(Quarter quarter) {
    return jdbc.sql("select count(*) from of_drill_quarter_check where quarter = :quarter")
            .param("quarter", quarter.toString())
            .query(Long.class)
            .single()
        > 0;
  }

  public void insertCheck(QuarterCheck check) {
    jdbc.sql(
            """
        insert into of_drill_quarter_check (quarter, checked_at, covered, drills, completed_drills, reported_to,
          process_instance_id)
        values (:quarter, :at, :covered, :drills, :completed, :reportedTo, :pi)""")
        .param("quarter", check.quarter())
        .param("at", check.checkedAt())
        .param("covered", check.covered() ? 1 : 0)
        .param("drills", check.drills())
        .param("completed", check.completedDrills())
        .param("reportedTo", check.reportedTo())
        .param("pi", check.processInstanceId())
        .update();
  }

  public List<QuarterCheck> checks() {
    return jdbc.sql(
            """
        select quarter, checked_at, covered, drills, completed_drills, reported_to, process_instance_id
        from of_drill_quarter_check order by quarter""")
        .query(
            (rs, i) ->
                new QuarterCheck(
                    rs.getString("quarter"),
                    time(rs, "checked_at"),
                    rs.getInt("covered") == 1,
                    rs.getInt("drills"),
                    rs.getInt("completed_drills"),
                    rs.getString("reported_to"),
                    rs.getString("process_instance_id")))
        .list();
  }

  /** An improvement item as stored. */
  public record ImprovementRow(
      String id,
      String drillId,
      int seq,
      String text,
      String ownerId,
      String ownerName,
      LocalDate due,
      String status,
      String result,
      LocalDateTime doneAt) {}

  /** The quarter-end check of one quarter. */
  public record QuarterCheck(
      String quarter,
      LocalDateTime checkedAt,
      boolean covered,
      int drills,
      int completedDrills,
      String reportedTo,
      String processInstanceId) {}

  private static Drill drill(ResultSet rs, int row) throws SQLException {
    return new Drill(
        rs.getString("id"),
        rs.getString("process_instance_id"),
        rs.getString("quarter"),
        rs.getString("started_by"),
        rs.getString("initiator"),
        rs.getString("initiator_name"),
        rs.getString("reason"),
        rs.getString("drill_type"),
        date(rs, "planned_date"),
        rs.getString("planned_time"),
        rs.getString("place"),
        rs.getString("scenario"),
        rs.getString("organiser"),
        rs.getString("organiser_name"),
        integer(rs, "notified_count"),
        integer(rs, "participant_count"),
        rs.getString("participants"),
        integer(rs, "evacuation_seconds"),
        integer(rs, "headcount_expected"),
        integer(rs, "headcount_present"),
        integer(rs, "headcount_seconds"),
        rs.getString("issues"),
        time(rs, "conducted_at"),
        rs.getString("evaluated_by"),
        time(rs, "evaluated_at"),
        rs.getString("evaluation_comment"),
        DrillStatus.valueOf(rs.getString("status")),
        time(rs, "started_at"),
        time(rs, "completed_at"));
  }

  private static ImprovementRow item(ResultSet rs, int row) throws SQLException {
    return new ImprovementRow(
        rs.getString("id"),
        rs.getString("drill_id"),
        rs.getInt("seq"),
        rs.getString("text"),
        rs.getString("owner_id"),
        rs.getString("owner_name"),
        date(rs, "due"),
        rs.getString("status"),
        rs.getString("result"),
        time(rs, "done_at"));
  }

  private static Integer integer(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    java.sql.Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }

  private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toLocalDateTime();
  }
}
