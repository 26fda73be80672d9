package dev.aegis.detect;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.aegis.analysis.Analysis;
import dev.aegis.analysis.ConstantPredicate;
import dev.aegis.analysis.StatementKind;
import dev.aegis.lexer.LexedStatement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Judges statements. The expensive part (parsing, shape signatures) runs once per digest and is cached in a
 * bounded Caffeine cache; each statement then costs a cache hit plus a walk over its own tokens for
 * comments and constant predicates. Thread-safe; the cache is the only shared state and takes no global
 * lock (a statement whose shape is being parsed by another thread waits for that one parse).
 */
public final class Detector {
  private static final Set<String> LOW_SCHEMAS = Set.of("information_schema", "performance_schema", "sys");
  private static final Set<String> HIGH_SCHEMAS = Set.of("mysql");

  private final Function<String, Analysis> analyzer;
  private final Cache<String, StatementShape> shapes;
  private final double blockThreshold;

  /**
   * @param analyzer parses a statement's parse text (called once per digest, in the calling thread)
   * @param cacheSize how many statement shapes to keep
   * @param blockThreshold the score at or above which a verdict is BLOCK
   */
  public Detector(Function<String, Analysis> analyzer, int cacheSize, double blockThreshold) {
    this.analyzer = analyzer;
    // Statistics feed the cache meters (hit rate, evictions); Caffeine keeps them in striped adders. Its
    // upkeep runs on the calling thread: handing it to another thread costs each statement a wake-up.
    this.shapes = Caffeine.newBuilder().maximumSize(cacheSize).recordStats().executor(Runnable::run).build();
    this.blockThreshold = blockThreshold;
  }

  /**
   * Publishes the shape cache's meters ({@code cache.gets} hit/miss, {@code cache.evictions} … tagged
   * {@code cache=aegis.shapes}) and counts statements the parser could not read
   * ({@code aegis.analysis.unanalysable}).
   */
  public void bindMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
    io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics.monitor(registry, shapes, "aegis.shapes");
    unanalysable = io.micrometer.core.instrument.Counter.builder("aegis.analysis.unanalysable")
        .description("Statement shapes the parser could not read (judged on their tokens)").register(registry);
  }

  private volatile io.micrometer.core.instrument.Counter unanalysable;

  /** The verdict on one statement, as enforce mode would act on it. */
  public Verdict judge(LexedStatement statement) {
    StatementShape shape = shape(statement);
    EnumSet<Signature> found = EnumSet.noneOf(Signature.class);
    found.addAll(shape.findings());
    InstanceScanner.scan(statement, shape.constants(), found);
    return Verdict.of(found.isEmpty() ? List.of() : new ArrayList<>(found), shape.analysis().analysable(),
        blockThreshold);
  }

  /** The cached analysis of the statement's shape (parsed on first sight of the digest). */
  public Analysis analysis(LexedStatement statement) {
    return shape(statement).analysis();
  }

  private StatementShape shape(LexedStatement statement) {
    StatementShape shape = shapes.getIfPresent(statement.digest());
    // On a miss Caffeine computes once per key: concurrent statements of a new shape wait for one parse.
    return shape != null ? shape : shapes.get(statement.digest(), digest -> shapeOf(statement));
  }

  private StatementShape shapeOf(LexedStatement statement) {
    String implausible = statement.overLimit() != null ? "statement " + statement.overLimit()
        : Plausibility.problem(statement);
    Analysis analysis = implausible != null ? Analysis.unanalysable(implausible)
        : analyzer.apply(statement.parseText());
    io.micrometer.core.instrument.Counter counter = unanalysable;
    if (!analysis.analysable() && counter != null) {
      try {
        counter.increment();
      } catch (RuntimeException e) {
        // A failing meter backend must not change the verdict.
      }
    }
    ShapeScanner.Shape lexical = ShapeScanner.scan(statement);
    EnumSet<Signature> findings = EnumSet.noneOf(Signature.class);
    findings.addAll(lexical.findings());
    List<ConstantTest> constants = new ArrayList<>(lexical.constants());
    structural(analysis, findings, constants);
    return new StatementShape(analysis, findings, constants);
  }

  /** What the parser adds to the tokens: precise structure where it could read the statement. */
  private static void structural(Analysis analysis, EnumSet<Signature> findings, List<ConstantTest> constants) {
    if (!analysis.analysable()) {
      findings.add(Signature.UNANALYSABLE);
    }
    for (ConstantPredicate predicate : analysis.constantPredicates()) {
      if (predicate.underOr() && !predicate.negated()) {
        constants.add(new ConstantTest(true, predicate.operator(), predicate.left(),
            "COLUMN".equals(predicate.leftKeyword()) ? null : predicate.leftKeyword(), predicate.right(),
            predicate.rightKeyword()));
      }
    }
    for (String schema : analysis.schemas()) {
      if (LOW_SCHEMAS.contains(schema)) {
        findings.add(Signature.SYSTEM_SCHEMA);
      } else if (HIGH_SCHEMAS.contains(schema)) {
        findings.add(Signature.ACCOUNT_TABLES);
      }
    }
    if (analysis.intoFile()) {
      findings.add(Signature.FILE_ACCESS);
    }
    if (analysis.kind() == StatementKind.ACCOUNT) {
      findings.add(Signature.PRIVILEGE_CHANGE);
    }
    for (String function : analysis.functions()) {
      switch (function) {
        case "SLEEP", "BENCHMARK" -> findings.add(Signature.TIME_DELAY);
        case "EXTRACTVALUE", "UPDATEXML", "GTID_SUBSET", "GTID_SUBTRACT", "NAME_CONST" ->
            findings.add(Signature.ERROR_FUNCTION);
        case "LOAD_FILE" -> findings.add(Signature.FILE_ACCESS);
        default -> { }
      }
    }
  }
}
