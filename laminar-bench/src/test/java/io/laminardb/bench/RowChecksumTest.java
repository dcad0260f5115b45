package io.laminardb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RowChecksumTest {
  @Test
  void ignoresRowOrderButNotColumnOrder() {
    RowChecksum a = new RowChecksum();
    a.addValues(new Object[] {1L, "x"}, 2);
    a.addValues(new Object[] {2L, "y"}, 2);
    RowChecksum b = new RowChecksum();
    b.addValues(new Object[] {2L, "y"}, 2);
    b.addValues(new Object[] {1L, "x"}, 2);
    assertThat(a.matches(b)).isTrue();
    RowChecksum c = new RowChecksum();
    c.addValues(new Object[] {"x", 1L}, 2);
    c.addValues(new Object[] {"y", 2L}, 2);
    assertThat(a.matches(c)).isFalse();
  }

  @Test
  void normalisesEquivalentRepresentations() {
    long ms = 1_704_067_200_123L;
    LocalDateTime t = LocalDateTime.ofEpochSecond(ms / 1000, (int) (ms % 1000) * 1_000_000, ZoneOffset.UTC);
    assertThat(RowChecksum.valueHash(t)).isEqualTo(RowChecksum.valueHash(ms));
    assertThat(RowChecksum.valueHash(new BigDecimal("908.000"))).isEqualTo(RowChecksum.valueHash(1000L * 0.908));
    assertThat(RowChecksum.valueHash(12345L * 0.908)).isEqualTo(12345L * 908);
    assertThat(RowChecksum.valueHash(5)).isEqualTo(RowChecksum.valueHash(5L));
  }

  @Test
  void hashingValueByValueEqualsHashingTheRow() {
    RowChecksum boxed = new RowChecksum();
    boxed.addValues(new Object[] {1001L, "SYM0001", 12.375, 1_704_067_200_123L}, 4);
    boxed.addValues(new Object[] {7L, "x", 0.908 * 3, 0L}, 4);
    RowChecksum primitive = new RowChecksum();
    long h = RowChecksum.with(RowChecksum.start(), 1001L);
    h = RowChecksum.with(h, "SYM0001".hashCode());
    h = RowChecksum.with(h, RowChecksum.hashDouble(12.375));
    primitive.addHashed(RowChecksum.with(h, 1_704_067_200_123L));
    RowChecksum second = new RowChecksum();
    h = RowChecksum.with(RowChecksum.start(), RowChecksum.hash(7L));
    h = RowChecksum.with(h, RowChecksum.hash("x"));
    h = RowChecksum.with(h, RowChecksum.hash(0.908 * 3));
    second.addHashed(RowChecksum.with(h, RowChecksum.hash(0L)));
    primitive.merge(second);
    assertThat(primitive.count()).isEqualTo(2);
    assertThat(primitive.matches(boxed)).isTrue();
  }
}
