package io.laminardb.internal.connector.file;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.pipeline.QueryRuntime;
import io.laminardb.core.storage.StorageFiles;
import io.laminardb.core.type.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Options of {@code INTO FILES (...)}: {@code path} (relative paths are under the storage directory),
 * {@code format} ({@code jsonl} default, {@code csv}), {@code mode} ({@code append} default, {@code upsert}),
 * {@code key} (upsert key columns, comma-separated; default: the query's own key). */
public final class FileSinks {
  private static final Set<String> OPTIONS = Set.of("path", "format", "mode", "key");

  private FileSinks() {}

  public static void check(String sink, String connector, Map<String, String> options, Path storageDir) {
    if (!connector.equalsIgnoreCase("FILES")) {
      throw new LaminarException(ErrorCode.CONNECTOR_CONFIG, "sink connector '" + connector + "' is unknown");
    }
    for (String k : options.keySet()) {
      if (!OPTIONS.contains(k)) {
        throw new LaminarException(ErrorCode.CONNECTOR_CONFIG, "file sink '" + sink + "': unknown option '" + k
            + "' (valid: path, format, mode, key)");
      }
    }
    if (options.get("path") == null || options.get("path").isBlank()) {
      throw new LaminarException(ErrorCode.CONNECTOR_CONFIG, "file sink '" + sink + "' needs path = '...'");
    }
    RowFormat.of(options.getOrDefault("format", "jsonl"));
    String mode = options.getOrDefault("mode", "append");
    if (!mode.equalsIgnoreCase("append") && !mode.equalsIgnoreCase("upsert")) {
      throw new LaminarException(ErrorCode.CONNECTOR_CONFIG, "file sink '" + sink + "': mode must be 'append'"
          + " or 'upsert', not '" + mode + "'");
    }
  }

  public static FileSink create(String sink, Map<String, String> options, QueryRuntime query, Path storageDir,
      StorageFiles files) {
    Path path = storageDir.resolve(options.get("path"));
    RowFormat format = RowFormat.of(options.getOrDefault("format", "jsonl"));
    Schema schema = query.output().schema();
    int[] key = null;
    if (options.getOrDefault("mode", "append").equalsIgnoreCase("upsert")) {
      key = keyColumns(sink, options.get("key"), schema, query);
    }
    FileSink fileSink = new FileSink(sink, path, format, schema, key, files);
    int[] aggregateKey = query.plan().aggregateKey();
    if (key != null && aggregateKey != null) {
      query.addDeletionListener(rows -> {
        for (int r = 0; r < rows.rowCount(); r++) {
          List<Object> k = new ArrayList<>(aggregateKey.length);
          for (int c : aggregateKey) {
            k.add(rows.getStored(c, r));
          }
          fileSink.deleteKey(k);
        }
      });
    }
    return fileSink;
  }

  private static int[] keyColumns(String sink, String option, Schema schema, QueryRuntime query) {
    if (option == null) {
      int[] upsert = query.plan().upsertKey();
      if (upsert == null) {
        throw new LaminarException(ErrorCode.CONNECTOR_CONFIG, "file sink '" + sink + "': upsert mode needs a"
            + " keyed query (GROUP BY) or key = 'col, ...'");
      }
      return upsert;
    }
    String[] names = option.split(",");
    int[] key = new int[names.length];
    for (int i = 0; i < names.length; i++) {
      key[i] = schema.indexOf(names[i].strip());
      if (key[i] < 0) {
        throw new LaminarException(ErrorCode.CONNECTOR_CONFIG, "file sink '" + sink + "': key column '"
            + names[i].strip() + "' is not an output column " + schema.names());
      }
    }
    return key;
  }
}
