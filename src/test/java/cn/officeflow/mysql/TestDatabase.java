package cn.officeflow.mysql;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The real MariaDB/MySQL database the integration tests of this package run against:
 * {@code OFFICEFLOW_TEST_DB_URL} (the pom's surefire passes it on as the system property
 * {@code officeflow.test.db.url}), with {@code OFFICEFLOW_TEST_DB_USER} (default root) and
 * {@code OFFICEFLOW_TEST_DB_PASSWORD} (default empty). Unset: the tests are skipped.
 */
final class TestDatabase {

  static final String SKIPPED =
      "OFFICEFLOW_TEST_DB_URL not set: MariaDB/MySQL integration tests skipped";

  /** A demo password that satisfies Camunda's password policy (the mysql profile has no default). */
  static final String ADMIN_PASSWORD = "Guanli@2026";

  /** officeflow.demo.password, the password of every demo user. */
  static final String DEMO_PASSWORD = "Office@2026";

  private TestDatabase() {}

  static Optional<String> url() {
    return value(System.getProperty("officeflow.test.db.url"))
        .or(() -> value(System.getenv("OFFICEFLOW_TEST_DB_URL")));
  }

  static String user() {
    return value(System.getenv("OFFICEFLOW_TEST_DB_USER")).orElse("root");
  }

  static String password() {
    String password = System.getenv("OFFICEFLOW_TEST_DB_PASSWORD");
    return password == null ? "" : password;
  }

  /**
   * Properties of an application context on the test database: the real {@code mysql} profile plus
   * what a test needs (demo organisation, an admin password, no job executor thread, a free management
   * port).
   */
  static Map<String, Object> properties() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(
        "spring.datasource.url", url().orElseThrow(() -> new IllegalStateException(SKIPPED)));
    properties.put("spring.datasource.username", user());
    properties.put("spring.datasource.password", password());
    properties.put("officeflow.admin.password", ADMIN_PASSWORD);
    properties.put("officeflow.demo.enabled", "true");
    properties.put("officeflow.demo.password", DEMO_PASSWORD);
    properties.put("camunda.bpm.job-execution.enabled", "false");
    // actuator on a free port of its own: several nodes in one JVM (and other applications on this
    // host)
    // would otherwise all want the default 8081
    properties.put("management.server.port", "0");
    return properties;
  }

  /** Unset, blank, or Maven's unresolved {@code ${env.OFFICEFLOW_TEST_DB_URL}} all mean "not set". */
  private static Optional<String> value(String raw) {
    if (raw == null || raw.isBlank() || raw.startsWith("${")) {
      return Optional.empty();
    }
    return Optional.of(raw.strip());
  }
}
