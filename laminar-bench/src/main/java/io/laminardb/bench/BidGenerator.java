package io.laminardb.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * NEXMark-style bids, deterministic per seed: {@code auction, bidder, price, channel, url, ts}. Event time
 * advances 1 ms per bid from {@link #START_TIME_MS}, jittered back by up to {@link #MAX_DISORDER_MS}. Channel
 * and url strings come from a fixed pool, so generation allocates only the row and its boxed numbers.
 */
public final class BidGenerator {
  /** 2024-01-01T00:00:00Z. */
  public static final long START_TIME_MS = 1_704_067_200_000L;
  public static final int MAX_DISORDER_MS = 20;
  public static final long FIRST_AUCTION = 1_000;
  public static final int AUCTIONS = 10_000;
  public static final long FIRST_PERSON = 1_000;
  public static final int PEOPLE = 100_000;

  /** Column definitions of the {@code bids} source, in push order. */
  public static final String COLUMNS = "auction BIGINT NOT NULL, bidder BIGINT NOT NULL, price BIGINT NOT NULL, "
      + "channel VARCHAR NOT NULL, url VARCHAR NOT NULL, ts TIMESTAMP(3) NOT NULL";
  public static final int WIDTH = 6;
  public static final int AUCTION = 0;
  public static final int BIDDER = 1;
  public static final int PRICE = 2;
  public static final int CHANNEL = 3;
  public static final int URL = 4;
  public static final int TS = 5;

  private static final String[] CHANNELS = {"Google", "Facebook", "Baidu", "Apple"};
  private static final String[] URLS = new String[CHANNELS.length * 4];

  static {
    for (int c = 0; c < CHANNELS.length; c++) {
      for (int v = 0; v < 4; v++) {
        URLS[c * 4 + v] = "https://www.nexmark.com/" + CHANNELS[c].toLowerCase(java.util.Locale.ROOT)
            + "/item.htm?query=" + (v + 1);
      }
    }
  }

  private final SplittableRandom random;
  private long index;

  public BidGenerator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** {@code CREATE SOURCE <name> (<bid columns>[, extra], WATERMARK ...)}. */
  public static String createSourceSql(String name, String extraColumns) {
    return "CREATE SOURCE " + name + " (" + COLUMNS + (extraColumns.isEmpty() ? "" : ", " + extraColumns)
        + ", WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)";
  }

  /** The next bid as a fresh row of {@link #WIDTH} values. */
  public Object[] next() {
    Object[] row = new Object[WIDTH];
    fill(row);
    return row;
  }

  /** Overwrites {@code row[0..WIDTH)} with the next bid. */
  public void fill(Object[] row) {
    long i = index++;
    int channel = random.nextInt(CHANNELS.length);
    row[AUCTION] = FIRST_AUCTION + random.nextInt(AUCTIONS);
    row[BIDDER] = FIRST_PERSON + random.nextInt(PEOPLE);
    row[PRICE] = 100L + random.nextInt(10_000_000);
    row[CHANNEL] = CHANNELS[channel];
    row[URL] = URLS[channel * 4 + random.nextInt(4)];
    row[TS] = START_TIME_MS + i - random.nextInt(MAX_DISORDER_MS + 1);
  }

  /** {@code rows} bids cut into batches of {@code batchSize} (the last may be shorter). */
  public static List<List<Object[]>> batches(long seed, int rows, int batchSize) {
    BidGenerator generator = new BidGenerator(seed);
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
