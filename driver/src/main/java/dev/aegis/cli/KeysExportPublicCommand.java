package dev.aegis.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.jdbc.AegisDriver;
import dev.aegis.keys.Keyset;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aegis keys export-public}: the inventory of every keyset that an auditor or a CMDB may hold — key
 * ids, statuses, which is primary, key types and parameters, dates, the columns using each — as JSON. It
 * holds nothing secret: no key material, sealed or not.
 */
@Command(name = "export-public", mixinStandardHelpOptions = true,
    description = "Writes the non-secret inventory of every keyset (ids, statuses, types, dates) as JSON.")
final class KeysExportPublicCommand extends KeysSubcommand {
  static final String FORMAT = "aegis-keys-public";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Option(names = "--out", paramLabel = "FILE", description = "Write the JSON to FILE instead of standard output")
  Path outFile;

  private final Clock clock;

  KeysExportPublicCommand() {
    this(Clock.systemUTC());
  }

  KeysExportPublicCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  int run(KeysContext keys, PrintWriter out) throws Exception {
    Map<String, Keyset> keysets = keys.store.readKeysets(keys.master());
    Instant now = clock.instant();
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("format-version", 1);
    root.put("generated-at", now.toString());
    root.put("aegis-version", AegisDriver.version());
    root.put("store", keys.store.describe());
    root.put("master", keys.masterAt.toString());
    ArrayNode list = root.putArray("keysets");
    for (Map.Entry<String, Keyset> entry : keysets.entrySet()) {
      KeysetView view = KeysetView.of(entry.getKey(), entry.getValue());
      ObjectNode node = list.addObject();
      node.put("name", view.name());
      node.put("kind", view.kind());
      node.put("primary-key-id", Integer.toUnsignedLong(view.primary().id()));
      ArrayNode columns = node.putArray("columns");
      keys.columnsOf(view.name()).keySet().forEach(column -> columns.add(column.toString()));
      KeysetView.keysJson(view.keys(), node.putArray("keys"), null, true);
    }
    String json = JSON.writeValueAsString(root);
    if (outFile == null) {
      out.println(json);
    } else {
      Files.writeString(outFile, json + System.lineSeparator(), StandardCharsets.UTF_8);
      out.printf("inventory of %d keyset(s) written to %s (no key material)%n", keysets.size(),
          outFile.toAbsolutePath());
    }
    return OK;
  }
}
