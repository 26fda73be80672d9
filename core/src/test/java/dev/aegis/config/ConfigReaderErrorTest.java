package dev.aegis.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JacksonException;
import dev.aegis.error.AegisConfigurationException;
import dev.aegis.error.AegisSqlState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Invalid configurations: each is refused with ZA011 and a message naming the source, the line, the setting
 * and what to write instead.
 */
class ConfigReaderErrorTest {
  private static final String SOURCE = "/etc/app/aegis.yml";

  @Test
  void messageNamesSourceLineAndSetting() {
    AegisConfigurationException e = invalid("""
        detection:
          mode: enforce
          block-threshold: 2
        """);

    assertThat(e.getMessage()).startsWith(
        "Invalid Aegis configuration /etc/app/aegis.yml, line 3, setting 'detection.block-threshold': ");
    assertThat(e.getCause()).isInstanceOf(JacksonException.class);
  }

  @Test
  void unknownSettingNearATypoSuggestsTheRightName() {
    AegisConfigurationException e = invalid("""
        detection:
          mode: enforce
          block-treshold: 0.5
          allowlist: jdbc
        """);

    assertThat(e.getMessage()).contains(", line 3, setting 'detection.block-treshold'")
        .contains("unknown setting 'block-treshold'")
        .contains("Did you mean 'block-threshold'?")
        .contains("Settings allowed here: allowlist, allowlist-refresh, block-threshold, mode.");
  }

  @Test
  void unknownTopLevelSectionIsReportedAtItsOwnLine() {
    AegisConfigurationException e = invalid("""
        # Aegis
        colums:
          customers.email: { key: pii }
        detection:
          mode: enforce
        """);

    assertThat(e.getMessage()).contains(", line 2, setting 'colums'")
        .contains("Did you mean 'columns'?");
  }

  @Test
  void unknownSettingFarFromAnyNameListsTheAllowedOnes() {
    AegisConfigurationException e = invalid("""
        keys:
          master: env:KEK
        logging:
          level: debug
        """);

    assertThat(e.getMessage()).contains(", line 3, setting 'logging'")
        .contains("unknown setting 'logging'.")
        .doesNotContain("Did you mean")
        .contains("Settings allowed here: analysis, behaviour, columns, detection, encryption, events, keys,"
            + " lockout, response.");
  }

  @Test
  void unknownColumnSettingIsReportedAtItsOwnLine() {
    AegisConfigurationException e = invalid("""
        columns:
          customers.email:
            key: pii
            mdoe: deterministic
          customers.phone: { key: pii }
        """);

    assertThat(e.getMessage()).contains(", line 4, setting 'columns[customers.email].mdoe'")
        .contains("Did you mean 'mode'?")
        .contains("Settings allowed here: domain, key, max-length, migration, mode, strict, type.");
  }

  @Test
  void textWhereANumberIsExpected() {
    AegisConfigurationException e = invalid("""
        detection:
          block-threshold: high
        """);

    assertThat(e.getMessage()).contains(", line 2, setting 'detection.block-threshold'")
        .contains("expected a number here.");
  }

  @Test
  void quotedNumberIsStillText() {
    AegisConfigurationException e = invalid("detection:\n  block-threshold: \"0.5\"\n");

    assertThat(e.getMessage()).contains("setting 'detection.block-threshold'")
        .contains("expected a number here.");
  }

  @Test
  void listWhereASectionIsExpected() {
    AegisConfigurationException e = invalid("""
        keys:
          master: env:KEK
        detection:
          - enforce
          - 0.8
        """);

    assertThat(e.getMessage()).contains(", line 4, setting 'detection'")
        .contains("expected a section of 'name: value' settings here.");
  }

  @Test
  void listOfColumnsInsteadOfASection() {
    AegisConfigurationException e = invalid("columns:\n  - customers.email\n");

    assertThat(e.getMessage()).contains(", line 2, setting 'columns'")
        .contains("expected a section of 'name: value' settings here.");
  }

  @Test
  void numberWhereALocationIsExpected() {
    AegisConfigurationException e = invalid("keys:\n  master: 42\n");

    assertThat(e.getMessage()).contains(", line 2, setting 'keys.master'").contains("expected a text value");
  }

  @Test
  void topLevelMustBeASection() {
    AegisConfigurationException e = invalid("- detection\n");

    assertThat(e.getMessage()).contains(", line 1: expected a section of 'name: value' settings here.");
  }

  @Test
  void encryptionModeNotAllowedListsTheAllowedValues() {
    AegisConfigurationException e = invalid("""
        columns:
          customers.email: { mode: determinstic, key: pii }
        """);

    assertThat(e.getMessage()).contains(", line 2, setting 'columns[customers.email].mode'")
        .contains("'determinstic' is not allowed; use one of randomized, deterministic.");
  }

  @Test
  void detectionModeNotAllowedListsTheAllowedValues() {
    AegisConfigurationException e = invalid("""
        detection:
          block-threshold: 0.5
          mode: block
        """);

    assertThat(e.getMessage()).contains(", line 3, setting 'detection.mode'")
        .contains("'block' is not allowed; use one of off, learn, monitor, enforce.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"no", "on", "yes", "OFF", "Enforce"})
  void booleanLikeWordsAndOtherCasesAreNotModes(String written) {
    AegisConfigurationException e = invalid("detection:\n  mode: " + written + "\n");

    assertThat(e.getMessage()).contains("setting 'detection.mode'")
        .contains("'" + written + "' is not allowed; use one of off, learn, monitor, enforce.");
  }

  @Test
  void realBooleanIsNotAMode() {
    AegisConfigurationException e = invalid("detection:\n  mode: false\n");

    assertThat(e.getMessage()).contains("setting 'detection.mode'")
        .contains("off, learn, monitor, enforce");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "-0.1", "80", "1.0000001"})
  void blockThresholdOutOfRange(String written) {
    AegisConfigurationException e = invalid("detection:\n  mode: enforce\n  block-threshold: " + written + "\n");

    assertThat(e.getMessage()).contains(", line 3, setting 'detection.block-threshold'")
        .contains("must be a number from 0 to 1, was " + written);
  }

  @Test
  void notANumberIsRejected() {
    AegisConfigurationException e = invalid("detection:\n  mode: enforce\n  block-threshold: .nan\n");

    assertThat(e.getMessage()).contains(", line 3, setting 'detection.block-threshold'").contains("'.nan'");
  }

  @Test
  void masterKeyWithAnUnknownScheme() {
    AegisConfigurationException e = invalid("""
        keys:
          master: http://x
        """);

    assertThat(e.getMessage()).contains(", line 2, setting 'keys.master'")
        .contains("'http://x' is not a valid location here; use file:PATH or env:VAR.");
  }

  @Test
  void keysetsCannotComeFromTheEnvironment() {
    AegisConfigurationException e = invalid("""
        keys:
          master: env:KEK
          keysets: env:X
        """);

    assertThat(e.getMessage()).contains(", line 3, setting 'keys.keysets'")
        .contains("'env:X' is not a valid location here; use file:PATH or jdbc.");
  }

  @Test
  void allowlistCannotComeFromTheEnvironment() {
    AegisConfigurationException e = invalid("detection:\n  allowlist: env:X\n");

    assertThat(e.getMessage()).contains("setting 'detection.allowlist'").contains("use file:PATH or jdbc");
  }

  @Test
  void fileLocationNeedsAPath() {
    AegisConfigurationException e = invalid("keys:\n  master: 'file:'\n");

    assertThat(e.getMessage()).contains("setting 'keys.master'").contains("use file:PATH or env:VAR");
  }

  @Test
  void columnNameWithoutAColumn() {
    AegisConfigurationException e = invalid("""
        columns:
          customers.email: { key: pii }
          customers: { key: pii }
        """);

    assertThat(e.getMessage()).contains(", line 3, setting 'columns[customers]'")
        .contains("'customers' is not a column name; write table.column or schema.table.column")
        .doesNotContain("Exception");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a.b.c.d", "customers.", "customers.e-mail"})
  void otherBadColumnNames(String name) {
    AegisConfigurationException e = invalid("columns:\n  " + name + ": { key: pii }\n");

    assertThat(e.getMessage()).contains(", line 2, setting 'columns[" + name + "]'")
        .contains("'" + name + "' is not a column name");
  }

  @Test
  void sameColumnWrittenInAnotherCaseIsRefusedNotOverwritten() {
    AegisConfigurationException e = invalid("""
        columns:
          customers.email: { mode: deterministic, key: pii }
          customers.phone: { key: pii }
          Customers.EMAIL: { mode: randomized, key: other }
        """);

    assertThat(e.getMessage()).contains(", line 4, setting 'columns[Customers.EMAIL]'")
        .contains("'Customers.EMAIL' is the same column as 'customers.email' on line 2")
        .contains("configure it once");
  }

  @Test
  void columnWithoutKeyInFlowStyle() {
    AegisConfigurationException e = invalid("""
        columns:
          customers.phone: { key: pii }
          customers.email: { mode: deterministic }
        """);

    assertThat(e.getMessage()).contains(", line 3, setting 'columns[customers.email].key'")
        .contains("required setting 'key' is missing.");
  }

  @Test
  void columnWithoutKeyInBlockStyleIsReportedAtTheColumnNotAtWhatFollows() {
    AegisConfigurationException e = invalid("""
        columns:
          customers.email:
            mode: deterministic

        detection:
          mode: enforce
        """);

    assertThat(e.getMessage()).contains(", line 2, setting 'columns[customers.email].key'")
        .contains("required setting 'key' is missing.");
  }

  @Test
  void columnWithoutKeyAtTheEndOfTheFile() {
    AegisConfigurationException e = invalid("columns:\n  customers.email:\n    mode: deterministic\n");

    assertThat(e.getMessage()).contains(", line 2, setting 'columns[customers.email].key'");
  }

  @Test
  void columnWithoutSettings() {
    AegisConfigurationException e = invalid("""
        columns:
          customers.email:
          customers.phone: { key: pii }
        """);

    assertThat(e.getMessage()).contains(", line 2, setting 'columns[customers.email]'")
        .contains("expected a section of 'name: value' settings here.");
  }

  @Test
  void invalidKeysetNameIsReportedAtItsColumn() {
    AegisConfigurationException e = invalid("""
        columns:
          customers.email:
            key: 'pii keys'

        detection:
          mode: enforce
        """);

    assertThat(e.getMessage()).contains(", line 2, setting 'columns[customers.email]'")
        .contains("key must name a keyset (1 to 64 letters, digits, '_', '-', '.'), was 'pii keys'.");
  }

  @Test
  void duplicateSettingInASection() {
    AegisConfigurationException e = invalid("""
        detection:
          mode: enforce
          block-threshold: 0.5
          mode: learn
        """);

    assertThat(e.getMessage()).contains(", line 4, setting 'detection'")
        .contains("'mode' is given twice; keep one.");
  }

  @Test
  void duplicateColumn() {
    AegisConfigurationException e = invalid("""
        columns:
          customers.email: { key: pii }
          customers.phone: { key: pii }
          customers.email: { key: pci }
        """);

    assertThat(e.getMessage()).contains(", line 4, setting 'columns'")
        .contains("'customers.email' is given twice; keep one.");
  }

  @Test
  void duplicateSection() {
    AegisConfigurationException e = invalid("""
        detection:
          mode: enforce
        detection:
          mode: learn
        """);

    assertThat(e.getMessage()).contains(", line 3: 'detection' is given twice; keep one.");
  }

  @Test
  void badIndentationIsAYamlSyntaxError() {
    AegisConfigurationException e = invalid("""
        detection:
          mode: enforce
         block-threshold: 0.5
        """);

    assertThat(e.getMessage()).contains(", line 3: not valid YAML: ")
        .contains("expected <block end>")
        .contains("Check the indentation");
  }

  @Test
  void tabIndentationIsReportedAtTheTab() {
    AegisConfigurationException e = invalid("detection:\n\tmode: enforce\n");

    assertThat(e.getMessage()).contains(", line 2: not valid YAML: ")
        .contains("Do not use \\t(TAB) for indentation");
  }

  @Test
  void unclosedQuoteNamesTheLineItStarts() {
    AegisConfigurationException e = invalid("""
        keys:
          master: 'env:KEK
        detection:
          mode: enforce
        """);

    assertThat(e.getMessage()).contains("not valid YAML: ")
        .contains("quoted scalar that starts on line 2")
        .contains("Check the indentation (spaces, not tabs), the ':' after each name and the quotes.");
  }

  @Test
  void secondYamlDocumentIsRejected() {
    AegisConfigurationException e = invalid("""
        detection:
          mode: enforce
        ---
        detection:
          mode: off
        """);

    assertThat(e.getMessage()).contains(", line 4: ")
        .contains("a second YAML document ('---') follows the first");
  }

  private static AegisConfigurationException invalid(String yaml) {
    AegisConfigurationException e =
        catchThrowableOfType(AegisConfigurationException.class, () -> ConfigReader.parse(yaml, SOURCE));
    assertThat((Throwable) e).as("must be rejected:%n%s", yaml).isNotNull();
    assertThat(e.getSQLState()).isEqualTo("ZA011");
    assertThat(e.state()).isEqualTo(AegisSqlState.CONFIG_INVALID);
    assertThat(e.getMessage()).startsWith("Invalid Aegis configuration " + SOURCE + ", line ");
    return e;
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "'  customers.email: { key: pii, type: money }'|columns[customers.email].type|money",
      "'  customers.email: { key: pii, domain: \"a b\" }'|columns[customers.email]|domain must be",
      "'  customers.email: { key: pii, max-length: 0 }'|columns[customers.email].max-length|from 1",
      "'  customers.email: { key: pii, strict: maybe }'|columns[customers.email].strict|expected true or false",
      "'  customers.email: { key: pii, migration: halfway }'|columns[customers.email].migration|halfway",
      "'  customers.email: { key: pii, strict: true, migration: encrypting }'|columns[customers.email]"
          + "|cannot be set with migration: encrypting",
  })
  void encryptionColumnSettingsAreChecked(String line, String setting, String detail) {
    AegisConfigurationException e = invalid("columns:\n" + line + "\n");
    assertThat(e.getMessage()).contains(", line 2, setting '" + setting + "'").contains(detail);
  }

  @Test
  void schemaCheckModeIsChecked() {
    AegisConfigurationException e = invalid("""
        encryption:
          schema-check: loose
        """);
    assertThat(e.getMessage()).contains("line 2, setting 'encryption.schema-check'").contains("loose");
  }

  @ParameterizedTest
  @ValueSource(strings = {"10", "0s", "50ms", "2d", "25h", "soon", "PT0S", "-5s"})
  void allowlistRefreshMustBeAnIntervalFromATenthOfASecondToADay(String written) {
    AegisConfigurationException e = invalid("detection:\n  allowlist: jdbc\n  allowlist-refresh: " + written + "\n");
    assertThat(e.getMessage()).contains("line 3, setting 'detection.allowlist-refresh'");
  }
}
