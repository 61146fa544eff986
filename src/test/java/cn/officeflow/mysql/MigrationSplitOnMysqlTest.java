package cn.officeflow.mysql;

import cn.officeflow.platform.engine.MigrationSplitScenarios;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link MigrationSplitScenarios} on MariaDB/MySQL: each test on a fresh database next to the test database
 * ({@code <name>_split}, dropped and created again, utf8mb4).
 */
@ExtendWith(RequiresTestDatabase.class)
class MigrationSplitOnMysqlTest extends MigrationSplitScenarios {

  private static final Pattern DATABASE = Pattern.compile("^(jdbc:[a-z]+://[^/]+/)([^?]+)(.*)$");

  @Override
  protected String freshDatabase() throws SQLException {
    Matcher url = DATABASE.matcher(TestDatabase.url().orElseThrow());
    if (!url.matches()) {
      throw new IllegalStateException("cannot read the database name of " + url);
    }
    String name = url.group(2) + "_split";
    try (Connection connection =
            DriverManager.getConnection(url.group(1) + url.group(3), user(), password());
        Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists `" + name + "`");
      statement.execute("create database `" + name + "` character set utf8mb4 collate utf8mb4_bin");
    }
    return url.group(1) + name + url.group(3);
  }

  @Override
  protected String user() {
    return TestDatabase.user();
  }

  @Override
  protected String password() {
    return TestDatabase.password();
  }
}
