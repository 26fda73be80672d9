package dev.aegis.events;

import java.time.Instant;
import java.util.Objects;

/**
 * One security finding: what was seen, how bad, what Aegis did, and who and what it concerned. Carries the
 * statement's digest and its redacted text (literals replaced by {@code ?}), never a literal value, key or
 * plaintext, so an event may be shipped anywhere.
 *
 * @param time when it was seen
 * @param rule the rule that fired, as documented ({@code tautology-or}, {@code unknown-shape},
 *     {@code login-lockout}, {@code mass-data-access}, {@code canary-read} …)
 * @param category the rule's family ({@code injection}, {@code allowlist}, {@code behaviour},
 *     {@code authentication}, {@code response}, {@code canary}, {@code encryption})
 * @param severity {@code info}, {@code low}, {@code medium}, {@code high} or {@code critical}
 * @param score from 0 to 1
 * @param action what Aegis did: {@code allow}, {@code alert}, {@code would-block} (monitor), {@code block},
 *     {@code lockout}
 * @param principal the end user ({@link dev.aegis.context.AegisContext}), else the database user; may be null
 * @param address the client address, else this host; may be null
 * @param digest the statement's shape, or null for events about no statement (a failed login)
 * @param detail a short explanation without values, or null
 */
public record SecurityEvent(Instant time, String rule, String category, String severity, double score,
    String action, String principal, String address, String digest, String detail) {

  public SecurityEvent {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(action, "action");
  }
}
