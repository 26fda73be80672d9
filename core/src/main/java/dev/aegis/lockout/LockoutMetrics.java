package dev.aegis.lockout;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meters of failed logins, registered once so that recording is a counter increment.
 *
 * <ul>
 *   <li>{@code aegis.logins.failed} (counter): logins the server refused for their credentials.
 *   <li>{@code aegis.lockouts} (counter, tag {@code kind}: user, address): lockouts started.
 *   <li>{@code aegis.logins.refused} (counter, tag {@code kind}): logins Aegis refused during a lockout.
 * </ul>
 *
 * <p>Telemetry must never change the outcome of a login: a registry that throws is logged once and ignored.
 */
final class LockoutMetrics {
  static final String FAILED = "aegis.logins.failed";
  static final String LOCKOUTS = "aegis.lockouts";
  static final String REFUSED = "aegis.logins.refused";
  private static final Logger LOG = LoggerFactory.getLogger(LockoutMetrics.class);

  private final Counter failed;
  private final Counter[] lockouts = new Counter[Kind.values().length];
  private final Counter[] refused = new Counter[Kind.values().length];
  private final AtomicBoolean logged = new AtomicBoolean();

  LockoutMetrics(MeterRegistry registry) {
    failed = Counter.builder(FAILED)
        .description("Logins the server refused for their credentials (SQLState 28000, error 1045)")
        .register(registry);
    for (Kind kind : Kind.values()) {
      lockouts[kind.ordinal()] = Counter.builder(LOCKOUTS)
          .description("Lockouts started after repeated failed logins")
          .tag("kind", kind.tag())
          .register(registry);
      refused[kind.ordinal()] = Counter.builder(REFUSED)
          .description("Logins refused by Aegis, without contacting the server, during a lockout")
          .tag("kind", kind.tag())
          .register(registry);
    }
  }

  void failed() {
    count(failed);
  }

  void lockout(Kind kind) {
    count(lockouts[kind.ordinal()]);
  }

  void refused(Kind kind) {
    count(refused[kind.ordinal()]);
  }

  private void count(Counter counter) {
    try {
      counter.increment();
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable e) {
      if (logged.compareAndSet(false, true)) {
        LOG.warn("A meter registry failed while Aegis counted a login; logins go on, further failures are not"
            + " logged", e);
      }
    }
  }
}
