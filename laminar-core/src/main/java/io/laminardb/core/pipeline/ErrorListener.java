package io.laminardb.core.pipeline;

import io.laminardb.common.error.LaminarException;

/** Told about runtime errors of a query (the query skipped that step's input and carries on). */
public interface ErrorListener {
  void onQueryError(String queryName, LaminarException error);
}
