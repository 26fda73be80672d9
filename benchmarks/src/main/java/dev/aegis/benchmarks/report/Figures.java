package dev.aegis.benchmarks.report;

import java.util.Locale;

/** How the report writes numbers: thousands separated, as many decimals as the size of the value warrants. */
final class Figures {
  private Figures() {}

  /** 0.1234 → "0.123", 8.31 → "8.3", 539.94 → "539.9", 12345.6 → "12,346". */
  static String number(double value) {
    if (!Double.isFinite(value)) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%,." + decimals(value) + "f", value);
  }

  /** The score and JMH's error with the same number of decimals: "539.9 ± 148.3" (or the score alone). */
  static String scoreWithError(Metric metric) {
    int decimals = decimals(metric.score());
    String score = String.format(Locale.ROOT, "%,." + decimals + "f", metric.score());
    if (!metric.hasError()) {
      return score;
    }
    return score + " ± " + String.format(Locale.ROOT, "%,." + decimals + "f", metric.error());
  }

  /** A difference with its sign: "+532", "−12". */
  static String signed(double value) {
    if (!Double.isFinite(value)) {
      return "n/a";
    }
    String digits = number(Math.abs(value));
    return (value < 0 ? "\u2212" : "+") + digits;
  }

  /** A ratio to two decimals below 10 and one above: "0.97", "64.2". */
  static String ratio(double value) {
    if (!Double.isFinite(value)) {
      return "n/a";
    }
    return String.format(Locale.ROOT, Math.abs(value) < 10 ? "%,.2f" : "%,.1f", value);
  }

  /** A difference in whole bytes with its sign: "+96", "−12". */
  static String signedBytes(double value) {
    if (!Double.isFinite(value)) {
      return "n/a";
    }
    return (Math.round(value) < 0 ? "\u2212" : "+") + bytes(Math.abs(value));
  }

  /** A parameter value as JMH would show it, with thousands separated when it is a whole number. */
  static String paramValue(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? String.format(Locale.ROOT, "%,d", (long) value) : number(value);
  }

  /** Whole bytes: "1,024". */
  static String bytes(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%,.0f", value) : "n/a";
  }

  /** Compact, for axis ticks: 1500 → "1.5k", 2000000 → "2M", 0.5 → "0.5". */
  static String compact(double value) {
    double magnitude = Math.abs(value);
    if (magnitude >= 1e9) {
      return trim(value / 1e9) + "G";
    }
    if (magnitude >= 1e6) {
      return trim(value / 1e6) + "M";
    }
    if (magnitude >= 1e3) {
      return trim(value / 1e3) + "k";
    }
    return trim(value);
  }

  /** A length in bytes for axis ticks: 100 → "100 B", 10000 → "10 kB", 1000000 → "1 MB". */
  static String byteSize(double value) {
    if (value >= 1e6) {
      return trim(value / 1e6) + " MB";
    }
    if (value >= 1e3) {
      return trim(value / 1e3) + " kB";
    }
    return trim(value) + " B";
  }

  /** A duration in nanoseconds with a unit that keeps it short: 50 → "50 ns", 1500 → "1.5 µs". */
  static String nanos(double value) {
    double magnitude = Math.abs(value);
    if (magnitude >= 1e6) {
      return trim(value / 1e6) + " ms";
    }
    if (magnitude >= 1e3) {
      return trim(value / 1e3) + " µs";
    }
    return (magnitude >= 10 ? String.format(Locale.ROOT, "%.0f", value) : trim(value)) + " ns";
  }

  private static String trim(double value) {
    String text = String.format(Locale.ROOT, "%.2f", value);
    text = text.replaceAll("0+$", "");
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }

  private static int decimals(double value) {
    double magnitude = Math.abs(value);
    if (magnitude >= 1000 || magnitude == 0) {
      return 0;
    }
    if (magnitude >= 1) {
      return 1;
    }
    if (magnitude >= 0.01) {
      return 3;
    }
    return 5;
  }
}
