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
  /** Version stores of tables that temporal joins read, by table and version column. */
  private final Map<String, Map<Integer, io.laminardb.core.lookup.VersionedLookupTable>> versioned =
      new ConcurrentHashMap<>();

  public void register(String name, LookupSource source) {
    sources.put(name, source);
  }

  public void remove(String name) {
    sources.remove(name);
    versioned.remove(name);
  }

  /**
   * The versions of CREATE TABLE {@code name} by {@code versionColumn}, for temporal joins: created on first
   * use from the table's current rows (each its key's version at its version time), then fed every upsert
   * (see {@link #versionsOf}). Null when the table is not a keyed in-memory table.
   */
  public io.laminardb.core.lookup.VersionedLookupSource versioned(String name, int versionColumn) {
    if (!(sources.get(name) instanceof io.laminardb.core.lookup.InMemoryLookupTable table)) {
      return null;
    }
    return versioned.computeIfAbsent(name, n -> new ConcurrentHashMap<>()).computeIfAbsent(versionColumn, c -> {
      var versions = new io.laminardb.core.lookup.VersionedLookupTable(table.schema(), table.primaryKey(), c);
      table.forEachRow(versions::upsert);
      return versions;
    });
  }

  /** The version stores an upsert into table {@code name} must also reach. */
  public java.util.Collection<io.laminardb.core.lookup.VersionedLookupTable> versionsOf(String name) {
    Map<Integer, io.laminardb.core.lookup.VersionedLookupTable> m = versioned.get(name);
    return m == null ? java.util.List.of() : m.values();
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
