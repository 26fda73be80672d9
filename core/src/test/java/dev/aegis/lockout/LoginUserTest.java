package dev.aegis.lockout;

import static org.assertj.core.api.Assertions.assertThat;

import com.mysql.cj.conf.ConnectionUrl;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The user Aegis counts a login against is the one Connector/J logs in as. */
class LoginUserTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "jdbc:mysql://db:3306/app",
      "jdbc:mysql://db:3306/app?user=fromQuery",
      "jdbc:mysql://db/app?useSSL=false&USER=upper&x=1",
      "jdbc:mysql://db/app?user=first&user=second",
      "jdbc:mysql://db/app?user=a%40b%2Bc",
      "jdbc:mysql://fromAuthority:pw@db/app?user=fromQuery",
      "jdbc:mysql://only@db/app",
      "jdbc:mysql://u%3Ax:p%40w@db/app",
      "jdbc:mysql://address=(host=db)(port=3306)(user=fromAddress)/app?user=fromQuery",
      "jdbc:mysql://(host=db,port=3306,user=fromKeyValue)/app",
      "jdbc:mysql://[(host=db1,user=inList),(host=db2,user=second)]/app",
      "jdbc:mysql://db1,second@db2/app?user=fromQuery",
      "jdbc:mysql:replication://src,replica/app?user=fromQuery",
      "jdbc:mysql://[::1]:3306/app?user=ipv6",
      "jdbc:mysql://db/app?user=x#fragment",
  })
  void sameUserAsConnectorJWithAndWithoutTheUserProperty(String url) {
    Properties none = new Properties();
    Properties given = new Properties();
    given.setProperty("user", "fromProperties");

    assertThat(LoginUser.of(url, none)).as("%s without properties", url).isEqualTo(connectorJ(url, none));
    assertThat(LoginUser.of(url, given)).as("%s with user property", url).isEqualTo(connectorJ(url, given));
  }

  @Test
  void propertyNamesAreCaseInsensitiveAsInConnectorJ() {
    Properties upper = new Properties();
    upper.setProperty("USER", "upper");
    assertThat(LoginUser.of("jdbc:mysql://db/app", upper)).isEqualTo("upper")
        .isEqualTo(connectorJ("jdbc:mysql://db/app", upper));
  }

  @Test
  void noUrlAtAllStillReadsTheProperty() {
    Properties given = new Properties();
    given.setProperty("user", "app");
    assertThat(LoginUser.of("jdbc:mysql:nothing", given)).isEqualTo("app");
    assertThat(LoginUser.of("jdbc:mysql://db/app", null)).isNull();
  }

  private static String connectorJ(String url, Properties properties) {
    String user = ConnectionUrl.getConnectionUrlInstance(url, properties).getMainHost().getUser();
    return user == null || user.isEmpty() ? null : user;
  }
}
