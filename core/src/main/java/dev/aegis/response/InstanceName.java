package dev.aegis.response;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * This instance as {@code aegis_blocks.created_by} names it: host and process id, so that an operator can
 * tell which application instance started a block. Looked up once, when the first block list starts (a
 * connect), never on a statement's path: a host name lookup may be slow.
 */
public final class InstanceName {
  private static final String NAME = lookup();

  private InstanceName() {}

  /** {@code host/pid}. */
  public static String get() {
    return NAME;
  }

  private static String lookup() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException | SecurityException e) {
      host = "localhost";
    }
    return host + "/" + ProcessHandle.current().pid();
  }
}
