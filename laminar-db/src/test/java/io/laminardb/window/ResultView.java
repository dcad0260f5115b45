package io.laminardb.window;

import static org.assertj.core.api.Assertions.fail;

import io.laminardb.Row;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What a subscriber reconstructs from one query's output: every row once (append-only modes), the latest
 * row per group (upsert modes) or the materialization of a changelog (EMIT CHANGES). It checks the
 * per-step protocol invariants as rows arrive and compares itself with an oracle view.
 */
final class ResultView {
  enum Kind {
    /** Each group row is emitted at most once. */
    ONCE,
    /** Later rows for a group replace earlier ones. */
    UPSERT,
    /** Rows carry a trailing {@code __weight}; -1 rows of a step precede its +1 rows. */
    CHANGES
  }

  private final Kind kind;
  private final int keyArity;
  private final Map<List<Object>, Object[]> latest = new LinkedHashMap<>();
  private final Map<List<Object>, Integer> multiset = new LinkedHashMap<>();

  ResultView(Kind kind, int keyArity) {
    this.kind = kind;
    this.keyArity = keyArity;
  }

  Kind kind() {
    return kind;
  }

  List<Object> keyOf(Row row) {
    List<Object> key = new ArrayList<>(keyArity);
    for (int i = 0; i < keyArity; i++) {
      key.add(row.get(i));
    }
    return key;
  }

  /** Applies one step's rows, failing on protocol violations. */
  void apply(List<Row> rows, Object ctx) {
    switch (kind) {
      case ONCE -> {
        for (Row r : rows) {
          List<Object> key = keyOf(r);
          if (latest.containsKey(key)) {
            fail("%s: group %s emitted twice: first %s, again %s", ctx, key, Arrays.toString(latest.get(key)),
                r);
          }
          latest.put(key, r.values());
        }
      }
      case UPSERT -> rows.forEach(r -> latest.put(keyOf(r), r.values()));
      case CHANGES -> applyChanges(rows, ctx);
    }
  }

  private void applyChanges(List<Row> rows, Object ctx) {
    boolean sawInsert = false;
    Map<List<Object>, Integer> stepNet = new LinkedHashMap<>();
    for (Row r : rows) {
      long w = r.weight();
      List<Object> values = Arrays.asList(r.values()).subList(0, r.size() - 1);
      if (w != 1 && w != -1) {
        fail("%s: weight %d is not +-1 in %s", ctx, w, r);
      }
      if (w < 0 && sawInsert) {
        fail("%s: retraction %s after an insertion in the same step; step rows %s", ctx, r, rows);
      }
      sawInsert |= w > 0;
      int now = multiset.getOrDefault(values, 0) + (int) w;
      if (now < 0) {
        fail("%s: retraction of a row that is not in the materialization: %s; step rows %s", ctx, r, rows);
      }
      if (now == 0) {
        multiset.remove(values);
      } else {
        multiset.put(values, now);
      }
      stepNet.merge(values, (int) w, Integer::sum);
      if (w > 0 && stepNet.get(values) == 0) {
        fail("%s: row %s retracted and re-inserted unchanged in one step; step rows %s", ctx, r, rows);
      }
    }
    latest.clear();
    multiset.forEach((values, count) -> {
      List<Object> key = new ArrayList<>(values.subList(0, keyArity));
      if (count != 1 || latest.containsKey(key)) {
        fail("%s: materialization holds group %s more than once: %s", ctx, key, multiset.keySet().stream()
            .filter(v -> v.subList(0, keyArity).equals(key)).toList());
      }
      latest.put(key, values.toArray());
    });
  }

  /** The current rows keyed by group (for CHANGES without the weight column). */
  Map<List<Object>, Object[]> rows() {
    return latest;
  }

  /** Fails unless {@code actual} holds exactly the groups of {@code expected}, with matching values. */
  static void assertSameRows(Map<List<Object>, Object[]> expected, Map<List<Object>, Object[]> actual,
      Object ctx) {
    TreeSet<String> missing = new TreeSet<>();
    TreeSet<String> extra = new TreeSet<>();
    List<String> wrong = new ArrayList<>();
    expected.forEach((key, exp) -> {
      Object[] act = actual.get(key);
      if (act == null) {
        missing.add(Arrays.toString(exp));
      } else if (!rowsMatch(exp, act)) {
        wrong.add("expected " + Arrays.toString(exp) + "\n      actual   " + Arrays.toString(act));
      }
    });
    actual.forEach((key, act) -> {
      if (!expected.containsKey(key)) {
        extra.add(Arrays.toString(act));
      }
    });
    if (!missing.isEmpty() || !extra.isEmpty() || !wrong.isEmpty()) {
      StringBuilder sb = new StringBuilder(ctx.toString()).append(": results differ from the oracle");
      missing.forEach(m -> sb.append("\n  missing ").append(m));
      extra.forEach(m -> sb.append("\n  extra   ").append(m));
      wrong.forEach(m -> sb.append("\n  wrong   ").append(m));
      fail(sb.toString());
    }
  }

  static boolean rowsMatch(Object[] expected, Object[] actual) {
    if (expected.length != actual.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if (!valueMatches(expected[i], actual[i])) {
        return false;
      }
    }
    return true;
  }

  /** Doubles within a relative/absolute tolerance of 1e-9; other numbers exactly; everything else equal. */
  static boolean valueMatches(Object expected, Object actual) {
    if (expected == null || actual == null) {
      return expected == actual;
    }
    if (expected instanceof Double d) {
      if (!(actual instanceof Double a)) {
        return false;
      }
      return d.equals(a) || Math.abs(d - a) <= 1e-9 * Math.max(1.0, Math.max(Math.abs(d), Math.abs(a)));
    }
    if (expected instanceof Long l) {
      return actual instanceof Long a && l.longValue() == a.longValue();
    }
    return Objects.equals(expected, actual);
  }
}
