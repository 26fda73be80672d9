package dev.aegis.cli;

import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import dev.aegis.config.ColumnConfig;
import dev.aegis.config.ColumnRef;
import dev.aegis.config.DurationSetting;
import dev.aegis.keys.ColumnKeyUsage;
import dev.aegis.keys.KeyUsage;
import dev.aegis.keys.Keyset;
import dev.aegis.keys.MasterKey;
import dev.aegis.keys.SealedKeysets;
import java.io.PrintWriter;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code aegis keys rotate --keyset NAME --stage add|promote|retire}: one keyset's rotation in the stages
 * Tink recommends, so that no instance ever meets a value under a key it has not loaded:
 *
 * <ol>
 *   <li>{@code add} a new key, enabled but not primary: instances load it and can read under it;
 *   <li>{@code promote} it once every instance has it: new values are written under it;
 *   <li>({@code aegis reencrypt} rewrites the old values under it);
 *   <li>{@code retire} the old keys once a scan proves no value is under them: disabled, then deleted.
 * </ol>
 *
 * <p>Each stage reads the keyset, changes it, and writes it back only if the store still holds what was read
 * (another operator's change in between is reported, not overwritten), keeping every key's date.
 */
@Command(name = "rotate", mixinStandardHelpOptions = true,
    description = "Rotates one keyset: --stage add, then promote, then (after aegis reencrypt) retire.")
final class KeysRotateCommand extends KeysSubcommand {
  /** How long instances may take to load a change by default: the default of keys.refresh. */
  static final Duration DEFAULT_MIN_AGE = Duration.ofSeconds(60);

  enum Stage { add, promote, retire }

  @Option(names = "--keyset", required = true, paramLabel = "NAME", description = "The keyset to rotate")
  String keyset;

  @Option(names = "--stage", required = true, paramLabel = "add|promote|retire",
      description = "add a key; promote it to primary; retire the keys that are no longer primary")
  Stage stage;

  @Option(names = "--min-age", paramLabel = "DURATION", description = "promote: how long ago the new key must"
      + " have been added, so every instance has loaded it (default 60s, the default keys.refresh)")
  String minAge;

  @Option(names = "--now", description = "promote: do not wait for --min-age (every instance has reloaded)")
  boolean now;

  @Option(names = "--disable-only", description = "retire: disable the old keys but keep them (reversible)")
  boolean disableOnly;

  private final Clock clock;

  KeysRotateCommand() {
    this(Clock.systemUTC());
  }

  KeysRotateCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  int run(KeysContext keys, PrintWriter out) throws Exception {
    Duration wait = checkOptions();
    MasterKey master = keys.master();
    Map<String, String> sealed = keys.store.readSealed();
    if (!sealed.containsKey(keyset)) {
      throw new ParameterException(spec.commandLine(), "keyset '" + keyset + "' is not in " + keys.store.describe()
          + " (it holds: " + String.join(", ", sealed.keySet()) + ")");
    }
    Keyset current = SealedKeysets.open(Map.of(keyset, sealed.get(keyset)), master, keys.store.describe())
        .get(keyset);
    KeysetView view = KeysetView.of(keyset, current);
    KeysetHandle changed = switch (stage) {
      case add -> add(current, view, keys, out);
      case promote -> promote(current, view, wait, keys, out);
      case retire -> retire(current, view, keys, out);
    };
    if (changed == null) {
      return OK;
    }
    if (!sealed.get(keyset).equals(keys.store.readSealed().get(keyset))) {
      throw new Refused("Keyset '" + keyset + "' changed in " + keys.store.describe() + " while this command ran"
          + " (another rotation?). Nothing was written; run 'aegis keys status' and start the stage again.");
    }
    keys.store.write(Map.of(keyset, changed), master);
    // Read back alone: another keyset that does not open is not this command's business.
    Keyset written = SealedKeysets.open(Map.of(keyset, keys.store.readSealed().get(keyset)), master,
        keys.store.describe()).get(keyset);
    out.println();
    int rotationDays = KeysStatusCommand.configuredRotationDays(keys.settings);
    KeysetStatus.of(keyset, KeysetView.of(keyset, written), keys.columnsOf(keyset), rotationDays, clock.instant(),
        null).printText(out, rotationDays, clock.instant());
    return OK;
  }

  private Duration checkOptions() {
    if ((minAge != null || now) && stage != Stage.promote) {
      throw new ParameterException(spec.commandLine(), "--min-age and --now are for --stage promote");
    }
    if (disableOnly && stage != Stage.retire) {
      throw new ParameterException(spec.commandLine(), "--disable-only is for --stage retire");
    }
    if (minAge == null) {
      return DEFAULT_MIN_AGE;
    }
    try {
      return DurationSetting.parse(minAge);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--min-age " + e.getMessage());
    }
  }

  private KeysetHandle add(Keyset current, KeysetView view, KeysContext keys, PrintWriter out) throws Exception {
    if (view.enabled() >= 2) {
      throw new Refused("Keyset '" + keyset + "' already has " + view.enabled() + " enabled keys: a rotation is"
          + " in progress. Finish it first (--stage promote, then aegis reencrypt, then --stage retire); see"
          + " 'aegis keys status " + keys.configArgument() + "'.");
    }
    KeysetHandle.Builder builder = KeysetHandle.newBuilder(current.handle());
    builder.addEntry(KeysetHandle.generateEntryFromParameters(
        current.handle().getPrimary().getKey().getParameters()).withRandomId().setStatus(KeyStatus.ENABLED));
    KeysetHandle added = builder.build();
    int id = added.getAt(added.size() - 1).getId();
    out.printf("keyset %s: key %s added (%s, enabled, not primary): instances read and search with it once"
        + " they load it; nothing is written under it yet.%n", keyset, KeysetView.id(id), view.kind());
    out.printf("Next: wait until every instance has loaded it (keys.refresh, default 60 s), then run%n"
        + "  aegis keys rotate %s --keyset %s --stage promote%n", keys.configArgument(), keyset);
    return added;
  }

  private KeysetHandle promote(Keyset current, KeysetView view, Duration wait, KeysContext keys, PrintWriter out)
      throws Refused, Exception {
    KeysetView.KeyView newest = null;
    int index = -1;
    for (int i = 0; i < view.keys().size(); i++) {
      KeysetView.KeyView key = view.keys().get(i);
      // The newest by date; keys of one date (or none) by position, as Tink appends new keys.
      if (!key.primary() && key.status().equals("ENABLED") && (newest == null || !isOlder(key, newest))) {
        newest = key;
        index = i;
      }
    }
    if (newest == null) {
      throw new Refused("Keyset '" + keyset + "' has no enabled key besides its primary " + view.primary().idText()
          + ": there is nothing to promote. Start a rotation with --stage add.");
    }
    int primaryIndex = view.keys().indexOf(view.primary());
    if (isOlder(newest, view.primary()) || newest.created() == null && index < primaryIndex) {
      throw new Refused("Key " + newest.idText() + " of keyset '" + keyset + "' is older than the primary key "
          + view.primary().idText() + ": promoting it would roll the rotation back. The rotation's next step is"
          + " aegis reencrypt, then --stage retire.");
    }
    if (!now) {
      if (newest.created() == null) {
        throw new Refused("Key " + newest.idText() + " of keyset '" + keyset + "' has no recorded date, so"
            + " nothing shows that every instance has loaded it. Promote with --now once every instance has"
            + " reloaded its keys (or been restarted).");
      }
      Duration age = Duration.between(newest.created(), clock.instant());
      if (age.compareTo(wait) < 0) {
        throw new Refused("Key " + newest.idText() + " of keyset '" + keyset + "' was added "
            + DurationSetting.format(age.isNegative() ? Duration.ZERO : age) + " ago; promote waits until "
            + DurationSetting.format(wait) + " have passed (--min-age) so that every instance has loaded it"
            + " (keys.refresh, default 60 s): an instance without it could not read what is written under it"
            + (view.kind().equals("deterministic") ? ", nor find it by equality" : "") + ". Run again in "
            + DurationSetting.format(wait.minus(age).plusSeconds(1)) + ", or with --now if every instance has"
            + " reloaded.");
      }
    }
    KeysetHandle.Builder builder = KeysetHandle.newBuilder(current.handle());
    builder.getAt(index).makePrimary();
    out.printf("keyset %s: key %s is primary; key %s stays enabled, so values under it still read%s.%n", keyset,
        newest.idText(), view.primary().idText(), view.kind().equals("deterministic") ? " and are found" : "");
    out.printf("Next: once every instance has loaded this change (keys.refresh), rewrite the old values with%n"
        + "  aegis reencrypt %s%nthen retire the old key with%n  aegis keys rotate %s --keyset %s --stage"
        + " retire --url …%n", keys.configArgument(), keys.configArgument(), keyset);
    return builder.build();
  }

  private static boolean isOlder(KeysetView.KeyView key, KeysetView.KeyView than) {
    return key.created() != null && than.created() != null && key.created().isBefore(than.created())
        || key.created() == null && than.created() != null;
  }

  private KeysetHandle retire(Keyset current, KeysetView view, KeysContext keys, PrintWriter out)
      throws Exception {
    List<Integer> old = view.keys().stream().filter(key -> !key.primary()).map(KeysetView.KeyView::id).toList();
    if (old.isEmpty()) {
      out.printf("keyset %s: only its primary key %s is left; there is nothing to retire.%n", keyset,
          view.primary().idText());
      return null;
    }
    Map<ColumnRef, ColumnConfig> columns = keys.columnsOf(keyset);
    if (columns.isEmpty()) {
      throw new Refused("No column in " + keys.config + " uses keyset '" + keyset + "', so no scan can prove that"
          + " its old keys are unused. Nothing was changed.");
    }
    List<ColumnKeyUsage> usages;
    try (Connection connection = keys.database("retire scans the columns using the keyset").open()) {
      usages = new KeyUsage().scanKeyset(connection, columns, keyset, current.handle());
    }
    List<String> blocking = new ArrayList<>();
    for (ColumnKeyUsage usage : usages) {
      long under = usage.under(old);
      if (under > 0 || usage.plaintext() > 0) {
        blocking.add(usage.column() + ": " + under + " value(s) under key(s) " + ids(old) + ", "
            + usage.plaintext() + " plaintext");
      }
      if (usage.foreign() > 0) {
        out.printf("warning: %s holds %d value(s) no key of keyset %s opens (%d of another domain, %d under an"
            + " unknown key); they do not read now either.%n", usage.column(), usage.foreign(), keyset,
            usage.otherDomain(), usage.unknownKey());
      }
    }
    if (!blocking.isEmpty()) {
      throw new Refused("Keyset '" + keyset + "' cannot retire key(s) " + ids(old) + ": values still need them"
          + " (or are not encrypted yet):\n  " + String.join("\n  ", blocking) + "\nRun 'aegis reencrypt "
          + keys.configArgument() + "' to rewrite them under the primary key " + view.primary().idText()
          + " (and encrypt-column for plaintext), then retire again. Nothing was changed.");
    }
    KeysetHandle.Builder builder = KeysetHandle.newBuilder(current.handle());
    for (int i = builder.size() - 1; i >= 0; i--) {
      if (!builder.getAt(i).isPrimary()) {
        builder.getAt(i).setStatus(KeyStatus.DISABLED);
        if (!disableOnly) {
          builder.deleteAt(i);
        }
      }
    }
    out.printf("keyset %s: scanned %d column(s), no value under key(s) %s; %s.%n", keyset, usages.size(), ids(old),
        disableOnly ? "they are disabled and kept: a value still under one would fail to read (ZA200) rather than"
            + " be lost; retire again without --disable-only to delete them" : "they are deleted");
    return builder.build();
  }

  private static String ids(List<Integer> ids) {
    return String.join(", ", ids.stream().map(KeysetView::id).toList());
  }
}
