package dev.aegis.config;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;

/**
 * The {@code behaviour:} section: checks on what callers do, beyond what each statement looks like.
 *
 * @param maxRowsPerStatement rows one result may return before it is reported as mass data access
 *     (default 10,000)
 * @param maxRowsPerMinute rows one principal may read per minute, whatever its baseline (default 1,000,000)
 * @param baselineFactor how many times its learned per-minute baseline a principal may read before it is
 *     reported (default 3)
 * @param minRowsPerMinute reads per minute below which no principal is reported, baseline or not (default
 *     1,000): small volumes are never mass access
 * @param canaries decoy values no legitimate code path reads; a result that returns one raises a critical
 *     event
 * @param profiles where learned profiles persist: {@code file:PATH}, or {@code jdbc} for the
 *     {@code aegis_profiles} table a fleet shares; null keeps them in memory
 * @param minStatementsPerMinute statements per minute below which no principal's rate is reported
 *     (default 600)
 * @param maxSyntaxErrorsPerMinute statements failing with a syntax or access error (SQLState class 42) one
 *     principal may cause per minute before it is reported as probing (default 10)
 */
public record BehaviourConfig(
    @JsonDeserialize(using = AnalysisConfig.PositiveInt.class) Integer maxRowsPerStatement,
    @JsonDeserialize(using = AnalysisConfig.PositiveInt.class) Integer maxRowsPerMinute,
    Double baselineFactor,
    @JsonDeserialize(using = AnalysisConfig.PositiveInt.class) Integer minRowsPerMinute,
    List<Canary> canaries,
    @JsonDeserialize(using = Location.FileOrJdbc.class) Location profiles,
    @JsonDeserialize(using = AnalysisConfig.PositiveInt.class) Integer minStatementsPerMinute,
    @JsonDeserialize(using = AnalysisConfig.PositiveInt.class) Integer maxSyntaxErrorsPerMinute) {

  static final BehaviourConfig DEFAULTS = new BehaviourConfig(null, null, null, null, null, null, null, null);

  public BehaviourConfig {
    maxRowsPerStatement = maxRowsPerStatement == null ? 10_000 : maxRowsPerStatement;
    maxRowsPerMinute = maxRowsPerMinute == null ? 1_000_000 : maxRowsPerMinute;
    baselineFactor = baselineFactor == null ? 3.0 : baselineFactor;
    if (!(baselineFactor >= 1.0)) {
      throw new IllegalArgumentException("baseline-factor must be a number of at least 1, was " + baselineFactor);
    }
    minRowsPerMinute = minRowsPerMinute == null ? 1_000 : minRowsPerMinute;
    canaries = canaries == null ? List.of() : List.copyOf(canaries);
    minStatementsPerMinute = minStatementsPerMinute == null ? 600 : minStatementsPerMinute;
    maxSyntaxErrorsPerMinute = maxSyntaxErrorsPerMinute == null ? 10 : maxSyntaxErrorsPerMinute;
  }

  /**
   * A decoy value: {@code column} ({@code table.column}) holding {@code value}, as the application reads it
   * (after decryption).
   */
  public record Canary(ColumnRef column, String value) {
    public Canary {
      if (column == null || value == null) {
        throw new IllegalArgumentException("a canary needs a column (table.column) and a value");
      }
    }
  }
}
