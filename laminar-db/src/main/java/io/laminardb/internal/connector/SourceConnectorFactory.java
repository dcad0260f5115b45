package io.laminardb.internal.connector;

import io.laminardb.ColumnInfo;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Creates source connectors of one kind (the name after {@code FROM}, lower-case, {@code _} as {@code -}).
 * {@link #create} validates options eagerly and throws {@code LDB-5005} naming the bad option.
 */
public interface SourceConnectorFactory {
  String name();

  SourceConnector create(String sourceName, List<ColumnInfo> columns, Map<String, String> options,
      Clock clock);
}
