package io.laminardb.internal;

import io.laminardb.ColumnInfo;
import io.laminardb.ExecuteResult;
import io.laminardb.Row;
import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.batch.Batch;
import io.laminardb.core.pipeline.Pipeline;
import io.laminardb.core.pipeline.QueryRuntime;
import io.laminardb.core.pipeline.SourceNode;
import io.laminardb.core.pipeline.StepLoop;
import io.laminardb.core.type.DataType;
import io.laminardb.core.type.Field;
import io.laminardb.core.type.Schema;
import io.laminardb.core.type.TypeKind;
import io.laminardb.internal.catalog.Catalog;
import io.laminardb.internal.catalog.CatalogEntry;
import io.laminardb.internal.catalog.ObjectKind;
import io.laminardb.internal.connector.ConnectorRegistry;
import io.laminardb.internal.connector.SourceConnector;
import io.laminardb.internal.source.PushSource;
import io.laminardb.internal.value.ValueCodec;
import io.laminardb.internal.view.RowStore;
import io.laminardb.sql.parser.ConfigVariables;
import io.laminardb.sql.parser.StatementParser;
import io.laminardb.sql.planner.AdHocResult;
import io.laminardb.sql.planner.CalciteValues;
import io.laminardb.sql.planner.PlannedQuery;
import io.laminardb.sql.planner.QueryPlanner;
import io.laminardb.sql.planner.RelationResolver;
import io.laminardb.sql.translate.StreamingOptions;
import io.laminardb.sql.tree.QueryText;
import io.laminardb.sql.tree.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Executes parsed statements against the catalog and the pipeline. Statements run one at a time (the DDL
 * lock); a statement that fails changes nothing.
 */
final class StatementRunner implements RelationResolver {
  private static final int VIEW_ROWS = 100_000;

  private final Catalog catalog;
  private final Pipeline pipeline;
  private final StepLoop loop;
  private final Database.Settings settings;
  private final BooleanSupplier running;
  private final QueryPlanner planner;
  private final ConnectorRegistry connectors = new ConnectorRegistry();
  private final Map<String, PushSource> handles = new ConcurrentHashMap<>();
  private final io.laminardb.internal.lookup.LookupRegistry lookups =
      new io.laminardb.internal.lookup.LookupRegistry();
  private final LookupTables lookupTables = new LookupTables();
  private volatile boolean connectorsStarted;
  private java.util.function.LongConsumer periodicQueryCreated = interval -> { };
  private io.laminardb.internal.durability.DurabilityHooks hooks =
      io.laminardb.internal.durability.DurabilityHooks.NONE;

  StatementRunner(Catalog catalog, Pipeline pipeline, StepLoop loop, Database.Settings settings,
      BooleanSupplier running) {
    this.catalog = catalog;
    this.pipeline = pipeline;
    this.loop = loop;
    this.settings = settings;
    this.running = running;
    this.planner = new QueryPlanner(this);
  }

  // ---- RelationResolver ----

  @Override
  public Relation find(String name) {
    CatalogEntry e = catalog.find(name);
    return e == null ? null : relation(e);
  }

  @Override
  public Collection<Relation> all() {
    List<Relation> list = new ArrayList<>();
    for (CatalogEntry e : catalog.all()) {
      list.add(relation(e));
    }
    return list;
  }

  private Relation relation(CatalogEntry e) {
    RowStore store = e.store();
    Schema schema = e.schema();
    io.laminardb.internal.lookup.ConnectorLookupTable lookupTable = lookupTables.find(e.name());
    if (store == null && lookupTable != null) {
      io.laminardb.sql.planner.PushdownSnapshot pushdown = (predicates, projection) -> calciteRows(schema,
          lookupTable.scan(new io.laminardb.internal.lookup.LookupQuery(predicates, projection)));
      return new Relation(e.name(), e.kind().sql(), schema, pushdown, null);
    }
    String eventTime = e.sourceNode() != null && e.sourceNode().eventTimeColumn() >= 0
        ? schema.field(e.sourceNode().eventTimeColumn()).name() : null;
    return new Relation(e.name(), e.kind().sql(), schema, store == null ? null : () -> {
      List<Object[]> rows = store.snapshot();
      List<Object[]> converted = new ArrayList<>(rows.size());
      for (Object[] row : rows) {
        Object[] c = new Object[row.length];
        for (int i = 0; i < row.length; i++) {
          c[i] = CalciteValues.toCalcite(schema.field(i).type(), row[i]);
        }
        converted.add(c);
      }
      return converted;
    }, eventTime);
  }

  private static List<Object[]> calciteRows(Schema schema, List<Object[]> rows) {
    List<Object[]> converted = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      Object[] c = new Object[row.length];
      for (int i = 0; i < row.length; i++) {
        c[i] = CalciteValues.toCalcite(schema.field(i).type(), row[i]);
      }
      converted.add(c);
    }
    return converted;
  }

  @Override
  public io.laminardb.core.lookup.LookupSource lookupSource(String name) {
    return lookups.find(name);
  }

  @Override
  public io.laminardb.core.lookup.VersionedLookupSource versionedLookupSource(String name, int versionColumn) {
    return lookups.versioned(name, versionColumn);
  }

  /** Where CREATE TABLE and CREATE LOOKUP TABLE register what lookup joins probe. */
  io.laminardb.internal.lookup.LookupRegistry lookups() {
    return lookups;
  }

  // ---- execution ----

  synchronized ExecuteResult execute(String sql) {
    if (sql == null || sql.isBlank()) {
      throw new LaminarException(ErrorCode.INVALID_OPERATION, "no SQL statement given");
    }
    List<Statement> parsed = StatementParser.parseScript(ConfigVariables.substitute(sql,
        settings.configVars()));
    ExecuteResult last = null;
    for (Statement statement : parsed) {
      last = run(statement);
    }
    return last;
  }

  /** Connects the durability layer (stored catalog, logged pushes, checkpoints, file sinks). */
  void setDurabilityHooks(io.laminardb.internal.durability.DurabilityHooks durabilityHooks) {
    this.hooks = durabilityHooks;
  }

  /** With a stored catalog, re-running the definition an object already has is a no-op. */
  private ExecuteResult sameAsStored(Statement statement) {
    record Create(String name, String type, boolean orReplace, boolean ifNotExists) {}
    Create c = switch (statement) {
      case Statement.CreateSource s -> new Create(s.name(), "CREATE SOURCE", s.orReplace(), s.ifNotExists());
      case Statement.CreateQuery q -> new Create(q.name(), "CREATE " + (q.materialized()
          ? ObjectKind.MATERIALIZED_VIEW : ObjectKind.STREAM).sql(), q.orReplace(), q.ifNotExists());
      case Statement.CreateSink s -> new Create(s.name(), "CREATE SINK", s.orReplace(), s.ifNotExists());
      case Statement.CreateTable t -> new Create(t.name(), "CREATE TABLE", t.orReplace(), t.ifNotExists());
      default -> null;
    };
    CatalogEntry existing = c == null ? null : catalog.find(c.name());
    return existing == null ? null
        : hooks.beforeCreate(existing, c.type(), statement.sql(), c.orReplace(), c.ifNotExists());
  }

  private ExecuteResult run(Statement statement) {
    ExecuteResult same = sameAsStored(statement);
    if (same != null) {
      return same;
    }
    return switch (statement) {
      case Statement.CreateSource s -> createSource(s);
      case Statement.CreateQuery q -> createQuery(q);
      case Statement.CreateSink s -> createSink(s);
      case Statement.CreateTable t -> createTable(t);
      case Statement.CreateLookupTable t -> createLookupTable(t);
      case Statement.Drop d when d.kind().equals("LOOKUP TABLE") -> dropLookupTable(d);
      case Statement.ShowCreate s when "LOOKUP TABLE".equals(s.kind()) -> MetadataQueries.showCreate(catalog,
          lookupTables.find(s.name()) == null ? "LOOKUP TABLE" : "TABLE", s.name());
      case Statement.Show s when s.what().equals("LOOKUP TABLES") -> MetadataQueries.rows(
          List.of("name", "primary_key", "connector", "cache"), lookupTables.describeAll(catalog));
      case Statement.Insert i -> insert(i);
      case Statement.Drop d -> drop(d);
      case Statement.Show s when s.what().equals("CHECKPOINT STATUS") -> hooks.checkpointStatus();
      case Statement.Show s -> MetadataQueries.show(catalog, s.what());
      case Statement.ShowCreate s -> MetadataQueries.showCreate(catalog, s.kind(), s.name());
      case Statement.Describe d -> MetadataQueries.describe(catalog, d.name());
      case Statement.Explain e -> MetadataQueries.lines("plan", planner.explain(e.query(),
          e.target() instanceof Statement.CreateQuery q
              ? new StreamingOptions(q.emit(), q.allowedLatenessMillis(), q.lateDataTo())
              : StreamingOptions.DEFAULT));
      case Statement.Select s -> select(s.query());
      case Statement.Checkpoint c -> hooks.checkpointStatement();
    };
  }

  /** Returns true when the statement should be skipped (IF NOT EXISTS); replaces for OR REPLACE. */
  private boolean claimName(String name, ObjectKind kind, boolean orReplace, boolean ifNotExists) {
    CatalogEntry existing = catalog.find(name);
    if (existing == null) {
      return false;
    }
    if (ifNotExists) {
      return true;
    }
    if (orReplace && existing.kind() == kind) {
      if (!catalog.dependants(name).isEmpty()) {
        throw new LaminarException(ErrorCode.SQL_PLANNING_FAILED, "cannot replace '" + name
            + "': other objects read it " + names(catalog.dependants(name)) + "; drop them first");
      }
      dropOne(existing);
      return false;
    }
    ErrorCode code = switch (kind) {
      case SOURCE -> ErrorCode.SOURCE_ALREADY_EXISTS;
      case SINK -> ErrorCode.SINK_ALREADY_EXISTS;
      default -> ErrorCode.SQL_PLANNING_FAILED;
    };
    throw new LaminarException(code, "an object named '" + name + "' already exists (a "
        + existing.kind().sql().toLowerCase() + "); use IF NOT EXISTS or OR REPLACE");
  }

  private ExecuteResult createSource(Statement.CreateSource s) {
    if (claimName(s.name(), ObjectKind.SOURCE, s.orReplace(), s.ifNotExists())) {
      return new ExecuteResult.Ddl("CREATE SOURCE", s.name());
    }
    List<Field> fields = fields(s.columns());
    Schema schema = new Schema(fields);
    int eventTime = -1;
    long delay = 0;
    if (s.watermark() != null) {
      eventTime = schema.indexOf(s.watermark().column());
      if (eventTime < 0) {
        throw new LaminarException(ErrorCode.SQL_COLUMN_NOT_FOUND, "watermark column '"
            + s.watermark().column() + "' is not a column of source '" + s.name() + "'",
            s.watermark().line(), s.watermark().columnPosition(), null);
      }
      TypeKind k = fields.get(eventTime).type().kind();
      if (!(k == TypeKind.TIMESTAMP || k == TypeKind.TIMESTAMP_TZ || k == TypeKind.BIGINT
          || k == TypeKind.INT)) {
        throw new LaminarException(ErrorCode.SQL_TYPE_MISMATCH, "watermark column '"
            + s.watermark().column() + "' must be TIMESTAMP or BIGINT/INT epoch milliseconds, not "
            + fields.get(eventTime).type().sql(), s.watermark().line(), s.watermark().columnPosition(), null);
      }
      delay = s.watermark().delayMillis();
    }
    SourceOptions options = SourceOptions.parse(s.name(), s.with(), schema, eventTime);
    long idleTimeout = options.idleTimeoutMillis();
    if (options.alignmentGroup() != null) {
      pipeline.checkAlignment(options.alignmentGroup(), options.alignmentMaxDriftMillis(),
          options.alignmentMode());
    }
    SourceConnector connector = null;
    if (s.connector() != null) {
      connector = connectors.source(s.connector().name()).create(s.name(), Columns.of(schema),
          s.connector().options(), settings.clock());
    }
    SourceNode node = new SourceNode(s.name(), schema, pipeline, eventTime, 1L, delay);
    node.setIdleTimeout(idleTimeout);
    node.setDropLateRows(options.dropLateRows());
    if (options.watermarkKeyColumn() >= 0) {
      node.setKeyedWatermarks(options.watermarkKeyColumn(), options.keyedWatermarks(schema, delay));
    }
    if (options.alignmentGroup() != null) {
      pipeline.addSource(node, options.alignmentGroup(), options.alignmentMaxDriftMillis(),
          options.alignmentMode());
    } else {
      pipeline.addSource(node);
    }
    if (idleTimeout > 0) {
      periodicQueryCreated.accept(idleTimeout);
    }
    if (options.watermarkKeyColumn() >= 0 && options.keyIdleTimeoutMillis() > 0) {
      periodicQueryCreated.accept(options.keyIdleTimeoutMillis());
    }
    CatalogEntry entry = new CatalogEntry(s.name(), ObjectKind.SOURCE, schema, List.of(), s.sql(), node,
        connector, null, List.of());
    addToCatalog(entry);
    if (connector != null && connectorsStarted) {
      connector.start(handle(entry));
    }
    return new ExecuteResult.Ddl("CREATE SOURCE", s.name());
  }

  private static List<Field> fields(List<Statement.ColumnDef> columns) {
    List<Field> fields = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Statement.ColumnDef c : columns) {
      if (!seen.add(c.name())) {
        throw new LaminarException(ErrorCode.SQL_PLANNING_FAILED, "column '" + c.name()
            + "' is declared twice", c.line(), c.column(), null);
      }
      if (c.name().equals("__weight") && c.type().kind() != TypeKind.BIGINT) {
        throw new LaminarException(ErrorCode.SQL_TYPE_MISMATCH, "the changelog column __weight must be"
            + " BIGINT", c.line(), c.column(), null);
      }
      fields.add(new Field(c.name(), c.type()));
    }
    if (fields.isEmpty()) {
      throw new LaminarException(ErrorCode.SQL_UNSUPPORTED, "a source needs at least one column");
    }
    return fields;
  }

  private ExecuteResult createQuery(Statement.CreateQuery q) {
    ObjectKind kind = q.materialized() ? ObjectKind.MATERIALIZED_VIEW : ObjectKind.STREAM;
    String type = "CREATE " + kind.sql();
    if (claimName(q.name(), kind, q.orReplace(), q.ifNotExists())) {
      return new ExecuteResult.Ddl(type, q.name());
    }
    CatalogEntry entry = startQuery(q.name(), kind, q.query(), q.sql(),
        new StreamingOptions(q.emit(), q.allowedLatenessMillis(), q.lateDataTo()));
    if (q.emit() != null && q.emit().mode() == io.laminardb.sql.tree.EmitClause.Mode.EVERY_INTERVAL) {
      periodicQueryCreated.accept(q.emit().intervalMillis());
    }
    return new ExecuteResult.Ddl(type, entry.name());
  }

  private CatalogEntry startQuery(String name, ObjectKind kind, QueryText query, String sql,
      StreamingOptions options) {
    PlannedQuery planned = planner.planContinuous(query, options);
    List<String> inputs = new ArrayList<>(planned.plan().inputNames());
    for (String input : inputs) {
      CatalogEntry in = catalog.require(input);
      if (in.kind() == ObjectKind.TABLE) {
        throw new LaminarException(ErrorCode.SQL_UNSUPPORTED, "'" + input + "' is a table; continuous"
            + " queries read sources, streams and views, and join tables (stream JOIN table ON key)",
            query.line(), query.column(), null);
      }
    }
    // Tables a lookup join probes are dependencies too (DROP TABLE then needs CASCADE).
    inputs.addAll(io.laminardb.internal.lookup.LookupRegistry.tablesProbedBy(planned.plan().root()));
    Schema schema = planned.plan().outputSchema();
    io.laminardb.core.plan.LateRowFilterSpec late = findLateFilter(planned.plan().root());
    if (late != null) {
      claimLateStream(late, name);
    }
    int[] upsertKey = planned.plan().upsertKey();
    RowStore store = kind != ObjectKind.MATERIALIZED_VIEW ? null
        : upsertKey != null ? RowStore.keyed(upsertKey) : RowStore.recentRows(VIEW_ROWS);
    QueryRuntime runtime = pipeline.prepareQuery(name, planned.plan());
    if (store != null) {
      int weight = schema.indexOf("__weight");
      runtime.output().addListener(rows -> storeRows(rows, store, weight));
      int[] aggregateKey = planned.plan().aggregateKey();
      if (upsertKey != null && aggregateKey != null) {
        runtime.addDeletionListener(rows -> {
          for (int r = 0; r < rows.rowCount(); r++) {
            List<Object> key = new ArrayList<>(aggregateKey.length);
            for (int k : aggregateKey) {
              key.add(rows.getStored(k, r));
            }
            store.deleteKey(key);
          }
        });
      }
    }
    try {
      loop.runControl(() -> pipeline.activate(runtime));
    } catch (RuntimeException e) {
      loop.runControl(() -> pipeline.remove(runtime.output()));
      throw e;
    }
    CatalogEntry entry = new CatalogEntry(name, kind, schema, inputs, sql, null, null, store, List.of());
    addToCatalog(entry);
    if (late != null && catalog.find(late.sideOutput()) == null) {
      addToCatalog(new CatalogEntry(late.sideOutput(), ObjectKind.STREAM, late.outputSchema(), List.of(name),
          "-- late rows of " + name, null, null, null, List.of()));
    }
    return entry;
  }

  private static io.laminardb.core.plan.LateRowFilterSpec findLateFilter(io.laminardb.core.plan.OperatorSpec spec) {
    if (spec instanceof io.laminardb.core.plan.LateRowFilterSpec late) {
      return late;
    }
    for (io.laminardb.core.plan.OperatorSpec in : spec.inputs()) {
      io.laminardb.core.plan.LateRowFilterSpec found = findLateFilter(in);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** The LATE DATA TO target: created as an in-process stream, or an existing one with the same columns. */
  private void claimLateStream(io.laminardb.core.plan.LateRowFilterSpec late, String query) {
    CatalogEntry existing = catalog.find(late.sideOutput());
    if (existing == null) {
      pipeline.addSideOutput(late.sideOutput(), late.outputSchema());
      return;
    }
    if (!existing.sql().startsWith("-- late rows of ") || !existing.schema().equals(late.outputSchema())) {
      throw new LaminarException(ErrorCode.SQL_PLANNING_FAILED, "LATE DATA TO '" + late.sideOutput()
          + "' of '" + query + "': an object with that name exists and is not a late-data stream with the"
          + " same columns");
    }
  }

  private void addToCatalog(CatalogEntry entry) {
    catalog.add(entry);
    planner.register(relation(entry));
    hooks.created(entry);
  }

  /** Keeps a view's current contents; changelog rows (__weight) insert or retract. */
  private static void storeRows(Batch rows, RowStore store, int weightColumn) {
    int width = rows.columnCount();
    for (int r = 0; r < rows.rowCount(); r++) {
      Object[] row = new Object[width];
      for (int c = 0; c < width; c++) {
        row[c] = rows.getStored(c, r);
      }
      if (weightColumn >= 0 && row[weightColumn] != null && (Long) row[weightColumn] < 0) {
        row[weightColumn] = 1L;
        store.retract(row);
      } else {
        store.upsert(row);
      }
    }
  }

  private ExecuteResult createSink(Statement.CreateSink s) {
    if (claimName(s.name(), ObjectKind.SINK, s.orReplace(), s.ifNotExists())) {
      return new ExecuteResult.Ddl("CREATE SINK", s.name());
    }
    QueryText query = s.query();
    if (s.from() != null) {
      catalog.require(s.from());
      String text = "SELECT * FROM \"" + s.from().replace("\"", "\"\"") + "\"";
      if (s.where() != null) {
        text = text + " WHERE " + s.where().sql();
      }
      query = new QueryText(text, 1, 1);
    }
    if (s.connector() != null) {
      hooks.checkSinkConnector(s.name(), s.connector().name(), s.connector().options());
    }
    startQuery(s.name(), ObjectKind.SINK, query, s.sql(), StreamingOptions.DEFAULT);
    if (s.connector() != null) {
      hooks.attachSink(s.name(), s.connector().name(), s.connector().options(), pipeline.query(s.name()));
    }
    return new ExecuteResult.Ddl("CREATE SINK", s.name());
  }

  private ExecuteResult createTable(Statement.CreateTable t) {
    if (claimName(t.name(), ObjectKind.TABLE, t.orReplace(), t.ifNotExists())) {
      return new ExecuteResult.Ddl("CREATE TABLE", t.name());
    }
    List<Field> fields = fields(t.columns());
    Schema schema = new Schema(fields);
    int[] keys = new int[t.primaryKey().size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = schema.indexOf(t.primaryKey().get(i));
      if (keys[i] < 0) {
        throw new LaminarException(ErrorCode.SQL_COLUMN_NOT_FOUND, "primary key column '"
            + t.primaryKey().get(i) + "' is not a column of table '" + t.name() + "'");
      }
    }
    RowStore store = keys.length == 0 ? RowStore.recentRows(Integer.MAX_VALUE) : RowStore.keyed(keys);
    if (keys.length > 0) {
      io.laminardb.core.lookup.InMemoryLookupTable joinSide =
          new io.laminardb.core.lookup.InMemoryLookupTable(schema, keys);
      lookups.register(t.name(), joinSide);
      // Recovery restores a table right after its CREATE TABLE, so the join side is still empty then.
      store.onRestore(rows -> rows.forEach(joinSide::upsert));
    }
    addToCatalog(new CatalogEntry(t.name(), ObjectKind.TABLE, schema, List.of(), t.sql(), null, null, store,
        t.primaryKey()));
    return new ExecuteResult.Ddl("CREATE TABLE", t.name());
  }

  private ExecuteResult createLookupTable(Statement.CreateLookupTable t) {
    if (claimName(t.name(), ObjectKind.TABLE, t.orReplace(), t.ifNotExists())) {
      return new ExecuteResult.Ddl("CREATE LOOKUP TABLE", t.name());
    }
    var table = lookupTables.create(t, fields(t.columns()), connectors, settings.clock(),
        settings.errorListener());
    lookups.register(t.name(), table);
    addToCatalog(new CatalogEntry(t.name(), ObjectKind.TABLE, table.schema(), List.of(), t.sql(), null, null,
        null, t.primaryKey()));
    return new ExecuteResult.Ddl("CREATE LOOKUP TABLE", t.name());
  }

  private ExecuteResult dropLookupTable(Statement.Drop d) {
    if (lookupTables.find(d.name()) == null) {
      if (d.ifExists()) {
        return new ExecuteResult.Ddl("DROP LOOKUP TABLE", d.name());
      }
      throw new LaminarException(ErrorCode.SQL_TABLE_NOT_FOUND, "no lookup table named '" + d.name() + "'");
    }
    drop(new Statement.Drop("TABLE", d.name(), d.ifExists(), d.cascade(), d.sql()));
    return new ExecuteResult.Ddl("DROP LOOKUP TABLE", d.name());
  }

  /** Lookup-table cache counters for metrics(). */
  java.util.Map<String, io.laminardb.PipelineMetrics.LookupMetrics> lookupMetrics() {
    return lookupTables.metrics();
  }

  private ExecuteResult insert(Statement.Insert i) {
    CatalogEntry target = catalog.require(i.target());
    if (lookupTables.find(i.target()) != null) {
      throw new LaminarException(ErrorCode.INVALID_OPERATION, "cannot INSERT INTO '" + i.target()
          + "': it is a lookup table, read from its connector; change the rows in the external system");
    }
    if (target.kind() != ObjectKind.SOURCE && target.kind() != ObjectKind.TABLE) {
      throw new LaminarException(ErrorCode.INVALID_OPERATION, "cannot INSERT INTO '" + i.target()
          + "': it is a " + target.kind().sql().toLowerCase() + "; insert into sources and tables");
    }
    Schema schema = target.schema();
    int[] positions = new int[i.columns() == null ? schema.size() : i.columns().size()];
    for (int c = 0; c < positions.length; c++) {
      positions[c] = i.columns() == null ? c : schema.indexOf(i.columns().get(c));
      if (positions[c] < 0) {
        throw new LaminarException(ErrorCode.SQL_COLUMN_NOT_FOUND, "column '" + i.columns().get(c)
            + "' is not a column of '" + i.target() + "'");
      }
    }
    AdHocResult values = planner.execute(i.source());
    if (values.schema().size() != positions.length) {
      throw new LaminarException(ErrorCode.SCHEMA_MISMATCH, "INSERT gives " + values.schema().size()
          + " values per row but " + positions.length + " columns are targeted",
          i.source().line(), i.source().column(), null);
    }
    List<Object[]> rows = new ArrayList<>();
    for (Object[] stored : values.rows()) {
      Object[] row = new Object[schema.size()];
      for (int c = 0; c < positions.length; c++) {
        Field f = schema.field(positions[c]);
        Object javaValue = ValueCodec.toJava(values.schema().field(c).type(), stored[c]);
        try {
          row[positions[c]] = ValueCodec.coerce(f.type(), javaValue, f.name());
        } catch (LaminarException e) {
          // In SQL text a value of the wrong type is a type error, not a push schema mismatch.
          throw new LaminarException(ErrorCode.SQL_TYPE_MISMATCH, "INSERT INTO '" + i.target() + "': "
              + e.getMessage().replaceFirst("^\\[LDB-\\d+\\] ", ""), i.source().line(),
              i.source().column(), null);
        }
      }
      rows.add(row);
    }
    if (target.kind() == ObjectKind.TABLE) {
      for (Object[] row : rows) {
        for (int c = 0; c < row.length; c++) {
          if (row[c] == null && !schema.field(c).nullable()) {
            throw new LaminarException(ErrorCode.SCHEMA_MISMATCH, "column '" + schema.field(c).name()
                + "' of table '" + i.target() + "' is NOT NULL; nothing was inserted");
          }
        }
      }
      for (Object[] row : rows) {
        target.store().upsert(row);
      }
      if (lookups.find(i.target()) instanceof io.laminardb.core.lookup.InMemoryLookupTable joined) {
        // Joins see the write in step order: steps submitted before this INSERT still see the old rows.
        loop.runControl(() -> {
          rows.forEach(joined::upsert);
          for (var versions : lookups.versionsOf(i.target())) {
            rows.forEach(versions::upsert);
          }
        });
      }
      hooks.tableRowsChanged(target);
      return new ExecuteResult.RowsAffected(rows.size());
    }
    List<Object[]> javaRows = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      Object[] j = new Object[row.length];
      for (int c = 0; c < row.length; c++) {
        j[c] = ValueCodec.toJava(schema.field(c).type(), row[c]);
      }
      javaRows.add(j);
    }
    return new ExecuteResult.RowsAffected(handle(target).pushRows(javaRows));
  }

  private ExecuteResult drop(Statement.Drop d) {
    ObjectKind kind = ObjectKind.ofSql(d.kind());
    CatalogEntry entry = catalog.find(d.name());
    if (entry == null || entry.kind() != kind) {
      if (d.ifExists()) {
        return new ExecuteResult.Ddl("DROP " + d.kind(), d.name());
      }
      ErrorCode code = switch (kind) {
        case SOURCE -> ErrorCode.SOURCE_NOT_FOUND;
        case SINK -> ErrorCode.SINK_NOT_FOUND;
        default -> ErrorCode.SQL_TABLE_NOT_FOUND;
      };
      throw new LaminarException(code, "no " + d.kind().toLowerCase() + " named '" + d.name() + "'"
          + (entry == null ? "" : " ('" + d.name() + "' is a " + entry.kind().sql().toLowerCase() + ")"));
    }
    List<CatalogEntry> dependants = catalog.dependants(d.name());
    if (!dependants.isEmpty() && !d.cascade()) {
      throw new LaminarException(ErrorCode.SQL_PLANNING_FAILED, "cannot drop " + d.kind().toLowerCase()
          + " '" + d.name() + "': " + names(dependants) + " read it; drop them first or use CASCADE");
    }
    for (CatalogEntry e : catalog.dropOrder(d.name())) {
      dropOne(e);
    }
    return new ExecuteResult.Ddl("DROP " + d.kind(), d.name());
  }

  private void dropOne(CatalogEntry e) {
    if (e.connector() != null) {
      e.connector().close();
    }
    if (e.kind() != ObjectKind.TABLE) {
      var node = pipeline.findNode(e.name());
      if (node != null) {
        loop.runControl(() -> pipeline.remove(node));
      }
    }
    handles.remove(e.name());
    lookups.remove(e.name());
    lookupTables.remove(e.name());
    catalog.remove(e.name());
    planner.unregister(e.name());
    hooks.dropped(e);
  }

  private static List<String> names(List<CatalogEntry> entries) {
    List<String> names = new ArrayList<>();
    for (CatalogEntry e : entries) {
      names.add(e.name());
    }
    return names;
  }

  private ExecuteResult select(QueryText query) {
    AdHocResult result = planner.execute(query);
    List<ColumnInfo> columns = Columns.of(result.schema());
    List<Row> rows = new ArrayList<>(result.rows().size());
    for (Object[] stored : result.rows()) {
      Object[] values = new Object[stored.length];
      for (int c = 0; c < stored.length; c++) {
        DataType t = result.schema().field(c).type();
        values[c] = ValueCodec.toJava(t, stored[c]);
      }
      rows.add(new Row(columns, values));
    }
    return new ExecuteResult.Rows(columns, rows);
  }

  /** Told the interval of every EMIT EVERY query created, so the database can tick in real time. */
  void onPeriodicQuery(java.util.function.LongConsumer listener) {
    this.periodicQueryCreated = listener;
  }

  // ---- sources and connectors ----

  PushSource handle(CatalogEntry source) {
    return handles.computeIfAbsent(source.name(), n -> new PushSource(source.sourceNode(), loop,
        settings.bufferSize(), settings.backpressure(), running, Columns.of(source.schema()),
        hooks.pushLog(source.sourceNode())));
  }

  synchronized void startConnectors() {
    connectorsStarted = true;
    for (CatalogEntry e : catalog.ofKind(ObjectKind.SOURCE)) {
      if (e.connector() != null) {
        e.connector().start(handle(e));
      }
    }
  }

  void stopConnectors() {
    for (CatalogEntry e : catalog.ofKind(ObjectKind.SOURCE)) {
      if (e.connector() != null) {
        e.connector().close();
      }
    }
  }

  void close() {
    lookupTables.closeAll();
    planner.close();
  }
}
