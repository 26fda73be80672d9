package dev.aegis.events;

import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON line per event ({@link EventJson}) on the logger {@code aegis.security}: WARN for what an
 * operator must look at (alert, would-block, block, lockout), INFO for the rest. The logger's name sits
 * outside {@code dev.aegis} so that security events can be routed and kept apart from Aegis's own
 * diagnostics with one logger setting.
 */
final class LogSink implements EventSink {
  static final String LOGGER = "aegis.security";
  private static final Set<String> LOUD = Set.of("alert", "would-block", "block", "lockout");

  private final Logger log;

  LogSink() {
    this(LoggerFactory.getLogger(LOGGER));
  }

  LogSink(Logger log) {
    this.log = log;
  }

  @Override
  public String name() {
    return "log";
  }

  @Override
  public void deliver(List<SecurityEvent> batch) {
    for (SecurityEvent event : batch) {
      if (LOUD.contains(event.action())) {
        if (log.isWarnEnabled()) {
          // Passed as an argument, never as the format: the JSON's braces are not placeholders.
          log.warn("{}", EventJson.write(event));
        }
      } else if (log.isInfoEnabled()) {
        log.info("{}", EventJson.write(event));
      }
    }
  }
}
