package io.laminardb;

import java.util.List;

/** What {@link LaminarDB#execute(String)} returns for the last statement it ran. */
public sealed interface ExecuteResult {

  /** A DDL statement succeeded: for example {@code CREATE SOURCE} of {@code trades}. */
  record Ddl(String statementType, String objectName) implements ExecuteResult {}

  /** INSERT and similar: how many rows were written. */
  record RowsAffected(long count) implements ExecuteResult {}

  /** SHOW, DESCRIBE, EXPLAIN or an ad-hoc SELECT: a finite result. */
  record Rows(List<ColumnInfo> columns, List<Row> rows) implements ExecuteResult {}

  /** The rows of a {@link Rows} result; fails for other kinds. */
  default List<Row> rows() {
    if (this instanceof Rows r) {
      return r.rows();
    }
    throw new io.laminardb.common.error.LaminarException(
        io.laminardb.common.error.ErrorCode.INVALID_OPERATION, "result is " + this + ", not rows");
  }
}
