package dev.aegis.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code columns:}. Column names compare case-insensitively, as MySQL compares them, so
 * {@code customers.email} and {@code Customers.EMAIL} are one column: configuring it twice is an error at
 * the second line, never a silent "last one wins" that could change its mode or key.
 */
final class ColumnsDeserializer extends StdDeserializer<Map<ColumnRef, ColumnConfig>> {
  private static final long serialVersionUID = 1L;

  ColumnsDeserializer() {
    super(Map.class);
  }

  @Override
  public Map<ColumnRef, ColumnConfig> deserialize(JsonParser parser, DeserializationContext context)
      throws IOException {
    if (!parser.isExpectedStartObjectToken()) {
      throw MismatchedInputException.from(parser, Map.class, "expected a section");
    }
    Map<ColumnRef, ColumnConfig> columns = new LinkedHashMap<>();
    Map<ColumnRef, String> firstSeen = new HashMap<>();
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      ColumnRef column;
      try {
        column = ColumnRef.valueOf(name);
      } catch (IllegalArgumentException e) {
        throw atColumn(invalid(parser, e.getMessage(), name), columns, name);
      }
      int line = parser.currentTokenLocation().getLineNr();
      String previous = firstSeen.putIfAbsent(column, "'" + name + "' on line " + line);
      if (previous != null) {
        throw atColumn(invalid(parser, "'" + name + "' is the same column as " + previous
            + " (MySQL compares column names case-insensitively); configure it once", name), columns, name);
      }
      if (parser.nextToken() == JsonToken.VALUE_NULL) {
        throw atColumn(MismatchedInputException.from(parser, ColumnConfig.class, "no settings"), columns, name);
      }
      try {
        columns.put(column, context.readValue(parser, ColumnConfig.class));
      } catch (JsonMappingException e) {
        throw atColumn(e, columns, name);
      }
    }
    return columns;
  }

  private static InvalidFormatException invalid(JsonParser parser, String message, String name) {
    InvalidFormatException e = InvalidFormatException.from(parser, message, name, ColumnRef.class);
    e.initCause(new IllegalArgumentException(message));
    return e;
  }

  /** Adds {@code [name]} to the setting path, so messages say {@code columns[customers.email].mode}. */
  private static JsonMappingException atColumn(JsonMappingException e, Map<?, ?> columns, String name) {
    return JsonMappingException.wrapWithPath(e, columns, name);
  }
}
