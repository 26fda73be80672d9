package dev.aegis.events;

import java.util.List;

/**
 * Hands each event to every {@link SecurityEventListener}, in order. A listener that throws does not keep
 * the event from the listeners after it, nor the next events from itself: its failure is counted, and
 * logged the first time for its class.
 */
final class ListenerSink implements EventSink {
  private final List<SecurityEventListener> listeners;
  private final SinkFailures failures;

  ListenerSink(List<SecurityEventListener> listeners, SinkFailures failures) {
    this.listeners = List.copyOf(listeners);
    this.failures = failures;
  }

  @Override
  public String name() {
    return "listener";
  }

  List<SecurityEventListener> listeners() {
    return listeners;
  }

  @Override
  public void deliver(List<SecurityEvent> batch) {
    for (SecurityEvent event : batch) {
      for (SecurityEventListener listener : listeners) {
        try {
          listener.onEvent(event);
        } catch (Throwable e) {
          // Errors too (an assertion, a linkage problem in a plugin): one bad listener must not kill the
          // only thread that delivers events.
          failures.failed(listener.getClass(), "listener " + listener.getClass().getName(), e);
        }
      }
    }
  }
}
