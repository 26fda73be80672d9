package dev.aegis.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;

/**
 * A whole number within bounds, checked where it is written so the error names its line and setting.
 * Subclasses fix the bounds (Jackson instantiates deserializers by their no-argument constructor).
 */
abstract class BoundedInt extends StdScalarDeserializer<Integer> {
  private static final long serialVersionUID = 1L;

  private final long min;
  private final long max;
  private final String unit;

  /** @param unit what the number counts, as the message says it ({@code " of days"}), or empty */
  BoundedInt(long min, long max, String unit) {
    super(Integer.class);
    this.min = min;
    this.max = max;
    this.unit = unit;
  }

  @Override
  public Integer deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (!parser.hasToken(JsonToken.VALUE_NUMBER_INT)) {
      return (Integer) context.handleUnexpectedToken(Integer.class, parser);
    }
    long value = parser.getLongValue();
    if (value < min || value > max) {
      throw InvalidFormatException.from(parser, "must be a whole number" + unit + " from " + min + " to " + max
          + ", was " + parser.getText(), value, Integer.class);
    }
    return (int) value;
  }
}
