package dev.aegis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.KeysetHandle;
import dev.aegis.config.EncryptionMode;
import dev.aegis.config.Location;
import dev.aegis.crypto.ColumnCipher;
import dev.aegis.crypto.PlainValue;
import dev.aegis.keys.JdbcKeysetStore;
import dev.aegis.keys.MasterKey;
import dev.aegis.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code aegis keys init} with {@code keys.keysets: jdbc}, against a real server. */
class KeysInitJdbcIT {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private TestDatabase db;
  private String schema;
  private Path config;

  @BeforeEach
  void configuration(@TempDir Path dir) throws Exception {
    db = TestDatabase.shared();
    schema = db.createDatabase("keys_init");
    config = Files.writeString(dir.resolve("aegis.yml"), """
        keys:
          master: file:keys/master.json
          keysets: jdbc
        columns:
          customers.email: { mode: deterministic, key: pii }
          payments.card_number: { mode: randomized, key: pci }
        """);
  }

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine line = new CommandLine(new AegisCommand());
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    return line.execute(args);
  }

  private int init(String url, String password) {
    return run("keys", "init", "--config", config.toString(), "--url", url, "--user", db.user(),
        "--password", password);
  }

  private Map<String, KeysetHandle> stored() throws Exception {
    MasterKey master = MasterKey.load(Location.parse("file:keys/master.json", EnumSet.of(Location.Scheme.FILE)),
        config.getParent(), name -> null);
    return new JdbcKeysetStore(() -> db.connectPlain(schema)).read(master);
  }

  @Test
  void createsTheTableAndKeysetsThenKeepsThemOnASecondRun() throws Exception {
    // An aegis.config naming no file: the run succeeds only if the URL is connected to without Aegis.
    String aegisUrl = db.aegisUrl(schema, "aegis.config=" + config.resolveSibling("absent.yml"));
    assertThat(init(aegisUrl, db.password())).as(err.toString()).isZero();
    assertThat(out.toString()).contains("master key created", "keyset pci: randomized, 1 key(s)",
        "keyset pii: deterministic, 1 key(s)", "(created)", "keysets written to table aegis_keysets")
        .doesNotContain(db.password());
    Path masterFile = config.resolveSibling("keys/master.json");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(masterFile))).isEqualTo("rw-------");
    Map<String, KeysetHandle> first = stored();
    assertThat(first).containsOnlyKeys("pii", "pci");
    byte[] email = ColumnCipher.of(first.get("pii"), EncryptionMode.DETERMINISTIC, "customers.email")
        .encrypt(PlainValue.encode("ada@example.com"));

    assertThat(init(db.plainUrl(schema), db.password())).as(err.toString()).isZero();

    assertThat(out.toString()).contains("(kept)").doesNotContain("created");
    Map<String, KeysetHandle> second = stored();
    assertThat(second.get("pii").getPrimary().getId()).isEqualTo(first.get("pii").getPrimary().getId());
    assertThat(second.get("pci").getPrimary().getId()).isEqualTo(first.get("pci").getPrimary().getId());
    assertThat(PlainValue.decode(ColumnCipher.of(second.get("pii"), EncryptionMode.DETERMINISTIC,
        "customers.email").decrypt(email))).isEqualTo("ada@example.com");
  }

  @Test
  void aJdbcStoreWithoutUrlIsAUsageErrorBeforeAnyKeyIsMade() {
    assertThat(run("keys", "init", "--config", config.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("keys.keysets is jdbc", "--url jdbc:mysql://");
    assertThat(config.resolveSibling("keys/master.json")).doesNotExist();
  }

  @Test
  void aRefusedLoginFailsBeforeAnyKeyIsMadeAndDoesNotEchoThePassword() throws SQLException {
    String wrong = db.password() + "-wrong-Secret";
    assertThat(init(db.plainUrl(schema), wrong)).isEqualTo(2);
    assertThat(err.toString()).contains("table aegis_keysets cannot be read", "28000")
        .doesNotContain(wrong);
    assertThat(config.resolveSibling("keys/master.json")).doesNotExist();
  }

  @Test
  void aUrlWithAFileStoreIsAUsageError() throws Exception {
    Files.writeString(config, """
        keys:
          master: file:master.json
          keysets: file:keysets.json
        """);
    assertThat(run("keys", "init", "--config", config.toString(), "--url", db.plainUrl(schema))).isEqualTo(2);
    assertThat(err.toString()).contains("--url is only for keys.keysets: jdbc", "file:keysets.json");
    assertThat(config.resolveSibling("keysets.json")).doesNotExist();
  }
}
