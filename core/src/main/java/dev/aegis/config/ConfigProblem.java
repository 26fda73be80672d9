package dev.aegis.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Turns Jackson's exceptions into "file, line N, setting 'a.b': what is wrong. What to do." */
final class ConfigProblem {
  private ConfigProblem() {}

  /**
   * @param source what to call the text (the file name)
   * @param yaml the text that failed, to find the line of a section that Jackson rejects only at its end
   */
  static String describe(JacksonException e, String source, String yaml) {
    StringBuilder out = new StringBuilder(source);
    int line = lineOf(e, yaml);
    if (line > 0) {
      out.append(", line ").append(line);
    }
    String setting = e instanceof JsonMappingException mapping ? settingPath(mapping) : "";
    if (!setting.isEmpty()) {
      out.append(", setting '").append(setting).append('\'');
    }
    return out.append(": ").append(problem(e)).toString();
  }

  /** The 1-based line to report, or 0 when none is known. */
  private static int lineOf(JacksonException e, String yaml) {
    MarkedYAMLException syntax = syntaxError(e);
    if (syntax != null && syntax.getProblemMark() != null) {
      // Jackson reports the last token read before the problem; SnakeYAML knows where the problem is.
      return syntax.getProblemMark().getLine() + 1;
    }
    if (e instanceof JsonMappingException mapping && reportedAtSectionEnd(mapping)) {
      // Jackson notices an unknown, missing or invalid setting of a section only at the section's end,
      // which is the line of whatever follows it. Point at the setting, or at the section's name.
      int line = keyLine(yaml, mapping.getPath());
      if (line > 0) {
        return line;
      }
    }
    JsonLocation location = e.getLocation();
    return location == null ? 0 : Math.max(location.getLineNr(), 0);
  }

  private static boolean reportedAtSectionEnd(JsonMappingException e) {
    // Sections are records, built through their constructors, so Jackson buffers a section's settings
    // and checks them once it has read all of them.
    return e instanceof UnrecognizedPropertyException
        || e instanceof ValueInstantiationException
        || e instanceof MismatchedInputException
            && firstLine(e.getOriginalMessage()).startsWith("Missing required creator property");
  }

  /** The line of the deepest name along {@code path} that occurs in {@code yaml}, or 0. */
  private static int keyLine(String yaml, List<JsonMappingException.Reference> path) {
    int matched = 0;
    int line = 0;
    int depth = 0;
    try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
      for (JsonToken token = parser.nextToken(); token != null && matched < path.size();
          token = parser.nextToken()) {
        if (token.isStructStart()) {
          depth++;
        } else if (token.isStructEnd()) {
          depth--;
          matched = Math.min(matched, depth);
        } else if (token == JsonToken.FIELD_NAME) {
          // A new name at this depth leaves the sibling that was matched before it.
          matched = Math.min(matched, depth - 1);
          if (matched == depth - 1 && parser.currentName().equals(path.get(matched).getFieldName())) {
            matched++;
            line = parser.currentTokenLocation().getLineNr();
          }
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      // The text is broken further on; keep what was found so far.
    }
    return line;
  }

  private static MarkedYAMLException syntaxError(Throwable e) {
    for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
      if (cause instanceof MarkedYAMLException marked) {
        return marked;
      }
    }
    return null;
  }

  private static String problem(JacksonException e) {
    MarkedYAMLException syntax = syntaxError(e);
    if (syntax != null && syntax.getProblem() != null) {
      Mark started = syntax.getContextMark();
      String context = syntax.getContext() == null ? "" : " (" + syntax.getContext()
          + (started == null || syntax.getProblemMark() == null
              || started.getLine() == syntax.getProblemMark().getLine()
              ? "" : " that starts on line " + (started.getLine() + 1)) + ")";
      return "not valid YAML: " + firstLine(syntax.getProblem()) + context
          + ". Check the indentation (spaces, not tabs), the ':' after each name and the quotes.";
    }
    String original = e instanceof JsonProcessingException processing
        ? firstLine(processing.getOriginalMessage()) : "";
    if (original.startsWith("Duplicate field '")) {
      String name = original.substring("Duplicate field '".length(), original.lastIndexOf('\''));
      return "'" + name + "' is given twice; keep one.";
    }
    if (e instanceof MismatchedInputException && original.startsWith("Trailing token")) {
      return "a second YAML document ('---') follows the first; keep the configuration in one document.";
    }
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
    if (e instanceof InvalidFormatException format && original.startsWith("Cannot coerce")) {
      // A number where true/false belongs: Jackson's message talks about its own CoercionConfig.
      return mismatchMessage(format);
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
      String problem = colon < 0 ? original : original.substring(colon + 2);
      // Jackson prefixes the exception class: "(java.lang.reflect.InvocationTargetException) 'x' is not …".
      return problem.replaceFirst("^\\([\\w.$]+\\) ", "");
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
