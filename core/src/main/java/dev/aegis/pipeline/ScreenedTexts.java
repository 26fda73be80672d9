package dev.aegis.pipeline;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.aegis.detect.Verdict;
import dev.aegis.lexer.LexedStatement;
import dev.aegis.lexer.TokenType;

/**
 * Statement texts already lexed and judged, so a text the application sends again (every
 * {@code prepareStatement} of an ORM, every repeated query) costs a hash lookup instead of a lexer pass.
 * Lexing and the signatures are a function of the text alone, so their outcome can be reused; what depends
 * on who sends the statement and when (allowlist, habits, automatic response) still runs every time.
 *
 * <p>Bounded by the characters it holds, not by entries, so neither a burst of long texts nor a flood of
 * short ones can take the heap; a text longer than {@link #MAX_TEXT} is never kept. Caffeine's admission
 * policy keeps texts seen once (a new literal every call) from evicting the ones that recur. With encrypted
 * columns configured, a text carrying literals is never kept: it may hold the plaintext of a protected
 * column, which must not outlive the statement in Aegis's memory.
 */
final class ScreenedTexts {
  /** Longer texts are rare and unlikely to recur; lexing them again is cheaper than holding them. */
  static final int MAX_TEXT = 4_096;
  /**
   * The budget, in characters of text: with its tokens and digest a kept text takes about 8 bytes a
   * character, so the cache stays under about 8 MB whatever the statements.
   */
  static final long MAX_CHARACTERS = 1_000_000;
  /** Charged on top of each text's length, for the objects a kept text needs whatever its length. */
  static final int ENTRY_CHARACTERS = 100;

  /**
   * What screening one text found.
   *
   * @param statement the text lexed as the server's default mode reads it (what encryption rewrites)
   * @param judged the reading the verdict is on, or null when detection is off
   * @param verdict the signatures' verdict, or null when detection is off
   */
  record Screened(LexedStatement statement, LexedStatement judged, Verdict verdict) {}

  private final Cache<String, Screened> texts;
  private final boolean keepsLiterals;

  /**
   * @param keepsLiterals whether texts with literals may be kept (false when columns are encrypted)
   */
  ScreenedTexts(boolean keepsLiterals) {
    this.keepsLiterals = keepsLiterals;
    // Upkeep on the calling thread, as for the shape cache: a hand-off would cost each miss a wake-up.
    this.texts = Caffeine.newBuilder().maximumWeight(MAX_CHARACTERS)
        .<String, Screened>weigher((sql, screened) -> sql.length() + ENTRY_CHARACTERS)
        .executor(Runnable::run).build();
  }

  /** What screening {@code sql} found before, or null. */
  Screened find(String sql) {
    return sql.length() > MAX_TEXT ? null : texts.getIfPresent(sql);
  }

  /** Keeps what screening {@code sql} found, unless the text is too long or may carry protected values. */
  void keep(String sql, Screened screened) {
    if (sql.length() <= MAX_TEXT && (keepsLiterals || !hasLiterals(screened.statement()))) {
      texts.put(sql, screened);
    }
  }

  private static boolean hasLiterals(LexedStatement statement) {
    for (int v = 0; v < statement.valueCount(); v++) {
      if (statement.valueType(v) != TokenType.PLACEHOLDER) {
        return true;
      }
    }
    return false;
  }

  /** How many texts are kept now; for tests. */
  long size() {
    texts.cleanUp();
    return texts.estimatedSize();
  }
}
