package dev.aegis.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns Jackson's exceptions into "file, line N, setting 'a.b': what is wrong. What to do." */
final class ConfigProblem {
  private ConfigProblem() {}

  static String describe(JacksonException e, String source) {
    StringBuilder out = new StringBuilder(source);
    JsonLocation location = e.getLocation();
    if (location != null && location.getLineNr() > 0) {
      out.append(", line ").append(location.getLineNr());
    }
    String setting = e instanceof JsonMappingException mapping ? settingPath(mapping) : "";
    if (!setting.isEmpty()) {
      out.append(", setting '").append(setting).append('\'');
    }
    return out.append(": ").append(problem(e)).toString();
  }

  private static String problem(JacksonException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      Collection<Object> known = unknown.getKnownPropertyIds();
      String suggestion = closest(unknown.getPropertyName(), known);
      return "unknown setting '" + unknown.getPropertyName() + "'."
          + (suggestion == null ? "" : " Did you mean '" + suggestion + "'?")
          + (known == null || known.isEmpty() ? "" : " Settings allowed here: " + known.stream()
              .map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ".");
    }
    if (e instanceof InvalidFormatException format && format.getTargetType() != null
        && format.getTargetType().isEnum()) {
      return "'" + format.getValue() + "' is not allowed; use one of "
          + Arrays.stream(format.getTargetType().getEnumConstants())
              .map(c -> c.toString().toLowerCase(java.util.Locale.ROOT))
              .collect(Collectors.joining(", ")) + ".";
    }
    if (e instanceof InvalidFormatException format && format.getTargetType() == ColumnRef.class) {
      return rootMessage(format) + ".";
    }
    if (e instanceof InvalidFormatException format) {
      return format.getOriginalMessage() + ".";
    }
    if (e instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
      return instantiation.getCause().getMessage() + ".";
    }
    if (e instanceof MismatchedInputException mismatch) {
      return mismatchMessage(mismatch);
    }
    if (e instanceof JsonProcessingException processing) {
      return "not valid YAML: " + firstLine(processing.getOriginalMessage());
    }
    return firstLine(e.getMessage());
  }

  private static String mismatchMessage(MismatchedInputException e) {
    Class<?> target = e.getTargetType();
    String original = firstLine(e.getOriginalMessage());
    if (original.startsWith("Missing required creator property")) {
      int quote = original.indexOf('\'');
      String name = quote < 0 ? "?" : original.substring(quote + 1, original.indexOf('\'', quote + 1));
      return "required setting '" + name + "' is missing.";
    }
    if (target == null) {
      return original;
    }
    String expected;
    if (Number.class.isAssignableFrom(target) || target.isPrimitive() && target != boolean.class) {
      expected = "a number";
    } else if (target == String.class || target == Location.class) {
      expected = "a text value";
    } else if (target == Boolean.class || target == boolean.class) {
      expected = "true or false";
    } else if (target.isEnum()) {
      expected = "one of " + Arrays.stream(target.getEnumConstants())
          .map(c -> c.toString().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(", "));
    } else if (Map.class.isAssignableFrom(target) || target.isRecord()) {
      expected = "a section of 'name: value' settings";
    } else {
      return original;
    }
    return "expected " + expected + " here.";
  }

  /** "detection.block-threshold", "columns[customers.email].mode". */
  private static String settingPath(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() == null) {
        path.append('[').append(reference.getIndex()).append(']');
      } else if (reference.getFrom() instanceof Map<?, ?> || reference.getFieldName().contains(".")) {
        path.append('[').append(reference.getFieldName()).append(']');
      } else {
        path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
      }
    }
    return path.toString();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root == e && e instanceof JsonProcessingException processing) {
      String original = firstLine(processing.getOriginalMessage());
      int colon = original.lastIndexOf(": ");
      return colon < 0 ? original : original.substring(colon + 2);
    }
    return firstLine(root.getMessage());
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int newline = text.indexOf('\n');
    return (newline < 0 ? text : text.substring(0, newline)).strip();
  }

  /** The known name within edit distance 2 of a misspelt one, if any. */
  private static String closest(String name, Collection<Object> known) {
    if (known == null || name == null) {
      return null;
    }
    return known.stream().map(String::valueOf)
        .filter(candidate -> distance(name, candidate) <= 2)
        .min(Comparator.comparingInt(candidate -> distance(name, candidate)))
        .orElse(null);
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
