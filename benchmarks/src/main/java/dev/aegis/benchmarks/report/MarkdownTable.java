package dev.aegis.benchmarks.report;

import java.util.ArrayList;
import java.util.List;

/** A GitHub Markdown table; numeric columns are right-aligned. */
final class MarkdownTable {
  private final List<String> header;
  private final boolean[] numeric;
  private final List<List<String>> rows = new ArrayList<>();

  /** Columns whose name starts with '>' are right-aligned (the '>' is not shown). */
  MarkdownTable(String... columns) {
    header = new ArrayList<>();
    numeric = new boolean[columns.length];
    for (int i = 0; i < columns.length; i++) {
      numeric[i] = columns[i].startsWith(">");
      header.add(numeric[i] ? columns[i].substring(1) : columns[i]);
    }
  }

  MarkdownTable row(String... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.length);
    }
    rows.add(List.of(cells));
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  String render() {
    StringBuilder out = new StringBuilder();
    line(out, header);
    out.append('|');
    for (boolean right : numeric) {
      out.append(right ? "---:|" : "---|");
    }
    out.append('\n');
    rows.forEach(row -> line(out, row));
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells) {
    out.append('|');
    for (String cell : cells) {
      out.append(' ').append(cell.replace("|", "\\|")).append(" |");
    }
    out.append('\n');
  }
}
