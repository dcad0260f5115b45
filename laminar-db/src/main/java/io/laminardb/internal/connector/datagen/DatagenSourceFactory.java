package io.laminardb.internal.connector.datagen;

import io.laminardb.ColumnInfo;
import io.laminardb.internal.connector.SourceConnector;
import io.laminardb.internal.connector.SourceConnectorFactory;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * {@code FROM DATAGEN (...)}: synthetic market data (trades, quotes, orders) or counter rows, deterministic
 * per seed, optionally paced in real time. Options: see {@link DatagenConfig}; column mapping: see
 * {@link MarketDataGenerator}.
 *
 * <pre>{@code
 * CREATE SOURCE trades (symbol VARCHAR NOT NULL, price DOUBLE NOT NULL, volume BIGINT NOT NULL,
 *                       ts TIMESTAMP(3) NOT NULL, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
 *   FROM DATAGEN (kind = 'trades', rows_per_second = '1000', seed = '42', symbols = '100',
 *                 max_disorder_ms = '200', start_time = 'now');
 * }</pre>
 */
public final class DatagenSourceFactory implements SourceConnectorFactory {
  public static final String NAME = "datagen";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public SourceConnector create(String sourceName, List<ColumnInfo> columns, Map<String, String> options,
      Clock clock) {
    DatagenConfig config = DatagenConfig.parse(sourceName, options, clock);
    return new DatagenSource(sourceName, new MarketDataGenerator(sourceName, config, columns));
  }
}
