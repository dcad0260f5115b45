package io.laminardb.core.operator.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.lookup.InMemoryLookupTable;
import io.laminardb.core.lookup.LookupSource;
import io.laminardb.core.operator.TestOperatorContext;
import io.laminardb.core.operator.Output;
import io.laminardb.core.type.DataType;
import io.laminardb.core.type.Field;
import io.laminardb.core.type.Schema;
import io.laminardb.core.type.TypeKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A failed probe voids the rows of its call: nothing of a failed step leaks into the next one. */
class LookupJoinFailureTest {
  static final Schema STREAM = Schema.of(new Field("id", DataType.of(TypeKind.BIGINT)),
      new Field("k", DataType.of(TypeKind.BIGINT)));
  static final Schema TABLE = Schema.of(new Field("k", DataType.of(TypeKind.BIGINT)),
      new Field("name", DataType.of(TypeKind.VARCHAR)));

  @Test
  void rowsProbedBeforeAFailureAreNotEmittedLater() {
    InMemoryLookupTable table = new InMemoryLookupTable(TABLE, new int[] {0});
    table.upsert(new Object[] {1L, "one"});
    table.upsert(new Object[] {3L, "three"});
    boolean[] down = {true};
    LookupSource flaky = new LookupSource() {
      @Override
      public Schema schema() {
        return TABLE;
      }

      @Override
      public int[] primaryKey() {
        return new int[] {0};
      }

      @Override
      public Object[] lookup(Object[] key) {
        return lookupLong((Long) key[0]);
      }

      @Override
      public Object[] lookupLong(long key) {
        if (key == 2 && down[0]) {
          throw new IllegalStateException("lookup server down");
        }
        return table.lookupLong(key);
      }

      @Override
      public long sizeBytes() {
        return 0;
      }
    };
    LookupJoinOperator op = new LookupJoinOperator(STREAM, TABLE, () -> flaky, new int[] {1}, JoinType.LEFT, -1);
    List<String> emitted = new ArrayList<>();
    op.open(TestOperatorContext.INSTANCE, new Output() {
      @Override
      public void emit(Batch batch) {
        for (int r = 0; r < batch.rowCount(); r++) {
          emitted.add(batch.column(0).getStored(r) + ":" + batch.column(3).getStored(r));
        }
      }

      @Override
      public void emitWatermark(long watermark) {}
    });

    assertThatThrownBy(() -> op.onBatch(0, batch(new long[] {10, 1}, new long[] {11, 2})))
        .hasMessageContaining("down");
    down[0] = false;
    op.onBatch(0, batch(new long[] {12, 3}));
    assertThat(emitted).containsExactly("12:three");
  }

  private static Batch batch(long[]... rows) {
    Batch b = new Batch(STREAM, rows.length);
    for (int r = 0; r < rows.length; r++) {
      b.column(0).setStored(r, rows[r][0]);
      b.column(1).setStored(r, rows[r][1]);
    }
    b.setRowCount(rows.length);
    return b;
  }
}
