package io.laminardb.internal.connector.datagen;

import java.util.Locale;

/**
 * The instruments a DATAGEN source trades: well-known tickers first (with plausible starting prices), then
 * {@code SYM0021}, {@code SYM0022}, ... with seeded starting prices between 10 and 500.
 */
final class SymbolUniverse {
  private static final String[] TICKERS = {
    "AAPL", "MSFT", "GOOG", "AMZN", "NVDA", "META", "TSLA", "JPM", "V", "NFLX",
    "AMD", "INTC", "ORCL", "IBM", "CSCO", "ADBE", "CRM", "PEP", "KO", "DIS",
  };
  private static final double[] TICKER_PRICES = {
    190.0, 420.0, 170.0, 180.0, 120.0, 500.0, 250.0, 200.0, 280.0, 650.0,
    160.0, 30.0, 140.0, 190.0, 50.0, 480.0, 270.0, 170.0, 60.0, 100.0,
  };

  private final String[] names;
  private final double[] startPrices;

  SymbolUniverse(int count, long seed) {
    names = new String[count];
    startPrices = new double[count];
    SplitMix64 random = new SplitMix64(seed ^ 0x5DEECE66DL);
    for (int i = 0; i < count; i++) {
      if (i < TICKERS.length) {
        names[i] = TICKERS[i];
        startPrices[i] = TICKER_PRICES[i];
      } else {
        names[i] = String.format(Locale.ROOT, "SYM%04d", i + 1);
        startPrices[i] = Math.round((10 + random.nextDouble() * 490) * 100) / 100.0;
      }
    }
  }

  int size() {
    return names.length;
  }

  String name(int index) {
    return names[index];
  }

  double startPrice(int index) {
    return startPrices[index];
  }
}
