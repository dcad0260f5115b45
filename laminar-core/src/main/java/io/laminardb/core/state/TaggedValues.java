package io.laminardb.core.state;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A self-describing binary encoding of values in storage form (Long, Double, String, BigDecimal, byte[],
 * and lists of these for ARRAY values), for snapshots of state whose column type is not at hand.
 */
public final class TaggedValues {
  private static final byte TAG_NULL = 0;
  private static final byte TAG_LONG = 1;
  private static final byte TAG_DOUBLE = 2;
  private static final byte TAG_STRING = 3;
  private static final byte TAG_DECIMAL = 4;
  private static final byte TAG_BYTES = 5;
  private static final byte TAG_LIST = 6;

  private TaggedValues() {}

  public static void write(DataOutput out, Object value) throws IOException {
    switch (value) {
      case null -> out.writeByte(TAG_NULL);
      case Long l -> {
        out.writeByte(TAG_LONG);
        out.writeLong(l);
      }
      case Double d -> {
        out.writeByte(TAG_DOUBLE);
        out.writeDouble(d);
      }
      case String s -> {
        out.writeByte(TAG_STRING);
        writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
      }
      case BigDecimal d -> {
        out.writeByte(TAG_DECIMAL);
        out.writeInt(d.scale());
        writeBytes(out, d.unscaledValue().toByteArray());
      }
      case byte[] b -> {
        out.writeByte(TAG_BYTES);
        writeBytes(out, b);
      }
      case List<?> list -> {
        out.writeByte(TAG_LIST);
        out.writeInt(list.size());
        for (Object element : list) {
          write(out, element);
        }
      }
      default -> throw new LaminarException(ErrorCode.SERIALIZATION,
          "cannot snapshot a value of " + value.getClass().getName());
    }
  }

  public static Object read(DataInput in) throws IOException {
    byte tag = in.readByte();
    return switch (tag) {
      case TAG_NULL -> null;
      case TAG_LONG -> in.readLong();
      case TAG_DOUBLE -> in.readDouble();
      case TAG_STRING -> new String(readBytes(in), StandardCharsets.UTF_8);
      case TAG_DECIMAL -> {
        int scale = in.readInt();
        yield new BigDecimal(new BigInteger(readBytes(in)), scale);
      }
      case TAG_BYTES -> readBytes(in);
      case TAG_LIST -> {
        int size = length(in);
        Object[] elements = new Object[size];
        for (int i = 0; i < size; i++) {
          elements[i] = read(in);
        }
        yield Collections.unmodifiableList(Arrays.asList(elements));
      }
      default -> throw new LaminarException(ErrorCode.DESERIALIZATION, "unknown value tag " + tag
          + " in a snapshot");
    };
  }

  private static void writeBytes(DataOutput out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static byte[] readBytes(DataInput in) throws IOException {
    byte[] bytes = new byte[length(in)];
    in.readFully(bytes);
    return bytes;
  }

  private static int length(DataInput in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      throw new LaminarException(ErrorCode.DESERIALIZATION, "negative length in a snapshot");
    }
    return length;
  }
}
