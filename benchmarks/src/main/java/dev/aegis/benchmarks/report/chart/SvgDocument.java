package dev.aegis.benchmarks.report.chart;

import java.util.List;
import java.util.Locale;

/**
 * A plain SVG 1.1 document built element by element: no scripts, no external fonts or styles, a white
 * background, so that GitHub shows it the same in its light and dark themes.
 */
public final class SvgDocument {
  /** Where a text's x coordinate sits: at its start, its middle or its end. */
  public enum Anchor {
    START("start"), MIDDLE("middle"), END("end");

    private final String svg;

    Anchor(String svg) {
      this.svg = svg;
    }
  }

  private final int width;
  private final int height;
  private final StringBuilder body = new StringBuilder();
  private final String title;

  public SvgDocument(int width, int height, String title) {
    this.width = width;
    this.height = height;
    this.title = title;
    rect(0, 0, width, height, "#ffffff");
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  public void rect(double x, double y, double w, double h, String fill) {
    body.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
        .append("\" height=\"").append(n(h)).append("\" fill=\"").append(fill).append("\"/>\n");
  }

  public void line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth, String dash) {
    body.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
        .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"")
        .append(n(strokeWidth)).append('"');
    dash(dash);
    body.append("/>\n");
  }

  /** A line through the points, each {x, y}. */
  public void polyline(List<double[]> points, String stroke, double strokeWidth, String dash) {
    body.append("<polyline fill=\"none\" stroke=\"").append(stroke).append("\" stroke-width=\"")
        .append(n(strokeWidth)).append("\" stroke-linejoin=\"round\"");
    dash(dash);
    body.append(" points=\"");
    for (double[] point : points) {
      body.append(n(point[0])).append(',').append(n(point[1])).append(' ');
    }
    body.append("\"/>\n");
  }

  public void circle(double cx, double cy, double r, String fill) {
    body.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
        .append("\" fill=\"").append(fill).append("\"/>\n");
  }

  public void text(double x, double y, String text, Anchor anchor, double size, String fill, boolean bold) {
    body.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"")
        .append(anchor.svg).append("\" font-size=\"").append(n(size)).append("\" fill=\"").append(fill).append('"');
    if (bold) {
      body.append(" font-weight=\"bold\"");
    }
    body.append('>').append(escape(text)).append("</text>\n");
  }

  /** Text turned 90° counter-clockwise about (x, y), for a vertical axis's label. */
  public void verticalText(double x, double y, String text, double size, String fill) {
    body.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y))
        .append("\" text-anchor=\"middle\" font-size=\"").append(n(size)).append("\" fill=\"").append(fill)
        .append("\" transform=\"rotate(-90 ").append(n(x)).append(' ').append(n(y)).append(")\">")
        .append(escape(text)).append("</text>\n");
  }

  public String render() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + width + "\" height=\"" + height
        + "\" viewBox=\"0 0 " + width + ' ' + height + "\" font-family=\"Helvetica, Arial, sans-serif\">\n"
        + "<title>" + escape(title) + "</title>\n"
        + body
        + "</svg>\n";
  }

  /** A rough width of a text in pixels, for laying out labels (no font metrics without a renderer). */
  public static double textWidth(String text, double size) {
    return text.length() * size * 0.58;
  }

  private void dash(String dash) {
    if (dash != null && !dash.isEmpty()) {
      body.append(" stroke-dasharray=\"").append(dash).append('"');
    }
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> {
          // XML 1.0 has no place for most control characters.
          if (c >= 0x20 || c == '\t' || c == '\n') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  private static String n(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not a finite coordinate: " + value);
    }
    String text = String.format(Locale.ROOT, "%.1f", value);
    return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
  }
}
