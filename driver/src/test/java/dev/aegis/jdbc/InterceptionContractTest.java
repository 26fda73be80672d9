package dev.aegis.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.config.AegisConfig;
import dev.aegis.encrypt.PreparedSql;
import dev.aegis.encrypt.ResultDecryption;
import dev.aegis.pipeline.Pipeline;
import dev.aegis.pipeline.Session;
import java.sql.ResultSetMetaData;
import dev.aegis.pipeline.SqlEntry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every JDBC overload that carries SQL text hands it to the pipeline exactly once, and the delegate receives
 * what the pipeline returned, never the original. Runs over a recording in-memory delegate, so a wrapper
 * regenerated or edited by hand cannot silently bypass the interception point.
 */
class InterceptionContractTest {
  /** Methods whose first String parameter is SQL text, and the entry they must report. */
  private static final Map<String, SqlEntry> SQL_METHODS = Map.of(
      "execute", SqlEntry.EXECUTE,
      "executeQuery", SqlEntry.EXECUTE_QUERY,
      "executeUpdate", SqlEntry.EXECUTE_UPDATE,
      "executeLargeUpdate", SqlEntry.EXECUTE_UPDATE,
      "addBatch", SqlEntry.ADD_BATCH,
      "prepareStatement", SqlEntry.PREPARE_STATEMENT,
      "prepareCall", SqlEntry.PREPARE_CALL,
      "nativeSQL", SqlEntry.NATIVE_SQL);
  private static final String SQL = "SELECT name FROM customers WHERE id = 1";
  private static final String REWRITTEN = "/* rewritten */ " + SQL;

  private final List<String> delegateCalls = new ArrayList<>();
  private final List<String> pipelineCalls = new ArrayList<>();
  private boolean refuse;

  private final Pipeline rewriting = new Pipeline() {
    @Override
    public AegisConfig config() {
      return AegisConfig.defaults();
    }

    @Override
    public String intercept(Session session, SqlEntry entry, String sql) throws SQLException {
      pipelineCalls.add(entry + " " + sql);
      if (refuse) {
        throw new SQLException("refused by the test pipeline", "ZA999");
      }
      return "/* rewritten */ " + sql;
    }

    @Override
    public PreparedSql prepare(Session session, SqlEntry entry, String sql) throws SQLException {
      return new PreparedSql(intercept(session, entry, sql), null);
    }

    @Override
    public void open(Connection delegate, dev.aegis.keys.ConnectionSource connections) {
      pipelineCalls.add("open");
    }

    @Override
    public ResultDecryption results(ResultSetMetaData metadata) {
      return null;
    }

    @Override
    public boolean decrypts() {
      return false;
    }

    @Override
    public void checkClientInfo(String name, String value) throws SQLClientInfoException {
      pipelineCalls.add("client-info " + name + "=" + value);
    }

    @Override
    public void checkClientInfo(Properties properties) throws SQLClientInfoException {
      pipelineCalls.add("client-info " + properties);
    }
  };

  private final Connection connection = new AegisConnection(recording(Connection.class), rewriting);

  static Stream<Method> sqlMethods() {
    return Stream.of(Connection.class, Statement.class, PreparedStatement.class, CallableStatement.class)
        .flatMap(type -> Arrays.stream(type.getMethods()))
        .filter(m -> SQL_METHODS.containsKey(m.getName()) && m.getParameterCount() > 0
            && m.getParameterTypes()[0] == String.class)
        .distinct();
  }

  @Test
  void everySqlOverloadOfJdbcIsCovered() {
    // JDBC 4.3: Connection 10 (prepareStatement 6, prepareCall 3, nativeSQL), Statement 14 (execute 4,
    // executeUpdate 4, executeLargeUpdate 4, executeQuery, addBatch). A new overload fails this on purpose.
    assertThat(sqlMethods().count()).isEqualTo(24);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sqlMethods")
  void delegateReceivesWhatThePipelineReturned(Method method) throws Exception {
    Object target = method.getDeclaringClass() == Connection.class
        ? connection
        : connection.prepareCall("{call p()}");
    delegateCalls.clear();
    pipelineCalls.clear();

    method.invoke(target, arguments(method));

    assertThat(pipelineCalls).containsExactly(SQL_METHODS.get(method.getName()) + " " + SQL);
    assertThat(delegateCalls).containsExactly(method.getName() + " " + REWRITTEN);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sqlMethods")
  void nothingReachesTheDelegateWhenThePipelineRefuses(Method method) throws Exception {
    Object target = method.getDeclaringClass() == Connection.class
        ? connection
        : connection.prepareCall("{call p()}");
    delegateCalls.clear();
    refuse = true;

    assertThatThrownBy(() -> {
      try {
        method.invoke(target, arguments(method));
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }).isInstanceOf(SQLException.class).hasMessage("refused by the test pipeline");
    assertThat(delegateCalls).isEmpty();
  }

  @Test
  void clientInfoIsCheckedBeforeTheDelegateStoresIt() throws SQLException {
    connection.setClientInfo("ApplicationName", "billing");
    Properties properties = new Properties();
    properties.setProperty("ClientUser", "ada");
    connection.setClientInfo(properties);
    assertThat(pipelineCalls).containsExactly("client-info ApplicationName=billing", "client-info {ClientUser=ada}");
    assertThat(delegateCalls).containsExactly("setClientInfo ApplicationName", "setClientInfo {ClientUser=ada}");
  }

  @Test
  void statementsCreatedWithoutSqlAreStillWrapped() throws SQLException {
    assertThat(connection.createStatement()).isInstanceOf(AegisStatement.class);
    assertThat(connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY))
        .isInstanceOf(AegisStatement.class);
    assertThat(connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY,
        ResultSet.HOLD_CURSORS_OVER_COMMIT)).isInstanceOf(AegisStatement.class);
    assertThat(connection.getMetaData()).isInstanceOf(AegisDatabaseMetaData.class);
    assertThat(pipelineCalls).isEmpty();
  }

  private static Object[] arguments(Method method) {
    Class<?>[] types = method.getParameterTypes();
    Object[] args = new Object[types.length];
    args[0] = SQL;
    for (int i = 1; i < types.length; i++) {
      args[i] = types[i] == int.class ? 1 : types[i] == int[].class ? new int[] {1} : new String[] {"id"};
    }
    return args;
  }

  /** A delegate that records each call's name and first argument, and returns recording delegates. */
  private <T> T recording(Class<T> type) {
    Object proxy = Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (self, m, args) -> {
      String first = args == null || args.length == 0 ? "" : " " + args[0];
      delegateCalls.add(m.getName() + first);
      Class<?> returns = m.getReturnType();
      if (returns == CallableStatement.class || returns == PreparedStatement.class || returns == Statement.class
          || returns == ResultSet.class || returns == DatabaseMetaData.class) {
        return recording(returns);
      }
      if (returns == String.class) {
        return args == null || args.length == 0 ? "" : String.valueOf(args[0]);
      }
      if (returns == boolean.class) {
        return false;
      }
      if (returns == int.class) {
        return 0;
      }
      if (returns == long.class) {
        return 0L;
      }
      return null;
    });
    return type.cast(proxy);
  }
}
