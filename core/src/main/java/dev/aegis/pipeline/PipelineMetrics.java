package dev.aegis.pipeline;

import dev.aegis.detect.Verdict;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's meters, resolved once so that recording a statement is an array lookup and an atomic add,
 * never a registry look-up.
 *
 * <ul>
 *   <li>{@code aegis.statements} (counter, tag {@code entry}): SQL texts that went through the pipeline.
 *   <li>{@code aegis.pipeline.duration} (timer, tag {@code entry}): time Aegis spent on them, not the server's,
 *       timed on one statement in {@value #TIMED_ONE_IN} chosen at random: reading the clock twice costs
 *       more than the rest of a statement that hits every cache, and a sample gives the same mean and
 *       percentiles. Its count is therefore about 1/{@value #TIMED_ONE_IN} of {@code aegis.statements}.
 *   <li>{@code aegis.verdicts} (counter, tag {@code action}: allow, alert, block): detection's verdicts.
 *   <li>{@code aegis.detection.faults} (counter): statements let through because detection failed on them.
 *   <li>{@code aegis.allowlist.unknown} (counter): statements of a shape not in the allowlist, blocked in
 *       enforce, reported (once per shape) in monitor.
 * </ul>
 *
 * <p>Telemetry must never break a statement: a registry that throws is counted in {@link #failures()} and
 * logged once, and the statement goes on.
 */
final class PipelineMetrics {
  static final String STATEMENTS = "aegis.statements";
  static final String DURATION = "aegis.pipeline.duration";
  /** One statement in this many is timed (a power of two). */
  static final int TIMED_ONE_IN = 8;
  /** What {@link #start()} returns for a statement that is not timed. */
  private static final long UNTIMED = Long.MIN_VALUE;
  private static final Logger LOG = LoggerFactory.getLogger(PipelineMetrics.class);

  static final String VERDICTS = "aegis.verdicts";
  static final String DETECTION_FAULTS = "aegis.detection.faults";
  static final String UNKNOWN_SHAPES = "aegis.allowlist.unknown";
  static final String ENCRYPTION_REFUSALS = "aegis.encryption.refusals";
  static final String PLAINTEXT_READS = "aegis.encryption.plaintext.reads";

  private final Counter[] statements;
  private final Counter[] verdicts;
  private final Timer[] durations;
  private final Counter detectionFaults;
  private final Counter unknownShapes;
  private final Counter refusals;
  private final Counter plaintextReads;
  private final LongAdder failures = new LongAdder();
  private final AtomicBoolean logged = new AtomicBoolean();

  PipelineMetrics(MeterRegistry registry) {
    SqlEntry[] entries = SqlEntry.values();
    statements = new Counter[entries.length];
    durations = new Timer[entries.length];
    Verdict.Action[] actions = Verdict.Action.values();
    verdicts = new Counter[actions.length];
    for (Verdict.Action action : actions) {
      verdicts[action.ordinal()] = Counter.builder(VERDICTS)
          .description("Statements judged by detection, by the action enforce mode takes")
          .tag("action", action.name().toLowerCase(java.util.Locale.ROOT))
          .register(registry);
    }
    detectionFaults = Counter.builder(DETECTION_FAULTS)
        .description("Statements let through because detection itself failed on them")
        .register(registry);
    unknownShapes = Counter.builder(UNKNOWN_SHAPES)
        .description("Statements of a shape not in the allowlist: blocked in enforce, reported once in monitor")
        .register(registry);
    refusals = Counter.builder(ENCRYPTION_REFUSALS)
        .description("Statements refused because they use an encrypted column in a way ciphertext cannot serve")
        .register(registry);
    plaintextReads = Counter.builder(PLAINTEXT_READS)
        .description("Values of encrypted columns stored as plaintext (half-migrated tables) and read as such")
        .register(registry);
    for (SqlEntry entry : entries) {
      statements[entry.ordinal()] = Counter.builder(STATEMENTS)
          .description("SQL texts that went through the Aegis pipeline")
          .tag("entry", entry.tag())
          .register(registry);
      durations[entry.ordinal()] = Timer.builder(DURATION)
          .description("Time Aegis spent on a SQL text before handing it to the delegate driver (one in "
              + TIMED_ONE_IN + " timed)")
          .tag("entry", entry.tag())
          .register(registry);
    }
  }

  /** The start of a statement: the clock when this one is among those timed. */
  static long start() {
    return (ThreadLocalRandom.current().nextInt() & (TIMED_ONE_IN - 1)) == 0 ? System.nanoTime() : UNTIMED;
  }

  /** Counts a statement that started at {@code start} (from {@link #start()}) and times it if it was chosen. */
  void record(SqlEntry entry, long start) {
    try {
      statements[entry.ordinal()].increment();
      if (start != UNTIMED) {
        durations[entry.ordinal()].record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      }
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable e) {
      failed(e);
    }
  }

  void verdict(Verdict.Action action) {
    count(verdicts[action.ordinal()]);
  }

  /** A fault inside detection (the statement went on): {@code aegis.detection.faults}. */
  void detectionFault() {
    count(detectionFaults);
  }

  /** A statement of a shape not in the allowlist: {@code aegis.allowlist.unknown}. */
  void unknownShape() {
    count(unknownShapes);
  }

  /** A statement refused by column encryption: {@code aegis.encryption.refusals}. */
  void refusal() {
    count(refusals);
  }

  /** A value of an encrypted column stored as plaintext and read as such: {@code aegis.encryption.plaintext.reads}. */
  void plaintextRead() {
    count(plaintextReads);
  }

  private void count(Counter counter) {
    try {
      counter.increment();
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable e) {
      failed(e);
    }
  }

  private void failed(Throwable e) {
    failures.increment();
    if (logged.compareAndSet(false, true)) {
      LOG.warn("A meter registry failed while Aegis recorded a statement; statements go on, and further"
          + " failures are only counted", e);
    }
  }

  /** How many times recording failed. */
  long failures() {
    return failures.sum();
  }
}
