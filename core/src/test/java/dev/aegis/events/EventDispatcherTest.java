package dev.aegis.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.aegis.config.EventsConfig;
import dev.aegis.testing.LogCapture;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The dispatcher with its real thread and sinks, no database: ordering, isolation, dropping, counting. */
class EventDispatcherTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void releaseBlockedListeners() {
    release.countDown();
  }

  private EventDispatcher dispatcher(int queueSize, SecurityEventListener... listeners) {
    return EventDispatcher.create(new EventsConfig(queueSize, false, null), registry, List.of(listeners));
  }

  private static SecurityEvent take(BlockingQueue<SecurityEvent> queue) throws InterruptedException {
    SecurityEvent event = queue.poll(10, TimeUnit.SECONDS);
    assertThat(event).as("an event within 10 s").isNotNull();
    return event;
  }

  @Test
  void listenersReceiveEveryEventInOrderOnTheDaemonEventThread() throws Exception {
    BlockingQueue<SecurityEvent> received = new LinkedBlockingQueue<>();
    List<Thread> threads = new ArrayList<>();
    EventDispatcher dispatcher = dispatcher(100, event -> {
      threads.add(Thread.currentThread());
      received.add(event);
    });

    for (int i = 0; i < 50; i++) {
      dispatcher.publish(Events.event("rule-" + i));
    }

    for (int i = 0; i < 50; i++) {
      assertThat(take(received).rule()).isEqualTo("rule-" + i);
    }
    assertThat(threads).extracting(Thread::getName).containsOnly("aegis-events");
    assertThat(threads.get(0).isDaemon()).isTrue();
    assertThat(threads.get(0)).isNotSameAs(Thread.currentThread());
  }

  @Test
  void aThrowingListenerIsCountedAndTheOthersStillReceiveEveryEvent() throws Exception {
    BlockingQueue<SecurityEvent> received = new LinkedBlockingQueue<>();
    SecurityEventListener broken = event -> {
      throw new IllegalStateException("listener bug");
    };
    SecurityEventListener alsoBroken = event -> {
      throw new AssertionError("an Error, not an Exception");
    };
    EventDispatcher dispatcher = dispatcher(100, broken, alsoBroken, received::add);

    List<String> log;
    try (LogCapture capture = LogCapture.start()) {
      for (int i = 0; i < 3; i++) {
        dispatcher.publish(Events.event("rule-" + i));
      }
      for (int i = 0; i < 3; i++) {
        assertThat(take(received).rule()).isEqualTo("rule-" + i);
      }
      log = capture.drain();
    }

    // The listeners before the last have run for the third event by the time the last one has it.
    assertThat(registry.get(SinkFailures.METER).tag("sink", "listener").counter().count()).isEqualTo(6);
    assertThat(log.stream().filter(line -> line.contains("failed; delivery to the other sinks goes on")))
        .as("one warning per listener class, not per failure")
        .hasSize(2)
        .anySatisfy(line -> assertThat(line).contains(broken.getClass().getName()))
        .anySatisfy(line -> assertThat(line).contains(alsoBroken.getClass().getName()));
  }

  @Test
  @Timeout(60) // a publisher that blocked on the stuck listener would hang here, not fail
  void aFullQueueDropsAndCountsInsteadOfBlockingThePublisher() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    BlockingQueue<SecurityEvent> received = new LinkedBlockingQueue<>();
    EventDispatcher dispatcher = dispatcher(2, event -> {
      entered.countDown();
      received.add(event);
      await(release);
    });
    dispatcher.publish(Events.event("first"));
    assertThat(entered.await(10, TimeUnit.SECONDS)).as("the listener holds the event thread").isTrue();

    // The event thread is stuck in the listener with the first event: two fit the queue, eight do not.
    for (int i = 0; i < 10; i++) {
      dispatcher.publish(Events.event("next-" + i));
    }

    assertThat(dispatcher.dropped()).isEqualTo(8);
    assertThat(registry.get(EventDispatcher.DROPPED).counter().count()).isEqualTo(8);
    assertThat(dispatcher.queued()).isEqualTo(2);
    release.countDown();
    assertThat(take(received).rule()).isEqualTo("first");
    assertThat(take(received).rule()).isEqualTo("next-0");
    assertThat(take(received).rule()).isEqualTo("next-1");
    assertThat(received.poll()).isNull();
  }

  @Test
  void deliveredEventsAreCountedByCategoryAndSeverity() throws Exception {
    BlockingQueue<SecurityEvent> received = new LinkedBlockingQueue<>();
    EventDispatcher dispatcher = dispatcher(100, received::add);

    dispatcher.publish(Events.event("tautology-or", "tautology", "high", "block"));
    dispatcher.publish(Events.event("union-padding", "union", "high", "block"));
    dispatcher.publish(Events.event("tautology-or", "tautology", "high", "would-block"));
    dispatcher.publish(Events.event("login-lockout", "authentication", "medium", "lockout"));
    for (int i = 0; i < 4; i++) {
      take(received);
    }
    // A batch is counted after the sinks had it, so once a later event reaches the listener the four
    // before it are counted.
    dispatcher.publish(Events.event("marker", "test", "info", "allow"));
    assertThat(take(received).rule()).isEqualTo("marker");

    assertThat(published("authentication", "medium")).isEqualTo(1);
    assertThat(published("tautology", "high")).isEqualTo(2);
    assertThat(published("union", "high")).isEqualTo(1);
  }

  @Test
  void publishNeverThrowsEvenForNull() {
    EventDispatcher dispatcher = dispatcher(1);
    assertThatCode(() -> dispatcher.publish(null)).doesNotThrowAnyException();
    assertThat(dispatcher.queued()).isZero();
  }

  @Test
  void withoutListenersOrTableOnlyTheLogSinkIsThere() {
    EventDispatcher dispatcher = dispatcher(1);
    assertThat(dispatcher.writesTable()).isFalse();
  }

  private double published(String category, String severity) {
    var counter = registry.find(EventDispatcher.PUBLISHED).tag("category", category).tag("severity", severity)
        .counter();
    return counter == null ? 0 : counter.count();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
