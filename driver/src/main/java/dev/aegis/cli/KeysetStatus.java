package dev.aegis.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.config.ColumnConfig;
import dev.aegis.config.ColumnRef;
import dev.aegis.config.EncryptionMode;
import dev.aegis.keys.ColumnKeyUsage;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One keyset as {@code aegis keys status} reports it, and as the other keys commands print it after a
 * change: its keys, when its rotation is due, the columns that use it and, when scanned, the values under
 * each key. Never key material.
 *
 * @param name the keyset's name
 * @param view its keys; null when the configuration names it and the store does not hold it
 * @param columns the configured columns that use it (empty: no column uses it)
 * @param rotation when its rotation is due; null when it is not in the store
 * @param usage per column, the values under each key; null when not scanned
 */
record KeysetStatus(String name, KeysetView view, Map<ColumnRef, ColumnConfig> columns, RotationDue rotation,
    List<ColumnKeyUsage> usage) {

  KeysetStatus {
    columns = Map.copyOf(columns);
    usage = usage == null ? null : List.copyOf(usage);
  }

  static KeysetStatus of(String name, KeysetView view, Map<ColumnRef, ColumnConfig> columns, int rotationDays,
      Instant now, List<ColumnKeyUsage> usage) {
    RotationDue rotation = view == null ? null : RotationDue.of(view.primary().created(), rotationDays, now);
    return new KeysetStatus(name, view, columns, rotation, usage);
  }

  /** What is wrong with the keyset as configured: missing, unused, or of the wrong kind for its columns. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (view == null) {
      problems.add("not in the key store: run 'aegis keys init' to create it");
      return problems;
    }
    if (columns.isEmpty()) {
      problems.add("no configured column uses it");
    }
    for (Map.Entry<ColumnRef, ColumnConfig> column : columns.entrySet()) {
      String mode = column.getValue().mode() == EncryptionMode.DETERMINISTIC ? "deterministic" : "randomized";
      if (!mode.equals(view.kind())) {
        problems.add("column " + column.getKey() + " is configured " + mode + " but the keyset holds "
            + view.kind() + " keys");
      }
    }
    return problems;
  }

  List<String> columnNames() {
    return columns.keySet().stream().map(ColumnRef::toString).sorted().toList();
  }

  void printText(PrintWriter out, int rotationDays, Instant now) {
    if (view == null) {
      out.printf("keyset %s: MISSING, used by %s%n", name, String.join(", ", columnNames()));
    } else {
      out.printf("keyset %s: %s, %d key(s), primary key %s, used by %s%n", name, view.kind(), view.keys().size(),
          view.primary().idText(), columns.isEmpty() ? "no configured column" : String.join(", ", columnNames()));
      for (KeysetView.KeyView key : view.keys()) {
        out.printf("  key %-10s  %-9s %-7s  added %s%n", key.idText(), key.status(), key.primary() ? "primary" : "",
            key.created() == null ? "(date not recorded)" : key.created().truncatedTo(ChronoUnit.SECONDS) + " ("
                + Duration.between(key.created(), now).toDays() + " days ago)");
      }
      out.println("  " + rotation.describe(rotationDays));
    }
    if (usage != null) {
      for (ColumnKeyUsage column : usage) {
        out.println("  values in " + column.column() + ": " + describe(column));
      }
    }
    for (String problem : problems()) {
      out.println("  problem: " + problem);
    }
  }

  /** "key 123: 5, key 456: 2, plaintext 1, other domain 0, unknown key 0". */
  static String describe(ColumnKeyUsage column) {
    StringBuilder text = new StringBuilder();
    column.byKey().forEach((id, count) -> text.append("key ").append(KeysetView.id(id)).append(": ")
        .append(count).append(", "));
    if (column.byKey().isEmpty()) {
      text.append("no value under a key of the keyset, ");
    }
    return text.append("plaintext ").append(column.plaintext()).append(", other domain ")
        .append(column.otherDomain()).append(", unknown key ").append(column.unknownKey()).toString();
  }

  void toJson(ObjectNode node, Instant now) {
    node.put("name", name);
    node.put("in-store", view != null);
    node.put("kind", view == null ? null : view.kind());
    if (view == null) {
      node.putNull("primary-key-id");
      node.putNull("rotation");
      node.putArray("keys");
    } else {
      node.put("primary-key-id", Integer.toUnsignedLong(view.primary().id()));
      ObjectNode due = node.putObject("rotation");
      due.put("state", rotation.state());
      due.put("due-at", rotation.dueAt() == null ? null : rotation.dueAt().toString());
      if (rotation.dueAt() == null) {
        due.putNull("due-in-days");
      } else {
        due.put("due-in-days", rotation.dueInDays());
      }
      KeysetView.keysJson(view.keys(), node.putArray("keys"), now, false);
    }
    ArrayNode columnNodes = node.putArray("columns");
    for (Map.Entry<ColumnRef, ColumnConfig> column : columns.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(ColumnRef::toString))).toList()) {
      ObjectNode columnNode = columnNodes.addObject();
      columnNode.put("column", column.getKey().toString());
      columnNode.put("domain", column.getValue().domainOf(column.getKey()));
      columnNode.put("mode", column.getValue().mode().name().toLowerCase(Locale.ROOT));
      if (usage != null) {
        usage.stream().filter(u -> u.column().equals(column.getKey())).findFirst()
            .ifPresent(u -> valuesJson(columnNode.putObject("values"), u));
      }
    }
    ArrayNode problemNodes = node.putArray("problems");
    problems().forEach(problemNodes::add);
  }

  private static void valuesJson(ObjectNode node, ColumnKeyUsage usage) {
    ObjectNode byKey = node.putObject("by-key");
    usage.byKey().forEach((id, count) -> byKey.put(KeysetView.id(id), count));
    node.put("plaintext", usage.plaintext());
    node.put("other-domain", usage.otherDomain());
    node.put("unknown-key", usage.unknownKey());
  }
}
