package dev.aegis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.config.EncryptionMode;
import dev.aegis.config.Location;
import dev.aegis.crypto.ColumnCipher;
import dev.aegis.crypto.PlainValue;
import dev.aegis.keys.KeysetFile;
import dev.aegis.keys.MasterKey;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class KeysInitCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine line = new CommandLine(new AegisCommand());
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    return line.execute(args);
  }

  @Test
  void createsTheMasterKeyAndEveryNamedKeysetAndKeepsThemOnASecondRun(@TempDir Path dir) throws Exception {
    Path config = Files.writeString(dir.resolve("aegis.yml"), """
        keys:
          master: file:keys/master.json
          keysets: file:keys/keysets.json
        columns:
          customers.email: { mode: deterministic, key: pii }
          customers.phone: { mode: deterministic, key: pii }
          payments.card_number: { mode: randomized, key: pci }
        """);
    assertThat(run("keys", "init", "--config", config.toString())).as(err.toString()).isZero();
    assertThat(out.toString()).contains("master key created", "keyset pci: randomized, 1 key(s)",
        "keyset pii: deterministic, 1 key(s)", "(created)");
    String keysets = Files.readString(dir.resolve("keys/keysets.json"));

    MasterKey master = MasterKey.load(Location.parse("file:keys/master.json", EnumSet.allOf(Location.Scheme.class)),
        dir, name -> null);
    ColumnCipher pii = ColumnCipher.of(KeysetFile.read(dir.resolve("keys/keysets.json"), master).get("pii"),
        EncryptionMode.DETERMINISTIC, "customers.email");
    byte[] stored = pii.encrypt(PlainValue.encode("ada@example.com"));

    out.getBuffer().setLength(0);
    assertThat(run("keys", "init", "--config", config.toString())).isZero();
    assertThat(out.toString()).contains("(kept)").doesNotContain("created");
    ColumnCipher again = ColumnCipher.of(KeysetFile.read(dir.resolve("keys/keysets.json"), master).get("pii"),
        EncryptionMode.DETERMINISTIC, "customers.email");
    assertThat(PlainValue.decode(again.decrypt(stored))).as("the same key after a second run")
        .isEqualTo("ada@example.com");
    assertThat(keysets).doesNotContain("keyValue");
  }

  @Test
  void anEnvironmentMasterKeyThatIsNotSetIsGeneratedAndShownOnce(@TempDir Path dir) throws Exception {
    Path config = Files.writeString(dir.resolve("aegis.yml"), """
        keys:
          master: env:AEGIS_TEST_MASTER_KEY_THAT_IS_NEVER_SET
          keysets: file:keysets.json
        columns:
          customers.email: { mode: deterministic, key: pii }
        """);
    assertThat(run("keys", "init", "--config", config.toString())).as(err.toString()).isZero();
    assertThat(out.toString()).contains("AEGIS_TEST_MASTER_KEY_THAT_IS_NEVER_SET='{")
        .contains("keyset pii: deterministic");
    assertThat(dir.resolve("keysets.json")).exists();
  }

  @Test
  void oneKeysetForBothModesIsRefused(@TempDir Path dir) throws Exception {
    Path config = Files.writeString(dir.resolve("aegis.yml"), """
        keys:
          master: file:master.json
          keysets: file:keysets.json
        columns:
          customers.email: { mode: deterministic, key: pii }
          customers.phone: { mode: randomized, key: pii }
        """);
    assertThat(run("keys", "init", "--config", config.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("Keyset 'pii' is used by randomized and deterministic columns");
    assertThat(dir.resolve("keysets.json")).doesNotExist();
  }
}
