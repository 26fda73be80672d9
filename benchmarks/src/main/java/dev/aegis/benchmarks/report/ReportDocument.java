package dev.aegis.benchmarks.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Markdown report being written and the SVG charts it links to (file name → content). */
final class ReportDocument {
  private final StringBuilder markdown = new StringBuilder();
  private final Map<String, String> charts = new LinkedHashMap<>();

  ReportDocument heading(int level, String text) {
    markdown.append("#".repeat(level)).append(' ').append(text).append("\n\n");
    return this;
  }

  ReportDocument paragraph(String text) {
    markdown.append(text).append("\n\n");
    return this;
  }

  ReportDocument bullet(String text) {
    markdown.append("- ").append(text).append('\n');
    return this;
  }

  ReportDocument endList() {
    markdown.append('\n');
    return this;
  }

  ReportDocument table(MarkdownTable table) {
    markdown.append(table.render()).append('\n');
    return this;
  }

  /** Adds the chart under {@code fileName} and an image link to it here. */
  ReportDocument chart(String fileName, String description, String svg) {
    if (charts.putIfAbsent(fileName, svg) != null) {
      throw new IllegalStateException("two charts named " + fileName);
    }
    markdown.append("![").append(description).append("](").append(fileName).append(")\n\n");
    return this;
  }

  /** Adds a chart without a link (the link is already in text merged from another document). */
  void chartFile(String fileName, String svg) {
    if (charts.putIfAbsent(fileName, svg) != null) {
      throw new IllegalStateException("two charts named " + fileName);
    }
  }

  String markdown() {
    return markdown.toString();
  }

  Map<String, String> charts() {
    return Collections.unmodifiableMap(charts);
  }
}
