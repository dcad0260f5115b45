package io.laminardb.core.operator;

/** An operator that drops or diverts late rows and counts them (spec §7: late rows are counted). */
public interface LateRowCounter {
  long lateRows();
}
