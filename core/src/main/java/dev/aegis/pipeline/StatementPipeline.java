package dev.aegis.pipeline;

import dev.aegis.analysis.Analysis;
import dev.aegis.config.AegisConfig;
import dev.aegis.config.AnalysisConfig;
import dev.aegis.config.DetectionMode;
import dev.aegis.detect.Detector;
import dev.aegis.detect.Verdict;
import dev.aegis.lexer.LexedStatement;
import dev.aegis.lexer.Lexer;
import dev.aegis.lexer.LexerLimits;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;

/**
 * The one place every SQL text passes before the delegate driver sees it. The JDBC wrappers call
 * {@link #intercept} and nothing else; analysis, detection and encryption plug in here.
 *
 * <p>Each statement is lexed once (its digest keys the analysis cache, so the parser runs once per shape)
 * and judged by the {@link Detector}. In {@code enforce} mode a verdict at or above the block threshold
 * stops the statement with {@link dev.aegis.error.AegisBlockedException}; in every mode but {@code off}
 * alerts and blocks are logged and counted. Client info that would break out of the comment Connector/J
 * carries it in is refused. Shared by every connection that uses the same configuration; safe for
 * concurrent use without locks.
 */
public final class StatementPipeline implements Pipeline {
  private final AegisConfig config;
  private final PipelineMetrics metrics;
  private final DetectionMode mode;
  private final LexerLimits limits;
  private final Detector detector;
  private volatile Detector offlineDetector;

  private StatementPipeline(AegisConfig config, MeterRegistry registry, Function<String, Analysis> analyzer) {
    this.config = Objects.requireNonNull(config, "config");
    this.metrics = new PipelineMetrics(Objects.requireNonNull(registry, "registry"));
    this.mode = config.detection().mode();
    AnalysisConfig analysis = config.analysis();
    this.limits = new LexerLimits(analysis.maxLength(), analysis.maxTokens(), analysis.maxDepth());
    this.detector = mode == DetectionMode.OFF
        ? null
        : new Detector(analyzer, analysis.cacheSize(), config.detection().blockThreshold());
  }

  /** A pipeline for {@code config} that records its meters in {@code registry}. */
  public static StatementPipeline create(AegisConfig config, MeterRegistry registry) {
    return new StatementPipeline(config, registry, Analyzers.standard());
  }

  /** A pipeline with another analyser, for tests and benchmarks. */
  static StatementPipeline create(AegisConfig config, MeterRegistry registry,
      Function<String, Analysis> analyzer) {
    return new StatementPipeline(config, registry, analyzer);
  }

  @Override
  public AegisConfig config() {
    return config;
  }

  /** How many times recording a meter failed (the statements went on regardless). */
  long telemetryFailures() {
    return metrics.failures();
  }

  @Override
  public String intercept(SqlEntry entry, String sql) throws SQLException {
    long start = System.nanoTime();
    try {
      if (detector == null || sql == null) {
        return sql;
      }
      Judged judged;
      try {
        judged = judge(detector, sql);
      } catch (RuntimeException | StackOverflowError e) {
        // A fault in detection must not stop the application's statement: it is counted, logged, and the
        // statement goes on (fail open, as for a statement the parser cannot read).
        metrics.detectionFault();
        SecurityLog.failure(entry, e);
        return sql;
      }
      Verdict verdict = judged.verdict();
      if (verdict.action() != Verdict.Action.ALLOW) {
        metrics.verdict(verdict.action());
        SecurityLog.verdict(entry, judged.statement().digest(), verdict, mode);
        if (verdict.action() == Verdict.Action.BLOCK && mode == DetectionMode.ENFORCE) {
          throw SecurityLog.blocked(judged.statement().digest(), verdict);
        }
      }
      return sql;
    } finally {
      metrics.record(entry, System.nanoTime() - start);
    }
  }

  /** Judges {@code sql} as enforce mode would, without acting on it: what {@code aegis inspect} prints. */
  public Inspection inspect(String sql) {
    Judged judged = judge(inspector(), sql);
    return new Inspection(judged.statement().digest(), judged.verdict());
  }

  private record Judged(LexedStatement statement, Verdict verdict) {}

  /**
   * Lexes and judges one statement. One with a backslash in a string is also read as a server in
   * NO_BACKSLASH_ESCAPES mode reads it ('a\' ends at the backslash there), and the worse verdict counts
   * when that reading is well-formed. Only statements with such a backslash pay for the second look.
   */
  private Judged judge(Detector judge, String sql) {
    LexedStatement statement = Lexer.lex(sql, limits);
    Verdict verdict = judge.judge(statement);
    if (statement.backslashInStrings()) {
      LexedStatement literal = Lexer.lex(sql, limits, false);
      if (wellFormed(literal, judge)) {
        Verdict other = judge.judge(literal);
        if (other.score() > verdict.score()) {
          return new Judged(literal, other);
        }
      }
    }
    return new Judged(statement, verdict);
  }

  /**
   * Whether the NO_BACKSLASH_ESCAPES reading is a statement such a server would run: terminated and
   * parseable. For {@code 'O\'Reilly'} it is not (a string followed by a name), so an application that
   * escapes with backslashes is never judged by a reading its server does not use.
   */
  private static boolean wellFormed(LexedStatement literal, Detector judge) {
    return !literal.unterminated() && literal.overLimit() == null && judge.analysis(literal).analysable();
  }

  /** With detection off, inspect still judges: with a detector of its own, made once. */
  private Detector inspector() {
    if (detector != null) {
      return detector;
    }
    Detector own = offlineDetector;
    if (own == null) {
      offlineDetector = own = new Detector(Analyzers.standard(), config.analysis().cacheSize(),
          config.detection().blockThreshold());
    }
    return own;
  }

  @Override
  public void checkClientInfo(String name, String value) throws SQLClientInfoException {
    ClientInfoCheck.check(name, value);
  }

  @Override
  public void checkClientInfo(Properties properties) throws SQLClientInfoException {
    if (properties != null) {
      for (Map.Entry<Object, Object> property : properties.entrySet()) {
        ClientInfoCheck.check(String.valueOf(property.getKey()), String.valueOf(property.getValue()));
      }
    }
  }
}
