package dev.aegis.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failures of one sink: every one counted in {@code aegis.events.failures} (tag {@code sink}), the first
 * of each kind logged. A sink that fails on every event would otherwise write a stack trace per event into
 * the very log that has to stay readable during an attack. Used on the event thread only.
 */
final class SinkFailures {
  static final String METER = "aegis.events.failures";
  private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

  private final String sink;
  private final Counter counter;
  private final Set<Object> logged = new HashSet<>();

  SinkFailures(String sink, MeterRegistry registry) {
    this.sink = sink;
    this.counter = Counter.builder(METER)
        .description("Deliveries of security events that a sink failed (the event went on to the other sinks)")
        .tag("sink", sink)
        .register(registry);
  }

  /**
   * Counts a failure and logs it when {@code kind} has not been logged yet.
   *
   * @param kind what makes a failure new: a listener's class, or a state of the table sink
   * @param what what failed, for the log line (never an event's content)
   */
  void failed(Object kind, String what, Throwable e) {
    try {
      counter.increment();
    } catch (RuntimeException registryFailure) {
      // The meter is for visibility only; losing one count must not stop delivery.
    }
    if (logged.add(kind)) {
      LOG.warn("Aegis security events: {} failed; delivery to the other sinks goes on, and further failures"
          + " of this kind are only counted in {}{{sink={}}}", what, METER, sink, e);
    }
  }

  /** Lets the next failure of {@code kind} be logged again (after the sink recovered). */
  void recovered(Object kind) {
    logged.remove(kind);
  }

  long count() {
    return (long) counter.count();
  }
}
