package io.laminardb.internal.durability;

import io.laminardb.Durability;
import io.laminardb.ExecuteResult;
import io.laminardb.RecoveredCheckpoint;
import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.batch.Batch;
import io.laminardb.core.checkpoint.CheckpointManifest;
import io.laminardb.core.checkpoint.CheckpointStore;
import io.laminardb.core.pipeline.SourceNode;
import io.laminardb.core.sink.TwoPhaseSink;
import io.laminardb.core.wal.WalReader;
import io.laminardb.core.wal.WalRecord;
import io.laminardb.core.wal.WalWriter;
import io.laminardb.internal.catalog.CatalogEntry;
import io.laminardb.internal.catalog.ObjectKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Opening a storage directory (spec 14.5, and beyond it the stored catalog and the log):
 * <ol>
 *   <li>re-run the stored DDL, so every object exists again with its stored id (tables get their rows);</li>
 *   <li>find the newest checkpoint that verifies (manifest and state checksums), skipping damaged or
 *       partial ones, and queue its restore as the first step;</li>
 *   <li>settle the exactly-once sinks: epochs the restored checkpoint closed are committed, later ones
 *       rolled back (presumed abort);</li>
 *   <li>read the log, cut a torn tail, and queue every record after the checkpoint's {@code walLsn} as the
 *       push or watermark step it was.</li>
 * </ol>
 * Pushes made after open queue behind all of this, so they continue exactly where the acknowledged input
 * ended.
 */
final class Recovery {
  private static final System.Logger LOG = System.getLogger(Recovery.class.getName());

  private final DurableStorage storage;

  Recovery(DurableStorage storage) {
    this.storage = storage;
  }

  void run(Function<String, ExecuteResult> execute) {
    try {
      replayCatalog(execute);
      CheckpointStore store = storage.checkpoints();
      store.cleanPartial();
      List<Long> ids = store.ids();
      List<String> skipped = new ArrayList<>();
      CheckpointStore.LoadedCheckpoint restored = null;
      for (int i = ids.size() - 1; i >= 0 && restored == null; i--) {
        try {
          restored = store.load(ids.get(i));
        } catch (LaminarException e) {
          if (e.errorCode() != ErrorCode.CHECKPOINT_CORRUPT) {
            throw e;
          }
          skipped.add("checkpoint " + ids.get(i) + ": " + e.getMessage());
          LOG.log(System.Logger.Level.WARNING, "skipping checkpoint " + ids.get(i) + ": " + e.getMessage());
        }
      }
      Map<Long, Long> good = new TreeMap<>();
      if (restored != null) {
        for (long id : ids) {
          if (id <= restored.manifest().checkpointId() && !skippedId(skipped, id)) {
            good.put(id, id == restored.manifest().checkpointId() ? restored.manifest().walLsn()
                : walLsnOf(store, id));
          }
        }
      }
      for (long id : good.keySet()) {
        CheckpointManifest m = id == restored.manifest().checkpointId() ? restored.manifest()
            : manifestOrNull(store, id);
        if (m != null) {
          storage.history().found(m, m == restored.manifest());
        }
      }
      long nextId = (ids.isEmpty() ? 0 : ids.get(ids.size() - 1)) + 1;
      CheckpointManifest manifest = restored == null ? null : restored.manifest();
      long restoredEpoch = manifest == null ? 0 : manifest.epoch();
      for (TwoPhaseSink sink : storage.replayedSinks()) {
        sink.recover(restoredEpoch);
      }
      if (restored != null) {
        CheckpointStore.LoadedCheckpoint checkpoint = restored;
        StateCapture capture = storage.capture();
        long now = storage.clock().millis();
        storage.loop().runControl(() -> capture.restore(checkpoint, now));
      }
      replayLog(manifest, nextId, good, skipped);
    } catch (IOException e) {
      throw new LaminarException(ErrorCode.RECOVERY_FAILED, "recovery of " + storage.dir() + " failed: " + e, e);
    }
  }

  private static boolean skippedId(List<String> skipped, long id) {
    String prefix = "checkpoint " + id + ":";
    for (String s : skipped) {
      if (s.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static CheckpointManifest manifestOrNull(CheckpointStore store, long id) {
    try {
      return store.readManifest(id);
    } catch (IOException | LaminarException e) {
      return null;
    }
  }

  private static long walLsnOf(CheckpointStore store, long id) {
    try {
      return store.readManifest(id).walLsn();
    } catch (IOException | LaminarException e) {
      return 0;
    }
  }

  private void replayCatalog(Function<String, ExecuteResult> execute) throws IOException {
    List<CatalogStore.StoredObject> objects = storage.catalogStore().load();
    storage.setReplaying(true);
    try {
      for (CatalogStore.StoredObject o : objects) {
        try {
          execute.apply(o.sql());
        } catch (LaminarException e) {
          throw new LaminarException(ErrorCode.RECOVERY_FAILED, "the stored definition of '" + o.name()
              + "' no longer runs: " + e.getMessage(), e);
        }
        CatalogEntry entry = storage.catalog().find(o.name());
        if (entry != null && entry.kind() == ObjectKind.TABLE && o.rows() != null) {
          entry.store().restore(o.rows());
        }
      }
    } finally {
      storage.setReplaying(false);
    }
  }

  private void replayLog(CheckpointManifest manifest, long nextId, Map<Long, Long> good, List<String> skipped)
      throws IOException {
    Path walDir = storage.dir().resolve("wal");
    WalReader.Scan scan = WalReader.scan(walDir, storage.files());
    long coveredLsn = manifest == null ? 0 : manifest.walLsn();
    if (!scan.records().isEmpty() && scan.records().get(0).lsn() > coveredLsn + 1) {
      // The log was truncated for a checkpoint that cannot be restored: replaying what is left onto older
      // state would silently lose the records in between.
      throw new LaminarException(ErrorCode.WAL_CORRUPT, "the write-ahead log in " + walDir + " starts at record "
          + scan.records().get(0).lsn() + " but the state being restored ("
          + (manifest == null ? "no checkpoint" : "checkpoint " + manifest.checkpointId()) + ") covers only up to "
          + coveredLsn + "; records " + (coveredLsn + 1) + ".." + (scan.records().get(0).lsn() - 1)
          + " are gone. Restore the missing checkpoint or segments, or move the directory aside to start empty");
    }
    Durability durability = storage.settings().durability();
    WalWriter wal = null;
    if (durability != Durability.NONE) {
      // Never hand out an LSN the checkpoint already covers (the log may have been removed meanwhile).
      wal = new WalWriter(walDir, storage.files(), DurableStorage.walSync(durability),
          storage.settings().walSegmentBytes(), scan, coveredLsn + 1);
    }
    Map<String, Long> positions = new LinkedHashMap<>();
    Map<Long, CatalogEntry> byId = new HashMap<>();
    for (CatalogEntry e : storage.catalog().ofKind(ObjectKind.SOURCE)) {
      byId.put(storage.catalogStore().idOf(e.name()), e);
      CheckpointManifest.SourceCheckpoint s = manifest == null ? null : manifest.source(e.name());
      boolean same = s != null && s.objectId() == storage.catalogStore().idOf(e.name());
      positions.put(e.name(), same ? s.rows() : 0L);
    }
    storage.begin(wal, coveredLsn, nextId, good);
    PushLog log = storage.log();
    if (log != null) {
      for (CatalogEntry e : byId.values()) {
        CheckpointManifest.SourceCheckpoint s = manifest == null ? null : manifest.source(e.name());
        boolean same = s != null && s.objectId() == storage.catalogStore().idOf(e.name());
        log.startAt(e.sourceNode(), same ? s.rows() : 0, same ? s.watermarkCalls() : 0);
      }
    }
    Map<String, Long> replayed = new LinkedHashMap<>();
    for (WalRecord r : scan.records()) {
      if (r.lsn() <= coveredLsn) {
        continue;
      }
      WalPayloads.Decoded d = WalPayloads.decode(r.payload());
      CatalogEntry e = byId.get(d.sourceId());
      if (e == null) {
        continue;
      }
      SourceNode node = e.sourceNode();
      if (d.type() == WalPayloads.PUSH) {
        Batch batch = d.batch(node.schema());
        int rows = batch.rowCount();
        Runnable submit = () -> {
          node.addPending(rows);
          storage.loop().submitPush(node, batch, d.partition());
        };
        if (log != null) {
          log.replayed(r.lsn(), node, rows, false, submit);
        } else {
          submit.run();
        }
        replayed.merge(e.name(), (long) rows, Long::sum);
      } else {
        long watermark = d.watermark();
        Runnable submit = () -> storage.loop().submitWatermark(node, watermark, d.partition());
        if (log != null) {
          log.replayed(r.lsn(), node, 0, true, submit);
        } else {
          submit.run();
        }
      }
    }
    storage.setRecovered(new RecoveredCheckpoint(manifest != null,
        manifest == null ? 0 : manifest.checkpointId(), manifest == null ? 0 : manifest.epoch(),
        manifest == null ? 0 : manifest.timestampMs(), Map.copyOf(positions), Map.copyOf(replayed),
        List.copyOf(skipped), scan.tornBytes()));
  }
}
