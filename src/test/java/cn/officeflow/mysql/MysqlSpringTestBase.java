package cn.officeflow.mysql;

import cn.officeflow.OfficeFlowApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application context on the real MariaDB/MySQL database (profile {@code mysql}, shared by the
 * test classes that extend this), served on a random port. Its own engine name keeps it apart from
 * other engines the same JVM may run. Skipped when OFFICEFLOW_TEST_DB_URL is not set.
 */
@ExtendWith(RequiresTestDatabase.class)
// one live engine per JVM: Camunda registers engines by name, and /engine-rest resolves "default"
@DirtiesContext
@SpringBootTest(
    classes = OfficeFlowApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.process-engine-name=mysqlit")
@ActiveProfiles("mysql")
abstract class MysqlSpringTestBase {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @Autowired ProcessEngine engine;

  @Autowired JdbcClient jdbc;

  @LocalServerPort int port;

  OutgoingProcessDriver driver;

  @DynamicPropertySource
  static void testDatabase(DynamicPropertyRegistry registry) {
    TestDatabase.properties().forEach((name, value) -> registry.add(name, () -> value));
  }

  @BeforeEach
  void driver() {
    driver = new OutgoingProcessDriver(engine);
  }

  static String runId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  HttpResponse<byte[]> get(String path, String user, String password)
      throws IOException, InterruptedException {
    String credentials =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Basic " + credentials)
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  JsonNode getJson(String path, String user, String password)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> response = get(path, user, password);
    String body = new String(response.body(), StandardCharsets.UTF_8);
    if (response.statusCode() != 200) {
      throw new AssertionError("GET " + path + " → " + response.statusCode() + ": " + body);
    }
    return JSON.readTree(body);
  }
}
