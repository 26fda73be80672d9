package dev.aegis.behaviour;

import dev.aegis.config.BehaviourConfig;
import dev.aegis.context.AegisContext;
import dev.aegis.events.SecurityEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Checks on what callers read, seen from the results as the application reads them: mass data access
 * ({@link DataAccessMonitor}) and canary values — decoys that no legitimate code path ever reads, so a
 * result that returns one is an intrusion that no statement signature sees. One per configuration;
 * thread-safe.
 */
public final class BehaviourChecks {
  public static final String MASS_DATA_ACCESS = "mass-data-access";
  private static final int[] NO_COLUMNS = new int[0];
  public static final String CANARY_READ = "canary-read";
  public static final String SYNTAX_ERROR_BURST = "syntax-error-burst";

  private final BehaviourConfig config;
  private final Profiles profiles;
  private final DataAccessMonitor volumes;
  private final HabitChecks habits;
  private final Map<String, Set<String>> canaries = new HashMap<>();
  private final Consumer<SecurityEvent> events;
  private final CanaryListener onCanary;
  private final Counter massAccess;
  private final Counter canaryReads;
  private final Counter habitFindings;
  private final Counter syntaxBursts;
  private final LongSupplier nanos;
  private final com.github.benmanes.caffeine.cache.Cache<String, SlidingMinute> syntaxErrors;

  /**
   * @param learning whether volumes train baselines (detection mode learn) instead of being judged
   * @param profiles where baselines persist, or null (none, or a table attached at the first connect)
   * @param profiled whether profiles are configured at all (a file, or a table attached later)
   * @param events where findings go
   * @param onCanary told of canary reads by callers that may be blocked for them, or null
   */
  public BehaviourChecks(BehaviourConfig config, boolean learning, ProfileStore profiles, boolean profiled,
      LongSupplier nanos, Consumer<SecurityEvent> events, MeterRegistry registry, CanaryListener onCanary) {
    this.config = config;
    this.profiles = new Profiles(profiles);
    this.volumes = new DataAccessMonitor(config, learning, nanos, this.profiles, learning || profiled);
    // Without learned profiles every principal would be "new": habits are checked only where they are learned.
    this.habits = learning || profiled
        ? new HabitChecks(config, learning, this.profiles, nanos, System::currentTimeMillis) : null;
    for (BehaviourConfig.Canary canary : config.canaries()) {
      canaries.computeIfAbsent(ResultWatch.key(canary), k -> new HashSet<>()).add(canary.value());
    }
    this.events = events;
    this.onCanary = onCanary;
    this.massAccess = Counter.builder("aegis.behaviour.findings").tag("rule", MASS_DATA_ACCESS)
        .description("Behaviour findings: mass data access and canary reads").register(registry);
    this.nanos = nanos;
    this.syntaxErrors = com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(100_000)
        .expireAfterAccess(java.time.Duration.ofMinutes(10)).ticker(nanos::getAsLong).build();
    this.syntaxBursts = Counter.builder("aegis.behaviour.findings").tag("rule", SYNTAX_ERROR_BURST)
        .description("Behaviour findings: mass data access and canary reads").register(registry);
    this.habitFindings = Counter.builder("aegis.behaviour.findings").tag("rule", "habit")
        .description("Behaviour findings: mass data access and canary reads").register(registry);
    this.canaryReads = Counter.builder("aegis.behaviour.findings").tag("rule", CANARY_READ)
        .description("Behaviour findings: mass data access and canary reads").register(registry);
  }

  /**
   * The watch over one result read by {@code caller}, produced by the statement of shape {@code digest}.
   *
   * @param respond whether a canary read is also passed to the {@link CanaryListener}: the caller's principal
   *     is one automatic response may block
   */
  public ResultWatch watch(AegisContext.Caller caller, String digest, java.sql.ResultSet results, boolean respond)
      throws SQLException {
    int[] columns = NO_COLUMNS;
    List<Set<String>> values = List.of();
    if (!canaries.isEmpty()) {
      // Metadata is read only when there are canaries to look for.
      values = new ArrayList<>(1);
      columns = ResultWatch.canaryColumns(results.getMetaData(), canaries, values);
    }
    return new ResultWatch(this, caller.principal(), caller.address(), digest, columns, values,
        respond && onCanary != null && caller.principal() != null);
  }

  /**
   * Compares one statement with its principal's habits (or learns them) and publishes what is unusual.
   * Called for every statement judged, after its analysis is cached: a map lookup or two when all is usual.
   */
  /** Loads and from now on saves profiles in the database table (behaviour.profiles: jdbc). */
  public void attachProfiles(ProfileStore store) {
    profiles.attach(store);
  }

  /** Whether statements are compared with learned habits; without profiles there is nothing to compare. */
  public boolean judgesHabits() {
    return habits != null;
  }

  public void statement(AegisContext.Caller caller, String digest, dev.aegis.analysis.Analysis analysis) {
    if (habits == null) {
      return;
    }
    for (HabitChecks.Finding finding : habits.check(caller.principal(), analysis)) {
      count(habitFindings);
      publish(finding.rule(), finding.severity(), finding.score(), caller.principal(), caller.address(), digest,
          finding.detail());
    }
  }

  /**
   * A statement failed on the server. A burst of syntax errors (SQLState class 42) from one principal —
   * more than {@code max-syntax-errors-per-minute} — is how injection probing looks from the database:
   * the attacker's guesses break the application's SQL.
   */
  public void serverError(AegisContext.Caller caller, String digest, String sqlState) {
    if (sqlState == null || !sqlState.startsWith("42")) {
      return;
    }
    long now = nanos.getAsLong();
    SlidingMinute window = syntaxErrors.get(Profiles.key(caller.principal()), k -> new SlidingMinute());
    long errors = window.add(now, 1);
    if (errors > config.maxSyntaxErrorsPerMinute() && window.firstReportThisMinute(now)) {
      count(syntaxBursts);
      publish(SYNTAX_ERROR_BURST, "high", 0.7, caller.principal(), caller.address(), digest, errors
          + " statements failed with syntax or access errors in the last minute");
    }
  }

  void statementRows(String principal, String address, String digest, long rows) {
    if (volumes.tooManyForOneStatement(rows)) {
      count(massAccess);
      publish(MASS_DATA_ACCESS, "high", 0.8, principal, address, digest, "one result returned more than "
          + config.maxRowsPerStatement() + " rows");
    }
  }

  void rowsRead(String principal, String address, String digest, long rows) {
    long total = volumes.read(principal, rows);
    if (total >= 0) {
      count(massAccess);
      publish(MASS_DATA_ACCESS, "high", 0.8, principal, address, digest, "read " + total + " rows in the last"
          + " minute, above this principal's threshold of " + volumes.threshold(principal));
    }
  }

  void canaryRead(String principal, String address, String digest, int column, boolean respond) {
    count(canaryReads);
    publish(CANARY_READ, "critical", 1.0, principal, address, digest, "a result returned a canary value (column "
        + column + " of the result); no legitimate code path reads it");
    if (respond) {
      try {
        onCanary.canaryRead(principal, address, digest);
      } catch (RuntimeException e) {
        // Responding must never break the application's read; the finding was published above.
      }
    }
  }

  /** A meter backend that fails must not break the application's statement or read. */
  private static void count(Counter counter) {
    try {
      counter.increment();
    } catch (RuntimeException e) {
      // Counted nowhere: the registry itself is what failed.
    }
  }

  private void publish(String rule, String severity, double score, String principal, String address,
      String digest, String detail) {
    try {
      events.accept(new SecurityEvent(Instant.now(), rule, "behaviour", severity, score, "alert", principal,
          address, digest, detail));
    } catch (RuntimeException e) {
      // Publishing must never break the application's read.
    }
  }

  DataAccessMonitor volumes() {
    return volumes;
  }
}
