package io.laminardb.core.plan;

import io.laminardb.core.type.Schema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The physical plan of one continuous query: an operator tree whose leaves are scans of named inputs.
 *
 * @param upsertKey output columns identifying a row of an aggregate's result (group keys and window start),
 *     so later rows with the same key replace earlier ones; null when rows are not keyed
 * @param aggregateKey the same key columns in the aggregate operator's own layout (for deletions it reports)
 */
public record QueryPlan(OperatorSpec root, Schema outputSchema, int[] upsertKey, int[] aggregateKey) {
  public QueryPlan(OperatorSpec root, Schema outputSchema) {
    this(root, outputSchema, null, null);
  }


  /** Names of every object the query reads, in first-seen order. */
  public Set<String> inputNames() {
    Set<String> names = new LinkedHashSet<>();
    collect(root, names);
    return names;
  }

  private static void collect(OperatorSpec spec, Set<String> names) {
    if (spec instanceof ScanSpec scan) {
      names.add(scan.objectName());
    }
    for (OperatorSpec in : spec.inputs()) {
      collect(in, names);
    }
  }

  /** Indented plan text, root first. */
  public List<String> explainLines() {
    List<String> lines = new ArrayList<>();
    render(root, 0, lines);
    return lines;
  }

  private static void render(OperatorSpec spec, int depth, List<String> lines) {
    lines.add("  ".repeat(depth) + spec.explain());
    for (OperatorSpec in : spec.inputs()) {
      render(in, depth + 1, lines);
    }
  }
}
