package io.laminardb.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SnapshotBuffer writes exactly the bytes DataOutputStream writes, for seeded random sequences of calls. */
class SnapshotBufferTest {
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42})
  void sameBytesAsDataOutputStream(long seed) throws IOException {
    ByteArrayOutputStream reference = new ByteArrayOutputStream();
    DataOutputStream expected = new DataOutputStream(reference);
    SnapshotBuffer actual = new SnapshotBuffer(1);
    writeAll(new SplittableRandom(seed), expected);
    writeAll(new SplittableRandom(seed), actual);
    expected.flush();
    assertThat(actual.toByteArray()).isEqualTo(reference.toByteArray());
    assertThat(actual.size()).isEqualTo(reference.size());
  }

  private static void writeAll(SplittableRandom r, DataOutput out) throws IOException {
    for (int i = 0; i < 2000; i++) {
      switch (r.nextInt(10)) {
        case 0 -> out.writeLong(r.nextLong());
        case 1 -> out.writeInt(r.nextInt());
        case 2 -> out.writeBoolean(r.nextBoolean());
        case 3 -> out.writeDouble(r.nextDouble() * 1e9);
        case 4 -> out.writeShort(r.nextInt(1 << 16));
        case 5 -> out.writeUTF("k" + r.nextInt(1000));
        case 6 -> out.writeUTF("\u00e9" + r.nextInt(10) + "\u0000");
        case 7 -> {
          byte[] b = new byte[r.nextInt(20)];
          r.nextBytes(b);
          out.write(b);
        }
        case 8 -> out.writeFloat((float) r.nextDouble());
        default -> out.writeByte(r.nextInt(256));
      }
    }
  }
}
