package dev.aegis.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * A security event as one line of JSON, the form the log sink writes and listeners may forward:
 * {@code {"time":"2026-11-23T18:14:45.123Z","rule":"tautology-or","category":"tautology","severity":"high",
 * "score":0.92,"action":"block","principal":"alice","address":"203.0.113.7","digest":"SELECT … = ?",
 * "detail":"…"}}. Every field is present (null when unknown) so that consumers can rely on one shape.
 */
public final class EventJson {
  private static final JsonFactory JSON = new JsonFactory();

  private EventJson() {}

  /** The event as a single line of JSON (control characters in values are escaped). */
  public static String write(SecurityEvent event) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("time", event.time().toString());
      json.writeStringField("rule", event.rule());
      json.writeStringField("category", event.category());
      json.writeStringField("severity", event.severity());
      json.writeNumberField("score", event.score());
      json.writeStringField("action", event.action());
      json.writeStringField("principal", event.principal());
      json.writeStringField("address", event.address());
      json.writeStringField("digest", event.digest());
      json.writeStringField("detail", event.detail());
      json.writeEndObject();
    } catch (IOException e) {
      // A StringWriter does not fail; this is here only because the generator's signature says it might.
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
