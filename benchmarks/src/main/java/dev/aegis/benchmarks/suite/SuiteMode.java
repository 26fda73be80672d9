package dev.aegis.benchmarks.suite;

import java.util.Locale;

/** {@code quick}: every figure, roughly, in minutes; {@code full}: the publication run. */
enum SuiteMode {
  QUICK, FULL;

  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static SuiteMode parse(String text) {
    for (SuiteMode mode : values()) {
      if (mode.id().equals(text)) {
        return mode;
      }
    }
    throw new IllegalArgumentException("mode must be quick or full, not '" + text + "'");
  }
}
