package dev.aegis.benchmarks.endtoend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.Base64;
import javax.sql.DataSource;
import org.apache.shardingsphere.driver.api.yaml.YamlShardingSphereDataSourceFactory;

/**
 * The ShardingSphere-JDBC arm: its encrypt rule over the same pool, built from YAML as its documentation
 * shows ({@code YamlShardingSphereDataSourceFactory.createDataSource(dataSource, yaml)}). Both columns use
 * its built-in {@code AES} encryptor, each with a key of its own made for this run; the cipher column is the
 * column itself, so the table has the same structure as in the other arms. The {@code AES} encryptor is
 * deterministic (AES/ECB with a key digested from the configured value), which also keeps equality search
 * on {@code email} working; ShardingSphere has no randomized built-in encryptor for {@code phone}. Tables
 * are not sharded: the {@code SINGLE} rule serves them from the one data source, and everything else
 * (standalone mode, its default metadata repository) is ShardingSphere's default.
 */
final class ShardingSphereArm {
  private ShardingSphereArm() {}

  static DataSource wrap(DataSource pool, String database) throws SQLException, IOException {
    byte[] yaml = yaml(database, newKey(), newKey()).getBytes(StandardCharsets.UTF_8);
    return YamlShardingSphereDataSourceFactory.createDataSource(pool, yaml);
  }

  private static String yaml(String database, String emailKey, String phoneKey) {
    StringBuilder tables = new StringBuilder();
    for (String table : new String[] {CustomerTables.READ_TABLE, CustomerTables.INSERT_TABLE}) {
      tables.append("""
              %s:
                columns:
                  email:
                    cipher: { name: email, encryptorName: email_aes }
                  phone:
                    cipher: { name: phone, encryptorName: phone_aes }
          """.formatted(table));
    }
    return """
        databaseName: %s
        rules:
        - !SINGLE
          tables:
            - "*.*"
        - !ENCRYPT
          tables:
        %s  encryptors:
            email_aes:
              type: AES
              props: { aes-key-value: '%s', digest-algorithm-name: SHA-1 }
            phone_aes:
              type: AES
              props: { aes-key-value: '%s', digest-algorithm-name: SHA-1 }
        props:
          sql-show: false
        """.formatted(database, tables, emailKey, phoneKey);
  }

  /** A key value for the AES encryptor, random per run; never logged. */
  private static String newKey() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
