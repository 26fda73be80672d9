package dev.aegis.benchmarks.suite;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the figures depend on besides the code: hardware threads, CPU model, memory, OS, the JVM, and the load
 * when the run started (Linux {@code /proc}; fields it cannot read are left out).
 */
final class MachineDescription {
  private MachineDescription() {}

  static ObjectNode machine() {
    ObjectNode machine = JsonNodeFactory.instance.objectNode();
    machine.put("availableProcessors", Runtime.getRuntime().availableProcessors());
    firstValue(Path.of("/proc/cpuinfo"), "model name", ':').ifPresent(v -> machine.put("cpuModel", v));
    firstValue(Path.of("/proc/meminfo"), "MemTotal", ':').ifPresent(v -> machine.put("memory", memory(v)));
    firstValue(Path.of("/etc/os-release"), "PRETTY_NAME", '=').map(v -> v.replace("\"", ""))
        .ifPresent(v -> machine.put("os", v));
    machine.put("kernel", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    loadAverage().ifPresent(v -> machine.put("loadAverageAtStart", v));
    return machine;
  }

  static ObjectNode jvm() {
    ObjectNode jvm = JsonNodeFactory.instance.objectNode();
    for (String key : List.of("java.version", "java.vendor", "java.runtime.version", "java.vm.name",
        "java.vm.vendor", "java.vm.version", "java.home")) {
      jvm.put(key, System.getProperty(key));
    }
    jvm.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
    return jvm;
  }

  /** The 1, 5 and 15 minute load averages, e.g. "0.52 0.61 0.70". */
  static Optional<String> loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields.length >= 3 ? Optional.of(fields[0] + " " + fields[1] + " " + fields[2]) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The checked-out commit, with a mark when the work tree has changes; empty outside a git work tree. */
  static Optional<String> gitCommit() {
    Optional<String> commit = command("git", "rev-parse", "--short=12", "HEAD");
    return commit.map(c -> c + command("git", "status", "--porcelain", "--untracked-files=no")
        .filter(s -> !s.isBlank()).map(s -> " (with uncommitted changes)").orElse(""));
  }

  private static Optional<String> command(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        return Optional.empty();
      }
      return Optional.of(output);
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static Optional<String> firstValue(Path file, String key, char separator) {
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int at = line.indexOf(separator);
        if (at > 0 && line.substring(0, at).trim().equals(key)) {
          return Optional.of(line.substring(at + 1).trim());
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or not readable: the field is left out.
    }
    return Optional.empty();
  }

  /** "24591204 kB" → "23.5 GiB". */
  private static String memory(String memTotal) {
    String[] parts = memTotal.split("\\s+");
    try {
      double kib = Double.parseDouble(parts[0]);
      return String.format(Locale.ROOT, "%.1f GiB", kib / (1024 * 1024));
    } catch (NumberFormatException e) {
      return memTotal;
    }
  }
}
