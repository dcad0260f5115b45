package io.laminardb.core.wal;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.storage.StorageFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads a log directory back. Only the newest segment can end in a record torn by a crash (older ones were
 * fsynced before the log moved on); that tail is cut off at the last valid record. Damage anywhere else, or a
 * segment missing between two others, is {@code LDB-6007}: replaying around a hole would silently lose
 * acknowledged input.
 */
public final class WalReader {
  private WalReader() {}

  /**
   * @param records every valid record, in LSN order
   * @param segments the segment files found, oldest first, with their LSN ranges
   * @param tornBytes bytes cut from the end of the newest segment (0 when it ended cleanly)
   */
  public record Scan(List<WalRecord> records, List<Segment> segments, long tornBytes) {
    /** The LSN the next append gets. */
    public long nextLsn() {
      long next = 1;
      for (Segment s : segments) {
        next = Math.max(next, s.lastLsn() + 1);
        next = Math.max(next, s.firstLsn());
      }
      return next;
    }
  }

  /** A segment's first LSN (from its name) and last LSN ({@code firstLsn - 1} when empty). */
  public record Segment(Path path, long firstLsn, long lastLsn) {}

  /** Scans {@code dir}, truncating a torn tail of the newest segment in place. */
  public static Scan scan(Path dir, StorageFiles files) throws IOException {
    List<Path> paths = new ArrayList<>();
    for (Path p : files.list(dir)) {
      if (WalSegments.firstLsn(p) > 0) {
        paths.add(p);
      }
    }
    List<WalRecord> records = new ArrayList<>();
    List<Segment> segments = new ArrayList<>();
    long torn = 0;
    long expected = -1;
    for (int i = 0; i < paths.size(); i++) {
      Path path = paths.get(i);
      long first = WalSegments.firstLsn(path);
      if (expected >= 0 && first != expected) {
        throw new LaminarException(ErrorCode.WAL_CORRUPT, "write-ahead log segment with records " + expected
            + ".." + (first - 1) + " is missing before " + path.getFileName()
            + "; refusing to replay around the gap");
      }
      boolean newest = i == paths.size() - 1;
      byte[] data = files.read(path);
      long lsn = first;
      int pos = 0;
      while (true) {
        WalRecord r = decode(data, pos, lsn);
        if (r == null) {
          break;
        }
        records.add(r);
        pos += WalRecord.HEADER_BYTES + r.payload().length;
        lsn++;
      }
      if (pos < data.length) {
        if (!newest) {
          throw new LaminarException(ErrorCode.WAL_CORRUPT, "write-ahead log segment " + path.getFileName()
              + " is damaged at byte " + pos + " (record " + lsn + ") although newer segments follow");
        }
        torn = data.length - pos;
        files.truncate(path, pos);
      }
      segments.add(new Segment(path, first, lsn - 1));
      expected = lsn;
    }
    return new Scan(records, segments, torn);
  }

  /** The record at {@code pos}, or null when it is incomplete or fails its checksum. */
  private static WalRecord decode(byte[] data, int pos, long expectedLsn) {
    if (data.length - pos < WalRecord.HEADER_BYTES) {
      return null;
    }
    ByteBuffer header = ByteBuffer.wrap(data, pos, WalRecord.HEADER_BYTES);
    int length = header.getInt();
    long lsn = header.getLong();
    int crc = header.getInt();
    if (length < 0 || length > data.length - pos - WalRecord.HEADER_BYTES || lsn != expectedLsn) {
      return null;
    }
    int start = pos + WalRecord.HEADER_BYTES;
    if (checksum(lsn, data, start, length) != crc) {
      return null;
    }
    byte[] payload = new byte[length];
    System.arraycopy(data, start, payload, 0, length);
    return new WalRecord(lsn, payload);
  }

  static int checksum(long lsn, byte[] payload, int offset, int length) {
    CRC32C crc = new CRC32C();
    for (int shift = 56; shift >= 0; shift -= 8) {
      crc.update((int) (lsn >>> shift) & 0xFF);
    }
    crc.update(payload, offset, length);
    return (int) crc.getValue();
  }
}
