package dev.aegis.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aegis.error.AegisConfigurationException;
import dev.aegis.error.AegisSqlState;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AegisUrlTest {

  @Test
  void plainUrlBecomesTheDelegateUrl() throws Exception {
    AegisUrl url = AegisUrl.parse("jdbc:aegis:mysql://h:3306/db");

    assertThat(url.delegateUrl()).isEqualTo("jdbc:mysql://h:3306/db");
    assertThat(url.settings()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "mysql:replication://source:3306,replica:3307/db",
      "mysql:loadbalance://a:3306,b:3306/db?loadBalanceStrategy=random",
      "mysql+srv://_mysql._tcp.example.com/db",
      "mysql+srv:loadbalance://_mysql._tcp.example.com/db",
      "mysql://a:1,b:2/db",
      "mysql://a:1,b:2/db?failOverReadOnly=false&secondsBeforeRetrySource=30",
      "mysql://address=(host=a)(port=1)(type=primary),address=(host=b)(port=2)/db",
      "mysql://[::1]:3306/db",
      "mysql:///db",
      "mysqlx://h:33060/db",
      "mysql://u:p%40ss@h/db?password=p%26w&sslMode=REQUIRED&connectionAttributes=a:1,b:2",
  })
  void delegateUrlsPassThroughByteForByte(String delegate) throws Exception {
    AegisUrl url = AegisUrl.parse("jdbc:aegis:" + delegate);

    assertThat(url.delegateUrl()).isEqualTo("jdbc:" + delegate);
    assertThat(url.settings()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "start  | mysql://h/db?aegis.config=/etc/a.yml&useSSL=true&user=app   | mysql://h/db?useSSL=true&user=app",
      "middle | mysql://h/db?useSSL=true&aegis.config=/etc/a.yml&user=app   | mysql://h/db?useSSL=true&user=app",
      "end    | mysql://h/db?useSSL=true&user=app&aegis.config=/etc/a.yml   | mysql://h/db?useSSL=true&user=app",
      "alone  | mysql://h/db?aegis.config=/etc/a.yml                        | mysql://h/db",
      "multi  | mysql://a:1,b:2/db?aegis.config=/etc/a.yml&useSSL=true      | mysql://a:1,b:2/db?useSSL=true",
  })
  void aegisConfigIsRemovedAndOtherParametersKeepTheirOrder(String where, String given, String expected)
      throws Exception {
    AegisUrl url = AegisUrl.parse("jdbc:aegis:" + given);

    assertThat(url.delegateUrl()).isEqualTo("jdbc:" + expected);
    assertThat(url.settings()).containsExactly(Map.entry("aegis.config", "/etc/a.yml"));
  }

  @Test
  void emptyParametersLeaveNoDanglingSeparators() throws Exception {
    AegisUrl url = AegisUrl.parse("jdbc:aegis:mysql://h/db?&a=1&&aegis.config=x.yml&&b=2&");

    assertThat(url.delegateUrl()).isEqualTo("jdbc:mysql://h/db?a=1&b=2");
  }

  @Test
  void emptyQueryIsDropped() throws Exception {
    assertThat(AegisUrl.parse("jdbc:aegis:mysql://h/db?").delegateUrl()).isEqualTo("jdbc:mysql://h/db");
  }

  @Test
  void settingValueIsUrlDecoded() throws Exception {
    AegisUrl url = AegisUrl.parse("jdbc:aegis:mysql://h/db?aegis.config=classpath%3Aaegis.yml&user=a%40b");

    assertThat(url.settings()).containsEntry("aegis.config", "classpath:aegis.yml");
    assertThat(url.delegateUrl()).as("the delegate's own parameters stay encoded")
        .isEqualTo("jdbc:mysql://h/db?user=a%40b");
  }

  @Test
  void encodedSettingNameIsStillRecognised() throws Exception {
    AegisUrl url = AegisUrl.parse("jdbc:aegis:mysql://h/db?aegis%2Econfig=a.yml");

    assertThat(url.settings()).containsEntry("aegis.config", "a.yml");
    assertThat(url.delegateUrl()).isEqualTo("jdbc:mysql://h/db");
  }

  @Test
  void onlyTheLeadingPrefixIsStripped() throws Exception {
    AegisUrl url = AegisUrl.parse(
        "jdbc:aegis:mysql://h/db?connectionAttributes=origin:jdbc:aegis:x&aegis.config=a.yml");

    assertThat(url.delegateUrl()).isEqualTo("jdbc:mysql://h/db?connectionAttributes=origin:jdbc:aegis:x");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "jdbc:aegis:                  | nothing follows 'jdbc:aegis:'        | jdbc:aegis:mysql://localhost:3306/app",
      "\"jdbc:aegis:   \"           | nothing follows 'jdbc:aegis:'        | jdbc:aegis:mysql://localhost:3306/app",
      "jdbc:aegis:jdbc:mysql://h/db | it repeats 'jdbc:'                   | not jdbc:aegis:jdbc:mysql://",
      "jdbc:aegis:mysql             | <subprotocol>://host[:port]/database | jdbc:aegis:mysql://localhost:3306/app",
      "jdbc:aegis:mysql:/h/db       | <subprotocol>://host[:port]/database | jdbc:aegis:mysql://localhost:3306/app",
      "jdbc:aegis://h/db            | <subprotocol>://host[:port]/database | jdbc:aegis:mysql://localhost:3306/app",
      "jdbc:aegis:mysql:/h/db?a=//x | <subprotocol>://host[:port]/database | jdbc:aegis:mysql://localhost:3306/app",
      "jdbc:aegis: mysql://h/db     | <subprotocol>://host[:port]/database | jdbc:aegis:mysql://localhost:3306/app",
  })
  void malformedUrlIsRejectedWithWhatToWrite(String url, String problem, String advice) {
    AegisConfigurationException e = invalidUrl(url);

    assertThat(e.getMessage()).startsWith("Invalid Aegis URL '")
        .contains(problem)
        .contains(advice);
  }

  @Test
  void malformedUrlMessageHidesParameterValues() {
    AegisConfigurationException e = invalidUrl("jdbc:aegis:mysql:/h/db?password=hunter2");

    assertThat(e.getMessage()).contains("password=…").doesNotContain("hunter2");
  }

  @Test
  void unknownAegisSettingNamesTheKnownOne() {
    AegisConfigurationException e = invalidUrl("jdbc:aegis:mysql://h/db?aegis.confg=a.yml");

    assertThat(e.getMessage()).contains("Unknown Aegis setting 'aegis.confg'")
        .contains("in the URL")
        .contains("Known settings: aegis.config");
  }

  @Test
  void duplicateAegisConfigIsRejected() {
    AegisConfigurationException e = invalidUrl("jdbc:aegis:mysql://h/db?aegis.config=a.yml&aegis.config=b.yml");

    assertThat(e.getMessage()).contains("'aegis.config' is given twice; keep one");
  }

  @Test
  void duplicateIsDetectedAfterDecoding() {
    AegisConfigurationException e = invalidUrl("jdbc:aegis:mysql://h/db?aegis.config=a.yml&aegis%2Econfig=a.yml");

    assertThat(e.getMessage()).contains("given twice");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "jdbc:aegis:mysql://h/db?aegis.config=",
      "jdbc:aegis:mysql://h/db?aegis.config",
      "jdbc:aegis:mysql://h/db?aegis.config=%20%20&useSSL=true",
  })
  void emptyAegisConfigIsRejected(String url) {
    AegisConfigurationException e = invalidUrl(url);

    assertThat(e.getMessage()).contains("'aegis.config' in the URL has no value")
        .contains("file path or classpath:NAME");
  }

  @Test
  void brokenUrlEncodingIsRejected() {
    AegisConfigurationException e = invalidUrl("jdbc:aegis:mysql://h/db?aegis.config=%zz");

    assertThat(e.getMessage()).contains("not valid URL encoding");
  }

  @Test
  void parseRejectsUrlsThatAreNotAegisUrls() {
    assertThatIllegalArgumentException().isThrownBy(() -> AegisUrl.parse("jdbc:mysql://h/db"))
        .withMessageContaining("jdbc:aegis:");
  }

  @Test
  void isAegisUrlChecksTheExactPrefix() {
    assertThat(AegisUrl.isAegisUrl("jdbc:aegis:mysql://h/db")).isTrue();
    assertThat(AegisUrl.isAegisUrl("jdbc:aegis:")).as("malformed, but connect must explain it").isTrue();
    assertThat(AegisUrl.isAegisUrl("jdbc:mysql://h/db")).isFalse();
    assertThat(AegisUrl.isAegisUrl("JDBC:AEGIS:mysql://h/db")).isFalse();
    assertThat(AegisUrl.isAegisUrl(null)).isFalse();
  }

  @Test
  void settingsCannotBeChanged() throws Exception {
    AegisUrl url = AegisUrl.parse("jdbc:aegis:mysql://h/db?aegis.config=a.yml");

    assertThat(url.settings()).isUnmodifiable();
  }

  @Test
  void redactHidesParameterValuesButKeepsNames() {
    assertThat(AegisUrl.redact("jdbc:mysql://h:3306/db?user=app&password=hunter2&useSSL"))
        .isEqualTo("jdbc:mysql://h:3306/db?user=…&password=…&useSSL");
  }

  @Test
  void redactHidesUserAndPassword() {
    assertThat(AegisUrl.redact("jdbc:aegis:mysql://app:hunter2@h:3306/db"))
        .isEqualTo("jdbc:aegis:mysql://…@h:3306/db");
  }

  @Test
  void redactHidesCredentialsOfEveryFailoverHost() {
    String redacted = AegisUrl.redact("jdbc:mysql://app:hunter2@a:1,ops:swordfish@b:2/db?x=1");

    assertThat(redacted).isEqualTo("jdbc:mysql://…@a:1,…@b:2/db?x=…");
  }

  @Test
  void redactHidesPasswordsInKeyValueHosts() {
    assertThat(AegisUrl.redact("jdbc:mysql://address=(host=a)(user=app)(password=hunter2)/db"))
        .isEqualTo("jdbc:mysql://address=(host=a)(user=app)(password=…)/db");
    assertThat(AegisUrl.redact("jdbc:mysql://[(host=a,password=hunter2),(host=b,password=swordfish)]/db"))
        .doesNotContain("hunter2", "swordfish");
  }

  @Test
  void redactHidesPasswordsContainingSlashes() {
    assertThat(AegisUrl.redact("jdbc:mysql://app:a/b@h/db")).isEqualTo("jdbc:mysql://…@h/db");
  }

  @Test
  void redactIgnoresAnAtSignInTheQuery() {
    assertThat(AegisUrl.redact("jdbc:mysql://h/db?email=a@b.c")).isEqualTo("jdbc:mysql://h/db?email=…");
  }

  @Test
  void redactLeavesUrlsWithoutSecretsAlone() {
    assertThat(AegisUrl.redact("jdbc:mysql://a:1,b:2/db")).isEqualTo("jdbc:mysql://a:1,b:2/db");
  }

  @Test
  void fragmentIsNotPartOfTheLastParameter() throws Exception {
    AegisUrl url = AegisUrl.parse("jdbc:aegis:mysql://h/db?useSSL=true&aegis.config=a.yml#section");

    assertThat(url.settings()).containsEntry("aegis.config", "a.yml");
    assertThat(url.delegateUrl()).isEqualTo("jdbc:mysql://h/db?useSSL=true#section");
  }

  @Test
  void aegisSettingInAnotherCaseIsRefusedNotPassedOn() {
    AegisConfigurationException e = invalidUrl("jdbc:aegis:mysql://h/db?AEGIS.CONFIG=a.yml");

    assertThat(e.getMessage()).contains("'AEGIS.CONFIG'").contains("Known settings: aegis.config");
  }

  @Test
  void redactHidesCredentialsOfAUrlWithoutAuthority() {
    assertThat(AegisUrl.redact("jdbc:aegis:mysql:/user:s3cret@h/db")).doesNotContain("s3cret");
    assertThat(invalidUrl("jdbc:aegis:mysql:/user:s3cret@h/db").getMessage()).doesNotContain("s3cret");
  }

  private static AegisConfigurationException invalidUrl(String url) {
    AegisConfigurationException e =
        catchThrowableOfType(AegisConfigurationException.class, () -> AegisUrl.parse(url));
    assertThat((Throwable) e).as("parse(%s) must fail", url).isNotNull();
    assertThat(e.getSQLState()).isEqualTo("ZA001");
    assertThat(e.state()).isEqualTo(AegisSqlState.INVALID_URL);
    return e;
  }
}
