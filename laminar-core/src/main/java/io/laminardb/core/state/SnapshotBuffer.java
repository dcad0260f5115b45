package io.laminardb.core.state;

import java.io.DataOutput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A {@link DataOutput} straight into a growing byte array: what checkpoint barriers serialise operator state
 * into. Unlike {@code DataOutputStream} over {@code ByteArrayOutputStream} it takes no lock and makes no
 * call chain per primitive, which is most of the compute thread's pause at a barrier. Big-endian, the same
 * bytes {@code DataOutputStream} writes, so {@code DataInputStream} reads them back.
 */
public final class SnapshotBuffer implements DataOutput {
  private byte[] bytes;
  private int size;

  public SnapshotBuffer(int initialCapacity) {
    this.bytes = new byte[Math.max(16, initialCapacity)];
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(size + more, bytes.length * 2));
    }
  }

  /** The bytes written so far, as a new array of exactly that length. */
  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  public int size() {
    return size;
  }

  @Override
  public void write(int b) {
    ensure(1);
    bytes[size++] = (byte) b;
  }

  @Override
  public void write(byte[] b) {
    write(b, 0, b.length);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, bytes, size, len);
    size += len;
  }

  @Override
  public void writeBoolean(boolean v) {
    write(v ? 1 : 0);
  }

  @Override
  public void writeByte(int v) {
    write(v);
  }

  @Override
  public void writeShort(int v) {
    ensure(2);
    bytes[size++] = (byte) (v >>> 8);
    bytes[size++] = (byte) v;
  }

  @Override
  public void writeChar(int v) {
    writeShort(v);
  }

  @Override
  public void writeInt(int v) {
    ensure(4);
    bytes[size++] = (byte) (v >>> 24);
    bytes[size++] = (byte) (v >>> 16);
    bytes[size++] = (byte) (v >>> 8);
    bytes[size++] = (byte) v;
  }

  @Override
  public void writeLong(long v) {
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      bytes[size++] = (byte) (v >>> shift);
    }
  }

  @Override
  public void writeFloat(float v) {
    writeInt(Float.floatToIntBits(v));
  }

  @Override
  public void writeDouble(double v) {
    writeLong(Double.doubleToLongBits(v));
  }

  @Override
  public void writeBytes(String s) {
    ensure(s.length());
    for (int i = 0; i < s.length(); i++) {
      bytes[size++] = (byte) s.charAt(i);
    }
  }

  @Override
  public void writeChars(String s) {
    for (int i = 0; i < s.length(); i++) {
      writeChar(s.charAt(i));
    }
  }

  /** Modified UTF-8 as {@link java.io.DataOutputStream#writeUTF}; ASCII-only strings take the short path. */
  @Override
  public void writeUTF(String s) {
    boolean ascii = true;
    for (int i = 0; i < s.length() && ascii; i++) {
      char c = s.charAt(i);
      ascii = c >= 1 && c < 0x80;
    }
    byte[] encoded;
    if (ascii) {
      encoded = s.getBytes(StandardCharsets.ISO_8859_1);
    } else {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      try (java.io.DataOutputStream d = new java.io.DataOutputStream(out)) {
        d.writeUTF(s);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      write(out.toByteArray());
      return;
    }
    if (encoded.length > 65535) {
      throw new IllegalArgumentException("string too long for writeUTF: " + encoded.length + " bytes");
    }
    writeShort(encoded.length);
    write(encoded);
  }
}
