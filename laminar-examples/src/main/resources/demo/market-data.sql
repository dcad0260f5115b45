-- LaminarDB market-data demo pipeline.
--
-- A synthetic trade feed from the built-in DATAGEN connector (8 instruments, about 1,000 trades per second (event time advances 1 ms per trade, so it keeps pace with the clock),
-- event time starting at the wall clock, up to 200 ms of disorder) and continuous queries over it.
-- Run it with scripts/demo.sh; MarketDataDemo subscribes to the streams below and prints a per-symbol table.
--
-- Statements are separated by ';'.

CREATE SOURCE trades (
  symbol VARCHAR NOT NULL,
  price  DOUBLE NOT NULL,
  volume BIGINT NOT NULL,
  ts     TIMESTAMP(3) NOT NULL,
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND
) FROM DATAGEN (
  kind = 'trades',
  rows_per_second = '1000',
  seed = '42',
  symbols = '8',
  max_disorder_ms = '200',
  start_time = 'now'
);

-- Every trade with its notional value (price x volume).
CREATE STREAM notional AS
  SELECT symbol, price, volume, price * volume AS notional, ts
  FROM trades;

-- Block trades: the largest ~10% by volume.
CREATE STREAM big_trades AS
  SELECT symbol, price, volume, price * volume AS notional, ts
  FROM trades
  WHERE volume >= 900;

-- One-second OHLC and VWAP bars per symbol, emitted once the watermark passes each bar's end.
CREATE STREAM bars AS
  SELECT symbol, TUMBLE_START(ts, INTERVAL '1' SECOND) AS bar,
         FIRST_VALUE(price) AS open, MAX(price) AS high, MIN(price) AS low, LAST_VALUE(price) AS close,
         SUM(price * volume) / SUM(volume) AS vwap, SUM(volume) AS volume
  FROM trades
  GROUP BY symbol, TUMBLE(ts, INTERVAL '1' SECOND)
  EMIT ON WINDOW CLOSE;
