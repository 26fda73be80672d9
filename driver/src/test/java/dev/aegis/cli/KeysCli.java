package dev.aegis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aegis.config.Location;
import dev.aegis.keys.FileKeysetStore;
import dev.aegis.keys.Keyset;
import dev.aegis.keys.MasterKey;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code aegis} in-process as picocli would, with a chosen clock, and captures what it prints. */
final class KeysCli {
  static final ObjectMapper JSON = new ObjectMapper();

  /** What one run gave. */
  record Run(int exit, String out, String err) {
    JsonNode json() throws Exception {
      return JSON.readTree(out);
    }
  }

  private KeysCli() {}

  static Run run(String... args) {
    return run(Clock.systemUTC(), args);
  }

  static Run run(Instant now, String... args) {
    return run(Clock.fixed(now, ZoneOffset.UTC), args);
  }

  static Run run(Clock clock, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine line = new CommandLine(new AegisCommand(), new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        Object made = type == KeysStatusCommand.class ? new KeysStatusCommand(clock)
            : type == KeysRotateCommand.class ? new KeysRotateCommand(clock)
            : type == KeysExportPublicCommand.class ? new KeysExportPublicCommand(clock)
            : type == KeysBackupCommand.class ? new KeysBackupCommand(clock)
            : CommandLine.defaultFactory().create(type);
        return type.cast(made);
      }
    });
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    int exit = line.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  static MasterKey master(Path dir, String file) throws Exception {
    return MasterKey.load(Location.parse("file:" + file, EnumSet.of(Location.Scheme.FILE)), dir, name -> null);
  }

  static Map<String, Keyset> keysets(Path dir) throws Exception {
    return new FileKeysetStore(dir.resolve("keysets.json")).readKeysets(master(dir, "master.json"));
  }

  /**
   * The secret parts of {@code keyset} as text could show them: every 12-character piece of Tink's base64
   * key value and of the key bytes in hex and base64. None may appear in what a command prints.
   */
  static List<String> secretPieces(KeysetHandle keyset) throws Exception {
    JsonNode plain = JSON.readTree(TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()));
    List<String> pieces = new ArrayList<>();
    for (JsonNode key : plain.path("key")) {
      String value = key.path("keyData").path("value").asText();
      assertThat(value).isNotEmpty();
      byte[] bytes = Base64.getDecoder().decode(value);
      for (String text : List.of(value, HexFormat.of().formatHex(bytes),
          Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(bytes, 4, bytes.length)))) {
        for (int i = 0; i + 12 <= text.length(); i++) {
          pieces.add(text.substring(i, i + 12));
        }
      }
    }
    return pieces;
  }

  static void assertNoKeyMaterial(String printed, Map<String, Keyset> keysets) throws Exception {
    assertThat(printed).doesNotContain("keyValue");
    for (Keyset keyset : keysets.values()) {
      for (String piece : secretPieces(keyset.handle())) {
        assertThat(printed).as("a piece of key material").doesNotContain(piece);
      }
    }
  }
}
