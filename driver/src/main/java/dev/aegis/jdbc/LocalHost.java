package dev.aegis.jdbc;

import dev.aegis.context.AegisContext;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** This host's name, looked up once: the address statements are attributed to when the application sets none. */
final class LocalHost {
  static final String NAME = lookup();

  private LocalHost() {}

  /**
   * The address a login is counted against: the caller's, when the application set one in
   * {@link AegisContext} (an application server logging in on behalf of its clients), else this host.
   */
  static String clientAddress() {
    AegisContext.Caller caller = AegisContext.current();
    return caller != null && caller.address() != null ? caller.address() : NAME;
  }

  private static String lookup() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException | SecurityException e) {
      return "localhost";
    }
  }
}
