package io.laminardb.internal.lookup;

import io.laminardb.core.type.Schema;
import java.util.Map;

/**
 * Creates lookup connectors of one kind ({@code FROM POSTGRES (...)} or {@code 'connector' = 'postgres'}),
 * found by {@link java.util.ServiceLoader} so connector modules keep their drivers out of laminar-db.
 * {@link #create} validates the options it is given eagerly ({@code LDB-5005} naming the bad one); the
 * engine's own options ({@code cache.*}, {@code strategy}, {@code pushdown}, {@code refresh}) are removed
 * first (see {@link LookupCacheConfig}).
 */
public interface LookupConnectorFactory {
  /** Normalised name: lower case, {@code _} as {@code -}. */
  String name();

  LookupConnector create(String tableName, Schema schema, int[] primaryKey, Map<String, String> options);
}
