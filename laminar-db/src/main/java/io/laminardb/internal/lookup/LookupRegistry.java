package io.laminardb.internal.lookup;

import io.laminardb.core.lookup.LookupSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lookup sources of a database by table name: every CREATE TABLE with a primary key, and every CREATE
 * LOOKUP TABLE (which registers its connector-backed source here when it is created and removes it when
 * dropped). The planner asks it whether a join side is a table and what to probe.
 */
public final class LookupRegistry {
  private final Map<String, LookupSource> sources = new ConcurrentHashMap<>();

  public void register(String name, LookupSource source) {
    sources.put(name, source);
  }

  public void remove(String name) {
    sources.remove(name);
  }

  /** The source for table {@code name}, or null when it is not a keyed table. */
  public LookupSource find(String name) {
    return sources.get(name);
  }

  /** Tables the lookup joins of a plan probe, in plan order without repeats. */
  public static java.util.List<String> tablesProbedBy(io.laminardb.core.plan.OperatorSpec spec) {
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    collect(spec, names);
    return new java.util.ArrayList<>(names);
  }

  private static void collect(io.laminardb.core.plan.OperatorSpec spec, java.util.Set<String> names) {
    if (spec instanceof io.laminardb.core.plan.LookupJoinSpec lookup) {
      names.add(lookup.tableName());
    }
    for (io.laminardb.core.plan.OperatorSpec in : spec.inputs()) {
      collect(in, names);
    }
  }
}
