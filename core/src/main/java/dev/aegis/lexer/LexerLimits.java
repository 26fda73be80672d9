package dev.aegis.lexer;

/**
 * Bounds on the work spent on one statement, checked while lexing so hostile input costs at most linear
 * time. A statement over any of them is still lexed up to the bound, digested and judged on its tokens,
 * but never handed to the parser.
 *
 * @param maxLength characters lexed; the rest of a longer statement is not looked at
 * @param maxTokens tokens kept
 * @param maxDepth parenthesis nesting at which the statement stops being parseable
 */
public record LexerLimits(int maxLength, int maxTokens, int maxDepth) {
  /** 1 MiB of text, 500,000 tokens (a 1 MiB multi-row INSERT has about 300,000), 64 levels of parentheses. */
  public static final LexerLimits DEFAULTS = new LexerLimits(1 << 20, 500_000, 64);

  public LexerLimits {
    if (maxLength < 1 || maxTokens < 1 || maxDepth < 1) {
      throw new IllegalArgumentException("limits must be positive: " + maxLength + ", " + maxTokens + ", "
          + maxDepth);
    }
  }
}
