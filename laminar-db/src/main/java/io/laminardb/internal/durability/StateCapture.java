package io.laminardb.internal.durability;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.checkpoint.CheckpointBarrier;
import io.laminardb.core.checkpoint.CheckpointManifest;
import io.laminardb.core.checkpoint.CheckpointStore;
import io.laminardb.core.operator.Operator;
import io.laminardb.core.pipeline.Pipeline;
import io.laminardb.core.pipeline.QueryRuntime;
import io.laminardb.core.pipeline.SourceNode;
import io.laminardb.core.pipeline.StreamNode;
import io.laminardb.core.sink.TwoPhaseSink;
import io.laminardb.core.state.OperatorState;
import io.laminardb.core.state.SnapshotBuffer;
import io.laminardb.core.state.TaggedValues;
import io.laminardb.internal.catalog.Catalog;
import io.laminardb.internal.catalog.CatalogEntry;
import io.laminardb.internal.catalog.ObjectKind;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * What a checkpoint holds, taken and put back on the compute thread: source positions and watermark
 * generators, every operator's {@link OperatorState}, query output watermarks, materialized view rows and
 * sink state. State blobs carry a fingerprint of the object's definition and operator; a blob whose
 * fingerprint no longer matches is skipped with a warning instead of being forced into a different plan.
 */
final class StateCapture {
  private static final System.Logger LOG = System.getLogger(StateCapture.class.getName());

  /** Everything the writer thread needs; nothing in it is shared with the compute thread. */
  record Snapshot(CheckpointManifest manifest, Map<String, byte[]> files,
      List<TwoPhaseSink.PreparedEpoch> preparedSinks, List<TwoPhaseSink> sinks, long startNanos,
      long barrierNanos) {}

  private final Catalog catalog;
  private final Pipeline pipeline;
  private final ToLongFunction<String> objectIds;
  private final Map<String, TwoPhaseSink> sinks;

  StateCapture(Catalog catalog, Pipeline pipeline, ToLongFunction<String> objectIds,
      Map<String, TwoPhaseSink> sinks) {
    this.catalog = catalog;
    this.pipeline = pipeline;
    this.objectIds = objectIds;
    this.sinks = sinks;
  }

  Snapshot take(CheckpointBarrier barrier, long walLsn) {
    long start = System.nanoTime();
    Map<String, CheckpointManifest.SourceCheckpoint> sources = new LinkedHashMap<>();
    Map<String, Long> watermarks = new LinkedHashMap<>();
    Map<String, byte[]> files = new LinkedHashMap<>();
    List<CheckpointManifest.StateEntry> states = new ArrayList<>();
    for (CatalogEntry e : catalog.all()) {
      switch (e.kind()) {
        case SOURCE -> {
          sources.put(e.name(), source(e));
          if (e.sourceNode().keyedWatermarks() != null) {
            add(files, states, "source/" + e.name() + "/keys", fingerprint(e, null),
                serialize(e.sourceNode().keyedWatermarks().state()));
          }
          if (e.sourceNode().alignmentGroup() != null) {
            add(files, states, "source/" + e.name() + "/held", fingerprint(e, null),
                serialize(heldInput(e.sourceNode())));
          }
        }
        case TABLE -> { }
        default -> {
          StreamNode node = pipeline.findNode(e.name());
          if (node != null) {
            watermarks.put(e.name(), node.watermark());
          }
          QueryRuntime q = pipeline.query(e.name());
          if (q != null) {
            List<Operator> ops = q.operators();
            for (int i = 0; i < ops.size(); i++) {
              OperatorState state = ops.get(i).state();
              if (state != null) {
                add(files, states, "operator/" + e.name() + "/" + i, fingerprint(e, ops.get(i)),
                    serialize(state));
              }
            }
          }
          if (e.kind() == ObjectKind.MATERIALIZED_VIEW && e.store() != null) {
            add(files, states, "view/" + e.name(), fingerprint(e, null), rows(e.store().snapshot()));
          }
        }
      }
    }
    Map<String, Long> sinkEpochs = new LinkedHashMap<>();
    List<TwoPhaseSink.PreparedEpoch> prepared = new ArrayList<>();
    List<TwoPhaseSink> sinkList = new ArrayList<>();
    for (TwoPhaseSink sink : sinks.values()) {
      OperatorState state = sink.state();
      if (state != null) {
        CatalogEntry e = catalog.find(sink.name());
        add(files, states, "sink/" + sink.name(), e == null ? "" : fingerprint(e, null), serialize(state));
      }
      prepared.add(sink.preCommit(barrier.epoch()));
      sinkEpochs.put(sink.name(), barrier.epoch());
      sinkList.add(sink);
    }
    CheckpointManifest manifest = new CheckpointManifest(barrier.checkpointId(), barrier.epoch(),
        barrier.timestampMs(), walLsn, sources, watermarks, sinkEpochs, states);
    return new Snapshot(manifest, files, prepared, sinkList, start, System.nanoTime() - start);
  }

  private CheckpointManifest.SourceCheckpoint source(CatalogEntry e) {
    SourceNode n = e.sourceNode();
    List<CheckpointManifest.PartitionCheckpoint> parts = new ArrayList<>();
    for (long[] p : n.partitionStates()) {
      parts.add(new CheckpointManifest.PartitionCheckpoint((int) p[0], p[1], p[2], p[3] != 0));
    }
    return new CheckpointManifest.SourceCheckpoint(objectIds.applyAsLong(e.name()), n.processedRows(),
        n.watermarkCalls(), n.currentWatermark(), n.maxEventTime(), parts);
  }

  /** A source's alignment-held input as checkpoint state. */
  private static OperatorState heldInput(SourceNode node) {
    return new OperatorState() {
      @Override
      public void snapshot(java.io.DataOutput out) throws IOException {
        node.snapshotHeld(out);
      }

      @Override
      public void restore(java.io.DataInput in) throws IOException {
        node.restoreHeld(in);
      }

      @Override
      public long sizeBytes() {
        return 0;
      }
    };
  }

  private static void add(Map<String, byte[]> files, List<CheckpointManifest.StateEntry> states, String key,
      String fingerprint, byte[] data) {
    String file = "state-" + states.size() + ".bin";
    files.put(file, data);
    states.add(new CheckpointManifest.StateEntry(key, fingerprint, file, data.length,
        CheckpointCoordinator.crc(data)));
  }

  private static String fingerprint(CatalogEntry e, Operator op) {
    String text = e.sql() + "\u0000" + (op == null ? "" : op.describe());
    return Long.toHexString(CheckpointCoordinator.crc(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] serialize(OperatorState state) {
    SnapshotBuffer out = new SnapshotBuffer(1 << 16);
    try {
      state.snapshot(out);
    } catch (IOException e) {
      throw new LaminarException(ErrorCode.SERIALIZATION, "state snapshot failed: " + e, e);
    }
    return out.toByteArray();
  }

  private static byte[] rows(List<Object[]> rows) {
    SnapshotBuffer out = new SnapshotBuffer(1 << 16);
    try {
      out.writeInt(rows.size());
      for (Object[] row : rows) {
        out.writeInt(row.length);
        for (Object v : row) {
          TaggedValues.write(out, v);
        }
      }
    } catch (IOException e) {
      throw new LaminarException(ErrorCode.SERIALIZATION, "view snapshot failed: " + e, e);
    }
    return out.toByteArray();
  }

  private static List<Object[]> readRows(byte[] data) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
    int n = in.readInt();
    List<Object[]> rows = new ArrayList<>(n);
    for (int r = 0; r < n; r++) {
      Object[] row = new Object[in.readInt()];
      for (int c = 0; c < row.length; c++) {
        row[c] = TaggedValues.read(in);
      }
      rows.add(row);
    }
    return rows;
  }

  /** Puts a verified checkpoint back, before any step of this run. Compute thread. */
  void restore(CheckpointStore.LoadedCheckpoint loaded, long nowMillis) {
    CheckpointManifest m = loaded.manifest();
    Map<String, CheckpointManifest.StateEntry> byKey = new LinkedHashMap<>();
    for (CheckpointManifest.StateEntry s : m.states()) {
      byKey.put(s.key(), s);
    }
    for (CatalogEntry e : catalog.all()) {
      try {
        restore(e, m, byKey, loaded.states(), nowMillis);
      } catch (IOException | RuntimeException ex) {
        throw new LaminarException(ErrorCode.RECOVERY_FAILED, "restoring '" + e.name() + "' from checkpoint "
            + m.checkpointId() + " failed: " + ex, ex);
      }
    }
    for (TwoPhaseSink sink : sinks.values()) {
      OperatorState state = sink.state();
      CatalogEntry e = catalog.find(sink.name());
      byte[] data = state == null || e == null ? null
          : matching(byKey, loaded.states(), "sink/" + sink.name(), fingerprint(e, null));
      if (data != null) {
        try {
          state.restore(new DataInputStream(new ByteArrayInputStream(data)));
        } catch (IOException ex) {
          throw new LaminarException(ErrorCode.RECOVERY_FAILED, "restoring sink '" + sink.name() + "' failed: "
              + ex, ex);
        }
      }
    }
  }

  private void restore(CatalogEntry e, CheckpointManifest m, Map<String, CheckpointManifest.StateEntry> byKey,
      Map<String, byte[]> blobs, long nowMillis) throws IOException {
    if (e.kind() == ObjectKind.SOURCE) {
      CheckpointManifest.SourceCheckpoint s = m.source(e.name());
      if (s != null && s.objectId() == objectIds.applyAsLong(e.name())) {
        List<long[]> parts = new ArrayList<>();
        for (CheckpointManifest.PartitionCheckpoint p : s.partitions()) {
          parts.add(new long[] {p.partition(), p.maxEventTime(), p.watermark(), p.idle() ? 1 : 0});
        }
        e.sourceNode().restoreCheckpoint(s.rows(), s.watermarkCalls(), s.maxEventTime(), s.watermark(), parts,
            nowMillis);
        byte[] keys = e.sourceNode().keyedWatermarks() == null ? null
            : matching(byKey, blobs, "source/" + e.name() + "/keys", fingerprint(e, null));
        if (keys != null) {
          e.sourceNode().keyedWatermarks().state().restore(new DataInputStream(new ByteArrayInputStream(keys)));
        }
        byte[] held = e.sourceNode().alignmentGroup() == null ? null
            : matching(byKey, blobs, "source/" + e.name() + "/held", fingerprint(e, null));
        if (held != null) {
          e.sourceNode().restoreHeld(new DataInputStream(new ByteArrayInputStream(held)));
        }
      }
      return;
    }
    if (e.kind() == ObjectKind.TABLE) {
      return;
    }
    Long watermark = m.queryWatermarks().get(e.name());
    StreamNode node = pipeline.findNode(e.name());
    if (watermark != null && node != null) {
      node.restoreWatermark(watermark);
    }
    QueryRuntime q = pipeline.query(e.name());
    if (q != null) {
      List<Operator> ops = q.operators();
      for (int i = 0; i < ops.size(); i++) {
        OperatorState state = ops.get(i).state();
        byte[] data = state == null ? null
            : matching(byKey, blobs, "operator/" + e.name() + "/" + i, fingerprint(e, ops.get(i)));
        if (data != null) {
          state.restore(new DataInputStream(new ByteArrayInputStream(data)));
        }
      }
    }
    if (e.kind() == ObjectKind.MATERIALIZED_VIEW && e.store() != null) {
      byte[] data = matching(byKey, blobs, "view/" + e.name(), fingerprint(e, null));
      if (data != null) {
        e.store().restore(readRows(data));
      }
    }
  }

  private static byte[] matching(Map<String, CheckpointManifest.StateEntry> byKey, Map<String, byte[]> blobs,
      String key, String fingerprint) {
    CheckpointManifest.StateEntry s = byKey.get(key);
    if (s == null) {
      return null;
    }
    if (!s.fingerprint().equals(fingerprint)) {
      LOG.log(System.Logger.Level.WARNING, "state " + key + " was taken from a different definition;"
          + " it starts empty");
      return null;
    }
    return blobs.get(key);
  }
}
