package io.laminardb.internal.durability;

import io.laminardb.ExecuteResult;
import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.pipeline.QueryRuntime;
import io.laminardb.core.pipeline.SourceNode;
import io.laminardb.internal.catalog.CatalogEntry;
import java.util.Map;

/**
 * What statement execution tells the durability layer, and asks it. The in-memory database uses
 * {@link #NONE}: nothing is stored, CHECKPOINT and file sinks are refused.
 */
public interface DurabilityHooks {
  DurabilityHooks NONE = new DurabilityHooks() {};

  /**
   * Before a CREATE of an existing name: a result to return when the stored definition is the same (the
   * statement is then a no-op), null to let normal rules apply; throws {@code LDB-6005} for a conflicting
   * plain CREATE.
   */
  default ExecuteResult beforeCreate(CatalogEntry existing, String statementType, String sql,
      boolean orReplace, boolean ifNotExists) {
    return null;
  }

  default void created(CatalogEntry entry) {}

  default void dropped(CatalogEntry entry) {}

  default void tableRowsChanged(CatalogEntry entry) {}

  /** The log pushes to this source go through, or null. */
  default PushLog pushLog(SourceNode node) {
    return null;
  }

  /** SQL {@code CHECKPOINT}. */
  default ExecuteResult checkpointStatement() {
    throw new LaminarException(ErrorCode.INVALID_OPERATION,
        "CHECKPOINT needs a database opened with storageDir(...)");
  }

  /** SQL {@code SHOW CHECKPOINT STATUS}: the newest checkpoint attempts, newest first. */
  default ExecuteResult checkpointStatus() {
    throw new LaminarException(ErrorCode.INVALID_OPERATION,
        "SHOW CHECKPOINT STATUS needs a database opened with storageDir(...)");
  }

  /** Validates {@code INTO connector (...)} of a sink before its query starts. */
  default void checkSinkConnector(String sink, String connector, Map<String, String> options) {
    throw new LaminarException(ErrorCode.CONNECTOR_CONFIG, "sink connector '" + connector
        + "' needs a database opened with storageDir(...): its output is committed by checkpoints");
  }

  /** Attaches the exactly-once sink of {@code INTO connector (...)} to the started query. */
  default void attachSink(String sink, String connector, Map<String, String> options, QueryRuntime query) {}
}
