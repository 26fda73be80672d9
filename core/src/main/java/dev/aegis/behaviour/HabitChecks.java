package dev.aegis.behaviour;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.aegis.analysis.Analysis;
import dev.aegis.analysis.StatementKind;
import dev.aegis.analysis.TableRef;
import dev.aegis.config.BehaviourConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Compares each statement with its principal's learned habits: a table it never touched, a risky kind of
 * statement it never ran (DDL, account changes, DELETE or UPDATE without WHERE), an hour it is never
 * active, a statement rate far above its own. While learning, the statement extends the habits instead.
 * A finding is reported once an hour per principal and subject; bounded memory, no lock on the hot path.
 */
final class HabitChecks {
  static final String UNKNOWN_PRINCIPAL = "unknown-principal";
  static final String FIRST_TABLE_USE = "first-table-use";
  static final String FIRST_STATEMENT_KIND = "first-statement-kind";
  static final String UNUSUAL_HOUR = "unusual-hour";
  static final String STATEMENT_RATE = "statement-rate";

  /** A finding of one statement: rule, severity, score and what it is about (never a value). */
  record Finding(String rule, String severity, double score, String detail) {}

  private final BehaviourConfig config;
  private final boolean learning;
  private final Profiles profiles;
  private final LongSupplier nanos;
  private final LongSupplier epochMillis;
  private final Cache<String, SlidingMinute> rates;
  private final Cache<String, Boolean> reported;

  HabitChecks(BehaviourConfig config, boolean learning, Profiles profiles, LongSupplier nanos,
      LongSupplier epochMillis) {
    this.config = config;
    this.learning = learning;
    this.profiles = profiles;
    this.nanos = nanos;
    this.epochMillis = epochMillis;
    this.rates = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10))
        .executor(Runnable::run)
        .ticker(nanos::getAsLong).build();
    this.reported = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofHours(1))
        .ticker(nanos::getAsLong).build();
  }

  /** The findings of one statement by {@code principal}; empty (and no allocation) when all is usual. */
  List<Finding> check(String principal, Analysis analysis) {
    long now = nanos.getAsLong();
    long statements = rates.get(Profiles.key(principal), k -> new SlidingMinute()).add(now, 1);
    int hour = (int) Math.floorMod(epochMillis.getAsLong() / 3_600_000L, 24L);
    String risky = riskyKind(analysis);
    if (learning) {
      profiles.learn(principal, p -> {
        Profile next = p.withStatements(statements).withHour(hour);
        for (TableRef t : analysis.tablesRead()) {
          next = next.withTable(t.table());
        }
        for (TableRef t : analysis.tablesWritten()) {
          next = next.withTable(t.table());
        }
        return risky == null ? next : next.withKind(risky);
      });
      return List.of();
    }
    Profile profile = profiles.of(principal);
    List<Finding> findings = null;
    if (profile == null) {
      if (once(principal, UNKNOWN_PRINCIPAL, "")) {
        findings = add(findings, new Finding(UNKNOWN_PRINCIPAL, "medium", 0.5,
            "a principal never seen while learning"));
      }
      return findings == null ? List.of() : findings;
    }
    findings = tables(principal, profile, analysis.tablesRead(), findings);
    findings = tables(principal, profile, analysis.tablesWritten(), findings);
    if (risky != null && !profile.kinds().contains(risky) && once(principal, FIRST_STATEMENT_KIND, risky)) {
      findings = add(findings, new Finding(FIRST_STATEMENT_KIND, "high", 0.7,
          "first " + risky + " statement of this principal"));
    }
    if (profile.hours() != 0 && !profile.activeAt(hour) && once(principal, UNUSUAL_HOUR, Integer.toString(hour))) {
      findings = add(findings, new Finding(UNUSUAL_HOUR, "low", 0.3,
          "active at " + hour + ":00 UTC, an hour it never was while learning"));
    }
    long limit = Math.max(config.minStatementsPerMinute(),
        (long) Math.ceil(profile.statementsPerMinute() * config.baselineFactor()));
    if (statements > limit && once(principal, STATEMENT_RATE, "")) {
      findings = add(findings, new Finding(STATEMENT_RATE, "medium", 0.5,
          statements + " statements in the last minute, above this principal's " + limit));
    }
    return findings == null ? List.of() : findings;
  }

  private List<Finding> tables(String principal, Profile profile, Iterable<TableRef> tables, List<Finding> findings) {
    for (TableRef t : tables) {
      if (!profile.tables().contains(t.table()) && once(principal, FIRST_TABLE_USE, t.table())) {
        findings = add(findings, new Finding(FIRST_TABLE_USE, "medium", 0.5,
            "first use of table " + t.table() + " by this principal"));
      }
    }
    return findings;
  }

  private static List<Finding> add(List<Finding> findings, Finding finding) {
    List<Finding> list = findings == null ? new ArrayList<>(2) : findings;
    list.add(finding);
    return list;
  }

  /** True the first time this principal, rule and subject meet within an hour. */
  private boolean once(String principal, String rule, String subject) {
    return reported.asMap().putIfAbsent(Profiles.key(principal) + '\0' + rule + '\0' + subject, Boolean.TRUE) == null;
  }

  /** DDL, account changes and whole-table DELETE/UPDATE: what a principal's first use of deserves a look. */
  static String riskyKind(Analysis analysis) {
    StatementKind kind = analysis.kind();
    return switch (kind) {
      case DDL -> "DDL";
      case ACCOUNT -> "ACCOUNT";
      case DELETE -> analysis.whereless() ? "DELETE-ALL" : null;
      case UPDATE -> analysis.whereless() ? "UPDATE-ALL" : null;
      default -> null;
    };
  }
}
