package dev.aegis.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.aegis.config.AegisConfig;
import dev.aegis.config.ConfigLocation;
import dev.aegis.config.ConfigReader;
import dev.aegis.detect.Signature;
import dev.aegis.error.AegisConfigurationException;
import dev.aegis.pipeline.Inspection;
import dev.aegis.pipeline.StatementPipeline;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code aegis inspect}: one statement per line on standard input, one JSON verdict per line on standard
 * output — what {@code enforce} mode would do with each, without running anything.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = {"Judges SQL statements as enforce mode would, without running them.",
        "Reads one statement per line on standard input; writes one JSON object per line:",
        "{\"digest\":…,\"verdict\":\"ALLOW|ALERT|BLOCK\",\"score\":…,\"findings\":[…],\"analysable\":…}"})
final class InspectCommand implements Callable<Integer> {
  private static final JsonFactory JSON = new JsonFactory();

  @Option(names = "--config", paramLabel = "FILE",
      description = "Aegis configuration (YAML): its block-threshold and analysis limits apply.")
  String config;

  @Spec
  CommandSpec spec;

  InputStream in = System.in;

  @Override
  public Integer call() throws IOException {
    AegisConfig settings;
    try {
      settings = config == null ? AegisConfig.defaults()
          : ConfigReader.read(new ConfigLocation(config, ConfigLocation.Origin.COMMAND_LINE));
    } catch (AegisConfigurationException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 2;
    }
    StatementPipeline pipeline = StatementPipeline.create(settings, new SimpleMeterRegistry());
    PrintWriter out = spec.commandLine().getOut();
    Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
    StringBuilder line = new StringBuilder();
    for (int c = reader.read(); ; c = reader.read()) {
      // Lines end at LF only (a CRLF's CR is dropped): a bare CR inside a statement is part of it, as it is
      // for the driver and the server.
      if (c == '\n' || c < 0) {
        int length = line.length();
        String statement = length > 0 && line.charAt(length - 1) == '\r' ? line.substring(0, length - 1)
            : line.toString();
        if (!statement.isBlank()) {
          out.println(json(pipeline.inspect(statement)));
          out.flush();
        }
        line.setLength(0);
        if (c < 0) {
          return 0;
        }
      } else {
        line.append((char) c);
      }
    }
  }

  static String json(Inspection inspection) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      json.writeStringField("digest", inspection.digest());
      json.writeStringField("verdict", inspection.verdict().action().name());
      json.writeNumberField("score", inspection.verdict().score());
      json.writeArrayFieldStart("findings");
      for (Signature finding : inspection.verdict().findings()) {
        json.writeStartObject();
        json.writeStringField("rule", finding.id());
        json.writeStringField("category", finding.category().label());
        json.writeStringField("severity", finding.severity().name().toLowerCase(Locale.ROOT));
        json.writeNumberField("score", finding.score());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeBooleanField("analysable", inspection.verdict().analysable());
      json.writeEndObject();
    }
    return text.toString();
  }
}
