package dev.aegis.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** A statement through Aegis shows up in what Prometheus scrapes. */
class PrometheusEndpointIT {

  @Test
  void aegisMetersAreScraped() throws Exception {
    TestDatabase db = TestDatabase.shared();
    String schema = db.createDatabase("prometheus");
    try (PrometheusEndpoint endpoint = PrometheusEndpoint.start(0)) {
      try (Connection c = DriverManager.getConnection(db.aegisUrl(schema), db.credentials());
          Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
        assertThat(rs.next()).isTrue();
      }
      HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(scrape.body()).containsPattern("aegis_statements_total\\{entry=\"execute-query\"\\} [1-9]")
          .contains("aegis_pipeline_duration_seconds_count").contains("cache_gets_total");
    }
  }
}
