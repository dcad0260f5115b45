package io.laminardb.core.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link StorageFiles} that fails on purpose, for tests of the failure paths: a disk that fills up after a
 * byte budget ({@code "No space left on device"}) and I/O errors on files whose path contains a marker.
 * Until armed it behaves exactly like its delegate.
 */
public final class FaultInjectingStorageFiles implements StorageFiles {
  private final StorageFiles delegate;
  private final AtomicLong budget = new AtomicLong(Long.MAX_VALUE);
  private volatile String failingPath;

  public FaultInjectingStorageFiles(StorageFiles delegate) {
    this.delegate = delegate;
  }

  /** Writes fail once {@code bytes} more bytes have been written (0: the next write fails). */
  public void diskFullAfter(long bytes) {
    budget.set(bytes);
  }

  /** Every operation on a path containing {@code marker} fails with an I/O error. */
  public void failPathsContaining(String marker) {
    failingPath = marker;
  }

  /** Back to normal. */
  public void heal() {
    budget.set(Long.MAX_VALUE);
    failingPath = null;
  }

  private void check(Path path) throws IOException {
    String marker = failingPath;
    if (marker != null && path.toString().contains(marker)) {
      throw new IOException("Input/output error (injected) on " + path);
    }
  }

  private void spend(Path path, long bytes) throws IOException {
    check(path);
    if (budget.get() == Long.MAX_VALUE) {
      return;
    }
    if (budget.addAndGet(-bytes) < 0) {
      budget.set(0);
      throw new IOException("No space left on device (injected) writing " + path);
    }
  }

  @Override
  public void writeAtomically(Path target, byte[] data) throws IOException {
    spend(target, data.length);
    delegate.writeAtomically(target, data);
  }

  @Override
  public void writeDurably(Path file, byte[] data) throws IOException {
    spend(file, data.length);
    delegate.writeDurably(file, data);
  }

  @Override
  public byte[] read(Path file) throws IOException {
    check(file);
    return delegate.read(file);
  }

  @Override
  public void createDirectories(Path dir) throws IOException {
    check(dir);
    delegate.createDirectories(dir);
  }

  @Override
  public void move(Path from, Path to) throws IOException {
    check(from);
    check(to);
    delegate.move(from, to);
  }

  @Override
  public void syncDirectory(Path dir) throws IOException {
    check(dir);
    delegate.syncDirectory(dir);
  }

  @Override
  public void delete(Path path) throws IOException {
    check(path);
    delegate.delete(path);
  }

  @Override
  public List<Path> list(Path dir) throws IOException {
    check(dir);
    return delegate.list(dir);
  }

  @Override
  public boolean exists(Path path) {
    return delegate.exists(path);
  }

  @Override
  public AppendFile openAppend(Path file) throws IOException {
    check(file);
    AppendFile inner = delegate.openAppend(file);
    return new AppendFile() {
      @Override
      public void write(byte[] data, int offset, int length) throws IOException {
        spend(file, length);
        inner.write(data, offset, length);
      }

      @Override
      public void sync() throws IOException {
        check(file);
        inner.sync();
      }

      @Override
      public long size() throws IOException {
        return inner.size();
      }

      @Override
      public void close() throws IOException {
        inner.close();
      }
    };
  }

  @Override
  public void truncate(Path file, long size) throws IOException {
    check(file);
    delegate.truncate(file, size);
  }
}
