package dev.aegis.behaviour;

/**
 * Told when a result returned a canary value to a caller that automatic response may block: the finding
 * itself is published as an event either way; this is how the response hears of it without parsing events.
 */
@FunctionalInterface
public interface CanaryListener {
  /**
   * @param principal the caller's principal (never null here)
   * @param address the caller's address, or null
   * @param digest the shape of the statement that returned it, or null
   */
  void canaryRead(String principal, String address, String digest);
}
