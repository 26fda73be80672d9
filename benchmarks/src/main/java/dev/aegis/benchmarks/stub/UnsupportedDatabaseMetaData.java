package dev.aegis.benchmarks.stub;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/**
 * A {@link DatabaseMetaData} every method of which throws {@link SQLFeatureNotSupportedException} (or,
 * where the interface declares no {@code SQLException}, {@link UnsupportedOperationException}): the base of
 * {@link StubDatabaseMetaData}, which answers the few questions wrappers ask when a connection opens.
 */
abstract class UnsupportedDatabaseMetaData implements DatabaseMetaData {

  @Override
  public boolean allProceduresAreCallable() throws SQLException {
    throw Unsupported.method("allProceduresAreCallable");
  }

  @Override
  public boolean allTablesAreSelectable() throws SQLException {
    throw Unsupported.method("allTablesAreSelectable");
  }

  @Override
  public String getURL() throws SQLException {
    throw Unsupported.method("getURL");
  }

  @Override
  public String getUserName() throws SQLException {
    throw Unsupported.method("getUserName");
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    throw Unsupported.method("isReadOnly");
  }

  @Override
  public boolean nullsAreSortedHigh() throws SQLException {
    throw Unsupported.method("nullsAreSortedHigh");
  }

  @Override
  public boolean nullsAreSortedLow() throws SQLException {
    throw Unsupported.method("nullsAreSortedLow");
  }

  @Override
  public boolean nullsAreSortedAtStart() throws SQLException {
    throw Unsupported.method("nullsAreSortedAtStart");
  }

  @Override
  public boolean nullsAreSortedAtEnd() throws SQLException {
    throw Unsupported.method("nullsAreSortedAtEnd");
  }

  @Override
  public String getDatabaseProductName() throws SQLException {
    throw Unsupported.method("getDatabaseProductName");
  }

  @Override
  public String getDatabaseProductVersion() throws SQLException {
    throw Unsupported.method("getDatabaseProductVersion");
  }

  @Override
  public String getDriverName() throws SQLException {
    throw Unsupported.method("getDriverName");
  }

  @Override
  public String getDriverVersion() throws SQLException {
    throw Unsupported.method("getDriverVersion");
  }

  @Override
  public int getDriverMajorVersion() {
    throw new UnsupportedOperationException("getDriverMajorVersion");
  }

  @Override
  public int getDriverMinorVersion() {
    throw new UnsupportedOperationException("getDriverMinorVersion");
  }

  @Override
  public boolean usesLocalFiles() throws SQLException {
    throw Unsupported.method("usesLocalFiles");
  }

  @Override
  public boolean usesLocalFilePerTable() throws SQLException {
    throw Unsupported.method("usesLocalFilePerTable");
  }

  @Override
  public boolean supportsMixedCaseIdentifiers() throws SQLException {
    throw Unsupported.method("supportsMixedCaseIdentifiers");
  }

  @Override
  public boolean storesUpperCaseIdentifiers() throws SQLException {
    throw Unsupported.method("storesUpperCaseIdentifiers");
  }

  @Override
  public boolean storesLowerCaseIdentifiers() throws SQLException {
    throw Unsupported.method("storesLowerCaseIdentifiers");
  }

  @Override
  public boolean storesMixedCaseIdentifiers() throws SQLException {
    throw Unsupported.method("storesMixedCaseIdentifiers");
  }

  @Override
  public boolean supportsMixedCaseQuotedIdentifiers() throws SQLException {
    throw Unsupported.method("supportsMixedCaseQuotedIdentifiers");
  }

  @Override
  public boolean storesUpperCaseQuotedIdentifiers() throws SQLException {
    throw Unsupported.method("storesUpperCaseQuotedIdentifiers");
  }

  @Override
  public boolean storesLowerCaseQuotedIdentifiers() throws SQLException {
    throw Unsupported.method("storesLowerCaseQuotedIdentifiers");
  }

  @Override
  public boolean storesMixedCaseQuotedIdentifiers() throws SQLException {
    throw Unsupported.method("storesMixedCaseQuotedIdentifiers");
  }

  @Override
  public String getIdentifierQuoteString() throws SQLException {
    throw Unsupported.method("getIdentifierQuoteString");
  }

  @Override
  public String getSQLKeywords() throws SQLException {
    throw Unsupported.method("getSQLKeywords");
  }

  @Override
  public String getNumericFunctions() throws SQLException {
    throw Unsupported.method("getNumericFunctions");
  }

  @Override
  public String getStringFunctions() throws SQLException {
    throw Unsupported.method("getStringFunctions");
  }

  @Override
  public String getSystemFunctions() throws SQLException {
    throw Unsupported.method("getSystemFunctions");
  }

  @Override
  public String getTimeDateFunctions() throws SQLException {
    throw Unsupported.method("getTimeDateFunctions");
  }

  @Override
  public String getSearchStringEscape() throws SQLException {
    throw Unsupported.method("getSearchStringEscape");
  }

  @Override
  public String getExtraNameCharacters() throws SQLException {
    throw Unsupported.method("getExtraNameCharacters");
  }

  @Override
  public boolean supportsAlterTableWithAddColumn() throws SQLException {
    throw Unsupported.method("supportsAlterTableWithAddColumn");
  }

  @Override
  public boolean supportsAlterTableWithDropColumn() throws SQLException {
    throw Unsupported.method("supportsAlterTableWithDropColumn");
  }

  @Override
  public boolean supportsColumnAliasing() throws SQLException {
    throw Unsupported.method("supportsColumnAliasing");
  }

  @Override
  public boolean nullPlusNonNullIsNull() throws SQLException {
    throw Unsupported.method("nullPlusNonNullIsNull");
  }

  @Override
  public boolean supportsConvert() throws SQLException {
    throw Unsupported.method("supportsConvert");
  }

  @Override
  public boolean supportsConvert(int fromType, int toType) throws SQLException {
    throw Unsupported.method("supportsConvert");
  }

  @Override
  public boolean supportsTableCorrelationNames() throws SQLException {
    throw Unsupported.method("supportsTableCorrelationNames");
  }

  @Override
  public boolean supportsDifferentTableCorrelationNames() throws SQLException {
    throw Unsupported.method("supportsDifferentTableCorrelationNames");
  }

  @Override
  public boolean supportsExpressionsInOrderBy() throws SQLException {
    throw Unsupported.method("supportsExpressionsInOrderBy");
  }

  @Override
  public boolean supportsOrderByUnrelated() throws SQLException {
    throw Unsupported.method("supportsOrderByUnrelated");
  }

  @Override
  public boolean supportsGroupBy() throws SQLException {
    throw Unsupported.method("supportsGroupBy");
  }

  @Override
  public boolean supportsGroupByUnrelated() throws SQLException {
    throw Unsupported.method("supportsGroupByUnrelated");
  }

  @Override
  public boolean supportsGroupByBeyondSelect() throws SQLException {
    throw Unsupported.method("supportsGroupByBeyondSelect");
  }

  @Override
  public boolean supportsLikeEscapeClause() throws SQLException {
    throw Unsupported.method("supportsLikeEscapeClause");
  }

  @Override
  public boolean supportsMultipleResultSets() throws SQLException {
    throw Unsupported.method("supportsMultipleResultSets");
  }

  @Override
  public boolean supportsMultipleTransactions() throws SQLException {
    throw Unsupported.method("supportsMultipleTransactions");
  }

  @Override
  public boolean supportsNonNullableColumns() throws SQLException {
    throw Unsupported.method("supportsNonNullableColumns");
  }

  @Override
  public boolean supportsMinimumSQLGrammar() throws SQLException {
    throw Unsupported.method("supportsMinimumSQLGrammar");
  }

  @Override
  public boolean supportsCoreSQLGrammar() throws SQLException {
    throw Unsupported.method("supportsCoreSQLGrammar");
  }

  @Override
  public boolean supportsExtendedSQLGrammar() throws SQLException {
    throw Unsupported.method("supportsExtendedSQLGrammar");
  }

  @Override
  public boolean supportsANSI92EntryLevelSQL() throws SQLException {
    throw Unsupported.method("supportsANSI92EntryLevelSQL");
  }

  @Override
  public boolean supportsANSI92IntermediateSQL() throws SQLException {
    throw Unsupported.method("supportsANSI92IntermediateSQL");
  }

  @Override
  public boolean supportsANSI92FullSQL() throws SQLException {
    throw Unsupported.method("supportsANSI92FullSQL");
  }

  @Override
  public boolean supportsIntegrityEnhancementFacility() throws SQLException {
    throw Unsupported.method("supportsIntegrityEnhancementFacility");
  }

  @Override
  public boolean supportsOuterJoins() throws SQLException {
    throw Unsupported.method("supportsOuterJoins");
  }

  @Override
  public boolean supportsFullOuterJoins() throws SQLException {
    throw Unsupported.method("supportsFullOuterJoins");
  }

  @Override
  public boolean supportsLimitedOuterJoins() throws SQLException {
    throw Unsupported.method("supportsLimitedOuterJoins");
  }

  @Override
  public String getSchemaTerm() throws SQLException {
    throw Unsupported.method("getSchemaTerm");
  }

  @Override
  public String getProcedureTerm() throws SQLException {
    throw Unsupported.method("getProcedureTerm");
  }

  @Override
  public String getCatalogTerm() throws SQLException {
    throw Unsupported.method("getCatalogTerm");
  }

  @Override
  public boolean isCatalogAtStart() throws SQLException {
    throw Unsupported.method("isCatalogAtStart");
  }

  @Override
  public String getCatalogSeparator() throws SQLException {
    throw Unsupported.method("getCatalogSeparator");
  }

  @Override
  public boolean supportsSchemasInDataManipulation() throws SQLException {
    throw Unsupported.method("supportsSchemasInDataManipulation");
  }

  @Override
  public boolean supportsSchemasInProcedureCalls() throws SQLException {
    throw Unsupported.method("supportsSchemasInProcedureCalls");
  }

  @Override
  public boolean supportsSchemasInTableDefinitions() throws SQLException {
    throw Unsupported.method("supportsSchemasInTableDefinitions");
  }

  @Override
  public boolean supportsSchemasInIndexDefinitions() throws SQLException {
    throw Unsupported.method("supportsSchemasInIndexDefinitions");
  }

  @Override
  public boolean supportsSchemasInPrivilegeDefinitions() throws SQLException {
    throw Unsupported.method("supportsSchemasInPrivilegeDefinitions");
  }

  @Override
  public boolean supportsCatalogsInDataManipulation() throws SQLException {
    throw Unsupported.method("supportsCatalogsInDataManipulation");
  }

  @Override
  public boolean supportsCatalogsInProcedureCalls() throws SQLException {
    throw Unsupported.method("supportsCatalogsInProcedureCalls");
  }

  @Override
  public boolean supportsCatalogsInTableDefinitions() throws SQLException {
    throw Unsupported.method("supportsCatalogsInTableDefinitions");
  }

  @Override
  public boolean supportsCatalogsInIndexDefinitions() throws SQLException {
    throw Unsupported.method("supportsCatalogsInIndexDefinitions");
  }

  @Override
  public boolean supportsCatalogsInPrivilegeDefinitions() throws SQLException {
    throw Unsupported.method("supportsCatalogsInPrivilegeDefinitions");
  }

  @Override
  public boolean supportsPositionedDelete() throws SQLException {
    throw Unsupported.method("supportsPositionedDelete");
  }

  @Override
  public boolean supportsPositionedUpdate() throws SQLException {
    throw Unsupported.method("supportsPositionedUpdate");
  }

  @Override
  public boolean supportsSelectForUpdate() throws SQLException {
    throw Unsupported.method("supportsSelectForUpdate");
  }

  @Override
  public boolean supportsStoredProcedures() throws SQLException {
    throw Unsupported.method("supportsStoredProcedures");
  }

  @Override
  public boolean supportsSubqueriesInComparisons() throws SQLException {
    throw Unsupported.method("supportsSubqueriesInComparisons");
  }

  @Override
  public boolean supportsSubqueriesInExists() throws SQLException {
    throw Unsupported.method("supportsSubqueriesInExists");
  }

  @Override
  public boolean supportsSubqueriesInIns() throws SQLException {
    throw Unsupported.method("supportsSubqueriesInIns");
  }

  @Override
  public boolean supportsSubqueriesInQuantifieds() throws SQLException {
    throw Unsupported.method("supportsSubqueriesInQuantifieds");
  }

  @Override
  public boolean supportsCorrelatedSubqueries() throws SQLException {
    throw Unsupported.method("supportsCorrelatedSubqueries");
  }

  @Override
  public boolean supportsUnion() throws SQLException {
    throw Unsupported.method("supportsUnion");
  }

  @Override
  public boolean supportsUnionAll() throws SQLException {
    throw Unsupported.method("supportsUnionAll");
  }

  @Override
  public boolean supportsOpenCursorsAcrossCommit() throws SQLException {
    throw Unsupported.method("supportsOpenCursorsAcrossCommit");
  }

  @Override
  public boolean supportsOpenCursorsAcrossRollback() throws SQLException {
    throw Unsupported.method("supportsOpenCursorsAcrossRollback");
  }

  @Override
  public boolean supportsOpenStatementsAcrossCommit() throws SQLException {
    throw Unsupported.method("supportsOpenStatementsAcrossCommit");
  }

  @Override
  public boolean supportsOpenStatementsAcrossRollback() throws SQLException {
    throw Unsupported.method("supportsOpenStatementsAcrossRollback");
  }

  @Override
  public int getMaxBinaryLiteralLength() throws SQLException {
    throw Unsupported.method("getMaxBinaryLiteralLength");
  }

  @Override
  public int getMaxCharLiteralLength() throws SQLException {
    throw Unsupported.method("getMaxCharLiteralLength");
  }

  @Override
  public int getMaxColumnNameLength() throws SQLException {
    throw Unsupported.method("getMaxColumnNameLength");
  }

  @Override
  public int getMaxColumnsInGroupBy() throws SQLException {
    throw Unsupported.method("getMaxColumnsInGroupBy");
  }

  @Override
  public int getMaxColumnsInIndex() throws SQLException {
    throw Unsupported.method("getMaxColumnsInIndex");
  }

  @Override
  public int getMaxColumnsInOrderBy() throws SQLException {
    throw Unsupported.method("getMaxColumnsInOrderBy");
  }

  @Override
  public int getMaxColumnsInSelect() throws SQLException {
    throw Unsupported.method("getMaxColumnsInSelect");
  }

  @Override
  public int getMaxColumnsInTable() throws SQLException {
    throw Unsupported.method("getMaxColumnsInTable");
  }

  @Override
  public int getMaxConnections() throws SQLException {
    throw Unsupported.method("getMaxConnections");
  }

  @Override
  public int getMaxCursorNameLength() throws SQLException {
    throw Unsupported.method("getMaxCursorNameLength");
  }

  @Override
  public int getMaxIndexLength() throws SQLException {
    throw Unsupported.method("getMaxIndexLength");
  }

  @Override
  public int getMaxSchemaNameLength() throws SQLException {
    throw Unsupported.method("getMaxSchemaNameLength");
  }

  @Override
  public int getMaxProcedureNameLength() throws SQLException {
    throw Unsupported.method("getMaxProcedureNameLength");
  }

  @Override
  public int getMaxCatalogNameLength() throws SQLException {
    throw Unsupported.method("getMaxCatalogNameLength");
  }

  @Override
  public int getMaxRowSize() throws SQLException {
    throw Unsupported.method("getMaxRowSize");
  }

  @Override
  public boolean doesMaxRowSizeIncludeBlobs() throws SQLException {
    throw Unsupported.method("doesMaxRowSizeIncludeBlobs");
  }

  @Override
  public int getMaxStatementLength() throws SQLException {
    throw Unsupported.method("getMaxStatementLength");
  }

  @Override
  public int getMaxStatements() throws SQLException {
    throw Unsupported.method("getMaxStatements");
  }

  @Override
  public int getMaxTableNameLength() throws SQLException {
    throw Unsupported.method("getMaxTableNameLength");
  }

  @Override
  public int getMaxTablesInSelect() throws SQLException {
    throw Unsupported.method("getMaxTablesInSelect");
  }

  @Override
  public int getMaxUserNameLength() throws SQLException {
    throw Unsupported.method("getMaxUserNameLength");
  }

  @Override
  public int getDefaultTransactionIsolation() throws SQLException {
    throw Unsupported.method("getDefaultTransactionIsolation");
  }

  @Override
  public boolean supportsTransactions() throws SQLException {
    throw Unsupported.method("supportsTransactions");
  }

  @Override
  public boolean supportsTransactionIsolationLevel(int level) throws SQLException {
    throw Unsupported.method("supportsTransactionIsolationLevel");
  }

  @Override
  public boolean supportsDataDefinitionAndDataManipulationTransactions() throws SQLException {
    throw Unsupported.method("supportsDataDefinitionAndDataManipulationTransactions");
  }

  @Override
  public boolean supportsDataManipulationTransactionsOnly() throws SQLException {
    throw Unsupported.method("supportsDataManipulationTransactionsOnly");
  }

  @Override
  public boolean dataDefinitionCausesTransactionCommit() throws SQLException {
    throw Unsupported.method("dataDefinitionCausesTransactionCommit");
  }

  @Override
  public boolean dataDefinitionIgnoredInTransactions() throws SQLException {
    throw Unsupported.method("dataDefinitionIgnoredInTransactions");
  }

  @Override
  public ResultSet getProcedures(String catalog, String schemaPattern,
      String procedureNamePattern) throws SQLException {
    throw Unsupported.method("getProcedures");
  }

  @Override
  public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern,
      String columnNamePattern) throws SQLException {
    throw Unsupported.method("getProcedureColumns");
  }

  @Override
  public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern,
      String[] types) throws SQLException {
    throw Unsupported.method("getTables");
  }

  @Override
  public ResultSet getSchemas() throws SQLException {
    throw Unsupported.method("getSchemas");
  }

  @Override
  public ResultSet getCatalogs() throws SQLException {
    throw Unsupported.method("getCatalogs");
  }

  @Override
  public ResultSet getTableTypes() throws SQLException {
    throw Unsupported.method("getTableTypes");
  }

  @Override
  public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern,
      String columnNamePattern) throws SQLException {
    throw Unsupported.method("getColumns");
  }

  @Override
  public ResultSet getColumnPrivileges(String catalog, String schema, String table,
      String columnNamePattern) throws SQLException {
    throw Unsupported.method("getColumnPrivileges");
  }

  @Override
  public ResultSet getTablePrivileges(String catalog, String schemaPattern,
      String tableNamePattern) throws SQLException {
    throw Unsupported.method("getTablePrivileges");
  }

  @Override
  public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope,
      boolean nullable) throws SQLException {
    throw Unsupported.method("getBestRowIdentifier");
  }

  @Override
  public ResultSet getVersionColumns(String catalog, String schema, String table) throws SQLException {
    throw Unsupported.method("getVersionColumns");
  }

  @Override
  public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
    throw Unsupported.method("getPrimaryKeys");
  }

  @Override
  public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
    throw Unsupported.method("getImportedKeys");
  }

  @Override
  public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
    throw Unsupported.method("getExportedKeys");
  }

  @Override
  public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
      String foreignCatalog, String foreignSchema, String foreignTable) throws SQLException {
    throw Unsupported.method("getCrossReference");
  }

  @Override
  public ResultSet getTypeInfo() throws SQLException {
    throw Unsupported.method("getTypeInfo");
  }

  @Override
  public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique,
      boolean approximate) throws SQLException {
    throw Unsupported.method("getIndexInfo");
  }

  @Override
  public boolean supportsResultSetType(int type) throws SQLException {
    throw Unsupported.method("supportsResultSetType");
  }

  @Override
  public boolean supportsResultSetConcurrency(int type, int concurrency) throws SQLException {
    throw Unsupported.method("supportsResultSetConcurrency");
  }

  @Override
  public boolean ownUpdatesAreVisible(int type) throws SQLException {
    throw Unsupported.method("ownUpdatesAreVisible");
  }

  @Override
  public boolean ownDeletesAreVisible(int type) throws SQLException {
    throw Unsupported.method("ownDeletesAreVisible");
  }

  @Override
  public boolean ownInsertsAreVisible(int type) throws SQLException {
    throw Unsupported.method("ownInsertsAreVisible");
  }

  @Override
  public boolean othersUpdatesAreVisible(int type) throws SQLException {
    throw Unsupported.method("othersUpdatesAreVisible");
  }

  @Override
  public boolean othersDeletesAreVisible(int type) throws SQLException {
    throw Unsupported.method("othersDeletesAreVisible");
  }

  @Override
  public boolean othersInsertsAreVisible(int type) throws SQLException {
    throw Unsupported.method("othersInsertsAreVisible");
  }

  @Override
  public boolean updatesAreDetected(int type) throws SQLException {
    throw Unsupported.method("updatesAreDetected");
  }

  @Override
  public boolean deletesAreDetected(int type) throws SQLException {
    throw Unsupported.method("deletesAreDetected");
  }

  @Override
  public boolean insertsAreDetected(int type) throws SQLException {
    throw Unsupported.method("insertsAreDetected");
  }

  @Override
  public boolean supportsBatchUpdates() throws SQLException {
    throw Unsupported.method("supportsBatchUpdates");
  }

  @Override
  public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern,
      int[] types) throws SQLException {
    throw Unsupported.method("getUDTs");
  }

  @Override
  public Connection getConnection() throws SQLException {
    throw Unsupported.method("getConnection");
  }

  @Override
  public boolean supportsSavepoints() throws SQLException {
    throw Unsupported.method("supportsSavepoints");
  }

  @Override
  public boolean supportsNamedParameters() throws SQLException {
    throw Unsupported.method("supportsNamedParameters");
  }

  @Override
  public boolean supportsMultipleOpenResults() throws SQLException {
    throw Unsupported.method("supportsMultipleOpenResults");
  }

  @Override
  public boolean supportsGetGeneratedKeys() throws SQLException {
    throw Unsupported.method("supportsGetGeneratedKeys");
  }

  @Override
  public ResultSet getSuperTypes(String catalog, String schemaPattern,
      String typeNamePattern) throws SQLException {
    throw Unsupported.method("getSuperTypes");
  }

  @Override
  public ResultSet getSuperTables(String catalog, String schemaPattern,
      String tableNamePattern) throws SQLException {
    throw Unsupported.method("getSuperTables");
  }

  @Override
  public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern,
      String attributeNamePattern) throws SQLException {
    throw Unsupported.method("getAttributes");
  }

  @Override
  public boolean supportsResultSetHoldability(int holdability) throws SQLException {
    throw Unsupported.method("supportsResultSetHoldability");
  }

  @Override
  public int getResultSetHoldability() throws SQLException {
    throw Unsupported.method("getResultSetHoldability");
  }

  @Override
  public int getDatabaseMajorVersion() throws SQLException {
    throw Unsupported.method("getDatabaseMajorVersion");
  }

  @Override
  public int getDatabaseMinorVersion() throws SQLException {
    throw Unsupported.method("getDatabaseMinorVersion");
  }

  @Override
  public int getJDBCMajorVersion() throws SQLException {
    throw Unsupported.method("getJDBCMajorVersion");
  }

  @Override
  public int getJDBCMinorVersion() throws SQLException {
    throw Unsupported.method("getJDBCMinorVersion");
  }

  @Override
  public int getSQLStateType() throws SQLException {
    throw Unsupported.method("getSQLStateType");
  }

  @Override
  public boolean locatorsUpdateCopy() throws SQLException {
    throw Unsupported.method("locatorsUpdateCopy");
  }

  @Override
  public boolean supportsStatementPooling() throws SQLException {
    throw Unsupported.method("supportsStatementPooling");
  }

  @Override
  public RowIdLifetime getRowIdLifetime() throws SQLException {
    throw Unsupported.method("getRowIdLifetime");
  }

  @Override
  public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
    throw Unsupported.method("getSchemas");
  }

  @Override
  public boolean supportsStoredFunctionsUsingCallSyntax() throws SQLException {
    throw Unsupported.method("supportsStoredFunctionsUsingCallSyntax");
  }

  @Override
  public boolean autoCommitFailureClosesAllResultSets() throws SQLException {
    throw Unsupported.method("autoCommitFailureClosesAllResultSets");
  }

  @Override
  public ResultSet getClientInfoProperties() throws SQLException {
    throw Unsupported.method("getClientInfoProperties");
  }

  @Override
  public ResultSet getFunctions(String catalog, String schemaPattern,
      String functionNamePattern) throws SQLException {
    throw Unsupported.method("getFunctions");
  }

  @Override
  public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern,
      String columnNamePattern) throws SQLException {
    throw Unsupported.method("getFunctionColumns");
  }

  @Override
  public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern,
      String columnNamePattern) throws SQLException {
    throw Unsupported.method("getPseudoColumns");
  }

  @Override
  public boolean generatedKeyAlwaysReturned() throws SQLException {
    throw Unsupported.method("generatedKeyAlwaysReturned");
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("not a wrapper for " + iface.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this);
  }
}
