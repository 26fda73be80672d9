package dev.aegis.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

/**
 * The {@code keys:} section: the key-encryption key, the store of encrypted Tink keysets, how often a
 * running instance reads the store again, and when a key is due for rotation.
 *
 * @param master the master key (key-encryption key): {@code file:PATH} or {@code env:VAR}
 * @param keysets the encrypted keysets by name: {@code file:PATH} or {@code jdbc}
 * @param refresh how often the keyset store is read again so that keys added, promoted or retired elsewhere
 *     are used without a restart (default 60s, from 1s to 24h); {@link Duration#ZERO} when {@code off}
 * @param rotationDays after how many days a primary key is due for rotation (default 90, from 1 to 3650);
 *     a warning event is raised from 7 days before
 */
public record KeysConfig(
    @JsonDeserialize(using = Location.MasterKey.class) Location master,
    @JsonDeserialize(using = Location.FileOrJdbc.class) Location keysets,
    @JsonDeserialize(using = Refresh.class) Duration refresh,
    @JsonDeserialize(using = RotationDays.class) Integer rotationDays) {

  public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(60);
  public static final int DEFAULT_ROTATION_DAYS = 90;
  static final int MAX_ROTATION_DAYS = 3650;
  static final KeysConfig NONE = new KeysConfig(null, null, null, null);

  public KeysConfig {
    refresh = refresh == null ? DEFAULT_REFRESH : refresh;
    rotationDays = rotationDays == null ? DEFAULT_ROTATION_DAYS : rotationDays;
  }

  /** With the default refresh and rotation. */
  public KeysConfig(Location master, Location keysets) {
    this(master, keysets, null, null);
  }

  /** Whether the keyset store is read again while the application runs ({@code refresh} is not off). */
  public boolean reloads() {
    return !refresh.isZero();
  }

  /**
   * {@code keys.refresh}: a duration as {@link DurationSetting} reads it, from 1s to 24h, or {@code off}
   * (also {@code 0}) to read the keysets at the first connect only. A day at most, so that the daily
   * rotation check can ride on the refresh.
   */
  static final class Refresh extends StdScalarDeserializer<Duration> {
    private static final long serialVersionUID = 1L;
    static final Duration MAX = Duration.ofDays(1);

    Refresh() {
      super(Duration.class);
    }

    @Override
    public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (parser.hasToken(JsonToken.VALUE_NUMBER_INT) && parser.getLongValue() == 0) {
        return Duration.ZERO;
      }
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        throw InvalidFormatException.from(parser, "must be a duration such as 30s, 5m or 1h (from 1s to 24h),"
            + " or off, was " + parser.getText(), parser.getText(), Duration.class);
      }
      String text = parser.getText().strip().toLowerCase(Locale.ROOT);
      if (text.equals("off") || text.equals("0")) {
        return Duration.ZERO;
      }
      Duration value;
      try {
        value = DurationSetting.parse(text);
      } catch (IllegalArgumentException e) {
        value = null;
      }
      if (value == null || value.compareTo(MAX) > 0) {
        throw InvalidFormatException.from(parser, "must be a duration such as 30s, 5m or 1h (from 1s to 24h),"
            + " or off, was '" + parser.getText() + "'", parser.getText(), Duration.class);
      }
      return value;
    }
  }

  /** A number of days from 1 to {@value #MAX_ROTATION_DAYS}, checked where it is written. */
  static final class RotationDays extends BoundedInt {
    private static final long serialVersionUID = 1L;

    RotationDays() {
      super(1, MAX_ROTATION_DAYS, " of days");
    }
  }
}
