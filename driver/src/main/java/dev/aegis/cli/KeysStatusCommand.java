package dev.aegis.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.config.AegisConfig;
import dev.aegis.config.ColumnConfig;
import dev.aegis.config.ColumnRef;
import dev.aegis.keys.ColumnKeyUsage;
import dev.aegis.keys.KeyUsage;
import dev.aegis.keys.Keyset;
import java.io.PrintWriter;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code aegis keys status}: every keyset the configuration names or the store holds, with its keys, when
 * its rotation is due, the columns that use it and, with {@code --count}, how many values are under each
 * key. The JSON form is documented in docs/keys-commands.md and kept stable.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Shows each keyset's keys, their age, when rotation is due, and the columns using it.")
final class KeysStatusCommand extends KeysSubcommand {
  static final int DEFAULT_ROTATION_DAYS = 90;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  enum Format { text, json }

  @Option(names = "--count", description = "Scan the columns using each keyset and count the values under"
      + " each key (reads every row of those columns; needs --url)")
  boolean count;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      description = "text (default) or json")
  Format format;

  @Option(names = "--rotation-days", paramLabel = "DAYS",
      description = "A primary key older than this is due for rotation (default " + DEFAULT_ROTATION_DAYS + ")")
  Integer rotationDaysOption;

  private final Clock clock;

  KeysStatusCommand() {
    this(Clock.systemUTC());
  }

  KeysStatusCommand(Clock clock) {
    this.clock = clock;
  }

  /** The rotation period: the option when given, else the configuration's. */
  int rotationDays(AegisConfig settings) {
    return rotationDaysOption != null ? rotationDaysOption : configuredRotationDays(settings);
  }

  /** The configuration's rotation period ({@code keys.rotation-days}); every keys command reads it here. */
  static int configuredRotationDays(AegisConfig settings) {
    return settings.keys().rotationDays();
  }

  @Override
  int run(KeysContext keys, PrintWriter out) throws Exception {
    int rotationDays = rotationDays(keys.settings);
    if (rotationDays < 1) {
      throw new ParameterException(spec.commandLine(), "--rotation-days must be at least 1, was " + rotationDays);
    }
    if (count) {
      keys.database("--count scans the encrypted columns");
    }
    Map<String, Keyset> stored = keys.store.readKeysets(keys.master());
    TreeSet<String> names = new TreeSet<>(stored.keySet());
    names.addAll(KeysContext.modesByKeyset(keys.settings).keySet());
    Instant now = clock.instant();
    List<KeysetStatus> statuses = new ArrayList<>();
    for (String name : names) {
      Keyset keyset = stored.get(name);
      Map<ColumnRef, ColumnConfig> columns = keys.columnsOf(name);
      List<ColumnKeyUsage> usage = null;
      if (count && keyset != null) {
        try (Connection connection = keys.database("--count").open()) {
          usage = new KeyUsage().scanKeyset(connection, columns, name, keyset.handle());
        }
      }
      statuses.add(KeysetStatus.of(name, keyset == null ? null : KeysetView.of(name, keyset), columns,
          rotationDays, now, usage));
    }
    if (format == Format.json) {
      out.println(JSON.writeValueAsString(json(keys, statuses, rotationDays, now)));
    } else {
      out.printf("keysets in %s (master key %s), %s%n", keys.store.describe(), keys.masterAt, now);
      for (KeysetStatus status : statuses) {
        status.printText(out, rotationDays, now);
      }
    }
    return OK;
  }

  private static ObjectNode json(KeysContext keys, List<KeysetStatus> statuses, int rotationDays, Instant now) {
    ObjectNode root = JSON.createObjectNode();
    root.put("generated-at", now.toString());
    root.put("store", keys.store.describe());
    root.put("master", keys.masterAt.toString());
    root.put("rotation-days", rotationDays);
    ArrayNode keysets = root.putArray("keysets");
    for (KeysetStatus status : statuses) {
      status.toJson(keysets.addObject(), now);
    }
    return root;
  }
}
