package cn.officeflow.platform.engine;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Camunda's MySQL scripts create utf8mb3 tables ({@code DEFAULT CHARSET=utf8}); a title with 𠀀 or 😀
 * would then fail. After the engine has created or updated its schema, every table of the schema that
 * is not utf8mb4 yet is converted once ({@code utf8mb4_bin}, the binary collation Camunda expects).
 * Runs on every start, so tables added by a later engine upgrade are converted too.
 */
@Component
public class MysqlCharsetConverter implements InitializingBean {

  private static final Logger LOG = LoggerFactory.getLogger(MysqlCharsetConverter.class);

  private final DataSource dataSource;

  public MysqlCharsetConverter(DataSource dataSource, ProcessEngine processEngine) {
    // the engine parameter orders this bean after schema creation
    this.dataSource = dataSource;
  }

  @Override
  public void afterPropertiesSet() throws SQLException {
    if (!isMysql()) {
      return;
    }
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    List<String> tables = jdbc.queryForList(
        "select table_name from information_schema.tables where table_schema = database()"
            + " and table_type = 'BASE TABLE' and table_collation not like 'utf8mb4%'",
        String.class);
    if (tables.isEmpty()) {
      return;
    }
    LOG.info("Converting {} tables to utf8mb4: {}", tables.size(), tables);
    jdbc.execute((Connection connection) -> {
      try (var statement = connection.createStatement()) {
        statement.execute("SET FOREIGN_KEY_CHECKS = 0");
        try {
          for (String table : tables) {
            statement.execute("ALTER TABLE `" + table + "` CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
          }
        } finally {
          statement.execute("SET FOREIGN_KEY_CHECKS = 1");
        }
      }
      return null;
    });
  }

  private boolean isMysql() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      String product = meta.getDatabaseProductName().toLowerCase();
      return product.contains("mysql") || product.contains("mariadb");
    }
  }
}
