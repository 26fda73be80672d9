package dev.aegis.events;

import dev.aegis.config.EventsConfig;
import dev.aegis.keys.ConnectionSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries security events from the statement that raised them to the sinks — the {@code aegis.security}
 * log, the listeners, the optional {@code aegis_events} table — without ever making the statement wait.
 *
 * <p>{@link #publish} puts the event in a bounded queue and returns; it never blocks and never throws.
 * When the queue is full (sinks slower than the events, a listener stuck), the event is dropped and
 * counted in {@code aegis.events.dropped}: losing events under a flood is better than stalling the
 * application, and the count says it happened. One daemon thread, {@code aegis-events}, started with the
 * first event, drains the queue in batches and delivers each batch to the sinks in that order (log, table,
 * listeners, so a listener sees an event only after it is logged and written); every delivered event is
 * counted in {@code aegis.events.published} (tags {@code category}, {@code severity}). One dispatcher
 * serves one pipeline, that is one configuration.
 */
public final class EventDispatcher {
  static final String PUBLISHED = "aegis.events.published";
  static final String DROPPED = "aegis.events.dropped";
  static final String THREAD = "aegis-events";
  /** Events taken from the queue at once: a table sink writes them in one batch. */
  static final int BATCH = 256;
  /** How long the thread waits for an event before it lets sinks do housekeeping. */
  private static final long IDLE_MINUTES = 1;
  private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

  private final BlockingQueue<SecurityEvent> queue;
  private final List<EventSink> sinks;
  private final TableSink table;
  private final MeterRegistry registry;
  private final Counter dropped;
  private final SinkFailures sinkFaults;
  /** Touched by the event thread only. */
  private final Map<String, Counter> published = new HashMap<>();
  private final AtomicBoolean started = new AtomicBoolean();

  EventDispatcher(int capacity, List<EventSink> sinks, MeterRegistry registry) {
    // Two locks (put and take): the event thread draining the queue never holds up a publishing statement.
    this.queue = new LinkedBlockingQueue<>(capacity);
    this.sinks = List.copyOf(sinks);
    this.table = (TableSink) sinks.stream().filter(TableSink.class::isInstance).findFirst().orElse(null);
    this.registry = registry;
    this.dropped = Counter.builder(DROPPED)
        .description("Security events dropped because the event queue was full")
        .register(registry);
    this.sinkFaults = new SinkFailures("dispatcher", registry);
  }

  /**
   * The dispatcher for a configuration's {@code events:} section: the log sink, the table sink when
   * {@code events.table} is on, and the listeners found by {@link java.util.ServiceLoader} followed by
   * {@code given}.
   */
  public static EventDispatcher create(EventsConfig config, MeterRegistry registry,
      List<SecurityEventListener> given) {
    List<SecurityEventListener> listeners = new ArrayList<>(ListenerDiscovery.find());
    listeners.addAll(given);
    List<EventSink> sinks = new ArrayList<>();
    sinks.add(new LogSink());
    if (config.table()) {
      sinks.add(new TableSink(config.retentionDays(), Clock.systemUTC(), new SinkFailures("table", registry)));
    }
    if (!listeners.isEmpty()) {
      sinks.add(new ListenerSink(listeners, new SinkFailures("listener", registry)));
    }
    return new EventDispatcher(config.queueSize(), sinks, registry);
  }

  /**
   * Queues {@code event} for the sinks and returns at once. Never blocks and never throws: a full queue
   * drops the event (counted), and a null is ignored.
   */
  public void publish(SecurityEvent event) {
    if (event == null) {
      return;
    }
    try {
      startOnce();
      if (!queue.offer(event)) {
        dropped.increment();
      }
    } catch (RuntimeException | OutOfMemoryError e) {
      // The caller is a statement of the application; nothing about events may fail it.
    }
  }

  /**
   * Gives the table sink a way to open connections of its own. Called for every Aegis connection that
   * opens; the first source is kept. Without a table sink it does nothing.
   */
  public void connectWith(ConnectionSource source) {
    if (table != null && source != null) {
      table.connectWith(source);
    }
  }

  /** Whether events also go to the {@code aegis_events} table. */
  public boolean writesTable() {
    return table != null;
  }

  /** Events waiting for the event thread now. */
  public int queued() {
    return queue.size();
  }

  /** Events dropped so far because the queue was full (the {@code aegis.events.dropped} count). */
  public long dropped() {
    return (long) dropped.count();
  }

  /** The thread starts with the first event: a pipeline that never raises one costs no thread. */
  private void startOnce() {
    if (started.get() || !started.compareAndSet(false, true)) {
      return;
    }
    Thread thread = new Thread(this::run, THREAD);
    thread.setDaemon(true);
    // Not the application thread's loader: a long-lived thread holding it would pin a redeployed web app.
    thread.setContextClassLoader(EventDispatcher.class.getClassLoader());
    try {
      thread.start();
    } catch (OutOfMemoryError | RuntimeException e) {
      // Not retried per event (each try would cost the statement a failed thread creation): events now
      // fill the queue and are dropped and counted.
      LOG.error("The Aegis event thread could not start; security events will be dropped and counted in {}",
          DROPPED, e);
    }
  }

  private void run() {
    List<SecurityEvent> batch = new ArrayList<>(BATCH);
    while (true) {
      SecurityEvent first;
      try {
        first = queue.poll(IDLE_MINUTES, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        LOG.info("The Aegis event thread was interrupted and stops; later security events are dropped"
            + " and counted in {}", DROPPED);
        return;
      }
      if (first == null) {
        idle();
        continue;
      }
      batch.add(first);
      queue.drainTo(batch, BATCH - 1);
      deliver(batch);
      batch.clear();
    }
  }

  /** Delivers one batch to every sink; a sink that throws anyway is counted and the others still run. */
  void deliver(List<SecurityEvent> batch) {
    for (EventSink sink : sinks) {
      try {
        sink.deliver(batch);
      } catch (Throwable e) {
        sinkFaults.failed(sink.name(), "the " + sink.name() + " sink", e);
      }
    }
    for (SecurityEvent event : batch) {
      count(event);
    }
  }

  private void idle() {
    for (EventSink sink : sinks) {
      try {
        sink.idle();
      } catch (Throwable e) {
        sinkFaults.failed(sink.name(), "the " + sink.name() + " sink", e);
      }
    }
  }

  private void count(SecurityEvent event) {
    try {
      published.computeIfAbsent(event.category() + '\u0000' + event.severity(),
          key -> Counter.builder(PUBLISHED)
              .description("Security events delivered to the sinks")
              .tag("category", event.category())
              .tag("severity", event.severity())
              .register(registry))
          .increment();
    } catch (RuntimeException e) {
      // A meter registry that fails loses a count, never an event.
    }
  }
}
