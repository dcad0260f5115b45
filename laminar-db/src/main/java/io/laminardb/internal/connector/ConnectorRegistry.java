package io.laminardb.internal.connector;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Source connector factories by normalised name: built-ins plus any found by ServiceLoader. */
public final class ConnectorRegistry {
  private final Map<String, SourceConnectorFactory> sources = new TreeMap<>();

  public ConnectorRegistry() {
    for (SourceConnectorFactory f : ServiceLoader.load(SourceConnectorFactory.class)) {
      sources.put(f.name(), f);
    }
  }

  public void register(SourceConnectorFactory factory) {
    sources.put(factory.name(), factory);
  }

  /** {@code POSTGRES_CDC} and {@code postgres-cdc} name the same connector. */
  public static String normalise(String name) {
    return name.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public SourceConnectorFactory source(String name) {
    SourceConnectorFactory f = sources.get(normalise(name));
    if (f == null) {
      throw new LaminarException(ErrorCode.CONNECTOR_CONFIG,
          "unknown source connector '" + name + "'; available: " + sources.keySet());
    }
    return f;
  }
}
