package dev.aegis.events;

import java.time.Instant;

/** Security events for tests. */
final class Events {
  private Events() {}

  static SecurityEvent event(String rule) {
    return new SecurityEvent(Instant.parse("2026-11-23T18:14:45.123Z"), rule, "tautology", "high", 0.9, "alert",
        "alice", "203.0.113.7", "SELECT * FROM t WHERE a = ? OR ? = ?", "execute-query in monitor mode");
  }

  static SecurityEvent event(String rule, String category, String severity, String action) {
    return new SecurityEvent(Instant.parse("2026-11-23T18:14:45.123Z"), rule, category, severity, 0.5, action,
        null, null, null, null);
  }
}
