package dev.aegis.benchmarks.overhead;

import com.p6spy.engine.spy.P6DataSource;
import com.p6spy.engine.spy.P6Factory;
import com.p6spy.engine.spy.P6ModuleManager;
import com.p6spy.engine.spy.P6SpyFactory;
import com.p6spy.engine.wrapper.ConnectionWrapper;
import com.p6spy.engine.wrapper.PreparedStatementWrapper;
import com.p6spy.engine.wrapper.ResultSetWrapper;
import dev.aegis.benchmarks.stub.StubConnection;
import dev.aegis.benchmarks.stub.StubDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.proxy.ProxyJdbcObject;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * The peers of {@link OverheadBenchmark}, each over a stub like Aegis and checked to wrap it before
 * anything is measured.
 */
final class PeerArms {
  private PeerArms() {}

  /**
   * P6Spy's data source over the stub, with the modules {@code spy.properties} (in this module's resources)
   * names: the spy core alone ({@code modulelist=com.p6spy.engine.spy.P6SpyFactory}), i.e. without its
   * default logging module ({@code P6LogFactory}). Its wrappers, statement information and event dispatch
   * run; no listener is attached. Checked: only that module is loaded, and connection, statement and
   * result set are P6Spy's wrappers over the stub's.
   */
  static DataSource p6spy(StubDataSource stub) throws SQLException {
    List<P6Factory> modules = P6ModuleManager.getInstance().getFactories();
    Check.that(modules.size() == 1 && modules.get(0) instanceof P6SpyFactory,
        "P6Spy's core module alone (spy.properties: modulelist=" + P6SpyFactory.class.getName() + "), got "
            + modules.stream().map(m -> m.getClass().getName()).toList());
    DataSource spy = new P6DataSource(stub);
    try (Connection connection = spy.getConnection()) {
      Check.that(connection instanceof ConnectionWrapper, "a P6Spy connection, got " + connection.getClass());
      try (PreparedStatement statement = connection.prepareStatement(Customers.LOOKUP)) {
        statement.setInt(1, Customers.ID);
        try (ResultSet rs = statement.executeQuery()) {
          Check.that(statement instanceof PreparedStatementWrapper && rs instanceof ResultSetWrapper,
              "P6Spy's statement and result set wrappers, got " + statement.getClass() + ", " + rs.getClass());
        }
      }
      AegisArms.checkLookup(connection, AegisArms.delegate(connection), "P6Spy");
    }
    return spy;
  }

  /**
   * datasource-proxy over the stub with its defaults and no listener: its proxies of connection and
   * statements (JDK dynamic proxies, its default factory), with the per-query work it does whatever is
   * attached (query and parameter capture, a stopwatch, the listener chain). A logging listener would add
   * its own cost on top. Checked: connection and statement are its proxies over the stub's.
   */
  static DataSource datasourceProxy(StubDataSource stub) throws SQLException {
    DataSource proxy = ProxyDataSourceBuilder.create("stub", stub).build();
    try (Connection connection = proxy.getConnection()) {
      Check.that(connection instanceof ProxyJdbcObject p && p.getTarget() instanceof StubConnection,
          "a datasource-proxy connection over the stub's, got " + connection.getClass());
      try (PreparedStatement statement = connection.prepareStatement(Customers.LOOKUP)) {
        Check.that(statement instanceof ProxyJdbcObject, "a datasource-proxy statement, got "
            + statement.getClass());
      }
      AegisArms.checkLookup(connection, (StubConnection) ((ProxyJdbcObject) connection).getTarget(),
          "datasource-proxy");
    }
    return proxy;
  }
}
