package dev.aegis.events;

/**
 * Receives security events, for alerting (a webhook, mail, a SIEM). Implementations are found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/dev.aegis.events.SecurityEventListener}) or
 * given to {@code AegisDataSource.builder(…)}. Called on Aegis's event thread, never on the application's:
 * a slow listener delays other events, never a statement, and events it cannot keep up with are dropped
 * and counted.
 */
@FunctionalInterface
public interface SecurityEventListener {
  void onEvent(SecurityEvent event);
}
