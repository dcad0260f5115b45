package io.laminardb.bench;

import io.laminardb.internal.lookup.LookupConnector;
import io.laminardb.internal.lookup.LookupQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Rows held in a map, behind the lookup-connector interface: lets the cache benchmark measure the cache
 * alone (its hit path never calls the connector; misses cost a map lookup, not a network round trip).
 */
final class InMemoryLookupConnector implements LookupConnector {
  private final Map<Object, Object[]> rows = new HashMap<>();
  private final List<Object[]> all = new ArrayList<>();

  void add(Object key, Object[] row) {
    rows.put(key, row);
    all.add(row);
  }

  @Override
  public void validate() {
    // always reachable
  }

  @Override
  public void fetch(List<Object[]> keys, LookupQuery query, Consumer<Object[]> out) {
    for (Object[] key : keys) {
      Object[] row = rows.get(key[0]);
      if (row != null && query.matches(row)) {
        out.accept(row);
      }
    }
  }

  @Override
  public void scan(LookupQuery query, Consumer<Object[]> out) {
    for (Object[] row : all) {
      if (query.matches(row)) {
        out.accept(row);
      }
    }
  }

  @Override
  public String describe() {
    return "in-memory";
  }

  @Override
  public void close() {
    // nothing held
  }
}
