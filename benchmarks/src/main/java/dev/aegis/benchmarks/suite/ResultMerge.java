package dev.aegis.benchmarks.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Joins the JSON arrays JMH wrote for each run into one array in the same format, so tools that read JMH
 * JSON (JMH Visualizer, say) read the suite's result as one run. Passwords in the recorded JVM arguments
 * (the end-to-end server's URL) are masked.
 */
final class ResultMerge {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&\\s]*");

  private ResultMerge() {}

  /** Writes the entries of every existing file, in order, to {@code merged}; returns how many there were. */
  static int merge(List<Path> parts, Path merged) throws IOException {
    ArrayNode all = MAPPER.createArrayNode();
    for (Path part : parts) {
      if (!Files.isRegularFile(part) || Files.size(part) == 0) {
        continue;
      }
      JsonNode entries = MAPPER.readTree(part.toFile());
      if (entries != null && entries.isArray()) {
        entries.forEach(entry -> all.add(masked(entry)));
      }
    }
    MAPPER.writeValue(merged.toFile(), all);
    return all.size();
  }

  static JsonNode masked(JsonNode entry) {
    if (entry instanceof ObjectNode object && object.get("jvmArgs") instanceof ArrayNode args) {
      for (int i = 0; i < args.size(); i++) {
        args.set(i, TextNode.valueOf(mask(args.get(i).asText())));
      }
    }
    return entry;
  }

  static String mask(String jvmArg) {
    return PASSWORD.matcher(jvmArg).replaceAll("$1***");
  }
}
