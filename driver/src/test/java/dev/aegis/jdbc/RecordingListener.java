package dev.aegis.jdbc;

import dev.aegis.events.SecurityEvent;
import dev.aegis.events.SecurityEventListener;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A listener registered through {@code META-INF/services} in the driver's tests, so every pipeline those
 * tests create finds it. It keeps only events of callers named {@code spi-…}, so the other tests' events
 * do not pile up in it.
 */
public final class RecordingListener implements SecurityEventListener {
  public static final String PREFIX = "spi-";
  public static final BlockingQueue<SecurityEvent> EVENTS = new LinkedBlockingQueue<>();

  @Override
  public void onEvent(SecurityEvent event) {
    if (event.principal() != null && event.principal().startsWith(PREFIX)) {
      EVENTS.add(event);
    }
  }
}
