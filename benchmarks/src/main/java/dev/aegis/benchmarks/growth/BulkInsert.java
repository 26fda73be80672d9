package dev.aegis.benchmarks.growth;

/**
 * A multi-row {@code INSERT … VALUES} of an exact length, as bulk loaders and Connector/J's
 * {@code rewriteBatchedStatements} send them: the longest statements an OLTP application sends, and dense in
 * tokens (about one per six characters), the lexer's worst case. Its first key is left out, so each call can
 * put a new one in: a new text every time, the same shape.
 */
final class BulkInsert {
  /** The digits of every key put in the gap: keys from 100,000,000 to 999,999,999 keep the length exact. */
  static final int KEY_DIGITS = 9;
  static final long FIRST_KEY = 100_000_000L;

  private static final String HEAD = "INSERT INTO customers (id, email, phone) VALUES (";

  /** The text before the first key. */
  final String head;
  /** The text after it: the rest of the first row and the other rows. */
  final String tail;

  private BulkInsert(String head, String tail) {
    this.head = head;
    this.tail = tail;
  }

  /** A statement of exactly {@code length} characters once a {@link #KEY_DIGITS}-digit key is put in. */
  static BulkInsert ofLength(int length) {
    StringBuilder tail = new StringBuilder(length);
    tail.append(row(0).substring(1 + KEY_DIGITS)); // the first row after "(" and its key
    int row = 1;
    while (true) {
      String next = ", " + row(row);
      if (HEAD.length() + KEY_DIGITS + tail.length() + next.length() > length) {
        break;
      }
      tail.append(next);
      row++;
    }
    int missing = length - HEAD.length() - KEY_DIGITS - tail.length();
    if (missing < 0) {
      throw new IllegalArgumentException("a bulk insert is at least " + (length - missing) + " characters");
    }
    // Longer local parts of the last e-mail make up the rest: the text stays a plausible statement.
    int at = tail.lastIndexOf("@example.com");
    tail.insert(at, "x".repeat(missing));
    return new BulkInsert(HEAD, tail.toString());
  }

  /** Row {@code i}: {@code (key, 'e-mail', 'phone')}; the key has {@link #KEY_DIGITS} digits. */
  private static String row(int i) {
    return "(" + (FIRST_KEY + i) + ", 'user" + i + "@example.com', '+44 20 7946 "
        + String.format("%04d", i % 10_000) + "')";
  }

  /** The statement with {@code key} (of {@link #KEY_DIGITS} digits) as its first row's key. */
  String withKey(long key) {
    return head + key + tail;
  }
}
