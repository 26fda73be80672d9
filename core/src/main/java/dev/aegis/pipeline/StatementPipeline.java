package dev.aegis.pipeline;

import dev.aegis.allowlist.Allowlist;
import dev.aegis.analysis.Analysis;
import dev.aegis.behaviour.BehaviourChecks;
import dev.aegis.behaviour.FileProfileStore;
import dev.aegis.behaviour.JdbcProfileStore;
import dev.aegis.behaviour.ProfileStore;
import dev.aegis.behaviour.ResultWatch;
import dev.aegis.config.AegisConfig;
import dev.aegis.config.Location;
import dev.aegis.events.SecurityEvent;
import java.util.function.Consumer;
import dev.aegis.config.AnalysisConfig;
import dev.aegis.config.DetectionMode;
import dev.aegis.detect.Detector;
import dev.aegis.detect.Verdict;
import dev.aegis.encrypt.ColumnEncryption;
import dev.aegis.encrypt.PreparedSql;
import dev.aegis.encrypt.ResultDecryption;
import dev.aegis.error.AegisBlockedException;
import dev.aegis.error.AegisEncryptionException;
import dev.aegis.events.SecurityEvent;
import dev.aegis.events.EventDispatcher;
import dev.aegis.events.SecurityEventListener;
import dev.aegis.keys.ConnectionSource;
import dev.aegis.keys.KeysetReload;
import dev.aegis.lexer.LexedStatement;
import dev.aegis.lexer.Lexer;
import dev.aegis.lexer.LexerLimits;
import dev.aegis.lockout.LoginGuard;
import dev.aegis.lockout.TimeSource;
import dev.aegis.response.BlockList;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSetMetaData;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place every SQL text passes before the delegate driver sees it. The JDBC wrappers call
 * {@link #intercept} and nothing else; analysis, detection and encryption plug in here.
 *
 * <p>Each statement is lexed once (its digest keys the analysis cache, so the parser runs once per shape)
 * and judged by the {@link Detector}. In {@code enforce} mode a verdict at or above the block threshold
 * stops the statement with {@link dev.aegis.error.AegisBlockedException}; in every mode but {@code off}
 * alerts and blocks are counted and published as security events ({@link EventDispatcher}: the
 * {@code aegis.security} log, listeners, the optional table), one per rule that fired. Client info that would break out of the comment Connector/J
 * carries it in is refused. With encrypted columns configured, the statement's shape also decides which
 * literals and parameters are encrypted, or refuses the statement ({@link ColumnEncryption}); the keys are
 * loaded at the first connect. With {@code detection.allowlist}, the statement's shape is also checked
 * against the learned shapes ({@link ShapeCheck}): recorded in learn, reported in monitor, blocked in
 * enforce when unknown. In enforce, automatic response ({@link ResponseCheck}) blocks callers whose
 * statements keep being blocked, and refuses every statement of a blocked caller before judging it. Logins
 * through this configuration are guarded against brute force by its {@link #logins()} guard. Shared by
 * every connection that uses the same configuration; safe for concurrent use without locks on the statement
 * path.
 */
public final class StatementPipeline implements Pipeline {
  private final AegisConfig config;
  private final PipelineMetrics metrics;
  private final DetectionMode mode;
  private final LexerLimits limits;
  /** Analyses statement shapes (cached per digest); null only when neither detection nor encryption runs. */
  private final Detector detector;
  private final boolean judging;
  private final EncryptionKeys keys;
  private final LoginGuard logins;
  private final dev.aegis.encrypt.CryptoMeters cryptoMeters;
  /** The allowlist's part; null without {@code detection.allowlist} or with detection off. */
  private final ShapeCheck shapes;
  private final EventDispatcher dispatcher;
  private volatile ColumnEncryption encryption;
  private volatile Detector offlineDetector;
  private final BehaviourChecks behaviour;
  /** Automatic response; null unless detection is in enforce mode with response enabled. */
  private final ResponseCheck response;
  /** Where every part publishes its security events: the dispatcher (or a test's consumer). */
  private final Consumer<SecurityEvent> events;
  /** Texts already lexed and judged; null only when neither detection nor encryption runs. */
  private final ScreenedTexts texts;
  /** The digest of the last statement this thread screened: results name it in their findings. */
  private final ThreadLocal<String> lastDigest = new ThreadLocal<>();

  private StatementPipeline(AegisConfig config, MeterRegistry registry, Function<String, Analysis> analyzer,
      Path base, TimeSource time, List<SecurityEventListener> listeners, Consumer<SecurityEvent> sink) {
    this.config = Objects.requireNonNull(config, "config");
    this.metrics = new PipelineMetrics(Objects.requireNonNull(registry, "registry"));
    this.mode = config.detection().mode();
    AnalysisConfig analysis = config.analysis();
    this.limits = new LexerLimits(analysis.maxLength(), analysis.maxTokens(), analysis.maxDepth());
    this.judging = mode != DetectionMode.OFF;
    this.detector = judging || !config.columns().isEmpty()
        ? new Detector(analyzer, analysis.cacheSize(), config.detection().blockThreshold())
        : null;
    this.texts = detector == null ? null : new ScreenedTexts(config.columns().isEmpty());
    if (detector != null) {
      try {
        detector.bindMetrics(registry);
      } catch (RuntimeException e) {
        // Meters are optional: a registry that refuses them leaves the pipeline working.
      }
    }
    this.cryptoMeters = dev.aegis.encrypt.CryptoMeters.of(registry);
    this.dispatcher = EventDispatcher.create(config.events(), registry, listeners);
    this.events = sink != null ? sink : dispatcher::publish;
    this.keys = config.columns().isEmpty() ? null : new EncryptionKeys(config, base, registry, time, events);
    this.logins = LoginGuard.create(config.lockout(), registry, time, events);
    this.shapes = ShapeCheck.of(config, base, events, metrics, Clock.systemUTC());
    this.response = ResponseCheck.of(config, registry, time, events);
    this.behaviour = judging ? new BehaviourChecks(config.behaviour(), mode == DetectionMode.LEARN,
        profiles(config, base), config.behaviour().profiles() != null, System::nanoTime, events, registry,
        response == null ? null : response::canaryRead) : null;
  }

  private static ProfileStore profiles(AegisConfig config, Path base) {
    Location profiles = config.behaviour().profiles();
    // A table is attached at the first connect, when Aegis can open connections of its own.
    return profiles == null || profiles.scheme() == Location.Scheme.JDBC ? null
        : new FileProfileStore(base.resolve(profiles.target()));
  }

  /** A pipeline for {@code config} that records its meters in {@code registry}. */
  public static StatementPipeline create(AegisConfig config, MeterRegistry registry) {
    return create(config, registry, Path.of(""));
  }

  /**
   * A pipeline for {@code config}, read from a file in {@code base}: relative key locations start there.
   */
  public static StatementPipeline create(AegisConfig config, MeterRegistry registry, Path base) {
    return create(config, registry, base, TimeSource.system(), List.of());
  }

  /** As below, on the system's time. */
  public static StatementPipeline create(AegisConfig config, MeterRegistry registry, Path base,
      List<SecurityEventListener> listeners) {
    return create(config, registry, base, TimeSource.system(), listeners);
  }

  /**
   * A pipeline for {@code config}, read from a file in {@code base}, whose security events also go to
   * {@code listeners} (after those found through {@link java.util.ServiceLoader}), and whose lockouts are
   * timed by {@code time} (tests move it forward instead of sleeping; applications pass
   * {@link TimeSource#system()}).
   */
  public static StatementPipeline create(AegisConfig config, MeterRegistry registry, Path base,
      TimeSource time, List<SecurityEventListener> listeners) {
    return new StatementPipeline(config, registry, Analyzers.standard(), base, time, List.copyOf(listeners),
        null);
  }

  /** A pipeline with another analyser, for tests and benchmarks. */
  static StatementPipeline create(AegisConfig config, MeterRegistry registry,
      Function<String, Analysis> analyzer) {
    return new StatementPipeline(config, registry, analyzer, Path.of(""), TimeSource.system(), List.of(), null);
  }

  /** A pipeline whose security events go to {@code events} instead of the dispatcher, for tests. */
  static StatementPipeline create(AegisConfig config, MeterRegistry registry, Path base,
      Consumer<SecurityEvent> events) {
    return create(config, registry, base, TimeSource.system(), events);
  }

  /** A pipeline on {@code time} whose security events go to {@code events}, for tests. */
  static StatementPipeline create(AegisConfig config, MeterRegistry registry, Path base, TimeSource time,
      Consumer<SecurityEvent> events) {
    return new StatementPipeline(config, registry, Analyzers.standard(), base, time, List.of(), events);
  }

  /**
   * The brute-force guard of logins through this configuration: connects ask it before contacting the
   * server and report their outcome to it (docs/lockout.md).
   */
  public LoginGuard logins() {
    return logins;
  }

  /** Where this pipeline's security events go; other detectors publish theirs here too. */
  public EventDispatcher events() {
    return dispatcher;
  }

  @Override
  public void open(Connection delegate, ConnectionSource connections) throws SQLException {
    dispatcher.connectWith(connections);
    attachProfileTable(connections);
    if (shapes != null) {
      shapes.open(connections);
    }
    if (response != null) {
      response.open(connections);
    }
    if (keys == null || encryption != null) {
      return;
    }
    synchronized (keys) {
      if (encryption == null) {
        encryption = new ColumnEncryption(keys.load(delegate, connections, cryptoMeters), config.analysis().cacheSize(),
            metrics::plaintextRead);
      }
    }
  }

  @Override
  public AegisConfig config() {
    return config;
  }

  /** The allowlist once loaded, or null; for tests. */
  Allowlist allowlist() {
    return shapes == null ? null : shapes.allowlist();
  }

  /** The reload of the encryption keys once loaded, or null; for tests. */
  KeysetReload keyReload() {
    return keys == null ? null : keys.reload();
  }

  /** The column encryption once the keys are loaded, or null; for tests. */
  ColumnEncryption loadedEncryption() {
    return encryption;
  }

  /** Automatic response's blocks once started, or null; for tests. */
  BlockList blocks() {
    return response == null ? null : response.blocks();
  }

  /** How many times recording a meter failed (the statements went on regardless). */
  long telemetryFailures() {
    return metrics.failures();
  }

  @Override
  public String intercept(Session session, SqlEntry entry, String sql) throws SQLException {
    long start = PipelineMetrics.start();
    try {
      if (detector == null || sql == null) {
        return sql;
      }
      LexedStatement statement = screen(session, entry, sql);
      ColumnEncryption columns = encryption(statement);
      return columns == null ? sql : columns.rewrite(statement, detector.analysis(statement));
    } catch (RuntimeException | StackOverflowError e) {
      if (keys != null) {
        throw encryptionFault(e);
      }
      detectionFault(entry, e);
      return sql;
    } catch (AegisEncryptionException refused) {
      metrics.refusal();
      throw refused;
    } finally {
      metrics.record(entry, start);
    }
  }

  @Override
  public PreparedSql prepare(Session session, SqlEntry entry, String sql) throws SQLException {
    long start = PipelineMetrics.start();
    try {
      if (detector == null || sql == null) {
        return new PreparedSql(sql, null);
      }
      LexedStatement statement = screen(session, entry, sql);
      ColumnEncryption columns = encryption(statement);
      return columns == null ? new PreparedSql(sql, null)
          : columns.prepare(statement, detector.analysis(statement));
    } catch (RuntimeException | StackOverflowError e) {
      if (keys != null) {
        throw encryptionFault(e);
      }
      detectionFault(entry, e);
      return new PreparedSql(sql, null);
    } catch (AegisEncryptionException refused) {
      metrics.refusal();
      throw refused;
    } finally {
      metrics.record(entry, start);
    }
  }

  /**
   * A fault in detection must not stop the application's statement: it is counted, logged, and the
   * statement goes on (fail open, as for a statement the parser cannot read).
   */
  private void detectionFault(SqlEntry entry, Throwable e) {
    metrics.detectionFault();
    SecurityLog.failure(entry, e);
  }

  /**
   * A fault inside encryption planning: with encrypted columns configured the statement could carry their
   * plaintext, so it is refused (fail closed), counted and logged without the statement's text.
   */
  private SQLException encryptionFault(Throwable e) {
    metrics.refusal();
    SecurityLog.failure(SqlEntry.EXECUTE, e);
    return new AegisEncryptionException(dev.aegis.error.AegisSqlState.ENCRYPTION_UNSUPPORTED, "Aegis refused"
        + " the statement: planning its encryption failed (" + e.getClass().getSimpleName() + "), so it"
        + " cannot tell which values to encrypt. Nothing was sent to the server; please report this.");
  }

  private volatile boolean profileTableAttached;

  /** {@code behaviour.profiles: jdbc}: the table is loaded once, at the first connect that can open connections. */
  private void attachProfileTable(ConnectionSource connections) {
    Location profiles = config.behaviour().profiles();
    if (behaviour == null || connections == null || profiles == null || profiles.scheme() != Location.Scheme.JDBC
        || profileTableAttached) {
      return;
    }
    synchronized (this) {
      if (!profileTableAttached) {
        behaviour.attachProfiles(new JdbcProfileStore(connections));
        profileTableAttached = true;
      }
    }
  }

  @Override
  public void serverError(Session session, String digest, SQLException failure) {
    if (behaviour != null) {
      try {
        behaviour.serverError(session.caller(), digest, failure.getSQLState());
      } catch (RuntimeException e) {
        // The application's failure is what matters; a fault here must not replace it.
      }
    }
  }

  @Override
  public void admit(Session session) throws SQLException {
    if (response != null) {
      response.admit(session);
    }
  }

  @Override
  public String lastDigest() {
    return lastDigest.get();
  }

  @Override
  public ResultWatch watch(Session session, String digest, java.sql.ResultSet results) throws SQLException {
    return behaviour == null ? null : behaviour.watch(session.caller(), digest, results,
        response != null && response.respondsToCanary(session));
  }

  @Override
  public ResultDecryption results(ResultSetMetaData metadata) throws SQLException {
    ColumnEncryption columns = encryption;
    return columns == null ? null : columns.results(metadata);
  }

  @Override
  public boolean decrypts() {
    return encryption != null;
  }

  /**
   * The encryption to apply, or null when no column is encrypted. A statement met before the keys are
   * loaded (a pipeline used without {@link #open}) is refused rather than sent unencrypted.
   */
  private ColumnEncryption encryption(LexedStatement statement) throws SQLException {
    if (keys == null) {
      return null;
    }
    ColumnEncryption columns = encryption;
    if (columns == null) {
      throw new AegisEncryptionException(dev.aegis.error.AegisSqlState.ENCRYPTION_UNSUPPORTED, "Aegis refused"
          + " the statement: encrypted columns are configured but their keys were never loaded on this"
          + " connection. Nothing was sent to the server.");
    }
    return columns;
  }

  /**
   * Refuses the statement of a blocked caller, then {@link #examine}s it; a statement blocked there counts
   * towards blocking its caller.
   */
  private LexedStatement screen(Session session, SqlEntry entry, String sql) throws SQLException {
    if (response == null) {
      return examine(session, entry, sql);
    }
    response.admit(session);
    try {
      return examine(session, entry, sql);
    } catch (AegisBlockedException blocked) {
      response.blocked(session, blocked.rules(), blocked.digest());
      throw blocked;
    }
  }

  /**
   * Lexes the statement once and, unless detection is off, judges it (a text screened before is found in
   * {@link ScreenedTexts} instead); a block in enforce mode throws.
   * Returns the statement as the server's default mode reads it, which is what encryption rewrites.
   */
  private LexedStatement examine(Session session, SqlEntry entry, String sql) throws SQLException {
    ScreenedTexts.Screened screened = texts.find(sql);
    if (screened == null) {
      LexedStatement statement = Lexer.lex(sql, limits);
      if (!judging) {
        screened = new ScreenedTexts.Screened(statement, null, null);
      } else {
        try {
          Judged judged = judge(detector, statement);
          screened = new ScreenedTexts.Screened(statement, judged.statement(), judged.verdict());
        } catch (RuntimeException | StackOverflowError e) {
          lastDigest.set(statement.digest());
          detectionFault(entry, e);
          // The allowlist needs only the digest: enforce still stops an unknown shape the signatures failed on.
          if (shapes != null) {
            shapes.check(session, statement.digest(), null);
          }
          return statement;
        }
      }
      texts.keep(sql, screened);
    }
    LexedStatement statement = screened.statement();
    lastDigest.set(statement.digest());
    if (!judging) {
      return statement;
    }
    Verdict verdict = screened.verdict();
    String digest = screened.judged().digest();
    // Habits are learned only from statements no signature objects to, and judged for all others.
    if (behaviour != null && behaviour.judgesHabits()
        && (mode != DetectionMode.LEARN || verdict.action() == Verdict.Action.ALLOW)) {
      behaviour.statement(session.caller(), statement.digest(), detector.analysis(statement));
    }
    if (verdict.action() != Verdict.Action.ALLOW) {
      metrics.verdict(verdict.action());
      try {
        VerdictEvents.publish(events, session, entry, digest, verdict, mode);
      } catch (RuntimeException e) {
        // Reporting must not change what happens to the statement; counted and logged like a fault.
        detectionFault(entry, e);
      }
      if (verdict.action() == Verdict.Action.BLOCK && mode == DetectionMode.ENFORCE) {
        throw SecurityLog.blocked(digest, verdict);
      }
    }
    if (shapes != null) {
      // The shape of the reading the verdict is on: learn and enforce see the same one for the same text.
      shapes.check(session, digest, verdict);
    }
    return statement;
  }

  /** Judges {@code sql} as enforce mode would, without acting on it: what {@code aegis inspect} prints. */
  public Inspection inspect(String sql) {
    Judged judged = judge(inspector(), Lexer.lex(sql, limits));
    return new Inspection(judged.statement().digest(), judged.verdict());
  }

  private record Judged(LexedStatement statement, Verdict verdict) {}

  /**
   * Lexes and judges one statement. One with a backslash in a string is also read as a server in
   * NO_BACKSLASH_ESCAPES mode reads it ('a\' ends at the backslash there), and the worse verdict counts
   * when that reading is well-formed. Only statements with such a backslash pay for the second look.
   */
  private Judged judge(Detector judge, LexedStatement statement) {
    String sql = statement.sql();
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
    if (judging) {
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
