package io.laminardb.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import io.laminardb.LaminarDB;
import io.laminardb.ObjectInfo;
import io.laminardb.Row;
import io.laminardb.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketDataDemoTest {
  @Test
  void demoScriptDefinesTheSourceAndStreams() {
    try (LaminarDB db = LaminarDB.open()) {
      for (String statement : SqlScript.load(MarketDataDemo.DEFAULT_SQL).statements()) {
        db.execute(statement);
      }
      assertThat(db.sources()).extracting(ObjectInfo::name).contains("trades");
      assertThat(db.streams()).extracting(ObjectInfo::name).contains("notional", "big_trades");
    }
  }

  @Test
  void demoQueriesOverABoundedFeed() throws InterruptedException {
    // The demo's queries over an unpaced, bounded DATAGEN feed: no timing involved.
    String demoSource = SqlScript.load(MarketDataDemo.DEFAULT_SQL).statements().get(0);
    String sql = demoSource
        .replaceAll("rows_per_second = '\\d+'", "rows_per_second = '0', limit = '5000'")
        .replace("start_time = 'now'", "start_time = '0'");
    // If the demo's options change shape, the feed would silently become paced and unbounded.
    assertThat(sql).as("bounded, unpaced rewrite of %s", demoSource)
        .contains("limit = '5000'", "start_time = '0'");
    try (LaminarDB db = LaminarDB.open()) {
      db.execute(sql);
      List<String> script = SqlScript.load(MarketDataDemo.DEFAULT_SQL).statements();
      db.execute(script.get(1));
      db.execute(script.get(2));
      Subscription<Row> trades = db.subscribe("notional");
      Subscription<Row> big = db.subscribe("big_trades");
      db.start();
      TradeDashboard dashboard = new TradeDashboard();
      List<Row> all = new ArrayList<>();
      while (all.size() < 5000) {
        List<Row> rows = trades.recv(Duration.ofSeconds(60));
        all.addAll(rows);
        dashboard.onTrades(rows);
      }
      db.awaitIdle();
      dashboard.onBigTrades(big.poll());
      assertThat(all).hasSize(5000);
      assertThat(dashboard.symbols()).isEqualTo(8);
      long expectedBig = all.stream().filter(r -> ((Number) r.get("volume")).longValue() >= 900).count();
      assertThat(dashboard.bigTrades()).isEqualTo(expectedBig).isPositive();
      Row first = all.get(0);
      assertThat(((Number) first.get("notional")).doubleValue())
          .isCloseTo(((Number) first.get("price")).doubleValue() * ((Number) first.get("volume")).longValue(),
              offset(1e-6));
      assertThat(dashboard.render(1, 1)).contains("AAPL", "TOTAL");
    }
  }

  @Test
  void rejectsBadArguments() {
    assertThat(MarketDataDemo.Options.parse(new String[] {"--seconds", "3"}).seconds()).isEqualTo(3);
    assertThat(MarketDataDemo.Options.parse(new String[] {"--seconds=4", "my.sql"}))
        .isEqualTo(new MarketDataDemo.Options(4, "my.sql"));
    assertThatThrownBy(() -> MarketDataDemo.Options.parse(new String[] {"--seconds", "x"}))
        .hasMessageContaining("--seconds");
    assertThatThrownBy(() -> MarketDataDemo.Options.parse(new String[] {"--bogus"}))
        .hasMessageContaining("--bogus");
  }
}
