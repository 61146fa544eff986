package cn.officeflow.platform.engine;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Camunda's MySQL scripts create utf8mb3 tables ({@code DEFAULT CHARSET=utf8}); a title with 𠀀 or 😀
 * would then fail. After the engine has created or updated its schema, every table of the schema that
 * is not utf8mb4 yet is converted once ({@code utf8mb4_bin}, the binary collation Camunda expects).
 * Runs on every start, so tables added by a later engine upgrade are converted too.
 *
 * <p>MariaDB refuses to change the character set of a column used in a foreign key, even with
 * {@code FOREIGN_KEY_CHECKS = 0} (error 1833), so the foreign keys that touch the tables being converted
 * are dropped first and recreated, unchanged, afterwards. A named lock keeps two nodes starting at the
 * same time from converting together.
 */
@Component
public class MysqlCharsetConverter implements InitializingBean {

  private static final Logger LOG = LoggerFactory.getLogger(MysqlCharsetConverter.class);
  private static final String LOCK = "officeflow.utf8mb4";
  private static final int LOCK_TIMEOUT_SECONDS = 600;

  private final DataSource dataSource;

  public MysqlCharsetConverter(DataSource dataSource, ProcessEngine processEngine) {
    // the engine parameter orders this bean after schema creation
    this.dataSource = dataSource;
  }

  @Override
  public void afterPropertiesSet() throws SQLException {
    if (!isMysql() || tablesToConvert(new JdbcTemplate(dataSource)).isEmpty()) {
      return;
    }
    // one session for the lock, the foreign-key checks switch and the DDL
    new JdbcTemplate(dataSource)
        .execute(
            (Connection connection) -> {
              JdbcTemplate jdbc =
                  new JdbcTemplate(new SingleConnectionDataSource(connection, true));
              Integer locked =
                  jdbc.queryForObject(
                      "select get_lock(?, ?)", Integer.class, LOCK, LOCK_TIMEOUT_SECONDS);
              if (locked == null || locked != 1) {
                throw new IllegalStateException(
                    "could not get the lock " + LOCK + " to convert tables to utf8mb4");
              }
              try {
                convert(connection, jdbc);
              } finally {
                jdbc.queryForObject("select release_lock(?)", Integer.class, LOCK);
              }
              return null;
            });
  }

  private static void convert(Connection connection, JdbcTemplate jdbc) throws SQLException {
    List<String> tables = tablesToConvert(jdbc);
    if (tables.isEmpty()) {
      return; // another node did it while we waited for the lock
    }
    List<ForeignKey> foreignKeys =
        foreignKeys(jdbc).stream()
            .filter(fk -> tables.contains(fk.table()) || tables.contains(fk.referencedTable()))
            .toList();
    LOG.info(
        "Converting {} tables to utf8mb4 (dropping and recreating {} foreign keys): {}",
        tables.size(),
        foreignKeys.size(),
        tables);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET FOREIGN_KEY_CHECKS = 0");
      List<ForeignKey> dropped = new ArrayList<>();
      boolean converted = false;
      try {
        for (ForeignKey fk : foreignKeys) {
          statement.execute(
              "ALTER TABLE `" + fk.table() + "` DROP FOREIGN KEY `" + fk.name() + "`");
          dropped.add(fk);
        }
        for (String table : tables) {
          statement.execute(
              "ALTER TABLE `" + table + "` CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        converted = true;
      } finally {
        for (ForeignKey fk : dropped) {
          try {
            statement.execute(fk.addStatement());
          } catch (SQLException e) {
            LOG.error(
                "Could not recreate foreign key {} on {}: {} — statement: {}",
                fk.name(),
                fk.table(),
                e.getMessage(),
                fk.addStatement());
            if (converted) {
              throw e;
            }
          }
        }
        statement.execute("SET FOREIGN_KEY_CHECKS = 1");
      }
    }
  }

  private static List<String> tablesToConvert(JdbcTemplate jdbc) {
    return jdbc.queryForList(
        "select table_name from information_schema.tables where table_schema = database()"
            + " and table_type = 'BASE TABLE' and table_collation not like 'utf8mb4%'",
        String.class);
  }

  /** Every foreign key of the schema with its columns in order and its ON DELETE / ON UPDATE rules. */
  private static List<ForeignKey> foreignKeys(JdbcTemplate jdbc) {
    Map<String, ForeignKey> keys = new LinkedHashMap<>();
    jdbc.query(
        """
        select k.table_name, k.constraint_name, k.column_name, k.referenced_table_name, k.referenced_column_name,
          r.update_rule, r.delete_rule
        from information_schema.key_column_usage k
        join information_schema.referential_constraints r
          on r.constraint_schema = k.constraint_schema and r.constraint_name = k.constraint_name
            and r.table_name = k.table_name
        where k.table_schema = database() and k.referenced_table_name is not null
        order by k.table_name, k.constraint_name, k.ordinal_position""",
        (ResultSet rs) -> {
          String key = rs.getString(1) + "." + rs.getString(2);
          ForeignKey fk = keys.get(key);
          if (fk == null) {
            fk =
                new ForeignKey(
                    rs.getString(1),
                    rs.getString(2),
                    new ArrayList<>(),
                    rs.getString(4),
                    new ArrayList<>(),
                    rs.getString(6),
                    rs.getString(7));
            keys.put(key, fk);
          }
          fk.columns().add(rs.getString(3));
          fk.referencedColumns().add(rs.getString(5));
        });
    return new ArrayList<>(keys.values());
  }

  private boolean isMysql() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      String product = meta.getDatabaseProductName().toLowerCase();
      return product.contains("mysql") || product.contains("mariadb");
    }
  }

  record ForeignKey(
      String table,
      String name,
      List<String> columns,
      String referencedTable,
      List<String> referencedColumns,
      String updateRule,
      String deleteRule) {

    String addStatement() {
      return "ALTER TABLE `"
          + table
          + "` ADD CONSTRAINT `"
          + name
          + "` FOREIGN KEY ("
          + quoted(columns)
          + ") REFERENCES `"
          + referencedTable
          + "` ("
          + quoted(referencedColumns)
          + ")"
          + rule("DELETE", deleteRule)
          + rule("UPDATE", updateRule);
    }

    /** Only a rule that differs from the default (RESTRICT = NO ACTION in InnoDB) is spelled out. */
    private static String rule(String event, String rule) {
      return rule == null || "RESTRICT".equals(rule) || "NO ACTION".equals(rule)
          ? ""
          : " ON " + event + " " + rule;
    }

    private static String quoted(List<String> names) {
      return String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
    }
  }
}
