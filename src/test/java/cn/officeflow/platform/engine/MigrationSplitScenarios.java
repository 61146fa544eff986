package cn.officeflow.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The split of V1 (发文 only) and V1.1 (platform: of_review, of_number_counter) on a real database: a fresh
 * database gets both; a database that applied the shipped V1 (and V2…V8 after it) is moved over once, keeps
 * its rows and migrates on; a V1 with any other text is still refused. Run on H2 and on MariaDB.
 */
public abstract class MigrationSplitScenarios {

  static final String TABLE = "officeflow_schema_history";

  @TempDir Path temp;

  /** A fresh, empty database: its JDBC URL. */
  protected abstract String freshDatabase() throws SQLException;

  protected abstract String user();

  protected abstract String password();

  private Flyway flyway(String url, String... locations) {
    return Flyway.configure()
        .dataSource(url, user(), password())
        .table(TABLE)
        .locations(locations)
        .load();
  }

  private Flyway application(String url) {
    return flyway(url, "classpath:db/migration");
  }

  private static Map<String, MigrationInfo> applied(Flyway flyway) {
    Map<String, MigrationInfo> applied = new TreeMap<>();
    for (MigrationInfo info : flyway.info().applied()) {
      applied.put(info.getVersion().getVersion(), info);
    }
    return applied;
  }

  /** The shipped V1 and the application's V2…V8, as a database that ran an earlier release has them. */
  private Path earlierRelease() throws IOException {
    Path dir = Files.createDirectories(temp.resolve("earlier"));
    Files.copy(
        Path.of("src/test/resources/db/legacy/V1__outgoing_documents.sql"),
        dir.resolve("V1__outgoing_documents.sql"));
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      for (Path file :
          files
              .filter(f -> f.getFileName().toString().matches("V[2-8]__.*\\.sql"))
              .sorted(Comparator.naturalOrder())
              .toList()) {
        Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return dir;
  }

  private void execute(String url, String sql) throws SQLException {
    try (Connection connection = flyway(url).getConfiguration().getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private int count(String url, String table) throws SQLException {
    try (Connection connection = flyway(url).getConfiguration().getDataSource().getConnection();
        Statement statement = connection.createStatement();
        var rs = statement.executeQuery("select count(*) from " + table)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void aFreshDatabaseGetsBothMigrationsWithTheChecksumsTheRealignmentWrites() throws Exception {
    String url = freshDatabase();
    Flyway flyway = application(url);
    new MigrationHistoryRealignment().migrate(flyway);

    Map<String, MigrationInfo> applied = applied(flyway);
    assertThat(applied.get("1").getChecksum()).isEqualTo(MigrationHistoryRealignment.NEW_V1);
    assertThat(applied.get("1.1").getChecksum()).isEqualTo(MigrationHistoryRealignment.NEW_V1_1);
    assertThat(applied.get("1.1").getDescription())
        .isEqualTo(MigrationHistoryRealignment.V1_1_DESCRIPTION);
    assertThat(applied.get("1.1").getScript()).isEqualTo(MigrationHistoryRealignment.V1_1_SCRIPT);
    assertThat(count(url, "of_review")).isZero();
    assertThat(count(url, "of_number_counter")).isZero();
    assertThat(count(url, "of_outgoing_document")).isZero();
    // nothing to realign on a database that has the split
    assertThat(
            MigrationHistoryRealignment.realign(flyway.getConfiguration().getDataSource(), TABLE))
        .isFalse();
  }

  @Test
  void aDatabaseOfAnEarlierReleaseIsMovedOverOnceAndKeepsItsRows() throws Exception {
    String url = freshDatabase();
    Flyway earlier = flyway(url, "filesystem:" + earlierRelease());
    earlier.migrate();
    assertThat(applied(earlier).get("1").getChecksum())
        .as("the constant is Flyway's checksum of the shipped V1")
        .isEqualTo(MigrationHistoryRealignment.OLD_V1);
    execute(
        url,
        "insert into of_number_counter (counter_key, counter_year, last_value) values ('行办发', 2026, 41)");

    // without the realignment the new text is refused, as it would be at start-up
    assertThatThrownBy(() -> application(url).validate())
        .isInstanceOf(FlywayValidateException.class);

    Flyway flyway = application(url);
    new MigrationHistoryRealignment().migrate(flyway);

    Map<String, MigrationInfo> applied = applied(flyway);
    assertThat(applied.get("1").getChecksum()).isEqualTo(MigrationHistoryRealignment.NEW_V1);
    assertThat(applied.get("1.1").getChecksum()).isEqualTo(MigrationHistoryRealignment.NEW_V1_1);
    // recorded after V8, so Flyway's info calls it "Out of Order"; validation accepts it as applied
    assertThat(applied.get("1.1").getState()).isEqualTo(MigrationState.OUT_OF_ORDER);
    assertThat(applied).containsKeys("9", "9.1");
    assertThat(Arrays.stream(flyway.info().all()).filter(i -> !i.getState().isApplied())).isEmpty();
    assertThat(count(url, "of_number_counter")).isEqualTo(1);
    flyway.validate();

    // a second start changes nothing
    assertThat(
            MigrationHistoryRealignment.realign(flyway.getConfiguration().getDataSource(), TABLE))
        .isFalse();
    new MigrationHistoryRealignment().migrate(application(url));
    assertThat(applied(application(url))).hasSameSizeAs(applied);
  }

  @Test
  void aV1WithAnyOtherTextIsStillRefused() throws Exception {
    String url = freshDatabase();
    Path dir = earlierRelease();
    Files.writeString(
        dir.resolve("V1__outgoing_documents.sql"),
        Files.readString(dir.resolve("V1__outgoing_documents.sql")) + "\n-- edited\n");
    flyway(url, "filesystem:" + dir).migrate();

    Flyway flyway = application(url);
    assertThatThrownBy(() -> new MigrationHistoryRealignment().migrate(flyway))
        .isInstanceOf(FlywayValidateException.class);
    assertThat(applied(flyway)).doesNotContainKey("1.1");
  }
}
