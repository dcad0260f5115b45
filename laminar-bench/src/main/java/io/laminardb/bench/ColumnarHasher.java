package io.laminardb.bench;

import io.laminardb.ResultBatch;
import java.util.function.Consumer;

/**
 * Checksums results read through a batch subscription, value by value from the columns, exactly as
 * {@link RowChecksum#add} hashes rows: integers and timestamps as themselves, doubles rounded to 1/1000,
 * strings by hashCode, NULL as the null hash. Runs on the compute thread and allocates nothing.
 */
final class ColumnarHasher implements Consumer<ResultBatch> {
  private static final long NULL_HASH = RowChecksum.hash(null);

  private final int width;
  private final boolean isChangelog;
  private final RowChecksum checksum = new RowChecksum();
  private int[] kinds;

  /** @param isChangelog the column after {@code width} is {@code __weight} */
  ColumnarHasher(int width, boolean isChangelog) {
    this.width = width;
    this.isChangelog = isChangelog;
  }

  private static final int LONG = 0;
  private static final int DOUBLE = 1;
  private static final int OBJECT = 2;

  @Override
  public void accept(ResultBatch batch) {
    if (kinds == null) {
      kinds = new int[width];
      for (int c = 0; c < width; c++) {
        String type = batch.columns().get(c).type();
        kinds[c] = type.startsWith("DOUBLE") || type.startsWith("FLOAT") || type.startsWith("REAL") ? DOUBLE
            : type.startsWith("BIGINT") || type.startsWith("INT") || type.startsWith("SMALLINT")
                || type.startsWith("TIMESTAMP") ? LONG : OBJECT;
      }
    }
    for (int r = 0, n = batch.rowCount(); r < n; r++) {
      long h = RowChecksum.start();
      for (int c = 0; c < width; c++) {
        long v;
        if (batch.isNull(c, r)) {
          v = NULL_HASH;
        } else {
          v = switch (kinds[c]) {
            case LONG -> batch.getLong(c, r);
            case DOUBLE -> RowChecksum.hashDouble(batch.getDouble(c, r));
            default -> RowChecksum.hash(batch.get(c, r));
          };
        }
        h = RowChecksum.with(h, v);
      }
      if (isChangelog) {
        checksum.addHashedWeighted(h, batch.getLong(width, r));
      } else {
        checksum.addHashed(h);
      }
    }
  }

  /** For a changelog, the net checksum of the rows it leaves in place. */
  RowChecksum checksum() {
    return checksum;
  }
}
