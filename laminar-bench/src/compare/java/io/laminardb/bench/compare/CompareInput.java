package io.laminardb.bench.compare;

import io.laminardb.bench.BenchQuery;
import io.laminardb.bench.BidGenerator;
import io.laminardb.bench.RowChecksum;
import io.laminardb.bench.TradeGenerator;
import io.laminardb.bench.Workload;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One workload's generated events in every shape an engine takes: the generator's rows in 1,024-row batches
 * (LaminarDB, Esper and Siddhi take these as they are), the same events as Flink POJOs, and as primitive column
 * arrays for the hand-written loops. Built once, before any timing.
 */
public final class CompareInput {
  private final Workload workload;
  private final List<List<Object[]>> batches;
  private final int rows;
  private Object[] events;
  private Columns columns;
  private final Map<BenchQuery, RowChecksum> expected = new EnumMap<>(BenchQuery.class);

  /** Primitive columns in arrival order; bids fill the bid arrays, trades the trade arrays. */
  public static final class Columns {
    public long[] auction;
    public long[] bidder;
    public long[] price;
    public String[] channel;
    public String[] url;
    public long[] ts;
    public String[] symbol;
    /** Dense symbol number per trade, for array-indexed state. */
    public int[] symbolIndex;
    public String[] symbolNames;
    public double[] tradePrice;
    public long[] volume;
  }

  public CompareInput(Workload workload, long seed, int rows) {
    this.workload = workload;
    this.rows = rows;
    this.batches = workload.batches(seed, rows, 1024);
  }

  public Workload workload() {
    return workload;
  }

  public List<List<Object[]>> batches() {
    return batches;
  }

  public int rows() {
    return rows;
  }

  /** The plain-Java reference result of {@code query} over these events (computed once). */
  public synchronized RowChecksum expected(BenchQuery query) {
    return expected.computeIfAbsent(query, q -> q.referenceChecksum(batches));
  }

  /** {@link BidEvent}s or {@link TradeEvent}s, in arrival order. */
  public synchronized Object[] events() {
    if (events == null) {
      events = new Object[rows];
      int i = 0;
      for (List<Object[]> batch : batches) {
        for (Object[] row : batch) {
          events[i++] = workload == Workload.BIDS ? BidEvent.of(row) : TradeEvent.of(row);
        }
      }
    }
    return events;
  }

  public synchronized Columns columns() {
    if (columns == null) {
      columns = workload == Workload.BIDS ? bidColumns() : tradeColumns();
    }
    return columns;
  }

  private Columns bidColumns() {
    Columns c = new Columns();
    c.auction = new long[rows];
    c.bidder = new long[rows];
    c.price = new long[rows];
    c.channel = new String[rows];
    c.url = new String[rows];
    c.ts = new long[rows];
    int i = 0;
    for (List<Object[]> batch : batches) {
      for (Object[] row : batch) {
        c.auction[i] = (Long) row[BidGenerator.AUCTION];
        c.bidder[i] = (Long) row[BidGenerator.BIDDER];
        c.price[i] = (Long) row[BidGenerator.PRICE];
        c.channel[i] = (String) row[BidGenerator.CHANNEL];
        c.url[i] = (String) row[BidGenerator.URL];
        c.ts[i] = (Long) row[BidGenerator.TS];
        i++;
      }
    }
    return c;
  }

  private Columns tradeColumns() {
    Columns c = new Columns();
    c.symbol = new String[rows];
    c.symbolIndex = new int[rows];
    c.tradePrice = new double[rows];
    c.volume = new long[rows];
    c.ts = new long[rows];
    Map<String, Integer> numbers = new HashMap<>();
    int i = 0;
    for (List<Object[]> batch : batches) {
      for (Object[] row : batch) {
        String symbol = (String) row[TradeGenerator.SYMBOL];
        c.symbol[i] = symbol;
        c.symbolIndex[i] = numbers.computeIfAbsent(symbol, s -> numbers.size());
        c.tradePrice[i] = (Double) row[TradeGenerator.PRICE];
        c.volume[i] = (Long) row[TradeGenerator.VOLUME];
        c.ts[i] = (Long) row[TradeGenerator.TS];
        i++;
      }
    }
    c.symbolNames = new String[numbers.size()];
    numbers.forEach((name, number) -> c.symbolNames[number] = name);
    return c;
  }
}
