package io.laminardb.internal.lookup;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.sql.parser.Intervals;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The engine-side options of a CREATE LOOKUP TABLE (spec §3.4, §3.5, §10.4), taken out of the option map
 * before the connector sees the rest.
 *
 * <ul>
 *   <li>{@code cache} (also {@code cache_mode}, {@code cache.mode}) = {@code full} | {@code partial} |
 *       {@code none}; default {@code full}, or {@code partial} for {@code strategy = 'on-demand'}.
 *   <li>{@code cache.max_rows} (also {@code cache.max_entries}, {@code cache_max_entries}): partial cache
 *       size, default 100000.
 *   <li>{@code cache.memory}: bound the partial cache by estimated bytes instead (for example {@code '64mb'});
 *       entries are weighed by their values' sizes.
 *   <li>{@code cache.ttl}: how long a partial-cache entry (found or not found) is fresh, in processing time;
 *       seconds, or an interval such as {@code '5m'}; default 300 s.
 *   <li>{@code cache.negative} = {@code true} (default) | {@code false}: cache "no such key" answers.
 *   <li>{@code cache.stale_on_error} = {@code false} (default) | {@code true}: when the connector fails,
 *       answer from expired partial-cache entries instead of failing.
 *   <li>{@code refresh} = {@code snapshot_only} (default) | {@code periodic:<interval>}: full cache reload.
 *   <li>{@code strategy} = {@code replicated} | {@code partitioned} | {@code on-demand} | {@code source-direct};
 *       one node holds every partition, so the first two are the same here.
 *   <li>{@code pushdown} = {@code auto} (default) | {@code enabled} | {@code disabled}: send query
 *       predicates and projections to the connector, or filter locally.
 * </ul>
 */
public record LookupCacheConfig(Mode mode, int maxRows, long ttlMillis, boolean cacheMissing,
    boolean staleOnError, long refreshMillis, boolean pushdown, long maxBytes) {
  /** How rows are kept in memory. */
  public enum Mode { FULL, PARTIAL, NONE }

  public static final int DEFAULT_MAX_ROWS = 100_000;
  public static final long DEFAULT_TTL_MILLIS = 300_000;

  /** The default configuration of each mode (tests and benchmarks). */
  public static LookupCacheConfig of(Mode mode) {
    return new LookupCacheConfig(mode, DEFAULT_MAX_ROWS, DEFAULT_TTL_MILLIS, true, false, 0, true, 0);
  }

  public LookupCacheConfig(Mode mode, int maxRows, long ttlMillis, boolean cacheMissing, boolean staleOnError,
      long refreshMillis, boolean pushdown) {
    this(mode, maxRows, ttlMillis, cacheMissing, staleOnError, refreshMillis, pushdown, 0);
  }

  /**
   * Parses and removes the engine options from {@code options} (left holding the connector's own).
   */
  public static LookupCacheConfig extract(String table, Map<String, String> options) {
    String strategy = take(options, "strategy");
    Mode mode = Mode.FULL;
    if (strategy != null) {
      switch (strategy.trim().toLowerCase(Locale.ROOT)) {
        case "replicated", "partitioned" -> mode = Mode.FULL;
        case "on-demand", "on_demand", "source-direct", "source_direct" -> mode = Mode.PARTIAL;
        default -> throw invalid(table, "strategy", "must be replicated, partitioned or on-demand, not '"
            + strategy + "'");
      }
    }
    String modeText = take(options, "cache", "cache_mode", "cache.mode");
    if (modeText != null) {
      mode = switch (modeText.trim().toLowerCase(Locale.ROOT)) {
        case "full" -> Mode.FULL;
        case "partial", "lru" -> Mode.PARTIAL;
        case "none", "off" -> Mode.NONE;
        default -> throw invalid(table, "cache", "must be full, partial or none, not '" + modeText + "'");
      };
    }
    String rows = take(options, "cache.max_rows", "cache.max_entries", "cache_max_entries");
    int maxRows = rows == null ? DEFAULT_MAX_ROWS : positiveInt(table, "cache.max_rows", rows);
    String memory = take(options, "cache.memory");
    long maxBytes = memory == null ? 0 : bytes(table, memory);
    if (memory != null && rows != null) {
      throw invalid(table, "cache.memory", "cannot be combined with cache.max_rows; bound by one of them");
    }
    String ttl = take(options, "cache.ttl");
    long ttlMillis = ttl == null ? DEFAULT_TTL_MILLIS : positiveInterval(table, "cache.ttl", ttl, 1000);
    boolean negative = bool(table, "cache.negative", take(options, "cache.negative"), true);
    boolean stale = bool(table, "cache.stale_on_error", take(options, "cache.stale_on_error"), false);
    long refresh = 0;
    String refreshText = take(options, "refresh");
    if (refreshText != null) {
      String r = refreshText.trim().toLowerCase(Locale.ROOT);
      if (r.startsWith("periodic:")) {
        refresh = positiveInterval(table, "refresh", r.substring("periodic:".length()), 1);
      } else if (!r.equals("snapshot_only") && !r.equals("snapshot-only")) {
        throw invalid(table, "refresh", "must be snapshot_only or periodic:<interval> (for example"
            + " 'periodic:5m'), not '" + refreshText + "'");
      }
    }
    boolean pushdown = true;
    String pushdownText = take(options, "pushdown");
    if (pushdownText != null) {
      pushdown = switch (pushdownText.trim().toLowerCase(Locale.ROOT)) {
        case "auto", "enabled", "true", "on" -> true;
        case "disabled", "false", "off" -> false;
        default -> throw invalid(table, "pushdown", "must be auto, enabled or disabled, not '"
            + pushdownText + "'");
      };
    }
    for (String key : options.keySet()) {
      if (key.toLowerCase(Locale.ROOT).startsWith("cache")) {
        throw invalid(table, key, "is not a cache option; use cache, cache.max_rows, cache.ttl,"
            + " cache.memory, cache.negative or cache.stale_on_error");
      }
    }
    if (refresh > 0 && mode != Mode.FULL) {
      throw invalid(table, "refresh", "applies to cache = 'full'; partial caches expire by cache.ttl");
    }
    return new LookupCacheConfig(mode, maxRows, ttlMillis, negative, stale, refresh, pushdown, maxBytes);
  }

  /** {@code '512mb'}, {@code '1gb'}, {@code '64kb'} or a plain number of bytes. */
  private static long bytes(String table, String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    long unit = 1;
    for (String[] u : new String[][] {{"gib", "1073741824"}, {"gb", "1073741824"}, {"mib", "1048576"},
        {"mb", "1048576"}, {"kib", "1024"}, {"kb", "1024"}, {"b", "1"}}) {
      if (v.endsWith(u[0])) {
        unit = Long.parseLong(u[1]);
        v = v.substring(0, v.length() - u[0].length()).trim();
        break;
      }
    }
    try {
      long n = Long.parseLong(v);
      if (n > 0) {
        return Math.multiplyExact(n, unit);
      }
    } catch (NumberFormatException | ArithmeticException ignored) {
      // reported below
    }
    throw invalid(table, "cache.memory", "must be a positive size such as '64mb', not '" + value + "'");
  }

  /** A mutable copy with case-insensitive-looking keys kept as given (connectors match exact lower case). */
  public static Map<String, String> copy(Map<String, String> options) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : options.entrySet()) {
      out.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
    }
    return out;
  }

  private static String take(Map<String, String> options, String... keys) {
    String found = null;
    for (String k : keys) {
      String v = options.remove(k);
      if (v != null) {
        found = v;
      }
    }
    return found;
  }

  private static long positiveInterval(String table, String key, String value, long bareNumberUnit) {
    String v = value.trim();
    long millis;
    try {
      millis = v.chars().allMatch(Character::isDigit) && !v.isEmpty() ? Long.parseLong(v) * bareNumberUnit
          : Intervals.toMillis(v, null);
    } catch (IllegalArgumentException e) {
      throw invalid(table, key, e.getMessage());
    }
    if (millis <= 0) {
      throw invalid(table, key, "must be a positive interval such as '300' (seconds) or '5m'");
    }
    return millis;
  }

  private static int positiveInt(String table, String key, String value) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw invalid(table, key, "must be a positive integer, not '" + value + "'");
  }

  private static boolean bool(String table, String key, String value, boolean dflt) {
    if (value == null) {
      return dflt;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true", "on", "yes" -> true;
      case "false", "off", "no" -> false;
      default -> throw invalid(table, key, "must be true or false, not '" + value + "'");
    };
  }

  static LaminarException invalid(String table, String key, String why) {
    return new LaminarException(ErrorCode.CONNECTOR_CONFIG, "option '" + key + "' of lookup table '" + table
        + "' " + why);
  }
}
