package dev.aegis.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code detection:} section.
 *
 * @param mode off, learn, monitor (default) or enforce
 * @param blockThreshold the verdict score, from 0 to 1, at or above which enforce blocks (default 0.8)
 * @param allowlist where learned statement shapes live: {@code file:PATH} or {@code jdbc}; null for none
 * @param allowlistRefresh how often the allowlist is written and read again, so that instances sharing it
 *     see each other's shapes (default 10 s)
 */
public record DetectionConfig(
    DetectionMode mode,
    @JsonDeserialize(using = UnitInterval.class) Double blockThreshold,
    @JsonDeserialize(using = Location.FileOrJdbc.class) Location allowlist,
    @JsonDeserialize(using = Interval.class) Duration allowlistRefresh) {

  public static final double DEFAULT_BLOCK_THRESHOLD = 0.8;
  public static final Duration DEFAULT_ALLOWLIST_REFRESH = Duration.ofSeconds(10);
  static final DetectionConfig DEFAULTS = new DetectionConfig(null, null, null, null);

  public DetectionConfig {
    mode = mode == null ? DetectionMode.MONITOR : mode;
    blockThreshold = blockThreshold == null ? DEFAULT_BLOCK_THRESHOLD : blockThreshold;
    allowlistRefresh = allowlistRefresh == null ? DEFAULT_ALLOWLIST_REFRESH : allowlistRefresh;
  }

  /** With the default refresh interval. */
  public DetectionConfig(DetectionMode mode, Double blockThreshold, Location allowlist) {
    this(mode, blockThreshold, allowlist, null);
  }

  /** A number from 0 to 1, checked where it is written so the error names its line. */
  static final class UnitInterval extends StdScalarDeserializer<Double> {
    private static final long serialVersionUID = 1L;

    UnitInterval() {
      super(Double.class);
    }

    @Override
    public Double deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (!parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT) && !parser.hasToken(JsonToken.VALUE_NUMBER_INT)) {
        return (Double) context.handleUnexpectedToken(Double.class, parser);
      }
      double value = parser.getDoubleValue();
      if (!(value >= 0.0 && value <= 1.0)) {
        throw InvalidFormatException.from(parser, "must be a number from 0 to 1, was " + parser.getText(),
            value, Double.class);
      }
      return value;
    }
  }

  /**
   * A time interval written as a number and a unit ({@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}) or
   * in ISO-8601 ({@code PT10S}), from 100 ms to one day; checked where it is written so the error names its
   * line.
   */
  static final class Interval extends StdScalarDeserializer<Duration> {
    private static final long serialVersionUID = 1L;
    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");
    private static final Duration MIN = Duration.ofMillis(100);
    private static final Duration MAX = Duration.ofDays(1);

    Interval() {
      super(Duration.class);
    }

    @Override
    public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        return (Duration) context.handleUnexpectedToken(Duration.class, parser);
      }
      String text = parser.getText().strip();
      Duration value = parse(text);
      if (value == null || value.compareTo(MIN) < 0 || value.compareTo(MAX) > 0) {
        throw InvalidFormatException.from(parser, "must be an interval from 100ms to 24h such as 10s, 500ms,"
            + " 5m or PT10S, was '" + text + "'", text, Duration.class);
      }
      return value;
    }

    private static Duration parse(String text) {
      Matcher m = SHORT.matcher(text.toLowerCase(Locale.ROOT));
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          default -> Duration.ofHours(n);
        };
      }
      try {
        return Duration.parse(text);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }
}
