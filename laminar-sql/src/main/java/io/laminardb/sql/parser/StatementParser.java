package io.laminardb.sql.parser;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.sql.tree.EmitClause;
import io.laminardb.sql.tree.QueryText;
import io.laminardb.sql.tree.Statement;
import io.laminardb.sql.tree.Statement.ColumnDef;
import io.laminardb.sql.tree.Statement.ConnectorDef;
import io.laminardb.sql.tree.Statement.WatermarkDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The front parser: splits a script into statements and parses LaminarDB's DDL and streaming clauses.
 * SELECT text is handed on, with its position, to Calcite.
 */
public final class StatementParser {
  private final String script;
  private final TokenCursor c;

  private StatementParser(String script, List<Token> tokens) {
    this.script = script;
    this.c = new TokenCursor(tokens, script);
  }

  /** Parses every {@code ;}-separated statement of {@code script}. */
  public static List<Statement> parseScript(String script) {
    List<Token> tokens = Lexer.tokenize(script);
    List<Statement> statements = new ArrayList<>();
    int start = 0;
    int depth = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isSymbol("(")) {
        depth++;
      } else if (t.isSymbol(")")) {
        depth--;
      }
      boolean end = t.kind() == Token.Kind.END;
      if ((t.isSymbol(";") && depth <= 0) || end) {
        if (i > start) {
          List<Token> part = new ArrayList<>(tokens.subList(start, i));
          part.add(new Token(Token.Kind.END, "", t.start(), t.start(), t.line(), t.column()));
          statements.add(new StatementParser(script, part).statement());
        }
        start = i + 1;
        depth = 0;
      }
    }
    if (statements.isEmpty()) {
      throw new LaminarException(ErrorCode.INVALID_OPERATION, "no SQL statement given");
    }
    return statements;
  }

  private String sqlText() {
    return c.text(0, c.size() - 1);
  }

  private Statement statement() {
    Token first = c.peek();
    if (first.is("CREATE")) {
      return create();
    }
    if (first.is("SELECT") || first.is("WITH") || first.is("VALUES") || first.isSymbol("(")) {
      return new Statement.Select(rest(0), sqlText());
    }
    if (first.is("INSERT")) {
      return insert();
    }
    if (first.is("DROP")) {
      return drop();
    }
    if (first.is("SHOW")) {
      return show();
    }
    if (first.is("DESCRIBE") || first.is("DESC")) {
      c.next();
      c.accept("EXTENDED");
      String name = c.identifier("an object name");
      expectEnd();
      return new Statement.Describe(name, sqlText());
    }
    if (first.is("EXPLAIN")) {
      return explain();
    }
    if (first.is("CHECKPOINT")) {
      c.next();
      expectEnd();
      return new Statement.Checkpoint(sqlText());
    }
    throw c.error("unknown statement starting with " + TokenCursor.describe(first)
        + "; expected CREATE, DROP, INSERT, SELECT, SHOW, DESCRIBE, EXPLAIN or CHECKPOINT");
  }

  private void expectEnd() {
    if (!c.atEnd()) {
      throw c.error("unexpected " + TokenCursor.describe(c.peek()));
    }
  }

  /** Query text from token {@code from} to the end of the statement. */
  private QueryText rest(int from) {
    Token t = c.token(from);
    return new QueryText(c.text(from, c.size() - 1), t.line(), t.column());
  }

  private QueryText range(int from, int to) {
    Token t = c.token(from);
    return new QueryText(c.text(from, to), t.line(), t.column());
  }

  // ---- CREATE ----

  private Statement create() {
    c.expect("CREATE");
    boolean orReplace = c.acceptAll("OR", "REPLACE");
    if (c.accept("SOURCE")) {
      return createSource(orReplace);
    }
    if (c.accept("STREAM") || c.acceptAll("CONTINUOUS", "QUERY")) {
      return createQuery(false, orReplace);
    }
    if (c.acceptAll("MATERIALIZED", "VIEW")) {
      return createQuery(true, orReplace);
    }
    if (c.accept("SINK")) {
      return createSink(orReplace);
    }
    if (c.accept("TABLE")) {
      return createTable(orReplace);
    }
    if (c.acceptAll("LOOKUP", "TABLE")) {
      return createLookupTable(orReplace);
    }
    throw c.error("expected SOURCE, STREAM, MATERIALIZED VIEW, SINK, TABLE or LOOKUP TABLE after CREATE but found "
        + TokenCursor.describe(c.peek()));
  }

  private boolean ifNotExists() {
    return c.acceptAll("IF", "NOT", "EXISTS");
  }

  private Statement createSource(boolean orReplace) {
    boolean ifNotExists = ifNotExists();
    String name = c.identifier("a source name");
    ConnectorDef connector = null;
    if (c.peek().is("FROM")) {
      connector = connector("FROM");
    }
    c.accept("SCHEMA");
    List<ColumnDef> columns = new ArrayList<>();
    WatermarkDef watermark = null;
    c.expectSymbol("(");
    do {
      if (c.peek().is("WATERMARK")) {
        if (watermark != null) {
          throw c.error("a source may declare at most one WATERMARK");
        }
        watermark = watermark();
      } else if (c.peek().is("PRIMARY")) {
        throw c.error("PRIMARY KEY is only valid on tables");
      } else {
        columns.add(columnDef());
      }
    } while (c.acceptSymbol(","));
    c.expectSymbol(")");
    if (connector == null && c.peek().is("FROM")) {
      connector = connector("FROM");
    }
    Map<String, String> with = Map.of();
    if (c.peek().is("WITH")) {
      with = withOptions();
    }
    if (c.peek().is("FORMAT")) {
      throw c.error("FORMAT applies to connector sources, which are not supported yet");
    }
    expectEnd();
    return new Statement.CreateSource(name, orReplace, ifNotExists, columns, watermark, connector, with,
        sqlText());
  }

  private ColumnDef columnDef() {
    Token nameToken = c.peek();
    String name = c.identifier("a column name");
    var type = TypeParser.parse(c);
    boolean primaryKey = false;
    while (true) {
      if (c.acceptAll("NOT", "NULL")) {
        type = type.withNullable(false);
      } else if (c.accept("NULL")) {
        type = type.withNullable(true);
      } else if (c.acceptAll("PRIMARY", "KEY")) {
        primaryKey = true;
        type = type.withNullable(false);
      } else {
        break;
      }
    }
    return new ColumnDef(name, type, primaryKey, nameToken.line(), nameToken.column());
  }

  private WatermarkDef watermark() {
    Token at = c.expect("WATERMARK");
    c.expect("FOR");
    Token colToken = c.peek();
    String column = c.identifier("the event-time column");
    if (c.peek().isSymbol(".")) {
      throw new LaminarException(ErrorCode.SQL_COLUMN_NOT_FOUND, "watermark column must be a plain column"
          + " of this source, not a dotted name", colToken.line(), colToken.column(), null);
    }
    long delay = 0;
    if (c.accept("AS")) {
      Token exprStart = c.peek();
      if (exprStart.is("PROCTIME")) {
        throw c.error("processing-time watermarks (AS PROCTIME()) are not supported yet");
      }
      String again = c.identifier("the event-time column");
      if (!again.equals(column)) {
        throw new LaminarException(ErrorCode.SQL_UNSUPPORTED, "watermark expression must be '" + column
            + " - INTERVAL ...' (found column '" + again + "')", exprStart.line(), exprStart.column(), null);
      }
      if (c.acceptSymbol("-")) {
        delay = Intervals.parse(c);
        if (delay < 0) {
          throw c.error("watermark delay must not be negative");
        }
      } else if (!c.peek().isSymbol(",") && !c.peek().isSymbol(")")) {
        throw c.error("watermark expression must be '" + column + "' or '" + column
            + " - INTERVAL ...'");
      }
    }
    return new WatermarkDef(column, delay, at.line(), at.column());
  }

  private ConnectorDef connector(String keyword) {
    c.expect(keyword);
    Token nameToken = c.peek();
    String name = c.identifier("a connector name");
    Map<String, String> options = new LinkedHashMap<>();
    if (c.acceptSymbol("(")) {
      if (!c.acceptSymbol(")")) {
        options = options();
        c.expectSymbol(")");
      }
    }
    if (name.isEmpty()) {
      throw new LaminarException(ErrorCode.SQL_UNSUPPORTED, "missing connector name", nameToken.line(),
          nameToken.column(), null);
    }
    return new ConnectorDef(name, options);
  }

  private Map<String, String> withOptions() {
    c.expect("WITH");
    c.expectSymbol("(");
    Map<String, String> options = options();
    c.expectSymbol(")");
    return options;
  }

  /** {@code key = 'value'} pairs; keys may be bare identifiers or quoted strings, values any literal. */
  private Map<String, String> options() {
    Map<String, String> options = new LinkedHashMap<>();
    do {
      Token key = c.next();
      if (!(key.isIdentifier() || key.kind() == Token.Kind.STRING)) {
        throw new LaminarException(ErrorCode.SQL_UNSUPPORTED, "expected an option name but found "
            + TokenCursor.describe(key), key.line(), key.column(), null);
      }
      StringBuilder name = new StringBuilder(key.text());
      while (c.acceptSymbol(".")) {
        name.append('.').append(c.next().text());
      }
      c.expectSymbol("=");
      Token value = c.next();
      String text = value.text();
      if (value.isSymbol("-") && c.peek().kind() == Token.Kind.NUMBER) {
        text = "-" + c.next().text();
      } else if (!(value.kind() == Token.Kind.STRING || value.kind() == Token.Kind.NUMBER
          || value.kind() == Token.Kind.WORD)) {
        throw new LaminarException(ErrorCode.SQL_UNSUPPORTED, "expected a value for option '" + name
            + "' but found " + TokenCursor.describe(value), value.line(), value.column(), null);
      }
      if (options.put(name.toString(), text) != null) {
        throw new LaminarException(ErrorCode.SQL_UNSUPPORTED, "option '" + name + "' given twice",
            key.line(), key.column(), null);
      }
    } while (c.acceptSymbol(","));
    return options;
  }

  private Statement createQuery(boolean materialized, boolean orReplace) {
    boolean ifNotExists = ifNotExists();
    String name = c.identifier(materialized ? "a view name" : "a stream name");
    c.expect("AS");
    int queryStart = c.position();
    int queryEnd = findClauseStart(queryStart);
    QueryText query = range(queryStart, queryEnd);
    if (query.sql().isBlank()) {
      throw c.error("expected a SELECT query after AS");
    }
    c.reset(queryEnd);
    Long lateness = null;
    String lateDataTo = null;
    EmitClause emit = null;
    while (!c.atEnd()) {
      if (c.acceptAll("ALLOW", "LATENESS")) {
        lateness = Intervals.parse(c);
      } else if (c.acceptAll("LATE", "DATA", "TO")) {
        lateDataTo = c.identifier("a stream name");
      } else if (c.accept("EMIT")) {
        emit = emit();
      } else if (c.peek().is("WITH")) {
        withOptions();
      } else {
        throw c.error("unexpected " + TokenCursor.describe(c.peek()));
      }
    }
    return new Statement.CreateQuery(materialized, name, orReplace, ifNotExists, query, emit, lateness,
        lateDataTo, sqlText());
  }

  /** Index of the first trailing streaming clause (ALLOW LATENESS, LATE DATA TO, EMIT) at depth 0. */
  private int findClauseStart(int from) {
    int depth = 0;
    for (int i = from; i < c.size(); i++) {
      Token t = c.token(i);
      if (t.kind() == Token.Kind.END) {
        return i;
      }
      if (t.isSymbol("(")) {
        depth++;
      } else if (t.isSymbol(")")) {
        depth--;
      } else if (depth == 0 && (t.is("EMIT") || (t.is("ALLOW") && c.token(i + 1).is("LATENESS"))
          || (t.is("LATE") && c.token(i + 1).is("DATA")))) {
        return i;
      }
    }
    return c.size() - 1;
  }

  private EmitClause emit() {
    if (c.acceptAll("ON", "WATERMARK") || c.acceptAll("AFTER", "WATERMARK")) {
      return EmitClause.of(EmitClause.Mode.ON_WATERMARK);
    }
    if (c.acceptAll("ON", "WINDOW", "CLOSE")) {
      return EmitClause.of(EmitClause.Mode.ON_WINDOW_CLOSE);
    }
    if (c.acceptAll("ON", "UPDATE")) {
      return EmitClause.of(EmitClause.Mode.ON_UPDATE);
    }
    if (c.accept("CHANGES")) {
      return EmitClause.of(EmitClause.Mode.CHANGES);
    }
    if (c.accept("FINAL")) {
      return EmitClause.of(EmitClause.Mode.FINAL);
    }
    if (c.accept("EVERY") || c.accept("PERIODICALLY")) {
      long millis = Intervals.parse(c);
      if (millis <= 0) {
        throw c.error("EMIT EVERY needs a positive interval");
      }
      return new EmitClause(EmitClause.Mode.EVERY_INTERVAL, millis);
    }
    throw c.error("expected ON WATERMARK, ON WINDOW CLOSE, ON UPDATE, CHANGES, FINAL or EVERY INTERVAL"
        + " after EMIT but found " + TokenCursor.describe(c.peek()));
  }

  private Statement createSink(boolean orReplace) {
    boolean ifNotExists = ifNotExists();
    String name = c.identifier("a sink name");
    String from = null;
    QueryText query = null;
    QueryText where = null;
    ConnectorDef connector = null;
    if (c.accept("FROM")) {
      if (c.peek().isSymbol("(")) {
        int open = c.position();
        int close = matchingParen(open);
        query = range(open + 1, close);
        c.reset(close + 1);
      } else {
        from = c.identifier("a stream name");
      }
    }
    if (c.accept("WHERE")) {
      int start = c.position();
      int end = start;
      while (!c.token(end).is("INTO") && c.token(end).kind() != Token.Kind.END) {
        end++;
      }
      where = range(start, end);
      c.reset(end);
    }
    if (c.peek().is("INTO")) {
      connector = connector("INTO");
    }
    if (c.accept("AS")) {
      query = rest(c.position());
      c.reset(c.size() - 1);
    }
    if (from == null && query == null) {
      throw c.error("CREATE SINK needs FROM <stream> or AS SELECT ...");
    }
    expectEnd();
    if (connector != null && !connector.name().equalsIgnoreCase("FILES")) {
      throw new LaminarException(ErrorCode.CONNECTOR_CONFIG, "sink connector '" + connector.name()
          + "' is not available yet; INTO FILES (...) and in-process sinks (no INTO clause) are");
    }
    return new Statement.CreateSink(name, orReplace, ifNotExists, from, query, where, connector,
        sqlText());
  }

  private int matchingParen(int open) {
    int depth = 0;
    for (int i = open; i < c.size(); i++) {
      Token t = c.token(i);
      if (t.isSymbol("(")) {
        depth++;
      } else if (t.isSymbol(")")) {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    c.reset(open);
    throw c.error("unbalanced parenthesis");
  }

  private Statement createTable(boolean orReplace) {
    boolean ifNotExists = ifNotExists();
    String name = c.identifier("a table name");
    List<ColumnDef> columns = new ArrayList<>();
    List<String> primaryKey = new ArrayList<>();
    tableElements(columns, primaryKey);
    ConnectorDef connector = null;
    if (c.peek().is("FROM")) {
      connector = connector("FROM");
    }
    if (c.peek().is("WITH")) {
      withOptions();
    }
    expectEnd();
    if (connector != null) {
      throw new LaminarException(ErrorCode.CONNECTOR_CONFIG, "table connector '" + connector.name()
          + "' is not available yet; in-memory tables filled by INSERT are, and CREATE LOOKUP TABLE reads"
          + " external systems");
    }
    return new Statement.CreateTable(name, orReplace, ifNotExists, columns, primaryKey, connector,
        sqlText());
  }

  /**
   * {@code CREATE LOOKUP TABLE [IF NOT EXISTS] name (cols, PRIMARY KEY (...)) FROM connector (k = 'v', ...)}
   * or {@code ... WITH ('connector' = 'postgres', k = 'v', ...)}.
   */
  private Statement createLookupTable(boolean orReplace) {
    boolean ifNotExists = ifNotExists();
    String name = c.identifier("a lookup table name");
    List<ColumnDef> columns = new ArrayList<>();
    List<String> primaryKey = new ArrayList<>();
    tableElements(columns, primaryKey);
    ConnectorDef connector = null;
    if (c.peek().is("FROM")) {
      connector = connector("FROM");
    }
    if (c.peek().is("WITH")) {
      Token at = c.peek();
      Map<String, String> with = new LinkedHashMap<>(withOptions());
      String connectorName = with.remove("connector");
      if (connector != null) {
        if (connectorName != null) {
          throw new LaminarException(ErrorCode.SQL_UNSUPPORTED, "the connector is named twice (FROM and"
              + " 'connector')", at.line(), at.column(), null);
        }
        Map<String, String> merged = new LinkedHashMap<>(connector.options());
        merged.putAll(with);
        connector = new ConnectorDef(connector.name(), merged);
      } else if (connectorName == null) {
        throw new LaminarException(ErrorCode.CONNECTOR_CONFIG, "lookup table '" + name + "' needs a"
            + " connector: FROM POSTGRES (...) or WITH ('connector' = 'postgres', ...)", at.line(), at.column(),
            null);
      } else {
        connector = new ConnectorDef(connectorName, with);
      }
    }
    expectEnd();
    if (connector == null) {
      throw c.error("CREATE LOOKUP TABLE needs FROM <connector> (...) or WITH ('connector' = ...)");
    }
    return new Statement.CreateLookupTable(name, orReplace, ifNotExists, columns, primaryKey, connector,
        sqlText());
  }

  /** The parenthesised column list of a table, with a PRIMARY KEY clause or column constraint. */
  private void tableElements(List<ColumnDef> columns, List<String> primaryKey) {
    c.expectSymbol("(");
    do {
      if (c.acceptAll("PRIMARY", "KEY")) {
        if (!primaryKey.isEmpty()) {
          throw c.error("a table may declare only one primary key");
        }
        c.expectSymbol("(");
        do {
          primaryKey.add(c.identifier("a key column"));
        } while (c.acceptSymbol(","));
        c.expectSymbol(")");
      } else {
        ColumnDef col = columnDef();
        if (col.primaryKey()) {
          if (!primaryKey.isEmpty()) {
            throw c.error("a table may declare only one primary key");
          }
          primaryKey.add(col.name());
        }
        columns.add(col);
      }
    } while (c.acceptSymbol(","));
    c.expectSymbol(")");
  }

  // ---- other statements ----

  private Statement insert() {
    c.expect("INSERT");
    c.expect("INTO");
    String target = c.identifier("a source or table name");
    List<String> columns = null;
    if (c.peek().isSymbol("(") && !c.peek(1).is("SELECT") && !c.peek(1).is("VALUES")) {
      c.next();
      columns = new ArrayList<>();
      do {
        columns.add(c.identifier("a column name"));
      } while (c.acceptSymbol(","));
      c.expectSymbol(")");
    }
    if (!(c.peek().is("VALUES") || c.peek().is("SELECT") || c.peek().isSymbol("("))) {
      throw c.error("expected VALUES or SELECT but found " + TokenCursor.describe(c.peek()));
    }
    return new Statement.Insert(target, columns, rest(c.position()), sqlText());
  }

  private Statement drop() {
    c.expect("DROP");
    String kind = objectKind();
    if (kind == null) {
      throw c.error("expected SOURCE, STREAM, MATERIALIZED VIEW, SINK or TABLE after DROP but found "
          + TokenCursor.describe(c.peek()));
    }
    boolean ifExists = c.acceptAll("IF", "EXISTS");
    String name = c.identifier("an object name");
    boolean cascade = c.accept("CASCADE");
    if (!cascade) {
      c.accept("RESTRICT");
    }
    expectEnd();
    return new Statement.Drop(kind, name, ifExists, cascade, sqlText());
  }

  /** An object kind keyword (SOURCE, STREAM, MATERIALIZED VIEW, SINK, TABLE), or null when none follows. */
  private String objectKind() {
    if (c.acceptAll("MATERIALIZED", "VIEW")) {
      return "MATERIALIZED VIEW";
    }
    if (c.acceptAll("LOOKUP", "TABLE")) {
      return "LOOKUP TABLE";
    }
    for (String kind : List.of("SOURCE", "STREAM", "SINK", "TABLE")) {
      if (c.accept(kind)) {
        return kind;
      }
    }
    return null;
  }

  private Statement show() {
    c.expect("SHOW");
    if (c.accept("CREATE")) {
      String kind = objectKind();
      String name = c.identifier("an object name");
      expectEnd();
      return new Statement.ShowCreate(kind, name, sqlText());
    }
    String what;
    if (c.acceptAll("MATERIALIZED", "VIEWS")) {
      what = "MATERIALIZED VIEWS";
    } else if (c.acceptAll("LOOKUP", "TABLES")) {
      what = "LOOKUP TABLES";
    } else if (c.acceptAll("CHECKPOINT", "STATUS")) {
      what = "CHECKPOINT STATUS";
    } else {
      Token t = c.next();
      what = t.text().toUpperCase(Locale.ROOT);
      if (!List.of("SOURCES", "STREAMS", "SINKS", "TABLES", "QUERIES").contains(what)) {
        throw new LaminarException(ErrorCode.SQL_UNSUPPORTED, "expected SOURCES, STREAMS, SINKS, TABLES,"
            + " MATERIALIZED VIEWS or CHECKPOINT STATUS after SHOW but found " + TokenCursor.describe(t), t.line(), t.column(),
            null);
      }
    }
    expectEnd();
    return new Statement.Show(what, sqlText());
  }

  private Statement explain() {
    c.expect("EXPLAIN");
    c.accept("PLAN");
    c.accept("FOR");
    if (c.peek().is("ANALYZE")) {
      throw c.error("EXPLAIN ANALYZE is not supported yet");
    }
    int start = c.position();
    if (c.peek().is("CREATE")) {
      List<Token> inner = new ArrayList<>();
      for (int i = start; i < c.size(); i++) {
        inner.add(c.token(i));
      }
      StatementParser nested = new StatementParser(script, inner);
      Statement target = nested.statement();
      if (target instanceof Statement.CreateQuery q) {
        return new Statement.Explain(target, q.query(), sqlText());
      }
      throw c.error("EXPLAIN supports queries and CREATE STREAM / MATERIALIZED VIEW");
    }
    return new Statement.Explain(null, rest(start), sqlText());
  }
}
