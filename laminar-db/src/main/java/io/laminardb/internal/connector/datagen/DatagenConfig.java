package io.laminardb.internal.connector.datagen;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Validated options of a DATAGEN source.
 *
 * <table>
 *   <caption>Options</caption>
 *   <tr><th>Key</th><th>Default</th><th>Meaning</th></tr>
 *   <tr><td>kind</td><td>trades</td><td>trades | quotes | orders | sequence</td></tr>
 *   <tr><td>rows_per_second</td><td>0</td><td>pacing; 0 = as fast as possible</td></tr>
 *   <tr><td>seed</td><td>42</td><td>same seed and schema give the same rows</td></tr>
 *   <tr><td>symbols</td><td>100</td><td>distinct instruments</td></tr>
 *   <tr><td>max_disorder_ms</td><td>0</td><td>event time of a row is jittered back by up to this</td></tr>
 *   <tr><td>start_time</td><td>0</td><td>event time of row 0: epoch ms, ISO-8601 instant, or {@code now}</td></tr>
 *   <tr><td>limit</td><td>unbounded</td><td>total rows, then the source stops</td></tr>
 *   <tr><td>batch_size</td><td>1024, or about 1/100 s of rows when paced</td><td>rows per push</td></tr>
 * </table>
 *
 * @param rowsPerSecond 0 when unpaced
 * @param limit {@link Long#MAX_VALUE} when unbounded
 */
public record DatagenConfig(DatagenKind kind, double rowsPerSecond, long seed, int symbols, long maxDisorderMs,
    long startTimeMs, long limit, int batchSize) {

  public static final String KIND = "kind";
  public static final String ROWS_PER_SECOND = "rows_per_second";
  public static final String SEED = "seed";
  public static final String SYMBOLS = "symbols";
  public static final String MAX_DISORDER_MS = "max_disorder_ms";
  public static final String START_TIME = "start_time";
  public static final String LIMIT = "limit";
  public static final String BATCH_SIZE = "batch_size";

  /** Every option key, in the order error messages list them. */
  public static final List<String> KEYS =
      List.of(KIND, ROWS_PER_SECOND, SEED, SYMBOLS, MAX_DISORDER_MS, START_TIME, LIMIT, BATCH_SIZE);

  static final long DEFAULT_SEED = 42;
  static final int DEFAULT_SYMBOLS = 100;
  static final int MAX_SYMBOLS = 1_000_000;
  static final int DEFAULT_BATCH_SIZE = 1024;
  static final int MAX_BATCH_SIZE = 1 << 20;

  public DatagenConfig {
    if (rowsPerSecond < 0 || Double.isNaN(rowsPerSecond) || Double.isInfinite(rowsPerSecond)) {
      throw new IllegalArgumentException("rowsPerSecond must be finite and >= 0: " + rowsPerSecond);
    }
    if (symbols < 1 || maxDisorderMs < 0 || limit < 0 || batchSize < 1) {
      throw new IllegalArgumentException("invalid datagen config");
    }
  }

  /** The defaults, for tests and for code that builds a config without SQL. */
  public static DatagenConfig defaults(DatagenKind kind) {
    return new DatagenConfig(kind, 0, DEFAULT_SEED, DEFAULT_SYMBOLS, 0, 0, Long.MAX_VALUE, DEFAULT_BATCH_SIZE);
  }

  public boolean isPaced() {
    return rowsPerSecond > 0;
  }

  public boolean isBounded() {
    return limit != Long.MAX_VALUE;
  }

  public DatagenConfig withSeed(long newSeed) {
    return new DatagenConfig(kind, rowsPerSecond, newSeed, symbols, maxDisorderMs, startTimeMs, limit, batchSize);
  }

  public DatagenConfig withSymbols(int newSymbols) {
    return new DatagenConfig(kind, rowsPerSecond, seed, newSymbols, maxDisorderMs, startTimeMs, limit, batchSize);
  }

  public DatagenConfig withMaxDisorderMs(long newMaxDisorderMs) {
    return new DatagenConfig(kind, rowsPerSecond, seed, symbols, newMaxDisorderMs, startTimeMs, limit, batchSize);
  }

  public DatagenConfig withStartTimeMs(long newStartTimeMs) {
    return new DatagenConfig(kind, rowsPerSecond, seed, symbols, maxDisorderMs, newStartTimeMs, limit, batchSize);
  }

  public DatagenConfig withLimit(long newLimit) {
    return new DatagenConfig(kind, rowsPerSecond, seed, symbols, maxDisorderMs, startTimeMs, newLimit, batchSize);
  }

  /**
   * Validates {@code options} (keys are case-insensitive; {@code -} and {@code _} are interchangeable).
   *
   * @param clock read only for {@code start_time = 'now'}
   * @throws LaminarException {@code LDB-5005} naming the offending option
   */
  public static DatagenConfig parse(String sourceName, Map<String, String> options, Clock clock) {
    Map<String, String> normalised = new HashMap<>();
    for (Map.Entry<String, String> e : options.entrySet()) {
      String key = e.getKey().toLowerCase(Locale.ROOT).replace('-', '_');
      if (!KEYS.contains(key)) {
        throw error(sourceName, "unknown option '" + e.getKey() + "'; allowed options: " + String.join(", ", KEYS));
      }
      if (e.getValue() == null) {
        throw error(sourceName, "option '" + e.getKey() + "' has no value");
      }
      if (normalised.put(key, e.getValue().trim()) != null) {
        throw error(sourceName, "option '" + key + "' given twice");
      }
    }
    DatagenKind kind = parseKind(sourceName, normalised.getOrDefault(KIND, "trades"));
    double rate = parseDouble(sourceName, normalised, ROWS_PER_SECOND, 0);
    long seed = parseLong(sourceName, normalised, SEED, DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE);
    int symbols = (int) parseLong(sourceName, normalised, SYMBOLS, DEFAULT_SYMBOLS, 1, MAX_SYMBOLS);
    long disorder = parseLong(sourceName, normalised, MAX_DISORDER_MS, 0, 0, Integer.MAX_VALUE);
    long start = parseStartTime(sourceName, normalised.get(START_TIME), clock);
    long limit = parseLong(sourceName, normalised, LIMIT, Long.MAX_VALUE, 0, Long.MAX_VALUE);
    int batch = (int) parseLong(sourceName, normalised, BATCH_SIZE, defaultBatchSize(rate), 1, MAX_BATCH_SIZE);
    return new DatagenConfig(kind, rate, seed, symbols, disorder, start, limit, batch);
  }

  /** Unpaced: 1,024 rows per push. Paced: about a hundredth of a second of rows, so pushes stay smooth. */
  static int defaultBatchSize(double rowsPerSecond) {
    if (rowsPerSecond <= 0) {
      return DEFAULT_BATCH_SIZE;
    }
    return (int) Math.max(1, Math.min(DEFAULT_BATCH_SIZE, Math.floor(rowsPerSecond / 100)));
  }

  private static DatagenKind parseKind(String sourceName, String text) {
    for (DatagenKind k : DatagenKind.values()) {
      if (k.optionValue().equalsIgnoreCase(text)) {
        return k;
      }
    }
    throw error(sourceName, "option 'kind' must be one of trades, quotes, orders, sequence; got '" + text + "'");
  }

  private static double parseDouble(String sourceName, Map<String, String> options, String key, double dflt) {
    String text = options.get(key);
    if (text == null || text.isEmpty()) {
      return dflt;
    }
    try {
      double v = Double.parseDouble(text);
      if (v >= 0 && !Double.isInfinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(sourceName, "option '" + key + "' must be a non-negative number; got '" + text + "'");
  }

  private static long parseLong(String sourceName, Map<String, String> options, String key, long dflt, long min,
      long max) {
    String text = options.get(key);
    if (text == null || text.isEmpty()) {
      return dflt;
    }
    try {
      long v = Long.parseLong(text.replace("_", ""));
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(sourceName, "option '" + key + "' must be an integer in [" + min + ", " + max + "]; got '"
        + text + "'");
  }

  private static long parseStartTime(String sourceName, String text, Clock clock) {
    if (text == null || text.isEmpty()) {
      return 0;
    }
    if (text.equalsIgnoreCase("now")) {
      return clock.millis();
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException notMillis) {
      try {
        return Instant.parse(text).toEpochMilli();
      } catch (DateTimeParseException notInstant) {
        throw error(sourceName, "option 'start_time' must be 'now', epoch milliseconds or an ISO-8601 instant;"
            + " got '" + text + "'");
      }
    }
  }

  static LaminarException error(String sourceName, String message) {
    return new LaminarException(ErrorCode.CONNECTOR_CONFIG, "DATAGEN source '" + sourceName + "': " + message);
  }
}
