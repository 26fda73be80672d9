package dev.aegis.config;

import dev.aegis.error.AegisConfigurationException;
import dev.aegis.error.AegisSqlState;
import java.util.Map;
import java.util.Properties;

/**
 * What one {@code connect(url, properties)} call asks of Aegis and of the delegate: the delegate's URL and
 * properties with every {@code aegis.*} setting taken out, and the configuration location each source gave.
 *
 * @param delegateUrl the URL for the delegate driver
 * @param delegateProperties a copy of the caller's properties without Aegis settings (never the caller's)
 * @param urlConfig the {@code aegis.config} URL parameter, or null
 * @param propertyConfig the {@code aegis.config} connection property, or null
 */
public record ConnectionSettings(
    String delegateUrl, Properties delegateProperties, String urlConfig, String propertyConfig) {

  /** Splits a {@code jdbc:aegis:} URL and its properties. */
  public static ConnectionSettings of(String url, Properties info) throws AegisConfigurationException {
    AegisUrl parsed = AegisUrl.parse(url);
    Properties delegate = new Properties();
    String propertyConfig = null;
    if (info != null) {
      for (Map.Entry<Object, Object> entry : info.entrySet()) {
        // stringPropertyNames() skips non-String values; an aegis.config given as a Path must not vanish.
        if (entry.getKey() instanceof String name && AegisUrl.isAegisSetting(name)
            && !(entry.getValue() instanceof String)) {
          throw new AegisConfigurationException(AegisSqlState.INVALID_URL, "Aegis setting '" + name
              + "' in the connection properties is a " + entry.getValue().getClass().getName()
              + "; give it as a String (a file path or classpath:NAME).");
        }
      }
      for (String name : info.stringPropertyNames()) {
        String value = info.getProperty(name);
        if (AegisUrl.isAegisSetting(name)) {
          AegisUrl.checkSetting(name, value, "the connection properties");
          propertyConfig = value;
        } else {
          delegate.setProperty(name, value);
        }
      }
    }
    return new ConnectionSettings(parsed.delegateUrl(), delegate, parsed.settings().get(AegisUrl.CONFIG_SETTING),
        propertyConfig);
  }

  /** A copy: the delegate may keep and change what it is given; these settings stay as they were. */
  @Override
  public Properties delegateProperties() {
    Properties copy = new Properties();
    copy.putAll(delegateProperties);
    return copy;
  }
}
