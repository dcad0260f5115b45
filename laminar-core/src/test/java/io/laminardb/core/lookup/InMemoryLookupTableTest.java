package io.laminardb.core.lookup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.laminardb.core.type.DataType;
import io.laminardb.core.type.Field;
import io.laminardb.core.type.Schema;
import io.laminardb.core.type.TypeKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InMemoryLookupTableTest {
  private static final Schema LONG_KEYED = Schema.of(new Field("id", DataType.of(TypeKind.BIGINT)),
      new Field("name", DataType.of(TypeKind.VARCHAR)));
  private static final Schema COMPOSITE = Schema.of(new Field("a", DataType.of(TypeKind.VARCHAR)),
      new Field("b", DataType.of(TypeKind.BIGINT)), new Field("v", DataType.of(TypeKind.DOUBLE)));

  @Test
  void upsertReplacesByKeyAndDeleteRemoves() {
    InMemoryLookupTable t = new InMemoryLookupTable(LONG_KEYED, new int[] {0});
    t.upsert(new Object[] {1L, "a"});
    t.upsert(new Object[] {2L, "b"});
    t.upsert(new Object[] {1L, "c"});
    assertEquals(2, t.size());
    assertArrayEquals(new Object[] {1L, "c"}, t.lookupLong(1));
    assertArrayEquals(new Object[] {2L, "b"}, t.lookup(new Object[] {2L}));
    assertNull(t.lookupLong(3));
    t.delete(new Object[] {1L});
    assertNull(t.lookupLong(1));
    assertEquals(1, t.size());
  }

  @Test
  void compositeKeysReuseTheCallersKeyArray() {
    InMemoryLookupTable t = new InMemoryLookupTable(COMPOSITE, new int[] {0, 1});
    t.upsert(new Object[] {"x", 1L, 1.5});
    t.upsert(new Object[] {"x", 2L, 2.5});
    Object[] key = new Object[2];
    key[0] = "x";
    key[1] = 2L;
    assertArrayEquals(new Object[] {"x", 2L, 2.5}, t.lookup(key));
    key[1] = 1L;
    assertArrayEquals(new Object[] {"x", 1L, 1.5}, t.lookup(key));
    key[1] = 3L;
    assertNull(t.lookup(key));
    assertArrayEquals(new int[] {0, 1}, t.primaryKey());
  }

  @Test
  void restrictFiltersLocallyByDefault() {
    InMemoryLookupTable t = new InMemoryLookupTable(COMPOSITE, new int[] {0, 1});
    t.upsert(new Object[] {"x", 1L, 1.5});
    t.upsert(new Object[] {"x", 2L, 7.0});
    LookupSource r = t.restrict(List.of(new LookupPredicate(2, LookupPredicate.Op.GT, List.of(2.0))), null);
    assertNull(r.lookup(new Object[] {"x", 1L}));
    assertArrayEquals(new Object[] {"x", 2L, 7.0}, r.lookup(new Object[] {"x", 2L}));
    LookupSource in = t.restrict(List.of(new LookupPredicate(1, LookupPredicate.Op.IN, List.of(1L, 5L))), null);
    assertArrayEquals(new Object[] {"x", 1L, 1.5}, in.lookup(new Object[] {"x", 1L}));
    assertNull(in.lookup(new Object[] {"x", 2L}));
  }

  /** Random puts and removes against a HashMap: the primitive index must agree after every operation. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 1234})
  void primitiveIndexAgreesWithHashMap(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    InMemoryLookupTable t = new InMemoryLookupTable(LONG_KEYED, new int[] {0});
    Map<Long, Object[]> oracle = new HashMap<>();
    for (int i = 0; i < 5_000; i++) {
      long k = random.nextInt(300) - 150;
      if (random.nextInt(3) == 0) {
        t.delete(new Object[] {k});
        oracle.remove(k);
      } else {
        Object[] row = {k, "v" + i};
        t.upsert(row);
        oracle.put(k, row);
      }
      long probe = random.nextInt(300) - 150;
      assertEquals(oracle.get(probe), t.lookupLong(probe));
    }
    assertEquals(oracle.size(), t.size());
  }

  @Test
  void versionedTableAnswersAsOfAVersionTime() {
    Schema schema = Schema.of(new Field("cur", DataType.of(TypeKind.VARCHAR)),
        new Field("rate", DataType.of(TypeKind.BIGINT)), new Field("ts", DataType.of(TypeKind.BIGINT)));
    VersionedLookupTable t = new VersionedLookupTable(schema, new int[] {0}, 2);
    t.upsert(new Object[] {"EUR", 2L, 2000L});
    t.upsert(new Object[] {"EUR", 1L, 1000L});
    t.upsert(new Object[] {"EUR", 3L, 2000L});
    t.upsert(new Object[] {"EUR", 9L, null});
    Object[] key = {"EUR"};
    assertNull(t.lookupAsOf(key, 999));
    assertArrayEquals(new Object[] {"EUR", 1L, 1000L}, t.lookupAsOf(key, 1000));
    assertArrayEquals(new Object[] {"EUR", 1L, 1000L}, t.lookupAsOf(key, 1999));
    assertArrayEquals(new Object[] {"EUR", 3L, 2000L}, t.lookupAsOf(key, 2000));
    assertArrayEquals(new Object[] {"EUR", 3L, 2000L}, t.lookup(key));
    assertNull(t.lookupAsOf(new Object[] {"USD"}, 5000));
  }
}
