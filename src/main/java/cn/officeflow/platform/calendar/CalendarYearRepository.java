package cn.officeflow.platform.calendar;

import cn.officeflow.platform.web.ConflictException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The years of the working-day calendar loaded by the office (of_calendar_year, with its history). */
@Repository
public class CalendarYearRepository {

  /** One stored year: the request as validated JSON, its version and who changed it when. */
  public record StoredYear(
      int year, int version, String content, String changedBy, LocalDateTime changedAt) {}

  /** One version of a year, with the content it replaced. */
  public record Version(
      int year,
      int version,
      String content,
      String previousContent,
      String changedBy,
      LocalDateTime changedAt) {}

  private final JdbcClient jdbc;

  public CalendarYearRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static final String COLUMNS =
      "select calendar_year, version, content, changed_by, changed_at from of_calendar_year";

  private static final RowMapper<StoredYear> STORED_YEAR =
      (rs, row) ->
          new StoredYear(
              rs.getInt(1),
              rs.getInt(2),
              rs.getString(3),
              rs.getString(4),
              rs.getObject(5, LocalDateTime.class));

  public List<StoredYear> all() {
    return jdbc.sql(COLUMNS + " order by calendar_year").query(STORED_YEAR).list();
  }

  /**
   * A cheap fingerprint of the stored years (how many, and the sum of their versions): it changes with every
   * PUT on any node, so a node compares it to decide whether its cached calendar is stale.
   */
  public String signature() {
    return jdbc.sql("select count(*), coalesce(sum(version), 0) from of_calendar_year")
        .query((rs, row) -> rs.getLong(1) + ":" + rs.getLong(2))
        .single();
  }

  /** The stored year, locked until the end of the transaction (two PUTs of one year queue up). */
  public Optional<StoredYear> lock(int year) {
    return jdbc.sql(COLUMNS + " where calendar_year = :year for update")
        .param("year", year)
        .query(STORED_YEAR)
        .optional();
  }

  /** Writes version {@code year.version()} (insert for the first, else update) and its history row. */
  public void save(StoredYear year, String previousContent) {
    int updated =
        year.version() == 1
            ? jdbc.sql(
                    "insert into of_calendar_year (calendar_year, version, content, changed_by, changed_at)"
                        + " values (:year, 1, :content, :by, :at)")
                .param("year", year.year())
                .param("content", year.content())
                .param("by", year.changedBy())
                .param("at", year.changedAt())
                .update()
            : jdbc.sql(
                    "update of_calendar_year set version = :version, content = :content, changed_by = :by,"
                        + " changed_at = :at where calendar_year = :year and version = :previous")
                .param("year", year.year())
                .param("version", year.version())
                .param("previous", year.version() - 1)
                .param("content", year.content())
                .param("by", year.changedBy())
                .param("at", year.changedAt())
                .update();
    if (updated != 1) {
      throw new ConflictException("工作日历 " + year.year() + " 年刚被他人修改，请刷新后核对再提交");
    }
    jdbc.sql(
            "insert into of_calendar_year_history (id, calendar_year, version, content, previous_content,"
                + " changed_by, changed_at) values (:id, :year, :version, :content, :previous, :by, :at)")
        .param("id", UUID.randomUUID().toString())
        .param("year", year.year())
        .param("version", year.version())
        .param("content", year.content())
        .param("previous", previousContent)
        .param("by", year.changedBy())
        .param("at", year.changedAt())
        .update();
  }

  /** Every version of a year, newest first. */
  public List<Version> history(int year) {
    return jdbc.sql(
            "select calendar_year, version, content, previous_content, changed_by, changed_at"
                + " from of_calendar_year_history where calendar_year = :year order by version desc")
        .param("year", year)
        .query(
            (rs, row) ->
                new Version(
                    rs.getInt(1),
                    rs.getInt(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getObject(6, LocalDateTime.class)))
        .list();
  }
}
