package io.laminardb.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Trades, deterministic per seed: {@code symbol, price, volume, ts}. Event time advances 1 ms per trade from
 * {@link BidGenerator#START_TIME_MS}, jittered back by up to {@link #MAX_DISORDER_MS} (well below the source's
 * 1 s watermark delay, so no trade is late). Symbols are uniform over {@link #SYMBOLS} names from a fixed pool;
 * each symbol's price is a random walk in steps of 1/8, so every {@code price * volume} and every sum of them
 * is exact in binary floating point and a reference gets bit-identical VWAPs whatever the summation order.
 */
public final class TradeGenerator {
  public static final int SYMBOLS = 1_000;
  public static final int MAX_DISORDER_MS = 20;
  public static final int MAX_VOLUME = 1_000;
  /** Prices stay within [10, 10,000] (in eighths: [80, 80,000]). */
  private static final int MIN_EIGHTHS = 80;
  private static final int MAX_EIGHTHS = 80_000;

  /** Column definitions of the {@code trades} source, in push order. */
  public static final String COLUMNS =
      "symbol VARCHAR NOT NULL, price DOUBLE NOT NULL, volume BIGINT NOT NULL, ts TIMESTAMP(3) NOT NULL";
  public static final int WIDTH = 4;
  public static final int SYMBOL = 0;
  public static final int PRICE = 1;
  public static final int VOLUME = 2;
  public static final int TS = 3;

  private static final String[] NAMES = new String[SYMBOLS];

  static {
    for (int i = 0; i < SYMBOLS; i++) {
      NAMES[i] = String.format(Locale.ROOT, "SYM%04d", i);
    }
  }

  private final SplittableRandom random;
  private final int[] eighths = new int[SYMBOLS];
  private long index;

  public TradeGenerator(long seed) {
    this.random = new SplittableRandom(seed);
    for (int i = 0; i < SYMBOLS; i++) {
      eighths[i] = 8 * (20 + random.nextInt(480));
    }
  }

  /** {@code CREATE SOURCE <name> (<trade columns>, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)}. */
  public static String createSourceSql(String name) {
    return "CREATE SOURCE " + name + " (" + COLUMNS + ", WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)";
  }

  /** The next trade as a fresh row of {@link #WIDTH} values. */
  public Object[] next() {
    long i = index++;
    int symbol = random.nextInt(SYMBOLS);
    int price = Math.clamp(eighths[symbol] + random.nextInt(9) - 4, MIN_EIGHTHS, MAX_EIGHTHS);
    eighths[symbol] = price;
    Object[] row = new Object[WIDTH];
    row[SYMBOL] = NAMES[symbol];
    row[PRICE] = price / 8.0;
    row[VOLUME] = 1L + random.nextInt(MAX_VOLUME);
    row[TS] = BidGenerator.START_TIME_MS + i - random.nextInt(MAX_DISORDER_MS + 1);
    return row;
  }

  /** {@code rows} trades cut into batches of {@code batchSize} (the last may be shorter). */
  public static List<List<Object[]>> batches(long seed, int rows, int batchSize) {
    TradeGenerator generator = new TradeGenerator(seed);
    List<List<Object[]>> batches = new ArrayList<>(rows / batchSize + 1);
    for (int start = 0; start < rows; start += batchSize) {
      int n = Math.min(batchSize, rows - start);
      List<Object[]> batch = new ArrayList<>(n);
      for (int j = 0; j < n; j++) {
        batch.add(generator.next());
      }
      batches.add(batch);
    }
    return batches;
  }
}
