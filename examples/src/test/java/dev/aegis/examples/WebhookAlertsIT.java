package dev.aegis.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mysql.cj.jdbc.MysqlDataSource;
import com.sun.net.httpserver.HttpServer;
import dev.aegis.config.ConfigReader;
import dev.aegis.context.AegisContext;
import dev.aegis.error.AegisBlockedException;
import dev.aegis.events.SecurityEvent;
import dev.aegis.jdbc.AegisDataSource;
import dev.aegis.testing.LogCapture;
import dev.aegis.testing.TestDatabase;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook example against a real local HTTP server, fed by a blocked injection through the driver. */
class WebhookAlertsIT {
  private static final String SECRET_PATH = "/hooks/T0KEN-in-the-path";
  private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private volatile int status = 204;
  private HttpServer server;
  private URI endpoint;

  private record Request(String method, String path, String contentType, String body) {}

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/hooks/", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
            exchange.getRequestHeaders().getFirst("Content-Type"), body));
      }
      if (exchange.getRequestURI().getPath().endsWith("/silent")) {
        awaitRelease();
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
    endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + SECRET_PATH);
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  private void awaitRelease() {
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aBlockedInjectionThroughTheDriverIsPostedAsJson() throws Exception {
    TestDatabase db = TestDatabase.shared();
    String schema = db.createDatabase("webhook");
    try (Connection c = db.connectPlain(schema); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(40))");
    }
    MysqlDataSource mysql = new MysqlDataSource();
    mysql.setURL(db.plainUrl(schema));
    mysql.setUser(db.user());
    mysql.setPassword(db.password());
    WebhookAlerts webhook = new WebhookAlerts(endpoint);
    AegisDataSource secured = AegisDataSource.builder(mysql)
        .config(ConfigReader.parse("detection:\n  mode: enforce\n", "webhook.yml"))
        .listener(webhook)
        .build();

    try (Connection c = secured.getConnection(); Statement s = c.createStatement();
        AegisContext.Scope scope = AegisContext.enter("mallory", "198.51.100.23")) {
      assertThatThrownBy(() -> s.executeQuery("SELECT id FROM users WHERE name = 'x9-secret' OR 1=1"))
          .isInstanceOf(AegisBlockedException.class);
    }

    Request request = requests.poll(10, TimeUnit.SECONDS);
    assertThat(request).as("a POST within 10 s").isNotNull();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo(SECRET_PATH);
    assertThat(request.contentType()).isEqualTo("application/json");
    assertThat(request.body()).doesNotContain("x9-secret");
    JsonNode event = new ObjectMapper().readTree(request.body());
    assertThat(event.get("rule").asText()).isEqualTo("tautology-or");
    assertThat(event.get("action").asText()).isEqualTo("block");
    assertThat(event.get("principal").asText()).isEqualTo("mallory");
    assertThat(event.get("address").asText()).isEqualTo("198.51.100.23");
    assertThat(event.get("digest").asText()).isEqualTo("SELECT id FROM users WHERE name = ? OR ? = ?");
    assertThat(event.get("score").asDouble()).isEqualTo(0.9);
  }

  @Test
  void anErrorAnswerIsLoggedWithoutThePathAndCounted() throws Exception {
    status = 500;
    WebhookAlerts webhook = new WebhookAlerts(endpoint);

    List<String> log;
    try (LogCapture capture = LogCapture.start()) {
      webhook.onEvent(event());
      log = capture.drain();
    }

    assertThat(requests).hasSize(1);
    assertThat(webhook.failed()).isEqualTo(1);
    assertThat(webhook.sent()).isZero();
    assertThat(log).anySatisfy(line -> assertThat(line).contains("answered HTTP 500", "http://127.0.0.1:"));
    assertThat(log).noneSatisfy(line -> assertThat(line).contains("T0KEN"));
  }

  @Test
  void anEndpointThatNeverAnswersTimesOutInsteadOfHoldingTheEventThread() throws Exception {
    WebhookAlerts webhook = new WebhookAlerts(endpoint.resolve(SECRET_PATH + "/silent"), Duration.ofMillis(300));

    webhook.onEvent(event());

    assertThat(requests.poll(10, TimeUnit.SECONDS)).as("the request arrived").isNotNull();
    assertThat(webhook.failed()).as("timed out while the server held the answer").isEqualTo(1);
  }

  private static SecurityEvent event() {
    return new SecurityEvent(Instant.now(), "tautology-or", "tautology", "high", 0.9, "block", "mallory", null,
        "SELECT 1", null);
  }
}
