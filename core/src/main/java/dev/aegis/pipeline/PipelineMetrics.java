package dev.aegis.pipeline;

import dev.aegis.detect.Verdict;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's meters, resolved once so that recording a statement is an array lookup and two atomic
 * adds, never a registry look-up.
 *
 * <ul>
 *   <li>{@code aegis.statements} (counter, tag {@code entry}): SQL texts that went through the pipeline.
 *   <li>{@code aegis.pipeline.duration} (timer, tag {@code entry}): time Aegis spent on them, not the server's.
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
          .description("Time Aegis spent on a SQL text before handing it to the delegate driver")
          .tag("entry", entry.tag())
          .register(registry);
    }
  }

  void record(SqlEntry entry, long nanos) {
    try {
      statements[entry.ordinal()].increment();
      durations[entry.ordinal()].record(nanos, TimeUnit.NANOSECONDS);
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
