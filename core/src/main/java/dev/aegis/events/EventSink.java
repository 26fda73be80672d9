package dev.aegis.events;

import java.util.List;

/**
 * Where the event thread delivers events: the log, the listeners, the table. Called only on that thread,
 * so a sink needs no locking of its own; a sink handles (logs and counts) its own failures and must not
 * throw, though the dispatcher survives one that does.
 */
interface EventSink {
  /** The sink's name in meters and logs: {@code log}, {@code listener}, {@code table}. */
  String name();

  /** Delivers events in the order they were published; {@code batch} is reused after the call returns. */
  void deliver(List<SecurityEvent> batch);

  /** Called when no event has arrived for a while, for housekeeping such as the table's retention. */
  default void idle() {}
}
