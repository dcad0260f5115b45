package io.laminardb.internal.durability;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS lock on {@code <storageDir>/LOCK}, so two databases never write the same directory. The
 * OS drops it when the process dies, so a killed process never leaves the directory locked.
 */
final class DirectoryLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private DirectoryLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static DirectoryLock acquire(Path dir) {
    try {
      FileChannel ch = FileChannel.open(dir.resolve("LOCK"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        ch.close();
        throw new LaminarException(ErrorCode.STORAGE_LOCKED, "storage directory " + dir
            + " is in use by another open database");
      }
      return new DirectoryLock(ch, lock);
    } catch (IOException e) {
      throw new LaminarException(ErrorCode.RECOVERY_FAILED, "cannot open storage directory " + dir + ": " + e, e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException ignored) {
      // The OS releases the lock with the channel anyway.
    }
  }
}
