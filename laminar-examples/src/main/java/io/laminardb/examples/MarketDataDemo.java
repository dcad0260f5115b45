package io.laminardb.examples;

import io.laminardb.LaminarDB;
import io.laminardb.ObjectInfo;
import io.laminardb.Row;
import io.laminardb.Subscription;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The market-data demo: runs {@code demo/market-data.sql} (a DATAGEN trade feed plus continuous queries),
 * subscribes to its {@code notional} and {@code big_trades} streams and prints a per-symbol table once a
 * second, then shuts down.
 *
 * <pre>
 * scripts/demo.sh [--seconds N] [--sql PATH]
 * </pre>
 */
public final class MarketDataDemo {
  static final String DEFAULT_SQL = "demo/market-data.sql";
  static final String TRADES_STREAM = "notional";
  static final String BIG_TRADES_STREAM = "big_trades";
  static final String BARS_STREAM = "bars";

  private static final String USAGE = """
      usage: MarketDataDemo [--seconds N] [--sql PATH] [PATH]
        --seconds N   how long to run (default 10)
        --sql PATH    SQL script to run (a file, or a class-path resource; default demo/market-data.sql);
                      it must define a stream 'notional' (symbol, price, volume, notional, ...) and may
                      define 'big_trades'
      """;

  /** Parsed command line. */
  record Options(int seconds, String sql) {
    static Options parse(String[] args) {
      int seconds = 10;
      String sql = DEFAULT_SQL;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--seconds", "-s" -> seconds = parseSeconds(value(args, ++i, arg));
          case "--sql" -> sql = value(args, ++i, arg);
          default -> {
            if (arg.startsWith("--seconds=")) {
              seconds = parseSeconds(arg.substring("--seconds=".length()));
            } else if (arg.startsWith("--sql=")) {
              sql = arg.substring("--sql=".length());
            } else if (arg.startsWith("-")) {
              throw new IllegalArgumentException("unknown option " + arg);
            } else {
              sql = arg;
            }
          }
        }
      }
      return new Options(seconds, sql);
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }

    private static int parseSeconds(String text) {
      try {
        int s = Integer.parseInt(text);
        if (s >= 0) {
          return s;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException("--seconds needs a non-negative integer, got '" + text + "'");
    }
  }

  private MarketDataDemo() {}

  public static void main(String[] args) {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.print(USAGE);
      return;
    }
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    try {
      run(options, System.out);
    } catch (RuntimeException e) {
      System.err.println("demo failed: " + e.getMessage());
      System.exit(1);
    }
  }

  /** Runs the demo; returns the dashboard with everything received. */
  static TradeDashboard run(Options options, PrintStream out) {
    SqlScript script = SqlScript.load(options.sql());
    out.printf("LaminarDB market-data demo: %d statements from %s, running %d s%n", script.statements().size(),
        script.origin(), options.seconds());
    TradeDashboard dashboard = new TradeDashboard();
    try (LaminarDB db = LaminarDB.open()) {
      List<String> statements = script.statements();
      for (int i = 0; i < statements.size(); i++) {
        try {
          db.execute(statements.get(i));
        } catch (RuntimeException e) {
          throw new IllegalStateException("statement " + (i + 1) + " of " + script.origin() + " failed: "
              + e.getMessage() + "\n  " + statements.get(i), e);
        }
      }
      boolean hasBigTrades = db.streams().stream().map(ObjectInfo::name).anyMatch(BIG_TRADES_STREAM::equals);
      boolean hasBars = db.streams().stream().map(ObjectInfo::name).anyMatch(BARS_STREAM::equals);
      try (Subscription<Row> trades = db.subscribe(TRADES_STREAM);
          Subscription<Row> big = hasBigTrades ? db.subscribe(BIG_TRADES_STREAM) : null;
          Subscription<Row> bars = hasBars ? db.subscribe(BARS_STREAM) : null) {
        db.start();
        long startNanos = System.nanoTime();
        long previousNanos = startNanos;
        for (int second = 1; second <= options.seconds(); second++) {
          parkUntil(startNanos + TimeUnit.SECONDS.toNanos(second));
          dashboard.onTrades(trades.poll());
          if (big != null) {
            dashboard.onBigTrades(big.poll());
          }
          if (bars != null) {
            dashboard.onBars(bars.poll());
          }
          long now = System.nanoTime();
          out.println();
          out.print(dashboard.render((now - startNanos) / 1e9, (now - previousNanos) / 1e9));
          out.flush();
          previousNanos = now;
        }
      }
    }
    out.printf("%nDone: %,d trades across %d symbols, %,d big trades.%n", dashboard.trades(),
        dashboard.symbols(), dashboard.bigTrades());
    return dashboard;
  }

  private static void parkUntil(long deadlineNanos) {
    long remaining;
    while ((remaining = deadlineNanos - System.nanoTime()) > 0) {
      LockSupport.parkNanos(remaining);
    }
  }
}
