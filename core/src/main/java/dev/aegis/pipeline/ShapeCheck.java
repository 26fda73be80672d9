package dev.aegis.pipeline;

import dev.aegis.allowlist.Allowlist;
import dev.aegis.allowlist.AllowlistEntry;
import dev.aegis.allowlist.AllowlistFile;
import dev.aegis.allowlist.AllowlistStore;
import dev.aegis.allowlist.Fingerprint;
import dev.aegis.config.AegisConfig;
import dev.aegis.config.DetectionMode;
import dev.aegis.config.Location;
import dev.aegis.context.AegisContext;
import dev.aegis.detect.Verdict;
import dev.aegis.error.AegisBlockedException;
import dev.aegis.error.AegisConfigurationException;
import dev.aegis.error.AegisSqlState;
import dev.aegis.events.SecurityEvent;
import dev.aegis.keys.ConnectionSource;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the allowlist of statement shapes ({@code detection.allowlist}) does in each mode: {@code learn}
 * records every new shape no signature objects to; {@code monitor} reports a shape not in it once;
 * {@code enforce} blocks it before it reaches the server. The allowlist is loaded at the first connect,
 * through connections of its own, and kept fresh by a background thread.
 */
final class ShapeCheck {
  static final String RULE = "unknown-shape";
  private static final Logger LOG = LoggerFactory.getLogger(ShapeCheck.class);
  private static final int DIGEST_IN_MESSAGE = 300;
  private static final double SCORE = Verdict.ALERT_THRESHOLD;

  private final AegisConfig config;
  private final Location location;
  private final Path base;
  private final DetectionMode mode;
  private final Consumer<SecurityEvent> events;
  private final PipelineMetrics metrics;
  private final Clock clock;
  private volatile Allowlist allowlist;

  private ShapeCheck(AegisConfig config, Path base, Consumer<SecurityEvent> events, PipelineMetrics metrics,
      Clock clock) {
    this.config = config;
    this.location = config.detection().allowlist();
    this.base = base;
    this.mode = config.detection().mode();
    this.events = events;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** The check for {@code config}, or null when it has no allowlist or detection is off. */
  static ShapeCheck of(AegisConfig config, Path base, Consumer<SecurityEvent> events, PipelineMetrics metrics,
      Clock clock) {
    DetectionMode mode = config.detection().mode();
    if (config.detection().allowlist() == null) {
      if (mode == DetectionMode.LEARN) {
        LOG.warn("Aegis detection.mode is learn but no detection.allowlist is set: no statement shape is"
            + " recorded (statements are judged and logged as in monitor). Set detection.allowlist to"
            + " file:PATH or jdbc to learn.");
      }
      return null;
    }
    return mode == DetectionMode.OFF ? null : new ShapeCheck(config, base, events, metrics, clock);
  }

  /**
   * Loads the allowlist at the first connect. A malformed allowlist file fails the connect in every mode; a
   * store out of reach fails it in {@code enforce} (nothing could pass) and is only logged in the other
   * modes, which block nothing. The next connect tries again.
   */
  void open(ConnectionSource connections) throws SQLException {
    if (allowlist != null) {
      return;
    }
    synchronized (this) {
      if (allowlist != null) {
        return;
      }
      AllowlistStore store = AllowlistStore.of(location, base, connections);
      try {
        if (mode == DetectionMode.ENFORCE && !store.exists()) {
          throw new AegisConfigurationException(AegisSqlState.CONFIG_NOT_FOUND, "detection.mode is enforce"
              + " but the allowlist " + store.describe() + " does not exist, so every statement would be"
              + " blocked. Record the application's statements first with detection.mode: learn (see"
              + " docs/allowlist.md), or check detection.allowlist.");
        }
        if (mode != DetectionMode.ENFORCE) {
          store.create();
        }
        allowlist = Allowlist.start(store, config.detection().allowlistRefresh(), config.analysis().cacheSize(),
            clock);
      } catch (SQLException | RuntimeException e) {
        // A malformed file is the operator's to fix whatever the mode (learning would rewrite it); a store
        // out of reach stops only enforce, which could let nothing through without it.
        if (mode == DetectionMode.ENFORCE || e instanceof AegisConfigurationException invalid
            && invalid.state() == AegisSqlState.CONFIG_INVALID) {
          throw e;
        }
        LOG.warn("Aegis cannot load the allowlist {} ({}); detection.mode {} goes on without it and the next"
            + " connection tries again", store.describe(), e.getMessage(), modeName());
        return;
      }
      LOG.info("Aegis allowlist {} loaded: {} statement shape(s), detection.mode {}", store.describe(),
          allowlist.size(), modeName());
      if (mode == DetectionMode.ENFORCE && allowlist.size() == 0) {
        LOG.warn("Aegis allowlist {} is empty and detection.mode is enforce: every statement is blocked until"
            + " shapes are learnt (detection.mode: learn) or merged in ('aegis learn merge')", store.describe());
      }
    }
  }

  /**
   * Acts on one statement's shape after the signatures judged it.
   *
   * @param verdict the signatures' verdict, or null when detection failed on the statement (never learnt)
   * @throws AegisBlockedException in enforce, for a shape not in the allowlist
   */
  void check(Session session, String digest, Verdict verdict) throws AegisBlockedException {
    Allowlist shapes = allowlist;
    if (shapes == null) {
      if (mode == DetectionMode.ENFORCE) {
        // Enforce without its allowlist lets nothing through: failing open here would disable it silently.
        throw blocked(digest, verdict, "the allowlist " + location + " is not loaded on this connection");
      }
      return;
    }
    if (shapes.contains(digest)) {
      return;
    }
    switch (mode) {
      case LEARN -> {
        // Never learn an attack: a shape any signature objects to stays unknown, so enforce blocks it.
        if (verdict != null && verdict.action() == Verdict.Action.ALLOW) {
          AegisContext.Caller caller = session.caller();
          shapes.learn(digest, AllowlistEntry.caller(caller.principal(), caller.address()));
        }
      }
      case MONITOR -> {
        if (shapes.firstReport(digest)) {
          metrics.unknownShape();
          events.accept(event(session, digest, verdict, "alert"));
        }
      }
      case ENFORCE -> {
        metrics.unknownShape();
        events.accept(event(session, digest, verdict, "block"));
        throw blocked(digest, verdict, "its shape is not in the allowlist " + shapes.describe());
      }
      default -> { }
    }
  }

  /** The allowlist, once loaded; for tests. */
  Allowlist allowlist() {
    return allowlist;
  }

  private SecurityEvent event(Session session, String digest, Verdict verdict, String action) {
    AegisContext.Caller caller = session.caller();
    return new SecurityEvent(Instant.now(clock), RULE, "allowlist", "medium", score(verdict), action,
        caller.principal(), caller.address(), digest, "statement shape not in the allowlist "
        + location);
  }

  private static double score(Verdict verdict) {
    return verdict == null ? SCORE : Math.max(SCORE, verdict.score());
  }

  private static AegisBlockedException blocked(String digest, Verdict verdict, String why) {
    boolean shortShape = digest.length() <= DIGEST_IN_MESSAGE;
    String shape = shortShape ? digest : digest.substring(0, DIGEST_IN_MESSAGE) + "…";
    String line = shortShape ? "; or add this line to an allowlist file and merge it in with 'aegis learn"
        + " merge': " + AllowlistFile.line(new AllowlistEntry(Fingerprint.of(digest), digest, null, null, null))
        : "";
    return new AegisBlockedException("Aegis blocked this statement before it reached the server: " + why
        + " (rule " + RULE + ", detection.mode enforce; see docs/allowlist.md). Statement shape: " + shape
        + ". If the application really sends this, learn it: run the application with detection.mode:"
        + " learn on this allowlist (in staging) and review the new shape" + line, score(verdict),
        List.of(RULE), digest);
  }

  private String modeName() {
    return mode.name().toLowerCase(Locale.ROOT);
  }
}
