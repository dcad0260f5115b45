package io.laminardb.internal;

import io.laminardb.ColumnInfo;
import io.laminardb.ExecuteResult;
import io.laminardb.Row;
import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.type.Field;
import io.laminardb.internal.catalog.Catalog;
import io.laminardb.internal.catalog.CatalogEntry;
import io.laminardb.internal.catalog.ObjectKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** SHOW, SHOW CREATE, DESCRIBE and EXPLAIN results. */
final class MetadataQueries {
  private MetadataQueries() {}

  static ExecuteResult show(Catalog catalog, String what) {
    ObjectKind kind = switch (what) {
      case "SOURCES" -> ObjectKind.SOURCE;
      case "STREAMS", "QUERIES" -> ObjectKind.STREAM;
      case "MATERIALIZED VIEWS" -> ObjectKind.MATERIALIZED_VIEW;
      case "SINKS" -> ObjectKind.SINK;
      default -> ObjectKind.TABLE;
    };
    List<CatalogEntry> entries = new ArrayList<>(catalog.ofKind(kind));
    entries.sort(Comparator.comparing(CatalogEntry::name));
    List<ColumnInfo> columns = switch (kind) {
      case SOURCE -> List.of(col("name"), col("connector"), col("watermark_column"));
      case TABLE -> List.of(col("name"), col("primary_key"));
      default -> List.of(col("name"), col("inputs"), col("sql"));
    };
    List<Row> rows = new ArrayList<>();
    for (CatalogEntry e : entries) {
      Object[] values = switch (kind) {
        case SOURCE -> new Object[] {e.name(), connectorOf(e), watermarkOf(e)};
        case TABLE -> new Object[] {e.name(), String.join(", ", e.primaryKey())};
        default -> new Object[] {e.name(), String.join(", ", e.inputs()), e.sql()};
      };
      rows.add(new Row(columns, values));
    }
    return new ExecuteResult.Rows(columns, rows);
  }

  private static String connectorOf(CatalogEntry e) {
    return e.connector() == null ? null : e.connector().getClass().getSimpleName();
  }

  private static String watermarkOf(CatalogEntry e) {
    if (!e.sourceNode().hasWatermarkClause()) {
      return null;
    }
    return e.schema().field(eventTimeIndex(e)).name();
  }

  private static int eventTimeIndex(CatalogEntry e) {
    String sql = e.sql();
    int at = sql.toUpperCase().indexOf("WATERMARK FOR");
    String rest = sql.substring(at + "WATERMARK FOR".length()).trim();
    for (int i = 0; i < e.schema().size(); i++) {
      String name = e.schema().field(i).name();
      if (rest.startsWith(name) || rest.startsWith("\"" + name + "\"")) {
        return i;
      }
    }
    return 0;
  }

  static ExecuteResult showCreate(Catalog catalog, String kind, String name) {
    CatalogEntry e = catalog.require(name);
    if (kind != null && !e.kind().sql().equals(kind)) {
      throw new LaminarException(ErrorCode.SQL_TABLE_NOT_FOUND, "'" + name + "' is a "
          + e.kind().sql().toLowerCase() + ", not a " + kind.toLowerCase());
    }
    return lines("create_statement", List.of(e.sql()));
  }

  static ExecuteResult describe(Catalog catalog, String name) {
    CatalogEntry e = catalog.require(name);
    List<ColumnInfo> columns = List.of(col("column_name"), col("data_type"),
        new ColumnInfo("nullable", "BOOLEAN", false));
    List<Row> rows = new ArrayList<>();
    for (Field f : e.schema().fields()) {
      rows.add(new Row(columns, new Object[] {f.name(), f.type().sql(), f.nullable()}));
    }
    return new ExecuteResult.Rows(columns, rows);
  }

  /** A metadata result of VARCHAR columns. */
  static ExecuteResult rows(List<String> names, List<Object[]> values) {
    List<ColumnInfo> columns = new ArrayList<>();
    for (String n : names) {
      columns.add(col(n));
    }
    List<Row> rows = new ArrayList<>();
    for (Object[] v : values) {
      rows.add(new Row(columns, v));
    }
    return new ExecuteResult.Rows(columns, rows);
  }

  static ExecuteResult lines(String column, List<String> lines) {
    List<ColumnInfo> columns = List.of(col(column));
    List<Row> rows = new ArrayList<>();
    for (String line : lines) {
      rows.add(new Row(columns, new Object[] {line}));
    }
    return new ExecuteResult.Rows(columns, rows);
  }

  private static ColumnInfo col(String name) {
    return new ColumnInfo(name, "VARCHAR", true);
  }
}
