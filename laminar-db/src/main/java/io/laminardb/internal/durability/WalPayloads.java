package io.laminardb.internal.durability;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.state.TaggedValues;
import io.laminardb.core.type.Schema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The payloads this database writes into the log: a push ({@code 1, source id, partition, rows, values in
 * storage form row by row}) or a manual watermark ({@code 2, source id, partition, watermark}). One
 * instance per log, used under the log's ordering lock, so its buffer is reused across pushes.
 */
final class WalPayloads {
  static final byte PUSH = 1;
  static final byte WATERMARK = 2;

  private final Buffer bytes = new Buffer();
  private final DataOutputStream out = new DataOutputStream(bytes);

  /** Encodes into the shared buffer; read it with {@link #array()} and {@link #length()}. */
  void encodePush(long sourceId, int partition, Batch batch) {
    bytes.reset();
    try {
      out.writeByte(PUSH);
      out.writeLong(sourceId);
      out.writeInt(partition);
      int rows = batch.rowCount();
      int width = batch.columnCount();
      out.writeInt(rows);
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < width; c++) {
          TaggedValues.write(out, batch.getStored(c, r));
        }
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void encodeWatermark(long sourceId, int partition, long watermark) {
    bytes.reset();
    try {
      out.writeByte(WATERMARK);
      out.writeLong(sourceId);
      out.writeInt(partition);
      out.writeLong(watermark);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  byte[] array() {
    return bytes.array();
  }

  int length() {
    return bytes.size();
  }

  /** A decoded record: {@code batch} for pushes (decoded against the source schema), else the watermark. */
  record Decoded(byte type, long sourceId, int partition, DataInputStream rest) {
    Batch batch(Schema schema) throws IOException {
      int rows = rest.readInt();
      Batch batch = new Batch(schema, Math.max(1, rows));
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < schema.size(); c++) {
          batch.column(c).setStored(r, TaggedValues.read(rest));
        }
      }
      batch.setRowCount(rows);
      return batch;
    }

    long watermark() throws IOException {
      return rest.readLong();
    }
  }

  static Decoded decode(byte[] payload) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
    byte type = in.readByte();
    long id = in.readLong();
    int partition = in.readInt();
    return new Decoded(type, id, partition, in);
  }

  private static final class Buffer extends ByteArrayOutputStream {
    Buffer() {
      super(4096);
    }

    byte[] array() {
      return buf;
    }
  }
}
