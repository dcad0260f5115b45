package io.laminardb.sql.tree;

import io.laminardb.core.type.DataType;
import java.util.List;
import java.util.Map;

/** A parsed statement. {@code sql()} is its exact text, used by SHOW CREATE and the catalog. */
public sealed interface Statement {
  String sql();

  /** A column declaration. */
  record ColumnDef(String name, DataType type, boolean primaryKey, int line, int column) {}

  /** {@code WATERMARK FOR column [AS column - INTERVAL ...]}. */
  record WatermarkDef(String column, long delayMillis, int line, int columnPosition) {}

  /** {@code FROM connector (k = 'v', ...)} or {@code INTO connector (...)}. */
  record ConnectorDef(String name, Map<String, String> options) {}

  record CreateSource(String name, boolean orReplace, boolean ifNotExists, List<ColumnDef> columns,
      WatermarkDef watermark, ConnectorDef connector, Map<String, String> with, String sql)
      implements Statement {}

  /** CREATE STREAM / MATERIALIZED VIEW / CONTINUOUS QUERY ... AS SELECT. */
  record CreateQuery(boolean materialized, String name, boolean orReplace, boolean ifNotExists,
      QueryText query, EmitClause emit, Long allowedLatenessMillis, String lateDataTo, String sql)
      implements Statement {}

  record CreateSink(String name, boolean orReplace, boolean ifNotExists, String from, QueryText query,
      QueryText where, ConnectorDef connector, String sql) implements Statement {}

  record CreateTable(String name, boolean orReplace, boolean ifNotExists, List<ColumnDef> columns,
      List<String> primaryKey, ConnectorDef connector, String sql) implements Statement {}

  /**
   * CREATE LOOKUP TABLE: {@code connector} from {@code FROM name (...)}, or from the {@code 'connector'} key of
   * {@code with} (which then holds the remaining options).
   */
  record CreateLookupTable(String name, boolean orReplace, boolean ifNotExists, List<ColumnDef> columns,
      List<String> primaryKey, ConnectorDef connector, String sql) implements Statement {}

  /** INSERT INTO target [(columns)] VALUES ... | SELECT ... */
  record Insert(String target, List<String> columns, QueryText source, String sql) implements Statement {}

  record Drop(String kind, String name, boolean ifExists, boolean cascade, String sql)
      implements Statement {}

  /** SHOW SOURCES | STREAMS | SINKS | MATERIALIZED VIEWS | TABLES. */
  record Show(String what, String sql) implements Statement {}

  record ShowCreate(String kind, String name, String sql) implements Statement {}

  record Describe(String name, String sql) implements Statement {}

  /** EXPLAIN of a query, or of the query of a CREATE STREAM / MATERIALIZED VIEW statement. */
  record Explain(Statement target, QueryText query, String sql) implements Statement {}

  /** An ad-hoc query. */
  record Select(QueryText query, String sql) implements Statement {}

  record Checkpoint(String sql) implements Statement {}
}
