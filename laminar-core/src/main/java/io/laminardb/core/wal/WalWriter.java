package io.laminardb.core.wal;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.storage.StorageFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Appends records to segment files. {@link #append} only buffers (and assigns the LSN, so callers that append
 * under their own ordering lock get log order = their order); {@link #awaitDurable} returns once the record
 * is on disk. With {@link WalSync#GROUP} one flusher thread writes and fsyncs everything buffered so far, so
 * concurrent appenders share each fsync; with {@link WalSync#EVERY_APPEND} the appender does it itself.
 *
 * <p>After an I/O error the log is failed: the error is rethrown to every waiting and later appender
 * ({@code LDB-6006}), because nothing after the failed record can be acknowledged any more.
 */
public final class WalWriter implements AutoCloseable {
  private final Path dir;
  private final StorageFiles files;
  private final WalSync sync;
  private final long segmentBytes;
  private final Object lock = new Object();
  private final Object fileLock = new Object();
  private final Deque<WalReader.Segment> closed = new ArrayDeque<>();
  private final Thread flusher;

  private byte[] buffer = new byte[64 * 1024];
  private int buffered;
  private byte[] spare = new byte[64 * 1024];
  private long nextLsn;
  private long durableLsn;
  private volatile IOException failure;
  private boolean closing;
  private boolean isClosed;

  private StorageFiles.AppendFile current;
  private long currentFirstLsn;
  private long currentSize;
  private long writtenLsn;

  /**
   * Opens a new segment after the records of {@code scan} (the existing segments stay and are truncated once
   * checkpoints cover them). When {@code minNextLsn} lies beyond the scanned records, every scanned record is
   * already covered by a checkpoint: those segments are removed and the log continues at {@code minNextLsn}.
   */
  public WalWriter(Path dir, StorageFiles files, WalSync sync, long segmentBytes, WalReader.Scan scan,
      long minNextLsn) throws IOException {
    this.dir = dir;
    this.files = files;
    this.sync = sync;
    this.segmentBytes = segmentBytes;
    files.createDirectories(dir);
    this.nextLsn = Math.max(scan.nextLsn(), minNextLsn);
    this.durableLsn = nextLsn - 1;
    this.writtenLsn = nextLsn - 1;
    for (WalReader.Segment s : scan.segments()) {
      if (nextLsn > scan.nextLsn()) {
        files.delete(s.path());
      } else {
        closed.add(s);
      }
    }
    openSegment(nextLsn);
    if (sync == WalSync.GROUP) {
      flusher = new Thread(this::flushLoop, "laminar-wal-flusher");
      flusher.setDaemon(true);
      flusher.start();
    } else {
      flusher = null;
    }
  }

  /** Buffers one record and returns its LSN. With EVERY_APPEND it is durable when this returns. */
  public long append(byte[] payload, int length) {
    long lsn;
    synchronized (lock) {
      checkHealthy();
      lsn = nextLsn++;
      int need = buffered + WalRecord.HEADER_BYTES + length;
      if (need > buffer.length) {
        buffer = java.util.Arrays.copyOf(buffer, Math.max(need, buffer.length * 2));
      }
      putInt(buffer, buffered, length);
      putLong(buffer, buffered + 4, lsn);
      putInt(buffer, buffered + 12, WalReader.checksum(lsn, payload, 0, length));
      System.arraycopy(payload, 0, buffer, buffered + WalRecord.HEADER_BYTES, length);
      buffered = need;
      if (sync == WalSync.GROUP) {
        lock.notifyAll();
        return lsn;
      }
    }
    flushNow();
    return lsn;
  }

  /** Blocks until record {@code lsn} is on disk; throws {@code LDB-6006} if the log failed first. */
  public void awaitDurable(long lsn) {
    synchronized (lock) {
      while (durableLsn < lsn) {
        // Not checkHealthy(): a record appended before close() is flushed by close() itself, so its pusher
        // waits for that flush rather than hearing "closed" and retrying a record that will be replayed.
        IOException f = failure;
        if (f != null) {
          throw new LaminarException(ErrorCode.WAL_WRITE_FAILED, "the write-ahead log in " + dir
              + " failed and accepts nothing more: " + f.getMessage(), f);
        }
        if (isClosed) {
          throw new LaminarException(ErrorCode.SHUTDOWN, "the write-ahead log closed before record " + lsn
              + " was on disk");
        }
        try {
          lock.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new LaminarException(ErrorCode.WAL_WRITE_FAILED, "interrupted while waiting for the log", e);
        }
      }
    }
  }

  /** The last LSN handed out. */
  public long lastLsn() {
    synchronized (lock) {
      return nextLsn - 1;
    }
  }

  public long durableLsn() {
    synchronized (lock) {
      return durableLsn;
    }
  }

  /** Deletes the finished segments whose records all have LSN {@code <= coveredLsn}; returns how many. */
  public int truncateUpTo(long coveredLsn) throws IOException {
    List<WalReader.Segment> doomed = new ArrayList<>();
    synchronized (fileLock) {
      while (!closed.isEmpty() && closed.peekFirst().lastLsn() <= coveredLsn) {
        doomed.add(closed.pollFirst());
      }
    }
    for (WalReader.Segment s : doomed) {
      files.delete(s.path());
    }
    if (!doomed.isEmpty()) {
      files.syncDirectory(dir);
    }
    return doomed.size();
  }

  /** Segment files currently on disk, finished ones and the open one. */
  public int segmentCount() {
    synchronized (fileLock) {
      return closed.size() + 1;
    }
  }

  private void checkHealthy() {
    IOException f = failure;
    if (f != null) {
      throw new LaminarException(ErrorCode.WAL_WRITE_FAILED, "the write-ahead log in " + dir
          + " failed and accepts nothing more: " + f.getMessage(), f);
    }
    if (closing) {
      throw new LaminarException(ErrorCode.SHUTDOWN, "the write-ahead log is closed");
    }
  }

  private void flushLoop() {
    while (true) {
      synchronized (lock) {
        while (buffered == 0 && !closing && failure == null) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (buffered == 0 || failure != null) {
          return;
        }
      }
      flushNow();
    }
  }

  /** Writes and fsyncs everything buffered; serialised so records reach the file in LSN order. */
  private void flushNow() {
    synchronized (fileLock) {
      byte[] data;
      int length;
      long last;
      synchronized (lock) {
        if (buffered == 0 || failure != null) {
          return;
        }
        data = buffer;
        length = buffered;
        last = nextLsn - 1;
        buffer = spare;
        spare = data;
        buffered = 0;
      }
      try {
        current.write(data, 0, length);
        current.sync();
        currentSize += length;
        writtenLsn = last;
        if (currentSize >= segmentBytes) {
          roll();
        }
      } catch (IOException e) {
        synchronized (lock) {
          failure = e;
          lock.notifyAll();
        }
        return;
      }
      synchronized (lock) {
        durableLsn = Math.max(durableLsn, last);
        lock.notifyAll();
      }
    }
  }

  private void roll() throws IOException {
    current.close();
    closed.add(new WalReader.Segment(WalSegments.path(dir, currentFirstLsn), currentFirstLsn, writtenLsn));
    openSegment(writtenLsn + 1);
  }

  private void openSegment(long firstLsn) throws IOException {
    Path path = WalSegments.path(dir, firstLsn);
    if (files.exists(path)) {
      // An empty newest segment left by an earlier run starts at the same LSN: reuse its name.
      synchronized (fileLock) {
        closed.removeIf(s -> s.path().equals(path));
      }
    }
    current = files.openAppend(path);
    currentFirstLsn = firstLsn;
    currentSize = current.size();
    files.syncDirectory(dir);
  }

  @Override
  public void close() throws IOException {
    synchronized (lock) {
      closing = true;
      lock.notifyAll();
    }
    if (flusher != null) {
      try {
        flusher.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      flushNow();
      synchronized (fileLock) {
        current.close();
      }
    } finally {
      synchronized (lock) {
        isClosed = true;
        lock.notifyAll();
      }
    }
  }

  private static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }

  private static void putLong(byte[] b, int at, long v) {
    putInt(b, at, (int) (v >>> 32));
    putInt(b, at + 4, (int) v);
  }
}
