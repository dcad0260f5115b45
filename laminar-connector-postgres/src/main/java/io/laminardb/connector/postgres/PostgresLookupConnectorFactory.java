package io.laminardb.connector.postgres;

import io.laminardb.core.type.Schema;
import io.laminardb.internal.lookup.LookupConnector;
import io.laminardb.internal.lookup.LookupConnectorFactory;
import java.util.Map;

/**
 * {@code CREATE LOOKUP TABLE name (...) FROM POSTGRES (...)} and {@code WITH ('connector' = 'postgres', ...)}.
 * Options: {@link PostgresLookupConfig}; caching: {@code io.laminardb.internal.lookup.LookupCacheConfig}.
 *
 * <pre>{@code
 * CREATE LOOKUP TABLE customers (id BIGINT PRIMARY KEY, name VARCHAR, tier VARCHAR)
 *   FROM POSTGRES (host = 'db', port = '5432', database = 'crm', user = 'app', password = '${PG_PASSWORD}',
 *                  table = 'public.customers', cache = 'partial', cache.max_rows = '50000', cache.ttl = '60');
 * }</pre>
 */
public final class PostgresLookupConnectorFactory implements LookupConnectorFactory {
  public static final String NAME = "postgres";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public LookupConnector create(String tableName, Schema schema, int[] primaryKey, Map<String, String> options) {
    return new PostgresLookupConnector(tableName, schema, primaryKey, PostgresLookupConfig.parse(tableName,
        options));
  }
}
