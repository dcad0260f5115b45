package io.laminardb.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Trades and orders for the fraud pipeline, deterministic per seed. Trades are {@code account_id, symbol, side,
 * price, volume, order_ref, ts}: event time advances 1 ms per trade from {@link BidGenerator#START_TIME_MS},
 * jittered back by up to {@link #MAX_DISORDER_MS}; {@link #ACCOUNTS} accounts, each trading
 * {@link #SYMBOLS_PER_ACCOUNT} of the {@link TradeGenerator#SYMBOLS} symbols; prices walk in steps of 1/8 like
 * {@link TradeGenerator}'s, so sums and averages of them are exact. About {@link #ORDER_PERCENT}% of trades
 * come with an order ({@code order_id, account_id, symbol, side, price, quantity, ts}) for the same account,
 * symbol and side, placed up to {@link #MAX_ORDER_LEAD_MS} before the trade; the trade's {@code order_ref} is
 * that order's id (0 otherwise).
 *
 * <p>Batches come in pairs per chunk of trades: the chunk's orders, then its trades. Pushed in that order, an
 * ASOF join sees every order of a chunk before the chunk's trades, which makes its result deterministic.
 */
public final class MarketDataGenerator {
  public static final int ACCOUNTS = 1_000;
  public static final int SYMBOLS_PER_ACCOUNT = 3;
  public static final int MAX_DISORDER_MS = 20;
  public static final int ORDER_PERCENT = 30;
  public static final int MAX_ORDER_LEAD_MS = 200;
  public static final long FIRST_ACCOUNT = 100_000;
  public static final long FIRST_ORDER = 1;
  private static final int MIN_EIGHTHS = 80;
  private static final int MAX_EIGHTHS = 80_000;

  public static final String TRADE_COLUMNS = "account_id BIGINT NOT NULL, symbol VARCHAR NOT NULL,"
      + " side VARCHAR NOT NULL, price DOUBLE NOT NULL, volume BIGINT NOT NULL, order_ref BIGINT NOT NULL,"
      + " ts TIMESTAMP(3) NOT NULL";
  public static final String ORDER_COLUMNS = "order_id BIGINT NOT NULL, account_id BIGINT NOT NULL,"
      + " symbol VARCHAR NOT NULL, side VARCHAR NOT NULL, price DOUBLE NOT NULL, quantity BIGINT NOT NULL,"
      + " ts TIMESTAMP(3) NOT NULL";
  public static final int T_ACCOUNT = 0;
  public static final int T_SYMBOL = 1;
  public static final int T_SIDE = 2;
  public static final int T_PRICE = 3;
  public static final int T_VOLUME = 4;
  public static final int T_ORDER_REF = 5;
  public static final int T_TS = 6;
  public static final int O_ID = 0;
  public static final int O_SYMBOL = 2;
  public static final int O_PRICE = 4;
  public static final int O_QUANTITY = 5;
  public static final int O_TS = 6;

  public static final String BUY = "B";
  public static final String SELL = "S";

  private static final String[] NAMES = new String[TradeGenerator.SYMBOLS];

  static {
    for (int i = 0; i < NAMES.length; i++) {
      NAMES[i] = String.format(Locale.ROOT, "SYM%04d", i);
    }
  }

  private final SplittableRandom random;
  private final int[] eighths = new int[TradeGenerator.SYMBOLS];
  private long index;
  private long nextOrder = FIRST_ORDER;

  public MarketDataGenerator(long seed) {
    this.random = new SplittableRandom(seed);
    for (int i = 0; i < eighths.length; i++) {
      eighths[i] = 8 * (20 + random.nextInt(480));
    }
  }

  /** {@code CREATE SOURCE trades (...)} and {@code CREATE SOURCE orders (...)}, watermark 1 s behind. */
  public static List<String> createSourceSqls() {
    return List.of(
        "CREATE SOURCE trades (" + TRADE_COLUMNS + ", WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)",
        "CREATE SOURCE orders (" + ORDER_COLUMNS + ", WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)");
  }

  /** Appends the next trade to {@code trades} and, for about 30% of trades, its order to {@code orders}. */
  public void next(List<Object[]> trades, List<Object[]> orders) {
    long ts = BidGenerator.START_TIME_MS + index++ - random.nextInt(MAX_DISORDER_MS + 1);
    long account = random.nextInt(ACCOUNTS);
    int symbol = (int) ((account * 7 + random.nextInt(SYMBOLS_PER_ACCOUNT)) % TradeGenerator.SYMBOLS);
    int price = Math.clamp(eighths[symbol] + random.nextInt(9) - 4, MIN_EIGHTHS, MAX_EIGHTHS);
    eighths[symbol] = price;
    String side = random.nextBoolean() ? BUY : SELL;
    long volume = 1L + random.nextInt(TradeGenerator.MAX_VOLUME);
    long orderRef = 0;
    if (random.nextInt(100) < ORDER_PERCENT) {
      orderRef = nextOrder++;
      int limit = Math.clamp(price + random.nextInt(5) - 2, MIN_EIGHTHS, MAX_EIGHTHS);
      orders.add(new Object[] {orderRef, FIRST_ACCOUNT + account, NAMES[symbol], side, limit / 8.0,
          volume + random.nextInt(100), ts - random.nextInt(MAX_ORDER_LEAD_MS + 1)});
    }
    trades.add(new Object[] {FIRST_ACCOUNT + account, NAMES[symbol], side, price / 8.0, volume, orderRef, ts});
  }

  /**
   * {@code trades} trades cut into chunks of {@code batchSize}: batch {@code 2k} holds chunk k's orders (for the
   * {@code orders} source), batch {@code 2k + 1} its trades.
   */
  public static List<List<Object[]>> batches(long seed, int trades, int batchSize) {
    MarketDataGenerator generator = new MarketDataGenerator(seed);
    List<List<Object[]>> batches = new ArrayList<>(2 * (trades / batchSize + 1));
    for (int start = 0; start < trades; start += batchSize) {
      int n = Math.min(batchSize, trades - start);
      List<Object[]> orderBatch = new ArrayList<>(n / 2);
      List<Object[]> tradeBatch = new ArrayList<>(n);
      for (int j = 0; j < n; j++) {
        generator.next(tradeBatch, orderBatch);
      }
      batches.add(orderBatch);
      batches.add(tradeBatch);
    }
    return batches;
  }
}
