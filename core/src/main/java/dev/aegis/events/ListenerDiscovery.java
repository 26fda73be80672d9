package dev.aegis.events;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners named in {@code META-INF/services/dev.aegis.events.SecurityEventListener}, through Aegis's
 * own class loader and the thread's (an application server gives the application's classes only to the
 * latter). A broken entry is logged and skipped: a listener that cannot load must not stop the connect.
 */
final class ListenerDiscovery {
  private static final Logger LOG = LoggerFactory.getLogger(ListenerDiscovery.class);
  private static final int MAX_ERRORS = 16;

  private ListenerDiscovery() {}

  static List<SecurityEventListener> find() {
    List<SecurityEventListener> found = new ArrayList<>();
    Set<Class<?>> seen = new HashSet<>();
    load(ListenerDiscovery.class.getClassLoader(), found, seen);
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null) {
      load(context, found, seen);
    }
    return found;
  }

  private static void load(ClassLoader loader, List<SecurityEventListener> found, Set<Class<?>> seen) {
    Iterator<SecurityEventListener> it = ServiceLoader.load(SecurityEventListener.class, loader).iterator();
    // ServiceLoader moves past a broken entry only on a best-effort basis; bound the retries.
    for (int errors = 0; errors < MAX_ERRORS; ) {
      try {
        if (!it.hasNext()) {
          return;
        }
        SecurityEventListener listener = it.next();
        // The same class seen through both loaders is one listener, not two.
        if (seen.add(listener.getClass())) {
          found.add(listener);
        }
      } catch (ServiceConfigurationError e) {
        errors++;
        LOG.warn("A SecurityEventListener named in META-INF/services cannot be loaded and is skipped", e);
      }
    }
  }
}
