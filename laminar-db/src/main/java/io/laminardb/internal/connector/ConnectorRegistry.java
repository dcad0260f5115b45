package io.laminardb.internal.connector;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Source and lookup connector factories by normalised name: built-ins plus any found by ServiceLoader
 * (connector modules such as laminar-connector-postgres register themselves that way).
 */
public final class ConnectorRegistry {
  private final Map<String, SourceConnectorFactory> sources = new TreeMap<>();
  private final Map<String, io.laminardb.internal.lookup.LookupConnectorFactory> lookups = new TreeMap<>();

  public ConnectorRegistry() {
    for (SourceConnectorFactory f : ServiceLoader.load(SourceConnectorFactory.class)) {
      sources.put(f.name(), f);
    }
    for (var f : ServiceLoader.load(io.laminardb.internal.lookup.LookupConnectorFactory.class)) {
      lookups.put(f.name(), f);
    }
  }

  /** The lookup connector named {@code name} (CREATE LOOKUP TABLE ... FROM name); LDB-5005 when unknown. */
  public io.laminardb.internal.lookup.LookupConnectorFactory lookup(String name) {
    var f = lookups.get(normalise(name));
    if (f == null) {
      throw new LaminarException(ErrorCode.CONNECTOR_CONFIG, "unknown lookup connector '" + name
          + "'; available: " + lookups.keySet() + " (each comes from its module on the classpath, for example"
          + " laminar-connector-postgres for postgres)");
    }
    return f;
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
