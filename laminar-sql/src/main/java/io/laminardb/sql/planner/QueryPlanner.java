package io.laminardb.sql.planner;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.type.DataType;
import io.laminardb.core.type.Schema;
import io.laminardb.sql.codegen.CalcCompiler;
import io.laminardb.sql.codegen.FunctionLibrary;
import io.laminardb.sql.function.FunctionClasses;
import io.laminardb.sql.function.NumericTyping;
import io.laminardb.sql.function.OperatorTables;
import io.laminardb.sql.translate.PlanTranslator;
import io.laminardb.sql.translate.StreamingOptions;
import io.laminardb.sql.tree.QueryText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Properties;
import java.util.TimeZone;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.externalize.RelWriterImpl;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.Planner;
import org.apache.calcite.tools.Programs;
import org.apache.calcite.tools.RelRunner;

/**
 * Parses, validates and plans SELECT text with Calcite: continuous queries become physical plans with
 * compiled expressions; ad-hoc queries run on Calcite's own executor over catalog snapshots.
 */
public final class QueryPlanner implements AutoCloseable {
  private static final SqlParser.Config PARSER = SqlParser.config()
      .withQuoting(Quoting.DOUBLE_QUOTE)
      .withUnquotedCasing(Casing.UNCHANGED)
      .withQuotedCasing(Casing.UNCHANGED)
      .withCaseSensitive(true)
      .withConformance(SqlConformanceEnum.LENIENT)
      // Babel accepts PostgreSQL forms users expect (x::TYPE casts) on top of the standard grammar.
      .withParserFactory(org.apache.calcite.sql.parser.babel.SqlBabelParserImpl.FACTORY);

  private final RelationResolver resolver;
  private final CalciteConnection connection;
  /** Continuous queries: our function signatures, compiled by {@link CalcCompiler}. */
  private final FrameworkConfig config;
  /** Ad-hoc queries run on Calcite's executor, so they see only functions Calcite implements. */
  private final FrameworkConfig adHocConfig;
  private final SchemaPlus schema;
  private final CalcCompiler calcCompiler;
  /** What the join text rewrite of the query being planned kept aside (ASOF tolerance, temporal joins). */
  private List<io.laminardb.sql.translate.AsofClause> asofClauses = List.of();

  public QueryPlanner(RelationResolver resolver) {
    this.resolver = resolver;
    try {
      Properties props = new Properties();
      props.setProperty("caseSensitive", "true");
      props.setProperty("unquotedCasing", "UNCHANGED");
      props.setProperty("quotedCasing", "UNCHANGED");
      props.setProperty("quoting", "DOUBLE_QUOTE");
      props.setProperty("conformance", "LENIENT");
      props.setProperty("timeZone", "UTC");
      props.setProperty("typeSystem", LaminarTypeSystem.class.getName() + "#INSTANCE");
      Connection jdbc = new org.apache.calcite.jdbc.Driver().connect("jdbc:calcite:", props);
      this.connection = jdbc.unwrap(CalciteConnection.class);
    } catch (SQLException e) {
      throw new LaminarException(ErrorCode.INTERNAL, "cannot start the SQL engine: " + e.getMessage(), e);
    }
    this.schema = connection.getRootSchema().add("laminar", new org.apache.calcite.schema.impl.AbstractSchema());
    this.config = frameworkConfig(schema, OperatorTables.standard());
    this.adHocConfig = frameworkConfig(schema, OperatorTables.calciteExecutable());
    FunctionLibrary functions = new FunctionLibrary(FunctionClasses.all());
    this.calcCompiler = new CalcCompiler(functions);
  }

  private static FrameworkConfig frameworkConfig(SchemaPlus schema, SqlOperatorTable operators) {
    return Frameworks.newConfigBuilder()
        .parserConfig(PARSER)
        .defaultSchema(schema)
        .operatorTable(operators)
        .programs(Programs.standard())
        .typeSystem(LaminarTypeSystem.INSTANCE)
        .sqlValidatorConfig(SqlValidator.Config.DEFAULT
            .withConformance(SqlConformanceEnum.LENIENT)
            .withIdentifierExpansion(true)
            // VARCHAR never converts implicitly to numbers or timestamps (spec: LDB-1200).
            .withTypeCoercionEnabled(false))
        .build();
  }

  /** Makes a catalog object visible to queries (or replaces it). */
  public void register(RelationResolver.Relation relation) {
    schema.removeTable(relation.name());
    schema.add(relation.name(), relation.snapshot() instanceof PushdownSnapshot pushdown
        ? new PushdownCatalogTable(relation, pushdown) : new CatalogTable(relation));
  }

  public void unregister(String name) {
    schema.removeTable(name);
  }

  /** Plans a continuous query: validate, optimize into fused calcs, compile expressions. */
  public PlannedQuery planContinuous(QueryText query) {
    return planContinuous(query, StreamingOptions.DEFAULT);
  }

  /** Plans a continuous query with its EMIT and lateness clauses. */
  public PlannedQuery planContinuous(QueryText query, StreamingOptions options) {
    Planner planner = Frameworks.getPlanner(config);
    try {
      RelRoot root = toRel(planner, query, true);
      RelNode optimized = optimize(SubqueryJoins.rewrite(root.project()));
      PlanTranslator translator = new PlanTranslator(calcCompiler, options, name -> {
        RelationResolver.Relation r = resolver.find(name);
        return r == null ? null : r.eventTimeColumn();
      });
      try {
        return new PlannedQuery(translator.withJoins(resolver, asofClauses).translate(optimized,
            io.laminardb.sql.translate.JoinColumnNames.apply(query.sql(), root.rel,
                root.validatedRowType.getFieldNames())),
            explain(optimized));
      } catch (LaminarException e) {
        int[] at = translator.failedJoin() >= 0 ? JoinPositions.of(query, translator.failedJoin()) : null;
        if (at == null) {
          at = new int[] {query.line(), query.column()};
        }
        throw new LaminarException(e.errorCode(), e.getMessage().replaceFirst("^\\[LDB-\\d+\\] ", ""),
            at[0], at[1], e.getCause());
      }
    } finally {
      planner.close();
    }
  }

  /** The output schema a query would have, without compiling it. */
  public Schema describe(QueryText query) {
    Planner planner = Frameworks.getPlanner(config);
    try {
      return TypeMapping.schemaOf(toRel(planner, query, true).validatedRowType);
    } finally {
      planner.close();
    }
  }

  /** Runs an ad-hoc query over current snapshots. */
  public AdHocResult execute(QueryText query) {
    Planner planner = Frameworks.getPlanner(adHocConfig);
    try {
      RelRoot root = toRel(planner, query, false);
      // The runner optimizes the logical plan itself; handing it an optimized plan re-registers nodes.
      RelNode logical = root.project();
      Schema schema = TypeMapping.schemaOf(root.validatedRowType);
      List<Object[]> rows = new ArrayList<>();
      try (PreparedStatement statement = connection.unwrap(RelRunner.class).prepareStatement(logical);
          ResultSet rs = statement.executeQuery()) {
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        int width = schema.size();
        while (rs.next()) {
          Object[] row = new Object[width];
          for (int i = 0; i < width; i++) {
            row[i] = read(rs, i + 1, schema.field(i).type(), utc);
          }
          rows.add(row);
        }
      }
      return new AdHocResult(schema, rows);
    } catch (LaminarException e) {
      throw e;
    } catch (Exception e) {
      LaminarException inner = findLaminar(e);
      if (inner != null) {
        throw inner;
      }
      throw new LaminarException(ErrorCode.QUERY_EXECUTION, "query failed: " + SqlErrors.rootMessage(e),
          query.line(), query.column(), e);
    } finally {
      planner.close();
    }
  }

  /** EXPLAIN text of a continuous query: logical plan, then the physical operators. */
  public List<String> explain(QueryText query, StreamingOptions options) {
    PlannedQuery planned = planContinuous(query, options);
    List<String> lines = new ArrayList<>();
    lines.add("Logical plan:");
    for (String l : planned.logicalPlan().split("\n")) {
      if (!l.isBlank()) {
        lines.add("  " + l);
      }
    }
    lines.add("Physical plan:");
    for (String l : planned.plan().explainLines()) {
      lines.add("  " + l);
    }
    return lines;
  }

  private static LaminarException findLaminar(Throwable t) {
    Throwable cur = t;
    while (cur != null) {
      if (cur instanceof LaminarException le) {
        return le;
      }
      cur = cur.getCause() == cur ? null : cur.getCause();
    }
    return null;
  }

  private static Object read(ResultSet rs, int column, DataType type, Calendar utc) throws SQLException {
    Object value = switch (type.kind()) {
      case TIMESTAMP, TIMESTAMP_TZ -> {
        java.sql.Timestamp t = rs.getTimestamp(column, utc);
        yield t == null ? null : t.getTime();
      }
      case DATE -> {
        java.sql.Date d = rs.getDate(column, utc);
        yield d == null ? null : Math.floorDiv(d.getTime(), 86_400_000L);
      }
      case TIME -> {
        java.sql.Time t = rs.getTime(column, utc);
        yield t == null ? null : Math.floorMod(t.getTime(), 86_400_000L);
      }
      case ARRAY -> {
        java.sql.Array a = rs.getArray(column);
        yield a == null ? null : a.getArray();
      }
      default -> rs.getObject(column);
    };
    return CalciteValues.fromCalcite(type, value);
  }

  private RelRoot toRel(Planner planner, QueryText query, boolean isContinuous) {
    JoinSyntax.Result joins;
    try {
      joins = JoinSyntax.rewrite(query.sql(), resolver);
    } catch (LaminarException e) {
      int[] at = query.rebase(e.line(), e.column());
      throw new LaminarException(e.errorCode(), e.getMessage().replaceFirst("^\\[LDB-\\d+\\] ", "")
          .replaceFirst(" at line \\d+, column \\d+$", ""), at[0], at[1], null);
    }
    asofClauses = joins.clauses();
    DialectSyntax.Rewrite text = DialectSyntax.rewrite(joins.sql());
    SqlNode parsed;
    try {
      SqlNode raw = planner.parse(text.sql());
      SqlNode windowed = WindowSyntax.rewrite(raw, resolver, isContinuous);
      parsed = isContinuous ? NumericTyping.continuous(windowed) : NumericTyping.adHoc(windowed);
    } catch (SqlParseException e) {
      // Babel looks further ahead and reports errors a token early; the core grammar pinpoints them.
      try {
        SqlParser.create(text.sql(), PARSER.withParserFactory(
            org.apache.calcite.sql.parser.impl.SqlParserImpl.FACTORY)).parseQuery();
      } catch (SqlParseException coreError) {
        throw SqlErrors.parse(coreError, query, text);
      }
      throw SqlErrors.parse(e, query, text);
    }
    SqlNode validated;
    try {
      validated = planner.validate(parsed);
    } catch (Exception e) {
      throw SqlErrors.validation(e, query, text, knownColumns());
    }
    checkUniqueAliases(validated, query);
    TypeRules.checkComparisons(validated, query, resolver);
    if (isContinuous) {
      OverRules.check(validated, query, resolver);
    }
    RelRoot root;
    try {
      root = planner.rel(validated);
    } catch (Exception e) {
      throw SqlErrors.validation(e, query, text, knownColumns());
    }
    TypeRules.check(root.rel, query);
    return root;
  }

  /** Calcite silently renames duplicate output columns; we reject them (spec §25). */
  private static void checkUniqueAliases(SqlNode validated, QueryText query) {
    if (!(validated instanceof SqlSelect select)) {
      return;
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (SqlNode item : select.getSelectList()) {
      String alias = null;
      if (item instanceof SqlCall call && call.getKind() == SqlKind.AS) {
        alias = ((SqlIdentifier) call.operand(1)).getSimple();
      } else if (item instanceof SqlIdentifier id && !id.isStar()) {
        alias = id.names.get(id.names.size() - 1);
      }
      if (alias != null && !seen.add(alias)) {
        int[] at = query.rebase(item.getParserPosition().getLineNum(), item.getParserPosition().getColumnNum());
        throw new LaminarException(ErrorCode.SQL_PLANNING_FAILED, "duplicate output column name '" + alias
            + "'; give each select-list item a distinct alias", at[0], at[1], null);
      }
    }
  }

  private List<String> knownColumns() {
    List<String> names = new ArrayList<>();
    for (RelationResolver.Relation r : resolver.all()) {
      names.addAll(r.schema().names());
    }
    return names;
  }

  private static RelNode optimize(RelNode rel) {
    HepProgramBuilder program = new HepProgramBuilder()
        // Comma joins: WHERE conjuncts become join conditions, where the join translator reads them.
        .addRuleInstance(CoreRules.FILTER_INTO_JOIN)
        // OVER calls become LogicalWindow nodes between projections (translated by OverTranslator).
        .addRuleInstance(CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW)
        .addRuleInstance(CoreRules.FILTER_PROJECT_TRANSPOSE)
        .addRuleInstance(CoreRules.PROJECT_MERGE)
        .addRuleInstance(CoreRules.PROJECT_REMOVE)
        .addRuleInstance(CoreRules.FILTER_TO_CALC)
        .addRuleInstance(CoreRules.PROJECT_TO_CALC)
        .addRuleInstance(CoreRules.CALC_MERGE)
        .addRuleInstance(CoreRules.CALC_REMOVE);
    HepPlanner hep = new HepPlanner(program.build());
    hep.setRoot(rel);
    return hep.findBestExp();
  }

  private static String explain(RelNode rel) {
    java.io.StringWriter sw = new java.io.StringWriter();
    RelWriter writer = new RelWriterImpl(new java.io.PrintWriter(sw), SqlExplainLevel.EXPPLAN_ATTRIBUTES,
        false);
    rel.explain(writer);
    return sw.toString();
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // Closing an in-process connection cannot fail in a way the caller could act on.
    }
  }
}
