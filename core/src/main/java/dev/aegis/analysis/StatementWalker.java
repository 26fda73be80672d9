package dev.aegis.analysis;

import java.util.Map;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Block;
import net.sf.jsqlparser.statement.Commit;
import net.sf.jsqlparser.statement.CreateFunctionalStatement;
import net.sf.jsqlparser.statement.DeclareStatement;
import net.sf.jsqlparser.statement.DescribeStatement;
import net.sf.jsqlparser.statement.ExplainStatement;
import net.sf.jsqlparser.statement.IfElseStatement;
import net.sf.jsqlparser.statement.PurgeStatement;
import net.sf.jsqlparser.statement.ResetStatement;
import net.sf.jsqlparser.statement.RollbackStatement;
import net.sf.jsqlparser.statement.SavepointStatement;
import net.sf.jsqlparser.statement.SetStatement;
import net.sf.jsqlparser.statement.ShowColumnsStatement;
import net.sf.jsqlparser.statement.ShowStatement;
import net.sf.jsqlparser.statement.StatementVisitor;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.UnsupportedStatement;
import net.sf.jsqlparser.statement.UseStatement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterSession;
import net.sf.jsqlparser.statement.alter.AlterSystemStatement;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.alter.sequence.AlterSequence;
import net.sf.jsqlparser.statement.analyze.Analyze;
import net.sf.jsqlparser.statement.comment.Comment;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.schema.CreateSchema;
import net.sf.jsqlparser.statement.create.sequence.CreateSequence;
import net.sf.jsqlparser.statement.create.synonym.CreateSynonym;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.AlterView;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.delete.ParenthesedDelete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.execute.Execute;
import net.sf.jsqlparser.statement.grant.Grant;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.ParenthesedInsert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.refresh.RefreshMaterializedViewStatement;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.show.ShowIndexStatement;
import net.sf.jsqlparser.statement.show.ShowTablesStatement;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.ParenthesedUpdate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;

/**
 * Dispatches each parsed statement: sets its kind, hands queries and writes to their walkers, records the
 * objects DDL touches. Statements it does not understand throw {@link Unsupported} (the analyser then
 * classifies them by their leading keywords). One instance per analysis.
 */
final class StatementWalker implements StatementVisitor<Void> {

  private final Facts facts;
  private final QueryWalker queries;
  private final ExpressionWalker expressions;
  private final WriteStatements writes;
  private final FromWalker from;
  /** Set by a statement whose unreached placeholders are values of DDL or SHOW text, not hidden nodes. */
  boolean lenient;
  /** Set by a DDL statement that holds a query. */
  boolean holdsQuery;

  StatementWalker(Facts facts, QueryWalker queries, ExpressionWalker expressions) {
    this.facts = facts;
    this.queries = queries;
    this.expressions = expressions;
    this.writes = new WriteStatements(facts, queries, expressions);
    this.from = new FromWalker(facts, queries, expressions);
  }

  private void kind(StatementKind kind) {
    if (facts.kind == null) {
      facts.kind = kind;
    }
  }

  private void written(Table table) {
    if (table != null) {
      TableRef ref = from.table(table);
      if (ref != null) {
        facts.written.add(ref);
      }
    }
  }

  private void read(Table table) {
    if (table != null) {
      TableRef ref = from.table(table);
      if (ref != null) {
        facts.read.add(ref);
      }
    }
  }

  private void ddlQuery(Select select) {
    if (select != null) {
      holdsQuery = true;
      queries.top(select, null);
    } else {
      lenient = true;
    }
  }

  // ---- queries and writes ----------------------------------------------------------------------

  @Override
  public <S> Void visit(Select select, S context) {
    kind(StatementKind.SELECT);
    queries.top(select, null);
    return null;
  }

  @Override
  public <S> Void visit(Insert insert, S context) {
    kind(StatementKind.INSERT);
    writes.insert(insert);
    return null;
  }

  @Override
  public <S> Void visit(Upsert upsert, S context) {
    kind(StatementKind.REPLACE);
    writes.replace(upsert);
    return null;
  }

  @Override
  public <S> Void visit(Update update, S context) {
    kind(StatementKind.UPDATE);
    writes.update(update);
    return null;
  }

  @Override
  public <S> Void visit(Delete delete, S context) {
    kind(StatementKind.DELETE);
    writes.delete(delete);
    return null;
  }

  // ---- DDL -------------------------------------------------------------------------------------

  @Override
  public <S> Void visit(CreateTable create, S context) {
    kind(StatementKind.DDL);
    written(create.getTable());
    read(create.getLikeTable());
    ddlQuery(create.getSelect());
    return null;
  }

  @Override
  public <S> Void visit(CreateView create, S context) {
    kind(StatementKind.DDL);
    written(create.getView());
    ddlQuery(create.getSelect());
    return null;
  }

  @Override
  public <S> Void visit(AlterView alter, S context) {
    kind(StatementKind.DDL);
    written(alter.getView());
    ddlQuery(alter.getSelect());
    return null;
  }

  @Override
  public <S> Void visit(Alter alter, S context) {
    kind(StatementKind.DDL);
    written(alter.getTable());
    lenient = true;
    return null;
  }

  @Override
  public <S> Void visit(CreateIndex create, S context) {
    kind(StatementKind.DDL);
    written(create.getTable());
    lenient = true;
    return null;
  }

  @Override
  public <S> Void visit(Drop drop, S context) {
    kind(StatementKind.DDL);
    String type = drop.getType() == null ? "" : drop.getType().toUpperCase(java.util.Locale.ROOT);
    if (type.equals("USER") || type.equals("ROLE")) {
      facts.kind = facts.kind == StatementKind.DDL ? StatementKind.ACCOUNT : facts.kind;
    } else if (type.equals("SCHEMA") || type.equals("DATABASE")) {
      facts.schema(Names.of(drop.getName().getName()));
    } else if (type.endsWith("TABLE") || type.endsWith("VIEW")) {
      written(drop.getName());
    }
    lenient = true;
    return null;
  }

  @Override
  public <S> Void visit(Truncate truncate, S context) {
    kind(StatementKind.DDL);
    if (truncate.getTables() != null && !truncate.getTables().isEmpty()) {
      truncate.getTables().forEach(this::written);
    } else {
      written(truncate.getTable());
    }
    return null;
  }

  @Override
  public <S> Void visit(RenameTableStatement rename, S context) {
    kind(StatementKind.DDL);
    for (Map.Entry<Table, Table> names : rename.getTableNames()) {
      written(names.getKey());
      written(names.getValue());
    }
    return null;
  }

  @Override
  public <S> Void visit(CreateSchema create, S context) {
    kind(StatementKind.DDL);
    facts.schema(Names.of(create.getSchemaName()));
    lenient = true;
    return null;
  }

  // ---- accounts, session, transactions, utilities -----------------------------------------------

  @Override
  public <S> Void visit(Grant grant, S context) {
    kind(StatementKind.ACCOUNT);
    if (grant.getObjectNameParts() != null && grant.getObjectNameParts().size() > 1) {
      facts.schema(Names.of(grant.getObjectNameParts().get(0)));
    }
    lenient = true;
    return null;
  }

  @Override
  public <S> Void visit(SetStatement set, S context) {
    String name = String.valueOf(set.getName()).toUpperCase(java.util.Locale.ROOT);
    kind(name.equals("PASSWORD") ? StatementKind.ACCOUNT : StatementKind.SET);
    for (int i = 0; i < set.getCount(); i++) {
      if (set.getExpressions(i) != null) {
        for (Expression e : set.getExpressions(i)) {
          expressions.value(e, null, false);
        }
      }
    }
    return null;
  }

  @Override
  public <S> Void visit(Execute execute, S context) {
    if (execute.getExecType() != null && !"CALL".equals(execute.getExecType().name())) {
      throw new Unsupported("unsupported " + execute.getExecType() + " statement");
    }
    kind(StatementKind.CALL);
    String name = execute.getName();
    int dot = name == null ? -1 : name.lastIndexOf('.');
    if (dot > 0) {
      facts.schema(Names.of(name.substring(0, dot)));
    }
    if (execute.getExprList() != null) {
      expressions.value(execute.getExprList(), null, false);
    }
    return null;
  }

  @Override
  public <S> Void visit(Commit commit, S context) {
    kind(StatementKind.TRANSACTION);
    return null;
  }

  @Override
  public <S> Void visit(RollbackStatement rollback, S context) {
    kind(StatementKind.TRANSACTION);
    return null;
  }

  @Override
  public <S> Void visit(SavepointStatement savepoint, S context) {
    kind(StatementKind.TRANSACTION);
    return null;
  }

  @Override
  public <S> Void visit(UseStatement use, S context) {
    kind(StatementKind.UTILITY);
    facts.schema(Names.of(use.getName()));
    return null;
  }

  @Override
  public <S> Void visit(DescribeStatement describe, S context) {
    kind(StatementKind.UTILITY);
    read(describe.getTable());
    return null;
  }

  @Override
  public <S> Void visit(ExplainStatement explain, S context) {
    kind(StatementKind.UTILITY);
    if (explain.getStatement() != null) {
      queries.top(explain.getStatement(), null);
    } else {
      read(explain.getTable());
    }
    return null;
  }

  @Override
  public <S> Void visit(ShowStatement show, S context) {
    kind(StatementKind.UTILITY);
    lenient = true;
    return null;
  }

  @Override
  public <S> Void visit(ShowColumnsStatement show, S context) {
    kind(StatementKind.UTILITY);
    String table = Names.of(show.getTableName());
    if (table != null) {
      facts.read.add(new TableRef(null, table));
    }
    return null;
  }

  @Override
  public <S> Void visit(ShowIndexStatement show, S context) {
    kind(StatementKind.UTILITY);
    String table = Names.of(show.getTableName());
    if (table != null) {
      facts.read.add(new TableRef(null, table));
    }
    return null;
  }

  @Override
  public <S> Void visit(ShowTablesStatement show, S context) {
    kind(StatementKind.UTILITY);
    facts.schema(Names.of(show.getDbName()));
    expressions.value(show.getLikeExpression(), null, false);
    expressions.value(show.getWhereCondition(), null, false);
    return null;
  }

  // ---- not analysed: fail closed -----------------------------------------------------------------

  @Override public <S> Void visit(Analyze node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(Comment node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(RefreshMaterializedViewStatement node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(Statements node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(ResetStatement node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(Merge node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(Block node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(DeclareStatement node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(CreateSequence node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(AlterSequence node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(CreateFunctionalStatement node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(CreateSynonym node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(AlterSession node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(IfElseStatement node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(PurgeStatement node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(AlterSystemStatement node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(UnsupportedStatement node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(ParenthesedInsert node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(ParenthesedUpdate node, S context) { throw Unsupported.node(node); }
  @Override public <S> Void visit(ParenthesedDelete node, S context) { throw Unsupported.node(node); }}
