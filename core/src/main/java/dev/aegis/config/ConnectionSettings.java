package dev.aegis.config;

import dev.aegis.error.AegisConfigurationException;
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
      for (String name : info.stringPropertyNames()) {
        String value = info.getProperty(name);
        if (name.startsWith(AegisUrl.SETTING_PREFIX)) {
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
}
