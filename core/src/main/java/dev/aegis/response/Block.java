package dev.aegis.response;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One block: statements of {@code subject} are refused until {@code until}. Immutable.
 *
 * @param kind whether {@code subject} is a principal or an address
 * @param subject the principal or address, as the application set it in {@code AegisContext}
 * @param until when the block ends (wall clock, UTC in the table): shared by instances, so never a ticker
 * @param reason why, in rule names and counts only, never a value of a statement
 * @param createdAt when it started
 * @param createdBy the instance that started it (host and process), for operators reading the table
 */
public record Block(BlockKind kind, String subject, Instant until, String reason, Instant createdAt,
    String createdBy) {
  /** The widest subject the table holds; a longer one is never blocked rather than blocked under another name. */
  public static final int SUBJECT_LENGTH = 255;
  /** The widest reason the table holds; a longer one is cut. */
  public static final int REASON_LENGTH = 255;

  public Block {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(until, "until");
    Objects.requireNonNull(createdAt, "createdAt");
    // The table keeps milliseconds: a block read back must equal the one written.
    until = until.truncatedTo(ChronoUnit.MILLIS);
    createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
    reason = cut(reason == null ? "" : reason, REASON_LENGTH);
    createdBy = cut(createdBy == null ? "" : createdBy, SUBJECT_LENGTH);
  }

  /** Whether the block is still in force at {@code now}. */
  public boolean activeAt(Instant now) {
    return until.isAfter(now);
  }

  /** Whether {@code subject} fits the table, so a block of it is kept as it is. */
  public static boolean storable(String subject) {
    return subject.length() <= SUBJECT_LENGTH;
  }

  /**
   * {@code text} safe to print in a message, a log line or a terminal: control characters (which a client
   * address taken from a request header may carry) are shown as Java-style backslash-u escapes.
   */
  public static String printable(String text) {
    if (text == null || text.chars().noneMatch(Character::isISOControl)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.chars().forEach(c -> {
      if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04x", c));
      } else {
        out.append((char) c);
      }
    });
    return out.toString();
  }

  private static String cut(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length - 1) + "…";
  }
}
