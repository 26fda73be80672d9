package dev.aegis.cli;

import dev.aegis.config.Location;
import dev.aegis.error.AegisConfigurationException;
import dev.aegis.keys.MasterKey;
import dev.aegis.keys.MasterKeyFile;
import dev.aegis.keys.SealedKeysets;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code aegis keys rotate-master}: re-wraps every keyset under a new master key in one atomic step (a file
 * rename, one transaction), so the store is at every moment wholly under the old master or wholly under the
 * new one. Either to another master ({@code --new-master file:PATH|env:VAR}, then the configuration changes),
 * or in place in a master key file ({@code --in-place}: a new primary key joins the file, the old one stays
 * until {@code --in-place --retire-old} proves no keyset needs it).
 */
@Command(name = "rotate-master", mixinStandardHelpOptions = true,
    description = "Re-wraps every keyset under a new master key (--new-master) or a new key of the master file"
        + " (--in-place, later --in-place --retire-old).")
final class KeysRotateMasterCommand extends KeysSubcommand {
  @Option(names = "--new-master", paramLabel = "file:PATH|env:VAR", description = "The new master key; a file"
      + " that does not exist (relative to the configuration's directory) is created owner-only, an unset"
      + " variable gets a new key printed once")
  String newMaster;

  @Option(names = "--in-place", description = "Rotate within the master key file keys.master names")
  boolean inPlace;

  @Option(names = "--retire-old", description = "With --in-place: remove the master file's old key(s) once"
      + " every keyset opens under its primary alone")
  boolean retireOld;

  @Override
  int run(KeysContext keys, PrintWriter out) throws Exception {
    if ((newMaster == null) == !inPlace) {
      throw new ParameterException(spec.commandLine(), "give either --new-master file:PATH|env:VAR or --in-place");
    }
    if (retireOld && !inPlace) {
      throw new ParameterException(spec.commandLine(), "--retire-old is for --in-place");
    }
    return inPlace ? inPlace(keys, out) : toNewMaster(keys, out);
  }

  private int toNewMaster(KeysContext keys, PrintWriter out) throws Exception {
    Location to;
    try {
      to = Location.parse(newMaster, EnumSet.of(Location.Scheme.FILE, Location.Scheme.ENV));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--new-master: " + e.getMessage());
    }
    if (sameLocation(to, keys)) {
      throw new ParameterException(spec.commandLine(), "--new-master " + to + " is the current master key; to"
          + " rotate within its file use --in-place");
    }
    MasterKey old = keys.master();
    // Before any new key exists: a keyset the old master does not open stops everything here.
    Map<String, String> before = keys.store.readSealed();
    SealedKeysets.open(before, old, keys.store.describe());
    Path created = null;
    MasterKey fresh;
    if (to.scheme() == Location.Scheme.FILE && !Files.exists(keys.base.resolve(to.target()))) {
      created = keys.base.resolve(to.target()).toAbsolutePath();
      MasterKey.writeFile(created, MasterKey.generate());
      out.println("new master key created in " + created + " (readable by its owner only; back it up)");
      fresh = MasterKey.load(to, keys.base, System::getenv);
    } else if (to.scheme() == Location.Scheme.ENV && System.getenv(to.target()) == null) {
      String generated = MasterKey.generate();
      out.println("new master key generated for environment variable " + to.target() + "; store it in your"
          + " secret manager (it is shown only this once):");
      out.println(to.target() + "='" + generated.strip() + "'");
      fresh = MasterKey.load(to, keys.base, name -> generated);
    } else {
      fresh = MasterKey.load(to, keys.base, System::getenv);
    }
    try {
      keys.store.rewrap(old, fresh);
    } catch (Exception e) {
      if (created != null) {
        Files.deleteIfExists(created);
      }
      spec.commandLine().getErr().println("Nothing was re-wrapped: every keyset is still under the old master key"
          + " (" + keys.masterAt + ")" + (created != null ? "; the new master key file was removed." : "."));
      throw e;
    }
    verify(keys, fresh, before, "the new master key");
    out.printf("%d keyset(s) in %s re-wrapped under the new master key %s.%n", before.size(),
        keys.store.describe(), to);
    out.printf("Now change %s to:%n  keys:%n    master: %s%n", keys.config.toAbsolutePath(), to);
    out.println("Running instances keep working with the keys they have loaded; restart each with the new"
        + " setting. Keep the old master key (" + keys.masterAt + ") until every instance runs with the new"
        + " one, and as long as you keep backups made before now: they open only under it.");
    return OK;
  }

  private static boolean sameLocation(Location to, KeysContext keys) {
    if (to.scheme() != keys.masterAt.scheme()) {
      return false;
    }
    return to.scheme() == Location.Scheme.ENV ? to.target().equals(keys.masterAt.target())
        : keys.base.resolve(to.target()).toAbsolutePath().normalize()
            .equals(keys.base.resolve(keys.masterAt.target()).toAbsolutePath().normalize());
  }

  private int inPlace(KeysContext keys, PrintWriter out) throws Exception {
    if (keys.masterAt.scheme() != Location.Scheme.FILE) {
      throw new ParameterException(spec.commandLine(), "--in-place rotates a master key file, and keys.master is "
          + keys.masterAt + ": rotate to a new variable with --new-master env:NEW_VARIABLE");
    }
    Path path = keys.base.resolve(keys.masterAt.target()).toAbsolutePath();
    MasterKeyFile file = MasterKeyFile.read(path);
    if (retireOld) {
      return retireOld(file, keys, out);
    }
    Map<String, String> before = keys.store.readSealed();
    SealedKeysets.open(before, file.key(), keys.store.describe());
    MasterKeyFile rotated = file;
    if (file.keyCount() == 1) {
      rotated = file.withNewPrimary();
      // The file first: it keeps the old key, so whatever happens next every keyset still opens with it.
      rotated.write();
      out.printf("master key file %s: key %s added as primary; the old key %s is kept.%n", path,
          KeysetView.id(rotated.primaryId()), KeysetView.id(file.primaryId()));
    } else {
      out.printf("master key file %s already holds %d keys (an in-place rotation was started): re-wrapping every"
          + " keyset under its primary key %s.%n", path, file.keyCount(), KeysetView.id(file.primaryId()));
    }
    try {
      keys.store.rewrap(rotated.key(), rotated.key());
    } catch (Exception e) {
      spec.commandLine().getErr().println("Nothing was re-wrapped: every keyset is still sealed as before, and the"
          + " master key file holds both keys, so everything still opens. Run the command again to finish.");
      throw e;
    }
    verify(keys, rotated.primaryOnly(), before, "the master file's primary key");
    out.printf("%d keyset(s) in %s re-wrapped under master key %s.%n", before.size(), keys.store.describe(),
        KeysetView.id(rotated.primaryId()));
    out.println("Instances open the keysets again once they read the master key file again (at restart); until"
        + " then they keep the keys they have loaded. When every instance has been restarted, remove the old"
        + " master key with\n  aegis keys rotate-master " + keys.configArgument() + " --in-place --retire-old\n"
        + "Keyset backups made before now open only under the old key: if you keep them, first copy the master"
        + " key file (it holds both keys) to where you keep them.");
    return OK;
  }

  private int retireOld(MasterKeyFile file, KeysContext keys, PrintWriter out) throws Exception {
    if (file.keyCount() == 1) {
      out.printf("master key file %s holds only its primary key %s: there is nothing to retire.%n", file.path(),
          KeysetView.id(file.primaryId()));
      return OK;
    }
    try {
      SealedKeysets.open(keys.store.readSealed(), file.primaryOnly(), keys.store.describe());
    } catch (AegisConfigurationException e) {
      throw new Refused("Not every keyset opens under the master file's primary key alone, so the old key is"
          + " still needed: " + e.getMessage() + "\nRun 'aegis keys rotate-master " + keys.configArgument()
          + " --in-place' to re-wrap them, then retire again. Nothing was changed.");
    }
    file.withPrimaryOnly().write();
    keys.store.readKeysets(MasterKeyFile.read(file.path()).key());
    out.printf("master key file %s: old key(s) removed, key %s remains.%n", file.path(),
        KeysetView.id(file.primaryId()));
    out.println("Keyset backups made before the in-place rotation open only under the removed key (kept in"
        + " the copy of the master key file made before this step, if any).");
    return OK;
  }

  /** Reads the store back under {@code master}; if it does not open, puts {@code before} back and refuses. */
  private static void verify(KeysContext keys, MasterKey master, Map<String, String> before, String which)
      throws Exception {
    try {
      keys.store.readKeysets(master);
    } catch (AegisConfigurationException e) {
      keys.store.replaceSealed(before);
      throw new Refused("After re-wrapping, the keysets did not open under " + which + " (" + e.getMessage()
          + "); the store was put back as it was, under the old master key.");
    }
  }
}
