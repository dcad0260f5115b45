package io.laminardb.internal.connector.file;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.pipeline.StepListener;
import io.laminardb.core.sink.TwoPhaseSink;
import io.laminardb.core.state.OperatorState;
import io.laminardb.core.state.TaggedValues;
import io.laminardb.core.storage.StorageFiles;
import io.laminardb.core.type.Schema;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code INTO FILES (path = ..., format = 'jsonl' | 'csv' [, mode = 'append' | 'upsert'])}, exactly once.
 *
 * <p>Append mode: the rows of epoch {@code e} go to {@code part-<e>.<ext>}. They are buffered in memory on
 * the compute thread; at the checkpoint barrier the epoch is sealed, the writer thread stores it as
 * {@code .pending/part-<e>.<ext>} (fsynced) before the manifest, and renames it into place after the
 * manifest is durable. Readers see only complete, committed epochs, each exactly once.
 *
 * <p>Upsert mode (keyed outputs): the sink keeps the latest row per key (its state, checkpointed) and each
 * commit atomically replaces {@code current.<ext>} with them; replays overwrite by key (idempotent).
 */
public final class FileSink implements TwoPhaseSink, StepListener {
  private static final String PENDING = ".pending";
  private static final String PART = "part-";
  private static final String CURRENT = "current";

  private final String name;
  private final Path dir;
  private final RowFormat format;
  private final Schema schema;
  private final int[] keyColumns;
  private final int weightColumn;
  private final StorageFiles files;

  private ByteArrayOutputStream epochRows = new ByteArrayOutputStream();
  private long epoch;
  /** Upsert mode: key -> line. Compute thread. */
  private final Map<List<Object>, String> current = new LinkedHashMap<>();
  /** Sealed epochs not yet committed, with their bytes; writer thread after the hand-off. */
  private final TreeMap<Long, byte[]> sealed = new TreeMap<>();
  private final TreeMap<Long, Boolean> prepared = new TreeMap<>();

  /** @param keyColumns upsert key, or null for append mode */
  public FileSink(String name, Path dir, RowFormat format, Schema schema, int[] keyColumns, StorageFiles files) {
    this.name = name;
    this.dir = dir;
    this.format = format;
    this.schema = schema;
    this.keyColumns = keyColumns;
    this.weightColumn = schema.indexOf("__weight");
    this.files = files;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void onStepOutput(Batch rows) {
    write(rows);
  }

  @Override
  public void beginEpoch(long newEpoch) {
    this.epoch = newEpoch;
    this.epochRows = new ByteArrayOutputStream();
  }

  @Override
  public void write(Batch rows) {
    for (int r = 0; r < rows.rowCount(); r++) {
      if (keyColumns == null) {
        epochRows.writeBytes(format.line(schema, rows, r).getBytes(StandardCharsets.UTF_8));
        continue;
      }
      List<Object> key = new ArrayList<>(keyColumns.length);
      for (int k : keyColumns) {
        key.add(rows.getStored(k, r));
      }
      Object weight = weightColumn >= 0 ? rows.getStored(weightColumn, r) : null;
      if (weight instanceof Long w && w < 0) {
        current.remove(key);
      } else {
        current.remove(key);
        current.put(key, format.line(schema, rows, r));
      }
    }
  }

  /** Upsert mode: a group the query deleted. */
  public void deleteKey(List<Object> key) {
    current.remove(key);
  }

  @Override
  public PreparedEpoch preCommit(long sealedEpoch) {
    byte[] bytes;
    if (keyColumns == null) {
      bytes = epochRows.toByteArray();
    } else {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      for (String line : current.values()) {
        all.writeBytes(line.getBytes(StandardCharsets.UTF_8));
      }
      bytes = all.toByteArray();
    }
    beginEpoch(sealedEpoch + 1);
    return () -> prepare(sealedEpoch, bytes);
  }

  private synchronized void prepare(long sealedEpoch, byte[] bytes) throws IOException {
    if (keyColumns == null && bytes.length == 0) {
      return;
    }
    sealed.put(sealedEpoch, bytes);
    files.createDirectories(dir.resolve(PENDING));
    // Earlier epochs whose checkpoint failed are written now; nothing sealed is dropped.
    for (Map.Entry<Long, byte[]> e : sealed.entrySet()) {
      if (!prepared.containsKey(e.getKey())) {
        files.writeDurably(pendingFile(e.getKey()), e.getValue());
        prepared.put(e.getKey(), Boolean.TRUE);
      }
    }
    files.syncDirectory(dir.resolve(PENDING));
  }

  @Override
  public synchronized void commitEpoch(long upTo) throws IOException {
    List<Long> done = new ArrayList<>();
    for (Long e : prepared.headMap(upTo, true).keySet()) {
      files.move(pendingFile(e), committedFile(e));
      done.add(e);
    }
    if (!done.isEmpty()) {
      files.syncDirectory(dir);
    }
    for (Long e : done) {
      prepared.remove(e);
      sealed.remove(e);
    }
  }

  @Override
  public synchronized void rollbackEpoch(long rolledBack) throws IOException {
    files.delete(pendingFile(rolledBack));
    prepared.remove(rolledBack);
    sealed.remove(rolledBack);
  }

  @Override
  public synchronized void recover(long lastCheckpointedEpoch) throws IOException {
    files.createDirectories(dir);
    long newestKept = -1;
    for (Path p : files.list(dir.resolve(PENDING))) {
      long e = epochOf(p);
      if (e < 0) {
        files.delete(p);
      } else if (e <= lastCheckpointedEpoch && keyColumns == null) {
        files.move(p, committedFile(e));
      } else if (e <= lastCheckpointedEpoch) {
        newestKept = Math.max(newestKept, e);
      } else {
        files.delete(p);
      }
    }
    if (newestKept > 0) {
      files.move(pendingFile(newestKept), committedFile(newestKept));
      for (Path p : files.list(dir.resolve(PENDING))) {
        files.delete(p);
      }
    }
    if (keyColumns == null) {
      // Committed epochs newer than the restored checkpoint (it fell back past a damaged one) are produced
      // again by the replay: remove them so nothing appears twice.
      for (Path p : files.list(dir)) {
        long e = epochOf(p);
        if (e > lastCheckpointedEpoch) {
          files.delete(p);
        }
      }
    }
    files.syncDirectory(dir);
  }

  private Path pendingFile(long e) {
    String base = keyColumns == null ? PART : CURRENT + "-";
    return dir.resolve(PENDING).resolve(base + String.format("%020d", e) + "." + format.extension());
  }

  private Path committedFile(long e) {
    if (keyColumns != null) {
      return dir.resolve(CURRENT + "." + format.extension());
    }
    return dir.resolve(PART + String.format("%020d", e) + "." + format.extension());
  }

  /** The epoch in a part or pending file name, or -1. */
  private static long epochOf(Path p) {
    String n = p.getFileName().toString();
    int dash = n.lastIndexOf('-');
    int dot = n.indexOf('.', Math.max(0, dash));
    if (dash < 0 || dot < 0 || dot - dash - 1 != 20 || !(n.startsWith(PART) || n.startsWith(CURRENT + "-"))) {
      return -1;
    }
    try {
      return Long.parseLong(n.substring(dash + 1, dot));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public OperatorState state() {
    if (keyColumns == null) {
      return null;
    }
    return new OperatorState() {
      @Override
      public void snapshot(DataOutput out) throws IOException {
        out.writeInt(current.size());
        for (Map.Entry<List<Object>, String> e : current.entrySet()) {
          out.writeInt(e.getKey().size());
          for (Object v : e.getKey()) {
            TaggedValues.write(out, v);
          }
          TaggedValues.write(out, e.getValue());
        }
      }

      @Override
      public void restore(DataInput in) throws IOException {
        current.clear();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
          int width = in.readInt();
          List<Object> key = new ArrayList<>(width);
          for (int k = 0; k < width; k++) {
            key.add(TaggedValues.read(in));
          }
          current.put(key, (String) TaggedValues.read(in));
        }
      }

      @Override
      public long sizeBytes() {
        return 64L * current.size();
      }
    };
  }
}
