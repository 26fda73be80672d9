package dev.aegis.jdbc;

import dev.aegis.encrypt.PreparedSql;
import java.sql.ParameterMetaData;
import java.sql.SQLException;

/**
 * The parameters of a prepared statement as the application wrote it, when Aegis widened a search so
 * that the delegate's statement has more: the application's count, and each parameter described by the
 * first delegate parameter it became.
 */
final class ApplicationParameters implements ParameterMetaData {
  private final ParameterMetaData delegate;
  private final PreparedSql plan;

  ApplicationParameters(ParameterMetaData delegate, PreparedSql plan) {
    this.delegate = delegate;
    this.plan = plan;
  }

  @Override
  public int getParameterCount() throws SQLException {
    return plan.parameterCount();
  }

  @Override
  public int isNullable(int param) throws SQLException {
    return delegate.isNullable(plan.index(param));
  }

  @Override
  public boolean isSigned(int param) throws SQLException {
    return delegate.isSigned(plan.index(param));
  }

  @Override
  public int getPrecision(int param) throws SQLException {
    return delegate.getPrecision(plan.index(param));
  }

  @Override
  public int getScale(int param) throws SQLException {
    return delegate.getScale(plan.index(param));
  }

  @Override
  public int getParameterType(int param) throws SQLException {
    return delegate.getParameterType(plan.index(param));
  }

  @Override
  public String getParameterTypeName(int param) throws SQLException {
    return delegate.getParameterTypeName(plan.index(param));
  }

  @Override
  public String getParameterClassName(int param) throws SQLException {
    return delegate.getParameterClassName(plan.index(param));
  }

  @Override
  public int getParameterMode(int param) throws SQLException {
    return delegate.getParameterMode(plan.index(param));
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return iface.isInstance(this) ? iface.cast(this) : delegate.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || delegate.isWrapperFor(iface);
  }
}
