package cn.officeflow.platform.engine;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Each process keeps its tables in a migration of its own. The first migration, {@code
 * V1__outgoing_documents.sql}, also created the platform's {@code of_review} and {@code of_number_counter}
 * until 2026-12; they are now created by {@code V1_1__platform_review_numbering.sql}. A database that applied
 * the old V1 already has both tables, and Flyway would refuse it (V1's checksum changed). Before migrating,
 * this moves such a database over exactly once: when its history holds V1 with <em>the old text's
 * checksum</em> and no V1.1, it records V1 with the new checksum and V1.1 as applied (the tables exist), in
 * one transaction. Any other difference is left for Flyway's validation to refuse, as before.
 */
@Component
public class MigrationHistoryRealignment implements FlywayMigrationStrategy {

  private static final Logger LOG = LoggerFactory.getLogger(MigrationHistoryRealignment.class);

  /** Flyway's checksum of V1__outgoing_documents.sql as shipped until 2026-12. */
  static final int OLD_V1 = -2049878697;

  /** Flyway's checksums of the split: V1 (发文 only) and V1.1 (platform). */
  static final int NEW_V1 = 237082008;

  static final int NEW_V1_1 = 2021830397;

  static final String V1_1_DESCRIPTION = "platform review numbering";
  static final String V1_1_SCRIPT = "V1_1__platform_review_numbering.sql";

  @Override
  public void migrate(Flyway flyway) {
    realign(flyway.getConfiguration().getDataSource(), flyway.getConfiguration().getTable());
    flyway.migrate();
  }

  /**
   * Moves a database that applied the old V1 over to the split; does nothing on any other database.
   *
   * @return whether it changed the history
   */
  static boolean realign(DataSource dataSource, String table) {
    try (Connection connection = dataSource.getConnection()) {
      String quote = quote(connection.getMetaData());
      String history = quote + table + quote;
      String version = quote + "version" + quote;
      if (!exists(connection, table)) {
        return false;
      }
      Integer v1 = checksum(connection, history, quote, "1");
      if (v1 == null || v1 != OLD_V1 || checksum(connection, history, quote, "1.1") != null) {
        return false;
      }
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        try (PreparedStatement update =
            connection.prepareStatement(
                "update "
                    + history
                    + " set "
                    + quote
                    + "checksum"
                    + quote
                    + " = ? where "
                    + version
                    + " = '1'")) {
          update.setInt(1, NEW_V1);
          update.executeUpdate();
        }
        int rank;
        try (Statement statement = connection.createStatement();
            ResultSet rs =
                statement.executeQuery(
                    "select max(" + quote + "installed_rank" + quote + ") from " + history)) {
          rs.next();
          rank = rs.getInt(1) + 1;
        }
        String[] columns = {
          "installed_rank",
          "version",
          "description",
          "type",
          "script",
          "checksum",
          "installed_by",
          "installed_on",
          "execution_time",
          "success"
        };
        StringBuilder sql = new StringBuilder("insert into ").append(history).append(" (");
        for (int i = 0; i < columns.length; i++) {
          sql.append(i == 0 ? "" : ", ").append(quote).append(columns[i]).append(quote);
        }
        sql.append(") values (?, '1.1', ?, 'SQL', ?, ?, ?, ?, 0, ?)");
        try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
          insert.setInt(1, rank);
          insert.setString(2, V1_1_DESCRIPTION);
          insert.setString(3, V1_1_SCRIPT);
          insert.setInt(4, NEW_V1_1);
          insert.setString(5, "officeflow");
          insert.setTimestamp(6, new Timestamp(System.currentTimeMillis()));
          insert.setBoolean(7, true);
          insert.executeUpdate();
        }
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
      LOG.info(
          "Migration history realigned: V1 split into V1 (发文) and V1.1 (platform review and numbering),"
              + " whose tables this database already has");
      return true;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read or realign the migration history: " + e, e);
    }
  }

  private static String quote(DatabaseMetaData meta) throws SQLException {
    // Flyway creates its table with quoted lower-case names on H2; MySQL/MariaDB ignore the case
    return meta.getDatabaseProductName().toLowerCase().contains("h2") ? "\"" : "`";
  }

  private static boolean exists(Connection connection, String table) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    for (String name : new String[] {table, table.toUpperCase()}) {
      try (ResultSet rs =
          meta.getTables(connection.getCatalog(), connection.getSchema(), name, null)) {
        if (rs.next()) {
          return true;
        }
      }
    }
    return false;
  }

  private static Integer checksum(
      Connection connection, String history, String quote, String version) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "select "
                + quote
                + "checksum"
                + quote
                + " from "
                + history
                + " where "
                + quote
                + "version"
                + quote
                + " = ?")) {
      select.setString(1, version);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? (Integer) rs.getObject(1, Integer.class) : null;
      }
    }
  }
}
