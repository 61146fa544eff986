package cn.officeflow.emergency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The table {@code of_emergency_risk} (migration V9_1). */
@Repository
public class RiskMapRepository {

  /** The entry without its group's display name, which the service adds. */
  record Row(
      String id,
      String dimension,
      String scenario,
      String level,
      String ownerGroup,
      String monitoringPoint,
      String description,
      String updatedBy,
      java.time.LocalDateTime updatedAt) {}

  private static final String COLUMNS =
      "id, dimension, scenario, risk_level, owner_group, monitoring_point, description, updated_by,"
          + " updated_at";

  private final JdbcTemplate jdbc;

  public RiskMapRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<Row> list(String dimension) {
    List<Object> args = new ArrayList<>();
    String where = "";
    if (dimension != null) {
      where = " where dimension = ?";
      args.add(dimension);
    }
    // 人员, 资产, 声誉 in the seed's order, then Ⅰ before Ⅳ (the numerals sort by code point)
    return jdbc.query(
        "select "
            + COLUMNS
            + " from of_emergency_risk"
            + where
            + " order by case dimension when '人员' then 1 when '资产' then 2 else 3 end,"
            + " risk_level, scenario",
        RiskMapRepository::row,
        args.toArray());
  }

  Optional<Row> find(String id) {
    return jdbc
        .query(
            "select " + COLUMNS + " from of_emergency_risk where id = ?",
            RiskMapRepository::row,
            id)
        .stream()
        .findFirst();
  }

  Optional<Row> findByScenario(String dimension, String scenario) {
    return jdbc
        .query(
            "select " + COLUMNS + " from of_emergency_risk where dimension = ? and scenario = ?",
            RiskMapRepository::row,
            dimension,
            scenario)
        .stream()
        .findFirst();
  }

  void insert(Row row) {
    jdbc.update(
        "insert into of_emergency_risk (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        row.id(),
        row.dimension(),
        row.scenario(),
        row.level(),
        row.ownerGroup(),
        row.monitoringPoint(),
        row.description(),
        row.updatedBy(),
        Timestamp.valueOf(row.updatedAt()));
  }

  int update(Row row) {
    return jdbc.update(
        "update of_emergency_risk set dimension = ?, scenario = ?, risk_level = ?, owner_group = ?,"
            + " monitoring_point = ?, description = ?, updated_by = ?, updated_at = ? where id = ?",
        row.dimension(),
        row.scenario(),
        row.level(),
        row.ownerGroup(),
        row.monitoringPoint(),
        row.description(),
        row.updatedBy(),
        Timestamp.valueOf(row.updatedAt()),
        row.id());
  }

  int delete(String id) {
    return jdbc.update("delete from of_emergency_risk where id = ?", id);
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(
        rs.getString("id"),
        rs.getString("dimension"),
        rs.getString("scenario"),
        rs.getString("risk_level"),
        rs.getString("owner_group"),
        rs.getString("monitoring_point"),
        rs.getString("description"),
        rs.getString("updated_by"),
        rs.getTimestamp("updated_at").toLocalDateTime());
  }
}
