package dev.aegis.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A length of time as an operator writes it: {@code 90s}, {@code 15m}, {@code 3h}, {@code 1d}, or parts of
 * them from the largest unit down ({@code 1h30m}). Strict on purpose: a bare number has no unit a reader
 * could agree on, so {@code 900} is refused instead of being guessed as seconds or minutes.
 */
public final class DurationSetting extends StdScalarDeserializer<Duration> {
  private static final long serialVersionUID = 1L;
  /** Days, hours, minutes, seconds, each at most once and in that order; at least one must be present. */
  private static final Pattern FORMAT =
      Pattern.compile("(?:(\\d{1,6})d)?(?:(\\d{1,6})h)?(?:(\\d{1,6})m)?(?:(\\d{1,6})s)?");
  /** Far beyond any sensible lockout or window, and far below where nanosecond arithmetic overflows. */
  static final Duration MAX = Duration.ofDays(365);
  private static final String EXAMPLES = "such as 90s, 15m, 3h or 1h30m (units d, h, m, s)";

  DurationSetting() {
    super(Duration.class);
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException naming what was written and what is allowed
   */
  public static Duration parse(String text) {
    Matcher m = FORMAT.matcher(text);
    if (text.isEmpty() || !m.matches()) {
      throw new IllegalArgumentException("must be a duration " + EXAMPLES + ", was '" + text + "'");
    }
    Duration total = Duration.ZERO;
    long[] seconds = {86_400, 3_600, 60, 1};
    for (int group = 1; group <= 4; group++) {
      if (m.group(group) != null) {
        total = total.plusSeconds(Long.parseLong(m.group(group)) * seconds[group - 1]);
      }
    }
    if (total.isZero() || total.compareTo(MAX) > 0) {
      throw new IllegalArgumentException("must be more than 0s and at most " + format(MAX) + ", was '" + text
          + "'");
    }
    return total;
  }

  /** The shortest text that {@link #parse} reads back as {@code duration} (whole seconds): 15m, 3h, 1h30m. */
  public static String format(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds == 0) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    long[] units = {86_400, 3_600, 60, 1};
    char[] names = {'d', 'h', 'm', 's'};
    for (int i = 0; i < units.length; i++) {
      if (seconds >= units[i]) {
        out.append(seconds / units[i]).append(names[i]);
        seconds %= units[i];
      }
    }
    return out.toString();
  }

  @Override
  public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (parser.hasToken(JsonToken.VALUE_NUMBER_INT) || parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
      throw InvalidFormatException.from(parser, "needs a unit: write a duration " + EXAMPLES + ", was "
          + parser.getText(), parser.getText(), Duration.class);
    }
    if (!parser.hasToken(JsonToken.VALUE_STRING)) {
      throw MismatchedInputException.from(parser, Duration.class, "expected a duration " + EXAMPLES + " here.");
    }
    try {
      return parse(parser.getText());
    } catch (IllegalArgumentException e) {
      throw InvalidFormatException.from(parser, e.getMessage(), parser.getText(), Duration.class);
    }
  }
}
