package dev.aegis.lockout;

import dev.aegis.events.SecurityEvent;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Security events as one log line each on the {@code aegis.security} logger, until the event dispatcher
 * carries them. Events hold no secret (never a password), so the line is safe to ship anywhere.
 */
final class EventLog implements Consumer<SecurityEvent> {
  static final EventLog INSTANCE = new EventLog();
  private static final Logger LOG = LoggerFactory.getLogger("aegis.security");

  private EventLog() {}

  @Override
  public void accept(SecurityEvent event) {
    boolean quiet = event.severity().equals("info") || event.severity().equals("low");
    if (quiet ? !LOG.isInfoEnabled() : !LOG.isWarnEnabled()) {
      return;
    }
    String line = "aegis event rule={} category={} severity={} score={} action={} principal={} address={}"
        + " detail={}";
    Object[] values = {event.rule(), event.category(), event.severity(), event.score(), event.action(),
        event.principal(), event.address(), event.detail()};
    if (quiet) {
      LOG.info(line, values);
    } else {
      LOG.warn(line, values);
    }
  }
}
