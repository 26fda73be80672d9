package dev.aegis.benchmarks.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the JSON array JMH writes with {@code -rf json}. A damaged or truncated file (a run killed while
 * writing) still yields the entries before the damage, and an entry that cannot be read is skipped: each
 * with a note, so that one broken part does not lose the report of the others.
 */
public final class JmhJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JmhJson() {}

  /** The entries JMH wrote, in file order, and what could not be read. */
  public record Contents(List<BenchmarkResult> results, List<String> notes) {
    public Contents {
      results = List.copyOf(results);
      notes = List.copyOf(notes);
    }
  }

  public static Contents read(Path file) throws IOException {
    if (Files.size(file) == 0) {
      return new Contents(List.of(), List.of(file.getFileName() + " is empty: no results."));
    }
    List<BenchmarkResult> results = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int entries = 0;
    try (JsonParser parser = MAPPER.createParser(file.toFile())) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new IOException(file + " is not a JMH JSON result: it does not start with an array");
      }
      try {
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
          if (token == null) {
            throw new JsonProcessingException("end of file inside the array") {};
          }
          entries++;
          JsonNode entry = parser.readValueAsTree();
          try {
            BenchmarkResult result = entry(entry);
            if (seen.add(result.identity())) {
              results.add(result);
            } else {
              notes.add("Entry " + entries + " (" + result.benchmark() + ", " + result.threads()
                  + " threads) repeats an earlier one and is left out.");
            }
          } catch (IllegalArgumentException e) {
            notes.add("Entry " + entries + " could not be read and is left out: " + e.getMessage());
          }
        }
      } catch (JsonProcessingException e) {
        notes.add(file.getFileName() + " is damaged or cut short after " + results.size()
            + " readable entries (" + e.getOriginalMessage() + "); what came before is reported.");
      }
    }
    if (entries == 0 && notes.isEmpty()) {
      notes.add(file.getFileName() + " holds no results.");
    }
    return new Contents(results, notes);
  }

  static BenchmarkResult entry(JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("not an object");
    }
    String benchmark = text(node, "benchmark");
    JsonNode primary = node.get("primaryMetric");
    if (primary == null || !primary.isObject()) {
      throw new IllegalArgumentException(benchmark + " has no primaryMetric");
    }
    Map<String, String> params = new LinkedHashMap<>();
    node.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
    Map<String, Metric> secondary = new LinkedHashMap<>();
    node.path("secondaryMetrics").properties().forEach(e -> {
      if (e.getValue().isObject() && e.getValue().has("score")) {
        // JMH before 1.24 put a middle dot in front of profiler metrics ("·gc.alloc.rate.norm").
        secondary.put(e.getKey().replaceFirst("^\u00b7", ""), metric(e.getValue()));
      }
    });
    List<String> jvmArgs = new ArrayList<>();
    node.path("jvmArgs").forEach(arg -> jvmArgs.add(arg.asText()));
    BenchmarkResult.RunSettings settings = new BenchmarkResult.RunSettings(
        node.path("jmhVersion").asText(""), node.path("jdkVersion").asText(""), node.path("vmName").asText(""),
        node.path("vmVersion").asText(""), node.path("warmupIterations").asInt(0),
        node.path("warmupTime").asText(""), node.path("measurementIterations").asInt(0),
        node.path("measurementTime").asText(""), jvmArgs);
    return new BenchmarkResult(benchmark, text(node, "mode"), node.path("threads").asInt(1),
        node.path("forks").asInt(0), params, metric(primary), secondary, settings);
  }

  private static Metric metric(JsonNode node) {
    double score = number(node.get("score"));
    if (Double.isNaN(score)) {
      throw new IllegalArgumentException("a metric has no score");
    }
    return new Metric(score, number(node.get("scoreError")), node.path("scoreUnit").asText(""),
        number(node.path("scorePercentiles").get("50.0")));
  }

  /** JMH writes NaN and the infinities as strings. */
  private static double number(JsonNode node) {
    if (node == null || node.isNull()) {
      return Double.NaN;
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    try {
      return Double.parseDouble(node.asText());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      throw new IllegalArgumentException("no \"" + field + "\"");
    }
    return value.asText();
  }
}
