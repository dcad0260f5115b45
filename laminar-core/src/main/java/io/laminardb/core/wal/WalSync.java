package io.laminardb.core.wal;

/** When an appended record is made durable. */
public enum WalSync {
  /** A background flusher writes and fsyncs whatever has accumulated; concurrent appenders share one fsync. */
  GROUP,
  /** Every append is written and fsynced by the appending thread before it returns. */
  EVERY_APPEND
}
