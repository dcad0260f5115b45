package io.laminardb.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.type.DataType;
import io.laminardb.core.type.Field;
import io.laminardb.core.type.Schema;
import io.laminardb.core.type.TypeKind;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Property: under random keys, arrival order, idleness and evictions, the keyed minimum equals that of a
 * straightforward model (an access-ordered map), so the open-addressing table never loses or mixes up a key.
 */
class KeyedWatermarksTest {
  private static final long DELAY = 10;
  private static final long IDLE = 50;

  private record Model(long maxTs, long lastActive) {}

  @RepeatedTest(40)
  void minimumMatchesAModelWithLeastRecentlyActiveEviction(RepetitionInfo info) {
    SplittableRandom random = new SplittableRandom(info.getCurrentRepetition());
    boolean textKeys = random.nextBoolean();
    int maxKeys = 1 + random.nextInt(40);
    int keySpace = maxKeys + random.nextInt(60);
    KeyedWatermarks keyed = new KeyedWatermarks(textKeys, DELAY, IDLE, maxKeys,
        KeyedWatermarks.Eviction.LEAST_RECENTLY_ACTIVE);
    Map<Object, Model> model = new LinkedHashMap<>(16, 0.75f, true);
    Schema schema = new Schema(List.of(new Field("k", DataType.of(textKeys ? TypeKind.VARCHAR : TypeKind.BIGINT)),
        new Field("ts", DataType.of(TypeKind.BIGINT))));
    Batch batch = new Batch(schema, 1);
    long now = 0;
    long lastIdleCheck = Long.MIN_VALUE / 2;
    for (int step = 0; step < 2_000; step++) {
      // a distinct processing time per row keeps "least recently active" unambiguous
      now += 1 + random.nextInt(3);
      int k = random.nextInt(keySpace);
      Object key = textKeys ? "key-" + k : (Object) (k * 7_919L);
      long ts = random.nextLong(10_000);
      batch.clear();
      batch.setRowCount(1);
      if (textKeys) {
        batch.objectColumn(0).setStored(0, key);
      } else {
        batch.longColumn(0).values[0] = (Long) key;
        batch.longColumn(0).nulls[0] = false;
      }
      batch.longColumn(1).values[0] = ts;
      batch.longColumn(1).nulls[0] = false;
      keyed.observe(batch, 0, batch.longColumn(1), 1, now);

      Model m = model.get(key);
      if (m == null && model.size() >= maxKeys) {
        Iterator<Object> eldest = model.keySet().iterator();
        eldest.next();
        eldest.remove();
      }
      model.put(key, new Model(m == null ? ts : Math.max(m.maxTs(), ts), now));

      if (random.nextInt(10) == 0) {
        keyed.checkIdle(now);
        lastIdleCheck = now;
      }
      assertThat(keyed.trackedKeys()).isEqualTo(model.size());
      assertThat(keyed.minWatermark()).as("step %d", step).isEqualTo(expectedMin(model, lastIdleCheck));
    }
  }

  /** The model's minimum over keys that were not found idle at the last idle check. */
  private static long expectedMin(Map<Object, Model> model, long lastIdleCheck) {
    long min = Long.MAX_VALUE;
    for (Model m : model.values()) {
      if (lastIdleCheck - m.lastActive() < IDLE && m.maxTs() < min) {
        min = m.maxTs();
      }
    }
    return min == Long.MAX_VALUE ? Long.MIN_VALUE : min - DELAY;
  }
}
