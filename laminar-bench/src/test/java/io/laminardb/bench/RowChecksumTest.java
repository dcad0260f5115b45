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
}
