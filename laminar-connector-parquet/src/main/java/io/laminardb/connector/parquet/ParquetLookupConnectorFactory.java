package io.laminardb.connector.parquet;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.type.Schema;
import io.laminardb.internal.lookup.LookupConnector;
import io.laminardb.internal.lookup.LookupConnectorFactory;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code CREATE LOOKUP TABLE name (...) FROM PARQUET (path = '/data/instruments.parquet')}: one option,
 * {@code path}, a file or a directory of {@code *.parquet} files (with the same columns).
 */
public final class ParquetLookupConnectorFactory implements LookupConnectorFactory {
  public static final String NAME = "parquet";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public LookupConnector create(String tableName, Schema schema, int[] primaryKey, Map<String, String> options) {
    for (String key : options.keySet()) {
      if (!key.equals("path")) {
        throw new LaminarException(ErrorCode.CONNECTOR_CONFIG, "option '" + key + "' of lookup table '"
            + tableName + "' is not a parquet lookup option; supported: path (and the cache options)");
      }
    }
    String path = options.get("path");
    if (path == null || path.isBlank()) {
      throw new LaminarException(ErrorCode.CONNECTOR_CONFIG, "lookup table '" + tableName
          + "' needs option path = '<file or directory>'");
    }
    return new ParquetLookupConnector(tableName, schema, primaryKey, Path.of(path.replaceFirst("^file://", "")));
  }
}
