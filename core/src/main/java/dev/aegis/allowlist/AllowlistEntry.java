package dev.aegis.allowlist;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Objects;

/**
 * One allowed statement shape.
 *
 * @param fingerprint {@link Fingerprint#of} the digest
 * @param digest the shape: literals replaced by {@code ?}, as the lexer writes it
 * @param firstSeen when an instance first ran it (millisecond precision), or null when unknown (a line
 *     written by hand)
 * @param lastSeen when it last ran, as far as the store tracks it (the table does, a file does not), or null
 * @param firstCaller who ran it first ({@code principal@address}), or null when unknown
 */
public record AllowlistEntry(String fingerprint, String digest, Instant firstSeen, Instant lastSeen,
    String firstCaller) {
  /** Longest caller kept: a principal is the application's text, and a line or column must stay bounded. */
  static final int CALLER_LENGTH = 200;

  /** Entries in the order they are written and listed: by digest, so related shapes sit together. */
  public static final Comparator<AllowlistEntry> BY_DIGEST = Comparator.comparing(AllowlistEntry::digest);

  public AllowlistEntry {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(digest, "digest");
    // Stores keep milliseconds (DATETIME(3), ISO text); truncating here makes every round trip exact.
    firstSeen = firstSeen == null ? null : firstSeen.truncatedTo(ChronoUnit.MILLIS);
    lastSeen = lastSeen == null ? null : lastSeen.truncatedTo(ChronoUnit.MILLIS);
    firstCaller = sanitize(firstCaller);
  }

  /** A shape seen for the first time at {@code time} by {@code caller}. */
  public static AllowlistEntry seen(String digest, Instant time, String caller) {
    return new AllowlistEntry(Fingerprint.of(digest), digest, time, time, caller);
  }

  /**
   * {@code principal@address} of a caller for the first-seen record; either part may be null.
   */
  public static String caller(String principal, String address) {
    if (principal == null && address == null) {
      return null;
    }
    return (principal == null ? "-" : principal) + "@" + (address == null ? "-" : address);
  }

  /** The latest time this shape is known to have run: last seen where tracked, else first seen. */
  public Instant lastUse() {
    return lastSeen != null ? lastSeen : firstSeen;
  }

  /**
   * This entry and another record of the same shape as one: the earliest first sighting (with its caller)
   * and the latest last one.
   */
  public AllowlistEntry merge(AllowlistEntry other) {
    if (!digest.equals(other.digest)) {
      throw new IllegalArgumentException("entries of different shapes cannot merge: " + fingerprint + ", "
          + other.fingerprint);
    }
    boolean mine = other.firstSeen == null || firstSeen != null && !other.firstSeen.isBefore(firstSeen);
    Instant first = mine ? firstSeen : other.firstSeen;
    String caller = mine ? (firstCaller != null ? firstCaller : other.firstCaller)
        : (other.firstCaller != null ? other.firstCaller : firstCaller);
    Instant last = lastSeen == null ? other.lastSeen
        : other.lastSeen == null || lastSeen.isAfter(other.lastSeen) ? lastSeen : other.lastSeen;
    return new AllowlistEntry(fingerprint, digest, first, last, caller);
  }

  /**
   * A caller fit for one line of a file or a log: the principal is the application's text, so anything but
   * visible characters becomes {@code _} (no line breaks or spaces that would change the file's meaning),
   * and it is cut to a bounded length.
   */
  private static String sanitize(String caller) {
    if (caller == null || caller.isBlank()) {
      return null;
    }
    String text = caller.strip();
    StringBuilder clean = new StringBuilder(Math.min(text.length(), CALLER_LENGTH));
    for (int i = 0; i < text.length() && clean.length() < CALLER_LENGTH; i++) {
      char c = text.charAt(i);
      clean.append(Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSurrogate(c) ? '_' : c);
    }
    return clean.toString();
  }
}
