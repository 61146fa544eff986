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
    // the mysql profile signs only with a configured unit keystore: the tests bring one of their
    // own
    properties.put("officeflow.signing.keystore", SIGNING_KEYSTORE.toString());
    properties.put("officeflow.signing.keystore-password", SIGNING_PASSWORD);
    properties.put("officeflow.signing.key-alias", SIGNING_ALIAS);
    // the tests are automation that uses the bootstrap admin over HTTP Basic (the profile's
    // default: refused)
    properties.put("officeflow.security.admin-basic-auth", "true");
    // actuator on a free port of its own: several nodes in one JVM (and other applications on
    // this host) would otherwise all want the default 8081
    properties.put("management.server.port", "0");
    return properties;
  }

  static final String SIGNING_PASSWORD = "Qianzhang@2026";
  static final String SIGNING_ALIAS = "unit";
  static final String SIGNING_CN = "示范市行政办公室（MySQL 测试证书）";

  /** A unit keystore as production has one (PKCS#12, alias, password), made once per JVM under target/. */
  static final java.nio.file.Path SIGNING_KEYSTORE =
      cn.officeflow.support.TestKeystores.pkcs12(
          cn.officeflow.support.TestKeystores.key(
              SIGNING_CN, java.time.Instant.now().minus(java.time.Duration.ofDays(1)), 365),
          java.nio.file.Path.of("target", "test-signing", "mysql-unit.p12"),
          SIGNING_ALIAS,
          SIGNING_PASSWORD);

  /** Unset, blank, or Maven's unresolved {@code ${env.OFFICEFLOW_TEST_DB_URL}} all mean "not set". */
  private static Optional<String> value(String raw) {
    if (raw == null || raw.isBlank() || raw.startsWith("${")) {
      return Optional.empty();
    }
    return Optional.of(raw.strip());
  }
}
