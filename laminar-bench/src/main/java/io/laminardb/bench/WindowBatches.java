package io.laminardb.bench;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.batch.DoubleColumn;
import io.laminardb.core.batch.LongColumn;
import io.laminardb.core.batch.ObjectColumn;
import io.laminardb.core.type.DataType;
import io.laminardb.core.type.Field;
import io.laminardb.core.type.Schema;
import io.laminardb.core.type.TypeKind;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Core-level input for the window microbenchmarks: 1,024-row batches {@code (key, value, ts)} built directly
 * as columns, the way the engine hands them to operators. Keys are uniform over {@code keys} distinct values
 * (BIGINT, or VARCHAR symbols, each row holding its own String instance as rows decoded from input would);
 * event time advances 1 ms per row with up to 20 ms of disorder.
 */
final class WindowBatches {
  static final int ROWS = 1024;
  static final int KEY = 0;
  static final int VALUE = 1;
  static final int TS = 2;
  static final int MAX_DISORDER_MS = 20;

  private WindowBatches() {}

  static DataType type(String sqlName) {
    return DataType.of(TypeKind.valueOf(sqlName.toUpperCase(Locale.ROOT))).withNullable(false);
  }

  static Schema schema(DataType keyType, DataType valueType) {
    return Schema.of(new Field("k", keyType), new Field("v", valueType),
        new Field("ts", DataType.timestamp(3).withNullable(false)));
  }

  /** One batch of {@link #ROWS} rows starting at event time {@code startMillis}. */
  static Batch batch(Schema schema, int keys, long startMillis, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Batch batch = new Batch(schema, ROWS);
    LongColumn ts = batch.longColumn(TS);
    for (int r = 0; r < ROWS; r++) {
      int key = random.nextInt(keys);
      switch (schema.field(KEY).type().storage()) {
        case LONG -> batch.longColumn(KEY).values[r] = 1_000L + key;
        case OBJECT -> batch.objectColumn(KEY).values[r] = new String(symbol(key));
        case DOUBLE -> batch.doubleColumn(KEY).values[r] = key;
      }
      long value = 100 + random.nextInt(10_000_000);
      switch (schema.field(VALUE).type().storage()) {
        case LONG -> batch.longColumn(VALUE).values[r] = value;
        case DOUBLE -> ((DoubleColumn) batch.column(VALUE)).values[r] = value / 8.0;
        case OBJECT -> throw new IllegalArgumentException("numeric values only");
      }
      ts.values[r] = startMillis + r - random.nextInt(MAX_DISORDER_MS + 1);
    }
    batch.setRowCount(ROWS);
    return batch;
  }

  static String symbol(int key) {
    return String.format(Locale.ROOT, "SYM%04d", key);
  }

  /** Every key once, in key order: fills a group table so later lookups hit. */
  static Batch allKeys(Schema schema, int keys) {
    Batch batch = new Batch(schema, keys);
    for (int k = 0; k < keys; k++) {
      switch (schema.field(KEY).type().storage()) {
        case LONG -> batch.longColumn(KEY).values[k] = 1_000L + k;
        case OBJECT -> ((ObjectColumn) batch.column(KEY)).values[k] = symbol(k);
        case DOUBLE -> batch.doubleColumn(KEY).values[k] = k;
      }
    }
    batch.setRowCount(keys);
    return batch;
  }
}
