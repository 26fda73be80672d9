package dev.aegis.pipeline;

import dev.aegis.response.BlockKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meters of automatic response, registered once so that recording is a counter increment.
 *
 * <ul>
 *   <li>{@code aegis.blocks.created} (counter, tag {@code kind}: principal, address): blocks this instance
 *       started.
 *   <li>{@code aegis.blocks.refused} (counter, tag {@code kind}): statements refused because their caller
 *       is blocked (by this instance or another); {@code kind} is the principal's when both are blocked.
 * </ul>
 *
 * <p>Telemetry must never change what happens to a statement: a registry that throws is logged once.
 */
final class ResponseMetrics {
  static final String CREATED = "aegis.blocks.created";
  static final String REFUSED = "aegis.blocks.refused";
  private static final Logger LOG = LoggerFactory.getLogger(ResponseMetrics.class);

  private final Counter[] created = new Counter[BlockKind.values().length];
  private final Counter[] refused = new Counter[BlockKind.values().length];
  private final AtomicBoolean logged = new AtomicBoolean();

  ResponseMetrics(MeterRegistry registry) {
    for (BlockKind kind : BlockKind.values()) {
      created[kind.ordinal()] = Counter.builder(CREATED)
          .description("Callers blocked by automatic response after repeated blocked statements or a canary read")
          .tag("kind", kind.tag())
          .register(registry);
      refused[kind.ordinal()] = Counter.builder(REFUSED)
          .description("Statements refused, before reaching the server, because their caller is blocked")
          .tag("kind", kind.tag())
          .register(registry);
    }
  }

  void created(BlockKind kind) {
    count(created[kind.ordinal()]);
  }

  void refused(BlockKind kind) {
    count(refused[kind.ordinal()]);
  }

  private void count(Counter counter) {
    try {
      counter.increment();
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable e) {
      if (logged.compareAndSet(false, true)) {
        LOG.warn("A meter registry failed while Aegis counted a block; statements go on, further failures are"
            + " not logged", e);
      }
    }
  }
}
