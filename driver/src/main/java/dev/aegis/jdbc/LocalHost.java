package dev.aegis.jdbc;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This host's name, looked up once: the address statements are attributed to when the application sets none. */
final class LocalHost {
  static final String NAME = lookup();

  private LocalHost() {}

  private static String lookup() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException | SecurityException e) {
      return "localhost";
    }
  }
}
