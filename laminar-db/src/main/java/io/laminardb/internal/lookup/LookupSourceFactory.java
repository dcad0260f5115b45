package io.laminardb.internal.lookup;

import io.laminardb.core.type.Schema;
import java.util.Map;

/**
 * Creates lookup sources of one connector ({@code FROM POSTGRES (...)} or {@code 'connector' = 'postgres'}),
 * found by {@link java.util.ServiceLoader} so that connector modules keep their drivers out of laminar-db.
 * {@link #create} validates the connector's options eagerly, {@code LDB-5005} naming the bad one; the cache
 * options ({@code cache.*}) are removed before it is called.
 */
public interface LookupSourceFactory {
  /** Normalised name: lower case, {@code _} as {@code -}. */
  String name();

  LookupSource create(String tableName, Schema schema, int[] keyColumns, Map<String, String> options);
}
