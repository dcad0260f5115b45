package io.laminardb.core.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The file operations durability is built from (checkpoint stores, the write-ahead log, the stored catalog,
 * file sinks). One interface so that tests can inject faults (disk full, I/O errors) that running as root
 * makes impossible to provoke with permissions.
 */
public interface StorageFiles {
  /** Replaces {@code target} all or nothing: temp file, fsync, rename, fsync of the directory. */
  void writeAtomically(Path target, byte[] data) throws IOException;

  /** Creates or replaces {@code file} with {@code data} and fsyncs it (no rename; callers rename later). */
  void writeDurably(Path file, byte[] data) throws IOException;

  byte[] read(Path file) throws IOException;

  void createDirectories(Path dir) throws IOException;

  /** Atomic rename; replaces an existing target file. */
  void move(Path from, Path to) throws IOException;

  /** Makes a rename or a file creation in {@code dir} durable. */
  void syncDirectory(Path dir) throws IOException;

  /** Deletes a file or a directory tree; missing is fine. */
  void delete(Path path) throws IOException;

  /** Entries of {@code dir} sorted by name; empty when it does not exist. */
  List<Path> list(Path dir) throws IOException;

  boolean exists(Path path);

  /** Opens {@code file} for appending at its end, creating it if needed. */
  AppendFile openAppend(Path file) throws IOException;

  /** Cuts {@code file} to {@code size} bytes and fsyncs it (drops a torn tail). */
  void truncate(Path file, long size) throws IOException;

  /** A file written at its end. */
  interface AppendFile extends AutoCloseable {
    void write(byte[] data, int offset, int length) throws IOException;

    /** fdatasync: data written so far survives a power cut. */
    void sync() throws IOException;

    long size() throws IOException;

    @Override
    void close() throws IOException;
  }
}
