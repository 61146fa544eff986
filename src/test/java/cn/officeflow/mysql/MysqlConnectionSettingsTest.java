package cn.officeflow.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What DESIGN.md §3 requires of the {@code mysql} profile, read off the running application's pool:
 * the URL flags Camunda needs (appended by MysqlDataSourceFlags to a bare test URL), a utf8mb4
 * connection and READ COMMITTED.
 */
class MysqlConnectionSettingsTest extends MysqlSpringTestBase {

  @Autowired DataSource dataSource;

  @Test
  void poolUsesTheFlagsUtf8mb4AndReadCommitted() throws Exception {
    HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
    assertThat(hikari.getJdbcUrl())
        .startsWith(TestDatabase.url().orElseThrow())
        .contains("sendFractionalSeconds=false", "nullDatabaseMeansCurrent=true");

    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      assertThat(connection.getTransactionIsolation())
          .isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
      try (ResultSet rs =
          statement.executeQuery(
              "select @@character_set_client, @@character_set_connection, @@collation_connection")) {
        // (character_set_results stays NULL: Connector/J decodes results itself)
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("utf8mb4");
        assertThat(rs.getString(2)).isEqualTo("utf8mb4");
        assertThat(rs.getString(3)).isEqualTo("utf8mb4_bin");
      }
    }
  }
}
