package dev.aegis.pipeline;

import dev.aegis.config.AegisConfig;
import dev.aegis.config.DetectionMode;
import dev.aegis.config.DurationSetting;
import dev.aegis.config.ResponseConfig;
import dev.aegis.config.ResponseStore;
import dev.aegis.context.AegisContext;
import dev.aegis.error.AegisCallerBlockedException;
import dev.aegis.error.AegisConfigurationException;
import dev.aegis.error.AegisSqlState;
import dev.aegis.events.SecurityEvent;
import dev.aegis.keys.ConnectionSource;
import dev.aegis.lockout.TimeSource;
import dev.aegis.response.Block;
import dev.aegis.response.BlockKind;
import dev.aegis.response.BlockList;
import dev.aegis.response.BlockStore;
import dev.aegis.response.InstanceName;
import dev.aegis.response.JdbcBlockStore;
import dev.aegis.response.RuleWindow;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Automatic response ({@code response:}, docs/response.md), in {@code enforce} mode only: a caller whose
 * statements are blocked {@code block-after} times within {@code within}, or who reads a canary value, is
 * blocked for {@code block-for}; every statement of a blocked caller is then refused before it is even
 * judged. Callers are what the application set in {@link AegisContext}: the fallbacks (the database user,
 * this host) would block the whole application, so the database user counts only with
 * {@code block-database-user} and this host never does. Blocks live in a {@link BlockList}, started at the
 * first connect and shared through {@code aegis_blocks} unless the store is {@code memory}.
 */
final class ResponseCheck {
  static final String CALLER_BLOCKED = "caller-blocked";
  /** Subjects counted at most per kind; the least recently blocked are forgotten first. */
  private static final int MAX_SUBJECTS = 10_000;
  private static final Logger LOG = LoggerFactory.getLogger(ResponseCheck.class);

  private final ResponseConfig config;
  private final TimeSource time;
  private final Consumer<SecurityEvent> events;
  private final ResponseMetrics metrics;
  /** Null when the scope does not count principals, or addresses. */
  private final RuleWindow principals;
  private final RuleWindow addresses;
  private final AtomicBoolean longSubjectLogged = new AtomicBoolean();
  /** Null until the first connect; before it, nothing is refused or counted. */
  private volatile BlockList blocks;

  private ResponseCheck(ResponseConfig config, MeterRegistry registry, TimeSource time,
      Consumer<SecurityEvent> events) {
    this.config = config;
    this.time = time;
    this.events = events;
    this.metrics = new ResponseMetrics(registry);
    this.principals = config.scope().principals()
        ? new RuleWindow(config.blockAfter(), config.within(), time, MAX_SUBJECTS) : null;
    this.addresses = config.scope().addresses()
        ? new RuleWindow(config.blockAfter(), config.within(), time, MAX_SUBJECTS) : null;
  }

  /** The response for {@code config}, or null where it does nothing: disabled, or detection not in enforce. */
  static ResponseCheck of(AegisConfig config, MeterRegistry registry, TimeSource time,
      Consumer<SecurityEvent> events) {
    ResponseConfig response = config.response();
    DetectionMode mode = config.detection().mode();
    if (!response.enabled()) {
      return null;
    }
    if (mode != DetectionMode.ENFORCE) {
      if (!response.isDefault()) {
        LOG.info("Aegis response: settings are given but detection.mode is {}; callers are blocked in enforce"
            + " mode only", mode.name().toLowerCase(Locale.ROOT));
      }
      return null;
    }
    return new ResponseCheck(response, registry, time, events);
  }

  /**
   * Starts the block list at the first connect. Creating and reading the table happen on the background
   * thread, so a connect never waits for them.
   *
   * @throws AegisConfigurationException when {@code store: jdbc} is asked for where Aegis cannot open
   *     connections of its own
   */
  void open(ConnectionSource connections) throws AegisConfigurationException {
    if (blocks != null) {
      return;
    }
    synchronized (this) {
      if (blocks == null) {
        BlockStore store = store(connections);
        InstanceName.get(); // the host name lookup, once, here rather than when the first block starts
        blocks = BlockList.start(store, config.refresh(), time);
        LOG.info("Aegis response: callers are blocked for {} after {} blocked statement(s) within {} (scope {}{});"
            + " blocks kept in the {}", DurationSetting.format(config.blockFor()), config.blockAfter(),
            DurationSetting.format(config.within()), config.scope().name().toLowerCase(Locale.ROOT),
            config.blockOnCanary() ? ", and at once on a canary read" : "", blocks.describe());
      }
    }
  }

  private BlockStore store(ConnectionSource connections) throws AegisConfigurationException {
    ResponseStore wanted = config.store();
    if (wanted == ResponseStore.MEMORY || wanted == null && connections == null) {
      return null;
    }
    if (connections == null) {
      throw new AegisConfigurationException(AegisSqlState.CONFIG_INVALID, "response.store is jdbc, but Aegis"
          + " cannot open connections of its own here to reach table aegis_blocks; set response.store: memory.");
    }
    return new JdbcBlockStore(connections);
  }

  /** The block list once started; for tests. */
  BlockList blocks() {
    return blocks;
  }

  /**
   * Refuses the statement when its caller is blocked. A volatile read and a map look-up or two; allocates
   * nothing when the caller is not blocked.
   */
  void admit(Session session) throws AegisCallerBlockedException {
    BlockList list = blocks;
    if (list == null) {
      return;
    }
    BlockList.Hit hit = list.find(principal(session), address());
    if (hit != null) {
      metrics.refused(hit.principal() != null ? BlockKind.PRINCIPAL : BlockKind.ADDRESS);
      throw BlockMessages.refused(hit);
    }
  }

  /** Whether a canary read by this session's caller blocks it, so its result watch passes reads on. */
  boolean respondsToCanary(Session session) {
    return blocks != null && config.blockOnCanary() && principal(session) != null;
  }

  /** A statement of this session's caller was blocked (ZA100): counts it, and blocks the caller at the limit. */
  void blocked(Session session, List<String> rules, String digest) {
    BlockList list = blocks;
    if (list == null) {
      return;
    }
    try {
      String principal = principal(session);
      String address = address();
      if (principals != null && principal != null) {
        List<String> fired = principals.record(principal, rules);
        if (fired != null) {
          start(list, BlockKind.PRINCIPAL, principal, address, digest, BlockMessages.repeated(config, fired));
        }
      }
      if (addresses != null && address != null) {
        List<String> fired = addresses.record(address, rules);
        if (fired != null) {
          start(list, BlockKind.ADDRESS, address, principal, digest, BlockMessages.repeated(config, fired));
        }
      }
    } catch (RuntimeException e) {
      // The statement is blocked whatever happens here: a fault must not become a detection fault, which
      // would let it through.
      LOG.error("Aegis response failed to count a blocked statement ({}); the statement stays blocked",
          e.getClass().getName());
    }
  }

  /** A result returned a canary value to {@code principal}, which {@link #respondsToCanary} let through. */
  void canaryRead(String principal, String address, String digest) {
    BlockList list = blocks;
    if (list != null && config.blockOnCanary()) {
      start(list, BlockKind.PRINCIPAL, principal, address, digest, BlockMessages.canary());
    }
  }

  /** @param other the caller's other identity (its address for a principal's block), for the event */
  private void start(BlockList list, BlockKind kind, String subject, String other, String digest, String reason) {
    if (!Block.storable(subject)) {
      if (longSubjectLogged.compareAndSet(false, true)) {
        LOG.warn("Aegis response: a {} longer than {} characters cannot be blocked; its statements are still"
            + " judged one by one", kind.tag(), Block.SUBJECT_LENGTH);
      }
      return;
    }
    Instant now = time.now();
    Block block = new Block(kind, subject, now.plus(config.blockFor()), reason, now, InstanceName.get());
    if (!list.add(block)) {
      return;
    }
    metrics.created(kind);
    String principal = kind == BlockKind.PRINCIPAL ? subject : other;
    String address = kind == BlockKind.ADDRESS ? subject : other;
    try {
      events.accept(new SecurityEvent(now, CALLER_BLOCKED, "response", "high", 1.0, "block", principal, address,
          digest, BlockMessages.started(block, config)));
    } catch (RuntimeException e) {
      // Publishing must never undo the block or break the statement.
    }
  }

  /** The principal automatic response counts and refuses: the application's, else the database user if asked. */
  private String principal(Session session) {
    AegisContext.Caller set = AegisContext.current();
    String principal = set == null ? null : set.principal();
    return principal == null && config.blockDatabaseUser() ? session.databaseUser() : principal;
  }

  /** The address the application set; never this host, the fallback, which would block every statement. */
  private static String address() {
    AegisContext.Caller set = AegisContext.current();
    return set == null ? null : set.address();
  }
}
