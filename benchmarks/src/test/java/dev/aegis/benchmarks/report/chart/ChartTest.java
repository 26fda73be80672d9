package dev.aegis.benchmarks.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ChartTest {
  @Test
  void aLogScaleCoversWholeDecadesAndMapsThemEvenly() {
    Scale scale = Scale.log(50, 5_000, 0, 300);

    assertThat(scale.min()).isEqualTo(10.0);
    assertThat(scale.max()).isEqualTo(10_000.0);
    assertThat(scale.ticks()).containsExactly(10.0, 100.0, 1_000.0, 10_000.0);
    assertThat(scale.pixel(100)).isCloseTo(100, within(1e-9));
    assertThat(scale.pixel(1_000)).isCloseTo(200, within(1e-9));
    assertThat(scale.pixel(1)).isEqualTo(0);
  }

  @Test
  void aLinearScaleStartsAtZeroAndEndsOnARoundTick() {
    Scale scale = Scale.linear(0.73, 1.04, 400, 100);

    assertThat(scale.min()).isEqualTo(0);
    assertThat(scale.ticks()).containsExactly(0.0, 0.25, 0.5, 0.75, 1.0, 1.25);
    assertThat(scale.pixel(0)).isEqualTo(400);
    assertThat(scale.pixel(1.25)).isEqualTo(100);
  }

  @Test
  void textIsEscapedSoTheDocumentStaysWellFormed() throws Exception {
    String svg = HorizontalBarChart.render("a <b> & \"c\"", "sub", "axis", List.of(
        new HorizontalBarChart.Bar("x<y", 120, "+120 ns", 300),
        new HorizontalBarChart.Bar("zero & below", -3, "−3 ns", Double.NaN)), true, v -> v + "", "bars", "target");

    Document document = parse(svg);
    assertThat(document.getDocumentElement().getTextContent()).contains("a <b> & \"c\"", "x<y", "zero & below");
  }

  @Test
  void everyChartKindRendersWellFormedSvg() throws Exception {
    parse(GroupedBarChart.render("t", "s", "y", List.of("one\n1 thread", "two"),
        List.of(new GroupedBarChart.Series("aegis", new double[] {0.96, Double.NaN})), 1.0, "raw = 1", v -> v + ""));
    parse(LineChart.render("t", "s", "x", "y", List.of(
        new LineChart.Series("aegis", List.of(new double[] {1, 10}, new double[] {64, 20}), false),
        new LineChart.Series("ref", List.of(new double[] {1, 10}, new double[] {64, 640}), true)),
        true, LineChart.YAxis.AUTO, v -> v + "", v -> v + ""));
  }

  @Test
  void longLegendEntriesWrapAtSpaces() {
    assertThat(LineChart.wrap("linear growth from aegis's first point", 24))
        .containsExactly("linear growth from", "aegis's first point");
  }

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }
}
