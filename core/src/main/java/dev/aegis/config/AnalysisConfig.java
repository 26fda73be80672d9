package dev.aegis.config;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * The {@code analysis:} section: the bounds on work spent per statement before the parser, and how many
 * statement shapes stay parsed.
 *
 * @param maxLength characters of a statement that are read (default 1,048,576)
 * @param maxTokens tokens of a statement that are kept (default 500,000)
 * @param maxDepth parenthesis nesting above which a statement is not parsed (default 64)
 * @param cacheSize statement shapes kept analysed (default 10,000)
 */
public record AnalysisConfig(
    @JsonDeserialize(using = PositiveInt.class) Integer maxLength,
    @JsonDeserialize(using = PositiveInt.class) Integer maxTokens,
    @JsonDeserialize(using = PositiveInt.class) Integer maxDepth,
    @JsonDeserialize(using = PositiveInt.class) Integer cacheSize) {

  static final AnalysisConfig DEFAULTS = new AnalysisConfig(null, null, null, null);

  public AnalysisConfig {
    maxLength = maxLength == null ? 1 << 20 : maxLength;
    maxTokens = maxTokens == null ? 500_000 : maxTokens;
    maxDepth = maxDepth == null ? 64 : maxDepth;
    cacheSize = cacheSize == null ? 10_000 : cacheSize;
  }

  /** A whole number above zero, checked where it is written so the error names its line. */
  static final class PositiveInt extends BoundedInt {
    private static final long serialVersionUID = 1L;

    PositiveInt() {
      super(1, Integer.MAX_VALUE, "");
    }
  }
}
