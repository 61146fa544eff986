package cn.officeflow.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A migration that has shipped is never edited: Flyway refuses to start on every database that applied the
 * old text (checksum mismatch), and a Java migration's change would pass unnoticed. Changes go into a new
 * migration. {@code src/test/resources/db/applied-migrations.sha256} lists every migration with its SHA-256
 * (paths relative to {@code src/main}); a new migration is added there in the commit that creates it
 * ({@code cd src/main && sha256sum resources/db/migration/V10__x.sql >> ../test/resources/db/applied-migrations.sha256}).
 *
 * <p>The one exception: V1 was split in 2026-12 into V1 (发文) and V1.1 (the platform's of_review and
 * of_number_counter), so that each process keeps its tables in its own migration; {@code
 * MigrationHistoryRealignment} moves databases that applied the shipped V1 over, and {@code
 * MigrationSplitOnH2Test}/{@code MigrationSplitOnMysqlTest} prove it. The shipped text is kept in {@code
 * src/test/resources/db/legacy}.
 */
class MigrationsAreFrozenTest {

  private static final Path MAIN = Path.of("src/main");
  private static final Path LIST = Path.of("src/test/resources/db/applied-migrations.sha256");

  @Test
  void everyMigrationIsListedAndUnchanged() throws IOException {
    Map<String, String> listed = new LinkedHashMap<>();
    for (String line : Files.readAllLines(LIST)) {
      if (!line.isBlank()) {
        String[] parts = line.trim().split("\\s+", 2);
        listed.put(parts[1].replaceFirst("^\\*", ""), parts[0]);
      }
    }
    List<String> problems = new ArrayList<>();
    for (String file : migrations()) {
      String expected = listed.remove(file);
      String actual = sha256(MAIN.resolve(file));
      if (expected == null) {
        problems.add(file + " is new: add its SHA-256 to " + LIST + " (" + actual + ")");
      } else if (!expected.equals(actual)) {
        problems.add(
            file
                + " was edited after it shipped: restore it and put the change in a new migration");
      }
    }
    listed
        .keySet()
        .forEach(file -> problems.add(file + " was deleted or renamed: databases have applied it"));
    assertThat(problems).as("Flyway migrations").isEmpty();
  }

  private static List<String> migrations() throws IOException {
    List<String> files = new ArrayList<>();
    for (Path dir :
        List.of(MAIN.resolve("resources/db/migration"), MAIN.resolve("java/db/migration"))) {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> stream = Files.list(dir)) {
          stream
              .filter(p -> p.getFileName().toString().matches("[VR].*\\.(sql|java)"))
              .forEach(p -> files.add(MAIN.relativize(p).toString().replace('\\', '/')));
        }
      }
    }
    return files.stream().sorted().toList();
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
