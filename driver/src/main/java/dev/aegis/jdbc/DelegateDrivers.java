package dev.aegis.jdbc;

import dev.aegis.config.AegisUrl;
import dev.aegis.error.AegisConfigurationException;
import dev.aegis.error.AegisSqlState;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Finds the driver that serves a delegate URL (Connector/J for {@code jdbc:mysql:…}), once per URL scheme.
 * Looks at drivers already registered with {@link DriverManager}, then at {@code META-INF/services} through
 * Aegis's own and the thread's class loader, so it works in application servers where DriverManager's
 * caller check would hide a driver from Aegis.
 */
final class DelegateDrivers {
  private final ConcurrentMap<String, Driver> byScheme = new ConcurrentHashMap<>();

  Driver driverFor(String delegateUrl) throws SQLException {
    int authority = delegateUrl.indexOf("//");
    String scheme = authority < 0 ? delegateUrl : delegateUrl.substring(0, authority);
    Driver cached = byScheme.get(scheme);
    if (cached != null) {
      return cached;
    }
    Driver found = find(delegateUrl);
    if (found == null) {
      throw new AegisConfigurationException(AegisSqlState.NO_DELEGATE_DRIVER, "No JDBC driver on the class"
          + " path accepts " + AegisUrl.redact(delegateUrl) + ". Add com.mysql:mysql-connector-j (8.x or 9.x)"
          + " to the application's dependencies, or check the part of the URL after 'jdbc:aegis:'.");
    }
    byScheme.putIfAbsent(scheme, found);
    return found;
  }

  private static Driver find(String url) throws SQLException {
    for (Iterator<Driver> it = DriverManager.drivers().iterator(); it.hasNext(); ) {
      Driver driver = it.next();
      if (!(driver instanceof AegisDriver) && driver.acceptsURL(url)) {
        return driver;
      }
    }
    Driver found = fromServices(url, AegisDriver.class.getClassLoader());
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return found != null || context == null ? found : fromServices(url, context);
  }

  private static Driver fromServices(String url, ClassLoader loader) throws SQLException {
    Iterator<Driver> it = ServiceLoader.load(Driver.class, loader).iterator();
    while (true) {
      Driver driver;
      try {
        if (!it.hasNext()) {
          return null;
        }
        driver = it.next();
      } catch (ServiceConfigurationError e) {
        // Another library's broken service entry must not stop Aegis from finding MySQL's.
        continue;
      }
      if (!(driver instanceof AegisDriver) && driver.acceptsURL(url)) {
        return driver;
      }
    }
  }
}
