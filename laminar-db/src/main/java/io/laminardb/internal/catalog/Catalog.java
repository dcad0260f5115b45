package io.laminardb.internal.catalog;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Named objects and their dependencies. Names are case-sensitive and unique across kinds (a query reads
 * any of them by name). Mutated only under the database's DDL lock; reads take a snapshot.
 */
public final class Catalog {
  private final Map<String, CatalogEntry> entries = new LinkedHashMap<>();

  public synchronized CatalogEntry find(String name) {
    return entries.get(name);
  }

  public synchronized CatalogEntry require(String name) {
    CatalogEntry e = entries.get(name);
    if (e == null) {
      throw notFound(name);
    }
    return e;
  }

  public static LaminarException notFound(String name) {
    return new LaminarException(ErrorCode.SQL_TABLE_NOT_FOUND, "no source, stream, view, sink or table named '"
        + name + "' (names are case-sensitive)");
  }

  public synchronized void add(CatalogEntry entry) {
    entries.put(entry.name(), entry);
  }

  public synchronized void remove(String name) {
    entries.remove(name);
  }

  public synchronized List<CatalogEntry> all() {
    return new ArrayList<>(entries.values());
  }

  public synchronized List<CatalogEntry> ofKind(ObjectKind kind) {
    List<CatalogEntry> list = new ArrayList<>();
    for (CatalogEntry e : entries.values()) {
      if (e.kind() == kind) {
        list.add(e);
      }
    }
    return list;
  }

  /** Objects that read {@code name} directly. */
  public synchronized List<CatalogEntry> dependants(String name) {
    List<CatalogEntry> list = new ArrayList<>();
    for (CatalogEntry e : entries.values()) {
      if (e.inputs().contains(name)) {
        list.add(e);
      }
    }
    return list;
  }

  /** {@code name} and everything reading it transitively, dependants before what they read. */
  public synchronized List<CatalogEntry> dropOrder(String name) {
    Set<String> ordered = new LinkedHashSet<>();
    visit(name, ordered);
    List<CatalogEntry> list = new ArrayList<>();
    for (String n : ordered) {
      list.add(entries.get(n));
    }
    return list;
  }

  private void visit(String name, Set<String> ordered) {
    for (CatalogEntry d : dependants(name)) {
      visit(d.name(), ordered);
    }
    ordered.add(name);
  }

  public synchronized Collection<String> names() {
    return new ArrayList<>(entries.keySet());
  }
}
