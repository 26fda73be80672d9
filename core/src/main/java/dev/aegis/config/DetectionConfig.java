package dev.aegis.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;

/**
 * The {@code detection:} section.
 *
 * @param mode off, learn, monitor (default) or enforce
 * @param blockThreshold the verdict score, from 0 to 1, at or above which enforce blocks (default 0.8)
 * @param allowlist where learned statement shapes live: {@code file:PATH} or {@code jdbc}; null for none
 */
public record DetectionConfig(
    DetectionMode mode,
    @JsonDeserialize(using = UnitInterval.class) Double blockThreshold,
    @JsonDeserialize(using = Location.FileOrJdbc.class) Location allowlist) {

  public static final double DEFAULT_BLOCK_THRESHOLD = 0.8;
  static final DetectionConfig DEFAULTS = new DetectionConfig(null, null, null);

  public DetectionConfig {
    mode = mode == null ? DetectionMode.MONITOR : mode;
    blockThreshold = blockThreshold == null ? DEFAULT_BLOCK_THRESHOLD : blockThreshold;
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
}
