package dev.aegis.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.parser.TokenMgrException;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;

/**
 * Reads one statement (normally the lexer's digest: literals replaced by {@code ?}) into an
 * {@link Analysis}: what it does, which tables it reads and writes, what each {@code ?} is compared with
 * or assigned to, and the facts injection signatures look at.
 *
 * <p>Stateless and thread-safe; parses in the calling thread, at most twice per call. JSqlParser 5.3's
 * complex parsing is exponential in nested parentheses (measured here: 0.1 ms at one level, 13 ms at six,
 * 100 ms at eight on a valid statement; 6.6 s for the 18 characters {@code SELECT ( ( OR NULL} and 80 s
 * for {@code SELECT ( ( ( OR NULL ) ) )}, which fail). Simple parsing read every statement of the tests
 * and grows far slower (0.6 s at 200 levels), so it comes first, and complex parsing is the retry only
 * up to {@link #COMPLEX_PARSING_MAX_DEPTH}. DDL whose digest holds placeholders is retried with them read
 * as numbers instead ({@code VARCHAR(?)} does not parse). Never throws: a
 * statement the parser cannot read, or that holds a construct the analyser does not understand, comes
 * back {@linkplain Analysis#analysable() unanalysable} with a reason naming the construct (never a value)
 * and the kind read from its leading keywords.
 *
 * <p>Even simple parsing can spend seconds failing on short hostile input ({@code SELECT ( ( … OR NULL ) )}),
 * so each parse runs under a {@link ParseDeadline}: past its budget the parser stops and the statement is
 * unanalysable, judged on its tokens. Together with the analysis cache (a shape is parsed once, failed or
 * not), the parser costs at most two budgets per new statement shape.
 */
public final class StatementAnalyzer {

  /** Deepest parenthesis nesting ever parsed with complex parsing (see the class comment). */
  static final int COMPLEX_PARSING_MAX_DEPTH = 1;

  public Analysis analyze(String sql) {
    if (sql == null) {
      return Analysis.unanalysable("no statement");
    }
    SqlText text;
    try {
      text = SqlText.scan(sql);
    } catch (RuntimeException | StackOverflowError e) {
      return Analysis.unanalysable("statement text could not be scanned");
    }
    try {
      return analyze(text);
    } catch (Unsupported e) {
      return fallback(text, e.getMessage());
    } catch (StackOverflowError e) {
      return fallback(text, "statement nested too deeply for the parser");
    } catch (TokenMgrException e) {
      return fallback(text, "JSqlParser's tokenizer rejected the statement");
    } catch (RuntimeException e) {
      return fallback(text, "analysis failed: " + e.getClass().getSimpleName());
    }
  }

  private static Analysis analyze(SqlText text) {
    if (text.first.isEmpty()) {
      return fallback(text, "no statement");
    }
    StatementKind leading = LeadingKeywords.kind(text.first, text.second);
    if (leading == StatementKind.TRANSACTION && text.onlyWords && text.statements == 1) {
      // BEGIN, START TRANSACTION, RELEASE SAVEPOINT x…: JSqlParser 5.3 cannot read some of them, and
      // words alone hide nothing.
      return new Analysis(leading, true, null, 1, Set.of(), Set.of(), List.of(), Set.of(), Set.of(),
          List.of(), 0, 0, false, false, 0, List.of());
    }
    Statements statements;
    boolean placeholdersAsNumbers = false;
    try {
      statements = parse(text.sql, false);
    } catch (ParseException first) {
      try {
        if (leading == StatementKind.DDL && text.placeholders > 0) {
          // The digest turns VARCHAR(255) into VARCHAR(?), which JSqlParser does not read.
          placeholdersAsNumbers = true;
          statements = parse(text.placeholdersAsNumbers(), false);
        } else if (text.depth <= COMPLEX_PARSING_MAX_DEPTH) {
          statements = parse(text.sql, true);
        } else {
          return fallback(text, describe(first));
        }
      } catch (ParseException second) {
        return fallback(text, describe(first));
      }
    }
    return walk(text, statements, placeholdersAsNumbers);
  }

  private static Statements parse(String sql, boolean complex) throws ParseException {
    CCJSqlParser parser = CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(complex);
    ParseDeadline deadline = ParseDeadline.arm(parser);
    try {
      return parser.Statements();
    } finally {
      deadline.disarm();
      if (parser.interrupted) {
        throw new Unsupported("the parser gave up after " + ParseDeadline.BUDGET_MILLIS + " ms of CPU time");
      }
    }
  }

  private static Analysis walk(SqlText text, Statements statements, boolean placeholdersAsNumbers) {
    Facts facts = new Facts(placeholdersAsNumbers ? 0 : text.placeholders);
    ExpressionWalker expressions = new ExpressionWalker(facts);
    QueryWalker queries = new QueryWalker(facts, expressions);
    expressions.queries(queries);
    StatementWalker walker = new StatementWalker(facts, queries, expressions);
    int count = 0;
    boolean allLenient = true;
    for (Statement statement : statements) {
      if (statement == null) {
        continue;
      }
      count++;
      walker.lenient = false;
      statement.accept(walker, null);
      allLenient &= walker.lenient;
    }
    if (count == 0) {
      return fallback(text, "no statement");
    }
    if (placeholdersAsNumbers) {
      if (walker.holdsQuery) {
        return fallback(text, "DDL with a query and placeholders JSqlParser cannot read");
      }
      return numbersAsPlaceholders(facts.toAnalysis(text, count), text.placeholders);
    }
    facts.unreachedPlaceholdersAreValues = allLenient;
    return facts.toAnalysis(text, count);
  }

  /** DDL parsed with its placeholders read as numbers: every placeholder is an unbound DDL value. */
  private static Analysis numbersAsPlaceholders(Analysis parsed, int placeholders) {
    List<ValueBinding> bindings = new ArrayList<>(placeholders);
    for (int i = 0; i < placeholders; i++) {
      bindings.add(ValueBinding.unbound(i));
    }
    return new Analysis(parsed.kind(), parsed.analysable(), parsed.unanalysableReason(),
        parsed.statementCount(), parsed.tablesRead(), parsed.tablesWritten(), bindings,
        parsed.functions(), parsed.schemas(), List.of(), 0, 0, parsed.intoFile(), false, 0,
        parsed.columnUses());
  }

  /** An unanalysable result that still says what the leading keywords and the raw text tell. */
  static Analysis fallback(SqlText text, String reason) {
    StatementKind kind = text.first.isEmpty() ? StatementKind.OTHER
        : LeadingKeywords.kind(text.first, text.second);
    return new Analysis(kind, false, reason, text.statements, Set.of(), Set.of(), List.of(), Set.of(),
        Set.of(), List.of(), 0, 0, text.intoFile, false, 0, List.of());
  }

  /** Where the parser stopped; never the token itself, which may be a literal value. */
  private static String describe(ParseException e) {
    Token token = e.currentToken == null ? null : e.currentToken.next;
    if (token == null) {
      return "JSqlParser could not parse the statement";
    }
    return "JSqlParser could not parse the statement (line " + token.beginLine + ", column "
        + token.beginColumn + ")";
  }
}
