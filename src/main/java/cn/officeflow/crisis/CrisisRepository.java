package cn.officeflow.crisis;

import cn.officeflow.platform.improve.ImprovementItem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** of_crisis_case and its timeline of_crisis_step (V12__crisis_pr.sql). */
@Repository
public class CrisisRepository {

  private static final String COLUMNS =
      """
      id, process_instance_id, origin, emergency_id, emergency_level, keyword, source, summary, link, spread,
      impact_level, assessment, initiator, initiator_name, reported_at, first_response_at, first_response_by,
      first_response_by_name, response_minutes, within_target, warned_at, escalated_at, status, review_report,
      archive_entry_id, closed_at""";

  private final JdbcClient jdbc;

  public CrisisRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(CrisisCase c, LocalDateTime now) {
    jdbc.sql(
            """
        insert into of_crisis_case (id, process_instance_id, origin, emergency_id, emergency_level, keyword, source,
          summary, link, initiator, initiator_name, reported_at, status, updated_at)
        values (:id, :pi, :origin, :emergencyId, :emergencyLevel, :keyword, :source, :summary, :link, :initiator,
          :initiatorName, :reportedAt, :status, :now)""")
        .param("id", c.id())
        .param("pi", c.processInstanceId())
        .param("origin", c.origin().name())
        .param("emergencyId", c.emergencyId())
        .param("emergencyLevel", c.emergencyLevel())
        .param("keyword", c.keyword())
        .param("source", c.source())
        .param("summary", c.summary())
        .param("link", c.link())
        .param("initiator", c.initiator())
        .param("initiatorName", c.initiatorName())
        .param("reportedAt", c.reportedAt())
        .param("status", c.status().name())
        .param("now", now)
        .update();
  }

  public void monitored(String id, String keyword, String link, String spread, LocalDateTime now) {
    jdbc.sql(
            "update of_crisis_case set keyword = :keyword, link = :link, spread = :spread, updated_at = :now"
                + " where id = :id")
        .param("keyword", keyword)
        .param("link", link)
        .param("spread", spread)
        .param("now", now)
        .param("id", id)
        .update();
  }

  public void assessed(String id, String impactLevel, String assessment, LocalDateTime now) {
    jdbc.sql(
            "update of_crisis_case set impact_level = :level, assessment = :assessment, updated_at = :now"
                + " where id = :id")
        .param("level", impactLevel)
        .param("assessment", assessment)
        .param("now", now)
        .param("id", id)
        .update();
  }

  public void firstResponse(
      String id,
      LocalDateTime at,
      String userId,
      String userName,
      int minutes,
      boolean withinTarget) {
    jdbc.sql(
            """
        update of_crisis_case set first_response_at = :at, first_response_by = :user, first_response_by_name = :name,
          response_minutes = :minutes, within_target = :within, status = :status, updated_at = :at where id = :id""")
        .param("at", at)
        .param("user", userId)
        .param("name", userName)
        .param("minutes", minutes)
        .param("within", withinTarget ? 1 : 0)
        .param("status", CrisisStatus.FOLLOWING_UP.name())
        .param("id", id)
        .update();
  }

  public void warned(String id, LocalDateTime at) {
    jdbc.sql("update of_crisis_case set warned_at = :at, updated_at = :at where id = :id")
        .param("at", at)
        .param("id", id)
        .update();
  }

  public void escalated(String id, LocalDateTime at) {
    jdbc.sql("update of_crisis_case set escalated_at = :at, updated_at = :at where id = :id")
        .param("at", at)
        .param("id", id)
        .update();
  }

  public void status(String id, CrisisStatus status, LocalDateTime now) {
    jdbc.sql("update of_crisis_case set status = :status, updated_at = :now where id = :id")
        .param("status", status.name())
        .param("now", now)
        .param("id", id)
        .update();
  }

  /** The 复盘报告 is in: closed, or 整改落实中 while improvement items are open. */
  public void reviewed(
      String id, String report, String archiveEntryId, boolean closed, LocalDateTime now) {
    jdbc.sql(
            """
        update of_crisis_case set review_report = :report, archive_entry_id = :archive, status = :status,
          closed_at = :closedAt, updated_at = :now where id = :id""")
        .param("report", report)
        .param("archive", archiveEntryId)
        .param("status", (closed ? CrisisStatus.CLOSED : CrisisStatus.IMPROVING).name())
        .param("closedAt", closed ? now : null)
        .param("now", now)
        .param("id", id)
        .update();
  }

  public void closed(String id, LocalDateTime now) {
    jdbc.sql(
            "update of_crisis_case set status = :status, closed_at = :now, updated_at = :now"
                + " where id = :id")
        .param("status", CrisisStatus.CLOSED.name())
        .param("now", now)
        .param("id", id)
        .update();
  }

  public void insertImprovement(String caseId, int seq, ImprovementItem item, String id) {
    jdbc.sql(
            """
        insert into of_crisis_improvement (id, case_id, seq, item_text, owner, owner_name, due, status)
        values (:id, :case, :seq, :text, :owner, :ownerName, :due, 'OPEN')""")
        .param("id", id)
        .param("case", caseId)
        .param("seq", seq)
        .param("text", item.text())
        .param("owner", item.ownerId())
        .param("ownerName", item.ownerName())
        .param("due", item.due())
        .update();
  }

  public void improvementDone(String id, String result, String userId, LocalDateTime now) {
    jdbc.sql(
            """
        update of_crisis_improvement set status = 'DONE', result = :result, done_by = :user, done_at = :now
        where id = :id""")
        .param("result", result)
        .param("user", userId)
        .param("now", now)
        .param("id", id)
        .update();
  }

  public Optional<CrisisImprovement> improvement(String id) {
    return jdbc.sql("select " + IMPROVEMENT_COLUMNS + " from of_crisis_improvement where id = :id")
        .param("id", id)
        .query(CrisisRepository::improvement)
        .optional();
  }

  public List<CrisisImprovement> improvements(String caseId) {
    return jdbc.sql(
            "select "
                + IMPROVEMENT_COLUMNS
                + " from of_crisis_improvement where case_id = :case order by seq")
        .param("case", caseId)
        .query(CrisisRepository::improvement)
        .list();
  }

  private static final String IMPROVEMENT_COLUMNS =
      "id, case_id, seq, item_text, owner, owner_name, due, status, result, done_by, done_at";

  private static CrisisImprovement improvement(ResultSet rs, int row) throws SQLException {
    return new CrisisImprovement(
        rs.getString("id"),
        rs.getString("case_id"),
        rs.getInt("seq"),
        rs.getString("item_text"),
        rs.getString("owner"),
        rs.getString("owner_name"),
        rs.getObject("due", LocalDate.class),
        "DONE".equals(rs.getString("status")),
        rs.getString("result"),
        rs.getString("done_by"),
        rs.getObject("done_at", LocalDateTime.class));
  }

  public void insertStep(
      String caseId,
      String step,
      String stepName,
      String detail,
      String channel,
      String userId,
      String userName,
      LocalDateTime at) {
    jdbc.sql(
            """
        insert into of_crisis_step (id, case_id, seq, step, step_name, detail, channel, user_id, user_name,
          created_at)
        values (:id, :case, :seq, :step, :name, :detail, :channel, :user, :userName, :at)""")
        .param("id", UUID.randomUUID().toString())
        .param(
            "seq",
            jdbc.sql("select coalesce(max(seq), 0) + 1 from of_crisis_step where case_id = :case")
                .param("case", caseId)
                .query(Integer.class)
                .single())
        .param("case", caseId)
        .param("step", step)
        .param("name", stepName)
        .param("detail", detail)
        .param("channel", channel)
        .param("user", userId)
        .param("userName", userName)
        .param("at", at)
        .update();
  }

  public List<CrisisStep> steps(String caseId) {
    return jdbc.sql(
            """
        select step, step_name, detail, channel, user_id, user_name, created_at from of_crisis_step
        where case_id = :case order by seq""")
        .param("case", caseId)
        .query(
            (rs, i) ->
                new CrisisStep(
                    rs.getString("step"),
                    rs.getString("step_name"),
                    rs.getString("detail"),
                    rs.getString("channel"),
                    rs.getString("user_id"),
                    rs.getString("user_name"),
                    rs.getObject("created_at", LocalDateTime.class)))
        .list();
  }

  public Optional<CrisisCase> find(String id) {
    return jdbc.sql("select " + COLUMNS + " from of_crisis_case where id = :id")
        .param("id", id)
        .query(CrisisRepository::crisis)
        .optional();
  }

  /** Cases, optionally of one status, newest report first. */
  public List<CrisisCase> list(CrisisStatus status) {
    if (status == null) {
      return jdbc.sql("select " + COLUMNS + " from of_crisis_case order by reported_at desc, id")
          .query(CrisisRepository::crisis)
          .list();
    }
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from of_crisis_case where status = :status order by reported_at desc, id")
        .param("status", status.name())
        .query(CrisisRepository::crisis)
        .list();
  }

  /** Cases reported in [from, to), by report time. */
  public List<CrisisCase> reportedBetween(LocalDateTime from, LocalDateTime to) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from of_crisis_case where reported_at >= :from and reported_at < :to"
                + " order by reported_at, id")
        .param("from", from)
        .param("to", to)
        .query(CrisisRepository::crisis)
        .list();
  }

  private static CrisisCase crisis(ResultSet rs, int row) throws SQLException {
    Integer within = (Integer) rs.getObject("within_target", Integer.class);
    return new CrisisCase(
        rs.getString("id"),
        rs.getString("process_instance_id"),
        CrisisOrigin.valueOf(rs.getString("origin")),
        rs.getString("emergency_id"),
        rs.getString("emergency_level"),
        rs.getString("keyword"),
        rs.getString("source"),
        rs.getString("summary"),
        rs.getString("link"),
        rs.getString("spread"),
        rs.getString("impact_level"),
        rs.getString("assessment"),
        rs.getString("initiator"),
        rs.getString("initiator_name"),
        rs.getObject("reported_at", LocalDateTime.class),
        rs.getObject("first_response_at", LocalDateTime.class),
        rs.getString("first_response_by"),
        rs.getString("first_response_by_name"),
        rs.getObject("response_minutes", Integer.class),
        within == null ? null : within == 1,
        rs.getObject("warned_at", LocalDateTime.class),
        rs.getObject("escalated_at", LocalDateTime.class),
        CrisisStatus.valueOf(rs.getString("status")),
        rs.getString("review_report"),
        rs.getString("archive_entry_id"),
        rs.getObject("closed_at", LocalDateTime.class));
  }
}
