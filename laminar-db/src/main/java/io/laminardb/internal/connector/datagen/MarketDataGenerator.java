package io.laminardb.internal.connector.datagen;

import io.laminardb.ColumnInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Produces the rows of a DATAGEN source, one at a time, deterministically: the same config (seed included) and
 * schema give the same rows, byte for byte, on any JDK.
 *
 * <p>Row {@code i} has base event time {@code start_time + i} ms, jittered back by a uniform amount in
 * {@code [0, max_disorder_ms]}; so every row's timestamp is at least (largest timestamp so far) minus
 * {@code max_disorder_ms}. Prices follow a per-symbol random walk (steps of at most 0.1%, gently pulled back
 * to the starting price) and are quoted in cents. Every kind draws the same random numbers per row whatever
 * columns the schema asks for, so adding an optional column does not change the others.
 *
 * <p>Values are {@link String}, {@link Double}, {@link Long}, {@link Integer} for INT columns, and {@link Long}
 * epoch milliseconds for TIMESTAMP columns. Not thread-safe.
 */
public final class MarketDataGenerator {
  private static final String BUY = "B";
  private static final String SELL = "S";
  private static final double MAX_STEP = 0.001;
  private static final double MEAN_REVERSION = 0.0001;

  /** What a column is filled with. */
  private enum Slot {
    SYMBOL, PRICE, VOLUME, TS, SIDE, TRADE_ID, BID, ASK, BID_SIZE, ASK_SIZE, ORDER_ID, QUANTITY, COUNTER
  }

  /** How a value is represented, from the column's SQL type. */
  private enum Encoding {
    LONG, INT, DOUBLE, STRING, TIMESTAMP
  }

  private record Binding(Slot slot, Encoding encoding) {}

  private record Fillable(Slot slot, Set<Encoding> encodings) {}

  private static final Set<Encoding> INTEGRAL = EnumSet.of(Encoding.LONG, Encoding.INT);
  private static final Set<Encoding> TIME = EnumSet.of(Encoding.TIMESTAMP, Encoding.LONG);
  private static final Set<Encoding> TEXT = EnumSet.of(Encoding.STRING);
  private static final Set<Encoding> REAL = EnumSet.of(Encoding.DOUBLE);

  private static final Map<DatagenKind, Map<String, Fillable>> COLUMNS = Map.of(
      DatagenKind.TRADES, Map.of(
          "symbol", new Fillable(Slot.SYMBOL, TEXT),
          "price", new Fillable(Slot.PRICE, REAL),
          "volume", new Fillable(Slot.VOLUME, INTEGRAL),
          "ts", new Fillable(Slot.TS, TIME),
          "side", new Fillable(Slot.SIDE, TEXT),
          "trade_id", new Fillable(Slot.TRADE_ID, INTEGRAL)),
      DatagenKind.QUOTES, Map.of(
          "symbol", new Fillable(Slot.SYMBOL, TEXT),
          "bid", new Fillable(Slot.BID, REAL),
          "ask", new Fillable(Slot.ASK, REAL),
          "ts", new Fillable(Slot.TS, TIME),
          "bid_size", new Fillable(Slot.BID_SIZE, INTEGRAL),
          "ask_size", new Fillable(Slot.ASK_SIZE, INTEGRAL)),
      DatagenKind.ORDERS, Map.of(
          "order_id", new Fillable(Slot.ORDER_ID, INTEGRAL),
          "symbol", new Fillable(Slot.SYMBOL, TEXT),
          "side", new Fillable(Slot.SIDE, TEXT),
          "price", new Fillable(Slot.PRICE, REAL),
          "quantity", new Fillable(Slot.QUANTITY, INTEGRAL),
          "ts", new Fillable(Slot.TS, TIME)));

  private final DatagenConfig config;
  private final Binding[] bindings;
  private final SymbolUniverse universe;
  private final double[] prices;
  private final SplitMix64 random;

  private long rows;
  private long maxEventTime = Long.MIN_VALUE;

  // The current row, set by advance().
  private long rowIndex;
  private long eventTime;
  private int symbol;
  private double price;
  private long volume;
  private boolean isBuy;
  private double bid;
  private double ask;
  private long bidSize;
  private long askSize;

  /**
   * @throws io.laminardb.common.error.LaminarException {@code LDB-5005} when the schema has a column the kind
   *     cannot fill, or of a type it cannot produce
   */
  public MarketDataGenerator(String sourceName, DatagenConfig config, List<ColumnInfo> columns) {
    this.config = config;
    this.bindings = bind(sourceName, config.kind(), columns);
    this.universe = new SymbolUniverse(config.symbols(), config.seed());
    this.prices = new double[config.symbols()];
    for (int i = 0; i < prices.length; i++) {
      prices[i] = universe.startPrice(i);
    }
    this.random = new SplitMix64(config.seed());
  }

  public DatagenConfig config() {
    return config;
  }

  /** Values per row. */
  public int width() {
    return bindings.length;
  }

  /** Rows produced so far. */
  public long rows() {
    return rows;
  }

  /** True once {@code limit} rows have been produced. */
  public boolean isExhausted() {
    return rows >= config.limit();
  }

  /** The largest event time produced so far; {@link Long#MIN_VALUE} before the first row. */
  public long maxEventTime() {
    return maxEventTime;
  }

  /** Overwrites {@code row} (length {@link #width()}) with the next row. */
  public void fill(Object[] row) {
    advance();
    for (int c = 0; c < bindings.length; c++) {
      row[c] = value(bindings[c]);
    }
  }

  /** The next {@code min(count, rows left)} rows, each a fresh array. */
  public List<Object[]> nextBatch(int count) {
    int n = (int) Math.min(count, config.limit() - rows);
    List<Object[]> batch = new ArrayList<>(Math.max(n, 0));
    for (int i = 0; i < n; i++) {
      Object[] row = new Object[bindings.length];
      fill(row);
      batch.add(row);
    }
    return batch;
  }

  private void advance() {
    rowIndex = rows++;
    switch (config.kind()) {
      case TRADES -> {
        symbol = random.nextInt(prices.length);
        price = cents(walk(symbol));
        volume = 1 + random.nextInt(1000);
        isBuy = random.nextBoolean();
      }
      case QUOTES -> {
        symbol = random.nextInt(prices.length);
        long mid = Math.round(walk(symbol) * 100);
        long spread = 1 + random.nextInt(5);
        long bidCents = Math.max(1, mid - spread / 2);
        bid = bidCents / 100.0;
        ask = (bidCents + spread) / 100.0;
        bidSize = 100L * (1 + random.nextInt(50));
        askSize = 100L * (1 + random.nextInt(50));
      }
      case ORDERS -> {
        symbol = random.nextInt(prices.length);
        long mid = Math.round(walk(symbol) * 100);
        isBuy = random.nextBoolean();
        long offset = random.nextInt(21);
        price = Math.max(1, isBuy ? mid - offset : mid + offset) / 100.0;
        volume = 100L * (1 + random.nextInt(10));
      }
      case SEQUENCE -> {
        // only the counter and the event time
      }
    }
    long jitter = config.maxDisorderMs() == 0 ? 0 : random.nextLongInclusive(config.maxDisorderMs());
    eventTime = config.startTimeMs() + rowIndex - jitter;
    if (eventTime > maxEventTime) {
      maxEventTime = eventTime;
    }
  }

  /** One random-walk step for {@code s}; returns its new unrounded price. */
  private double walk(int s) {
    double p = prices[s];
    double next = p * (1 + (random.nextDouble() - 0.5) * 2 * MAX_STEP)
        + (universe.startPrice(s) - p) * MEAN_REVERSION;
    next = Math.max(0.01, next);
    prices[s] = next;
    return next;
  }

  private static double cents(double p) {
    return Math.round(p * 100) / 100.0;
  }

  private Object value(Binding b) {
    return switch (b.slot()) {
      case SYMBOL -> universe.name(symbol);
      case PRICE -> price;
      case VOLUME, QUANTITY -> integral(volume, b.encoding());
      case TS -> eventTime;
      case SIDE -> isBuy ? BUY : SELL;
      case TRADE_ID, ORDER_ID -> integral(rowIndex + 1, b.encoding());
      case BID -> bid;
      case ASK -> ask;
      case BID_SIZE -> integral(bidSize, b.encoding());
      case ASK_SIZE -> integral(askSize, b.encoding());
      case COUNTER -> switch (b.encoding()) {
        case LONG -> rowIndex;
        case INT -> (int) rowIndex;
        case DOUBLE -> (double) rowIndex;
        case STRING -> Long.toString(rowIndex);
        case TIMESTAMP -> eventTime;
      };
    };
  }

  private static Object integral(long v, Encoding encoding) {
    return encoding == Encoding.INT ? (Object) (int) v : (Object) v;
  }

  private static Binding[] bind(String sourceName, DatagenKind kind, List<ColumnInfo> columns) {
    Binding[] result = new Binding[columns.size()];
    for (int i = 0; i < result.length; i++) {
      ColumnInfo column = columns.get(i);
      Encoding encoding = encoding(column.type());
      if (kind == DatagenKind.SEQUENCE) {
        if (encoding == null) {
          throw DatagenConfig.error(sourceName, "kind 'sequence' cannot fill column '" + column.name() + "' of type "
              + column.type() + "; it fills BIGINT, INT, DOUBLE, VARCHAR and TIMESTAMP columns");
        }
        result[i] = new Binding(Slot.COUNTER, encoding);
        continue;
      }
      Map<String, Fillable> fillable = COLUMNS.get(kind);
      Fillable f = fillable.get(column.name().toLowerCase(Locale.ROOT));
      if (f == null) {
        throw DatagenConfig.error(sourceName, "kind '" + kind.optionValue() + "' cannot fill column '"
            + column.name() + "'; it fills columns named " + kind.columnsDescription());
      }
      if (encoding == null || !f.encodings().contains(encoding)) {
        throw DatagenConfig.error(sourceName, "column '" + column.name() + "' is " + column.type() + " but kind '"
            + kind.optionValue() + "' fills it as " + f.encodings().stream().map(MarketDataGenerator::sqlName)
                .collect(Collectors.joining(" or ")));
      }
      result[i] = new Binding(f.slot(), encoding);
    }
    return result;
  }

  private static String sqlName(Encoding e) {
    return switch (e) {
      case LONG -> "BIGINT";
      case INT -> "INT";
      case DOUBLE -> "DOUBLE";
      case STRING -> "VARCHAR";
      case TIMESTAMP -> "TIMESTAMP";
    };
  }

  /** The encoding for a column's SQL type text ({@code TIMESTAMP(3)}, {@code VARCHAR(10)}, ...), or null. */
  private static Encoding encoding(String sqlType) {
    String t = sqlType.trim().toUpperCase(Locale.ROOT);
    int paren = t.indexOf('(');
    String base = (paren < 0 ? t : t.substring(0, paren)).trim();
    if (base.startsWith("TIMESTAMP")) {
      return Encoding.TIMESTAMP;
    }
    return switch (base) {
      case "BIGINT" -> Encoding.LONG;
      case "INT", "INTEGER" -> Encoding.INT;
      case "DOUBLE", "DOUBLE PRECISION" -> Encoding.DOUBLE;
      case "VARCHAR", "STRING", "TEXT", "CHARACTER VARYING" -> Encoding.STRING;
      default -> null;
    };
  }

  @Override
  public String toString() {
    return "MarketDataGenerator[" + config + ", columns=" + Arrays.toString(bindings) + "]";
  }
}
