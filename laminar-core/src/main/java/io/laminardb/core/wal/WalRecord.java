package io.laminardb.core.wal;

/**
 * One log entry: a log sequence number (consecutive from 1 over the life of the log) and an opaque payload.
 *
 * <p>On disk: {@code int payloadLength, long lsn, int crc32c(lsn, payload), payload}. A record is valid only
 * if it is complete and its checksum matches, which is how a write torn by a crash is recognised.
 */
public record WalRecord(long lsn, byte[] payload) {
  static final int HEADER_BYTES = 16;
}
