package dev.aegis.examples;

import dev.aegis.events.EventJson;
import dev.aegis.events.SecurityEvent;
import dev.aegis.events.SecurityEventListener;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each security event to a webhook: an HTTP POST of the event's JSON (the same line the
 * {@code aegis.security} log holds) with {@code Content-Type: application/json}.
 *
 * <pre>{@code
 * DataSource secured = AegisDataSource.builder(pool)
 *     .listener(new WebhookAlerts(URI.create(System.getenv("ALERT_WEBHOOK"))))
 *     .build();
 * }</pre>
 *
 * <p>Aegis calls it on its event thread, never on a statement's, so the request is sent synchronously:
 * a slow endpoint delays later events (and, past the queue, gets them dropped and counted), never the
 * application. Timeouts bound how long one event can hold the thread. A failed delivery (no answer, an
 * answer other than 2xx) is logged and counted, and the event is not retried.
 */
public final class WebhookAlerts implements SecurityEventListener {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookAlerts.class);

  private final URI endpoint;
  private final Duration timeout;
  private final HttpClient client;
  private final LongAdder sent = new LongAdder();
  private final LongAdder failed = new LongAdder();

  /** Posts to {@code endpoint} with 5-second connect and request timeouts. */
  public WebhookAlerts(URI endpoint) {
    this(endpoint, Duration.ofSeconds(5));
  }

  public WebhookAlerts(URI endpoint, Duration timeout) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public void onEvent(SecurityEvent event) {
    HttpRequest request = HttpRequest.newBuilder(endpoint)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(EventJson.write(event)))
        .build();
    try {
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 == 2) {
        sent.increment();
      } else {
        failed.increment();
        LOG.warn("Webhook {} answered HTTP {} to a {} event; it is not retried", where(), response.statusCode(),
            event.rule());
      }
    } catch (IOException e) {
      failed.increment();
      LOG.warn("Webhook {} could not be reached for a {} event ({}); it is not retried", where(), event.rule(),
          e.toString());
    } catch (InterruptedException e) {
      failed.increment();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The endpoint without its path and query: webhook URLs often carry their token there (Slack, Teams),
   * and a log is no place for it.
   */
  private String where() {
    int port = endpoint.getPort();
    return endpoint.getScheme() + "://" + endpoint.getHost() + (port < 0 ? "" : ":" + port);
  }

  /** Events the endpoint accepted (2xx). */
  public long sent() {
    return sent.sum();
  }

  /** Events that could not be delivered. */
  public long failed() {
    return failed.sum();
  }
}
