package dev.aegis.allowlist;

import dev.aegis.error.AegisConfigurationException;
import dev.aegis.error.AegisSqlState;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text format of an allowlist file: one shape a line, {@code <fingerprint> <digest>}, each preceded by
 * a comment line {@code # first-seen <ISO instant> by <caller>}; other {@code #} comments and blank lines are
 * ignored. Written sorted by digest so that a diff between two versions shows exactly the shapes added or
 * removed. A digest holding a backslash, CR or LF (possible only inside a quoted name) is written with
 * {@code \\}, {@code \r}, {@code \n} so that one entry stays one line.
 */
public final class AllowlistFile {
  static final String SEEN = "# first-seen ";
  private static final String BY = " by ";
  private static final String HEADER = """
      # Aegis allowlist: the statement shapes detection.mode enforce lets through (docs/allowlist.md).
      # One shape a line, <fingerprint> <digest>; the comment above each says when and by whom it was first
      # seen. Sorted by digest: review a change with a diff before enforcing it.
      """;

  private AllowlistFile() {}

  /**
   * Reads the file at {@code path}. A shape listed twice counts once, with its earliest first sighting.
   *
   * @throws AegisConfigurationException ZA011 naming the file and the line of a malformed entry; ZA010 when
   *     the file cannot be read
   */
  public static List<AllowlistEntry> read(Path path) throws AegisConfigurationException {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AegisConfigurationException(AegisSqlState.CONFIG_NOT_FOUND, "The allowlist file "
          + path.toAbsolutePath() + " cannot be read (" + e + ").", e);
    }
    return parse(text, path.toAbsolutePath().toString());
  }

  /** Parses allowlist text; {@code source} names it in messages. */
  public static List<AllowlistEntry> parse(String text, String source) throws AegisConfigurationException {
    Map<String, AllowlistEntry> byDigest = new LinkedHashMap<>();
    Instant seen = null;
    String caller = null;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      String stripped = line.strip();
      if (stripped.isEmpty() || stripped.startsWith("#")) {
        if (stripped.startsWith(SEEN)) {
          Instant at = instant(stripped.substring(SEEN.length()));
          // A comment that only looks like a first-seen record stays a comment: comments never fail a load.
          if (at != null) {
            seen = at;
            int by = stripped.indexOf(BY, SEEN.length());
            caller = by < 0 ? null : stripped.substring(by + BY.length());
            continue;
          }
        }
        seen = null;
        caller = null;
        continue;
      }
      AllowlistEntry entry = entry(stripped, source, i + 1, seen, caller);
      byDigest.merge(entry.digest(), entry, AllowlistEntry::merge);
      seen = null;
      caller = null;
    }
    return new ArrayList<>(byDigest.values());
  }

  private static Instant instant(String rest) {
    int end = rest.indexOf(' ');
    try {
      return Instant.parse(end < 0 ? rest : rest.substring(0, end));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static AllowlistEntry entry(String line, String source, int number, Instant seen, String caller)
      throws AegisConfigurationException {
    int space = line.indexOf(' ');
    String fingerprint = space < 0 ? line : line.substring(0, space);
    if (!Fingerprint.wellFormed(fingerprint)) {
      throw malformed(source, number, "an entry starts with a fingerprint of " + Fingerprint.LENGTH
          + " lower-case hex digits, then one space and the statement's digest");
    }
    String digest = space < 0 ? "" : unescape(line.substring(space + 1).strip(), source, number);
    if (digest.isEmpty()) {
      throw malformed(source, number, "the fingerprint " + fingerprint + " has no digest after it");
    }
    String expected = Fingerprint.of(digest);
    if (!expected.equals(fingerprint)) {
      throw malformed(source, number, "the fingerprint " + fingerprint + " does not match its digest (which"
          + " has " + expected + "); was the line edited? Write the digest exactly as Aegis printed it, or"
          + " correct the fingerprint");
    }
    return new AllowlistEntry(fingerprint, digest, seen, null, caller);
  }

  private static String unescape(String text, String source, int number) throws AegisConfigurationException {
    if (text.indexOf('\\') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char next = i + 1 < text.length() ? text.charAt(++i) : ' ';
      switch (next) {
        case '\\' -> out.append('\\');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        default -> throw malformed(source, number, "a backslash in a digest is written \\\\ (and a line"
            + " break \\n, \\r); found \\" + next);
      }
    }
    return out.toString();
  }

  private static AegisConfigurationException malformed(String source, int line, String problem) {
    return new AegisConfigurationException(AegisSqlState.CONFIG_INVALID, "Malformed allowlist file " + source
        + ", line " + line + ": " + problem + ".");
  }

  /** The line an entry is written as, without its first-seen comment: what an operator may add by hand. */
  public static String line(AllowlistEntry entry) {
    return entry.fingerprint() + " " + escape(entry.digest());
  }

  /**
   * A temporary file is readable by its owner only; the allowlist is no secret (digests hold no values) and
   * reviewers read it, so it keeps the permissions the file had, or gets rw-r--r-- when new.
   */
  private static void readableAsBefore(Path target, Path temporary) throws IOException {
    if (!Files.getFileStore(temporary).supportsFileAttributeView(PosixFileAttributeView.class)) {
      return;
    }
    Files.setPosixFilePermissions(temporary, Files.exists(target) ? Files.getPosixFilePermissions(target)
        : PosixFilePermissions.fromString("rw-r--r--"));
  }

  private static String escape(String digest) {
    if (digest.indexOf('\\') < 0 && digest.indexOf('\n') < 0 && digest.indexOf('\r') < 0) {
      return digest;
    }
    return digest.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
  }

  /** Writes {@code entries} in the file format, sorted by digest, with the header. */
  public static void format(Collection<AllowlistEntry> entries, Writer out) throws IOException {
    out.write(HEADER);
    List<AllowlistEntry> sorted = new ArrayList<>(entries);
    sorted.sort(AllowlistEntry.BY_DIGEST);
    for (AllowlistEntry entry : sorted) {
      out.write('\n');
      if (entry.firstSeen() != null) {
        out.write(SEEN + entry.firstSeen() + (entry.firstCaller() == null ? "" : BY + entry.firstCaller()) + "\n");
      }
      out.write(line(entry));
      out.write('\n');
    }
  }

  /**
   * Replaces the file at {@code path} with {@code entries}: written to a temporary file beside it, then
   * moved over it, so that a reader (another instance, an editor) never sees half a file.
   */
  public static void write(Path path, Collection<AllowlistEntry> entries) throws IOException {
    Path target = path.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
    try {
      try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        format(entries, out);
      }
      readableAsBefore(target, temporary);
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
