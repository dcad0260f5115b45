package io.laminardb.sql.translate;

import io.laminardb.sql.tree.EmitClause;

/**
 * The streaming clauses of a continuous query.
 *
 * @param emit the EMIT clause, or null for the default
 * @param allowedLatenessMillis ALLOW LATENESS, or null
 * @param lateDataTo LATE DATA TO target, or null
 */
public record StreamingOptions(EmitClause emit, Long allowedLatenessMillis, String lateDataTo) {
  public static final StreamingOptions DEFAULT = new StreamingOptions(null, null, null);

  public boolean isChanges() {
    return emit != null && emit.mode() == EmitClause.Mode.CHANGES;
  }
}
