package io.laminardb.core.wal;

import java.nio.file.Path;

/** Segment file naming: {@code segment-<first lsn, 20 digits>.wal}, so names sort in log order. */
final class WalSegments {
  private static final String PREFIX = "segment-";
  private static final String SUFFIX = ".wal";

  private WalSegments() {}

  static Path path(Path dir, long firstLsn) {
    return dir.resolve(PREFIX + String.format("%020d", firstLsn) + SUFFIX);
  }

  /** The first LSN of a segment file, or -1 when the file is not a segment. */
  static long firstLsn(Path file) {
    String name = file.getFileName().toString();
    if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)
        || name.length() != PREFIX.length() + 20 + SUFFIX.length()) {
      return -1;
    }
    try {
      return Long.parseLong(name.substring(PREFIX.length(), PREFIX.length() + 20));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
