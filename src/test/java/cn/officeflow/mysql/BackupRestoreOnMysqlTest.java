package cn.officeflow.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.OfficeFlowApplication;
import cn.officeflow.destruction.DocumentDestructionVariables;
import cn.officeflow.platform.archive.ArchiveEntry;
import cn.officeflow.platform.archive.ArchiveService;
import cn.officeflow.support.ProcessDriver;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The backup/restore runbook (README, ops/backup.sh and ops/restore.sh) followed on MariaDB/MySQL: the
 * application creates data (an archived document, a running case), ops/backup.sh dumps the database while the
 * application runs, ops/restore.sh loads it into a fresh database ({@code <test database>_restore}), the
 * application starts on the restored database, the archive's hash chain verifies over HTTP, the document and
 * the case are there and the case goes on. Skipped without OFFICEFLOW_TEST_DB_URL or without the client tools.
 */
@ExtendWith(RequiresTestDatabase.class)
class BackupRestoreOnMysqlTest {

  private static final Pattern URL =
      Pattern.compile("^jdbc:(?:mysql|mariadb)://([^:/?]+)(?::(\\d+))?/([A-Za-z0-9_]+)(\\?.*)?$");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void dumpRestoreIntoAFreshDatabaseAndTheApplicationRunsOnIt(@TempDir Path backups)
      throws Exception {
    Assumptions.assumeTrue(
        onPath("mariadb-dump") || onPath("mysqldump"),
        "mariadb-dump/mysqldump not installed: backup/restore test skipped");
    Matcher url = URL.matcher(TestDatabase.url().orElseThrow());
    Assumptions.assumeTrue(
        url.matches(), "OFFICEFLOW_TEST_DB_URL not of the form jdbc:mysql://host:port/db");
    String host = url.group(1);
    String port = url.group(2) == null ? "3306" : url.group(2);
    String database = url.group(3);
    String restored = database + "_restore";
    String restoredUrl =
        "jdbc:mysql://"
            + host
            + ":"
            + port
            + "/"
            + restored
            + (url.group(4) == null ? "" : url.group(4));
    dropDatabase(restored);

    String run = UUID.randomUUID().toString().substring(0, 8);
    String title = "关于备份恢复演练的通知 " + run;
    String entryId;
    String instanceId;
    try (ConfigurableApplicationContext app = start(TestDatabase.url().orElseThrow(), "backupit")) {
      ArchiveEntry entry =
          app.getBean(ArchiveService.class).archive(ArchiveChainOnMysqlTest.entry(title));
      entryId = entry.id();
      ProcessInstance pi =
          new ProcessDriver(app.getBean(ProcessEngine.class))
              .start(
                  "lina",
                  DocumentDestructionVariables.PROCESS_KEY,
                  Map.of(
                      DocumentDestructionVariables.ENTRIES, entryId,
                      DocumentDestructionVariables.REASON, "备份恢复演练",
                      DocumentDestructionVariables.METHOD, "焚烧"));
      instanceId = pi.getId();

      // online: the dump is taken while this node runs
      Map<String, String> env = new HashMap<>();
      env.put("OFFICEFLOW_BACKUP_DB_HOST", host);
      env.put("OFFICEFLOW_BACKUP_DB_PORT", port);
      env.put("OFFICEFLOW_BACKUP_DB_NAME", database);
      env.put("OFFICEFLOW_BACKUP_DB_USER", TestDatabase.user());
      if (!TestDatabase.password().isEmpty()) {
        env.put("MYSQL_PWD", TestDatabase.password());
      }
      String dump = run(env, "ops/backup.sh", backups.toString()).strip();
      assertThat(Path.of(dump)).exists();
      assertThat(Path.of(dump + ".sha256")).exists();
      try {
        run(env, "ops/restore.sh", dump, restored);
        // never over an existing database
        assertThat(exitCode(env, "ops/restore.sh", dump, restored)).isEqualTo(1);
      } catch (RuntimeException | AssertionError e) {
        dropDatabase(restored);
        throw e;
      }
    }

    try (ConfigurableApplicationContext app = start(restoredUrl, "restoreit")) {
      int appPort = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
      var verify = JSON.readTree(get(appPort, "/api/archive/verify", "qianyu"));
      assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isTrue();
      ArchiveEntry entry = app.getBean(ArchiveService.class).entry(entryId);
      assertThat(entry.title()).isEqualTo(title);
      var audit = JSON.readTree(get(appPort, "/api/audit/events/verify", "qianyu"));
      assertThat(audit.get("intact").asBoolean()).as(audit.toString()).isTrue();

      ProcessEngine engine = app.getBean(ProcessEngine.class);
      assertThat(
              engine
                  .getRuntimeService()
                  .createProcessInstanceQuery()
                  .processInstanceId(instanceId)
                  .count())
          .isEqualTo(1);
      new ProcessDriver(engine)
          .approve("zhaomin", instanceId, DocumentDestructionVariables.TASK_DIRECTOR_REVIEW);
      assertThat(new ProcessDriver(engine).openTasks(instanceId))
          .extracting(t -> t.getTaskDefinitionKey())
          .containsExactly(DocumentDestructionVariables.TASK_LEADER_APPROVAL);
    } finally {
      dropDatabase(restored);
    }
  }

  private static ConfigurableApplicationContext start(String url, String engineName) {
    Map<String, Object> properties = new HashMap<>(TestDatabase.properties());
    properties.put("spring.datasource.url", url);
    properties.put("camunda.bpm.process-engine-name", engineName);
    properties.put("server.port", "0");
    properties.put("server.address", "127.0.0.1");
    // the process-test-coverage starter's engine plugin needs its Spring test listener (as in
    // DocumentNumberConcurrencyTest, which also starts applications of its own)
    properties.put(
        "spring.autoconfigure.exclude", DocumentNumberConcurrencyTest.COVERAGE_AUTO_CONFIGURATION);
    // as command-line arguments: above application*.yaml (default properties would be below them)
    String[] args =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(OfficeFlowApplication.class).profiles("mysql").run(args);
  }

  private static String get(int port, String path, String user)
      throws IOException, InterruptedException {
    String credentials =
        Base64.getEncoder()
            .encodeToString(
                (user + ":" + TestDatabase.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + credentials)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return response.body();
  }

  private static String run(Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("officeflow-ops", ".out");
    try {
      int code = exec(env, out, command);
      String output = Files.readString(out);
      if (code != 0) {
        throw new IllegalStateException(String.join(" ", command) + " → " + code + ":\n" + output);
      }
      // the scripts print the result on stdout's last line, progress on stderr (merged here)
      List<String> lines = output.lines().toList();
      return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private static int exitCode(Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("officeflow-ops", ".out");
    try {
      return exec(env, out, command);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private static int exec(Map<String, String> env, Path out, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder();
    builder.command().add("bash");
    builder.command().addAll(List.of(command));
    builder.environment().putAll(env);
    builder.redirectErrorStream(true).redirectOutput(out.toFile());
    Process process = builder.start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          String.join(" ", command) + " did not finish within 5 minutes");
    }
    return process.exitValue();
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  private static void dropDatabase(String name) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(
                TestDatabase.url().orElseThrow(), TestDatabase.user(), TestDatabase.password());
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS `" + name + "`");
    }
  }
}
