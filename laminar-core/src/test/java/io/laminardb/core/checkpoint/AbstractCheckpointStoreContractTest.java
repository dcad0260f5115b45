package io.laminardb.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laminardb.common.error.LaminarException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every checkpoint store must do; one subclass per implementation. */
public abstract class AbstractCheckpointStoreContractTest {
  /** The manifest's file name inside a checkpoint, the same for every store. */
  protected static final String MANIFEST = LocalCheckpointStore.MANIFEST;

  protected CheckpointStore store;

  /** A fresh, empty store. */
  protected abstract CheckpointStore newStore() throws IOException;

  /** Makes the next save fail after its first object is written (disk full, connection lost). */
  protected abstract void failAfterFirstWrite();

  /** Makes every write of a manifest fail: the commit point of a checkpoint. */
  protected abstract void failManifestWrites();

  /** Ends injected failures. */
  protected abstract void heal();

  /** Damages a stored object for the corruption tests: its bytes, or null to delete it. */
  protected abstract void tamper(long id, String file, java.util.function.UnaryOperator<byte[]> change)
      throws IOException;

  @BeforeEach
  public void setUpStore() throws IOException {
    store = newStore();
  }

  @AfterEach
  public void closeStore() throws IOException {
    store.close();
  }

  protected static CheckpointManifest manifest(long id, Map<String, byte[]> blobs) {
    List<CheckpointManifest.StateEntry> states = new java.util.ArrayList<>();
    for (Map.Entry<String, byte[]> e : blobs.entrySet()) {
      states.add(new CheckpointManifest.StateEntry("operator/q/" + states.size(), "fp", e.getKey(),
          e.getValue().length, ManifestCodec.crc(e.getValue())));
    }
    return new CheckpointManifest(id, id, 1000 + id, 7 * id,
        Map.of("src", new CheckpointManifest.SourceCheckpoint(1, 10 * id, 2, 99, 104,
            List.of(new CheckpointManifest.PartitionCheckpoint(0, 104, 99, false)))),
        Map.of("q", 50L), Map.of("sink", id), states);
  }

  protected static Map<String, byte[]> blobs(String... contents) {
    Map<String, byte[]> m = new LinkedHashMap<>();
    for (int i = 0; i < contents.length; i++) {
      m.put("state-" + i + ".bin", contents[i].getBytes(StandardCharsets.UTF_8));
    }
    return m;
  }

  @Test
  public void savedCheckpointsLoadBackExactly() throws IOException {
    Map<String, byte[]> b = blobs("alpha", "beta-beta");
    CheckpointManifest m = manifest(3, b);
    store.save(m, b);
    assertThat(store.ids()).containsExactly(3L);
    CheckpointStore.LoadedCheckpoint loaded = store.load(3);
    assertThat(loaded.manifest()).isEqualTo(m);
    assertThat(store.readManifest(3)).isEqualTo(m);
    assertThat(new String(loaded.states().get("operator/q/1"), StandardCharsets.UTF_8)).isEqualTo("beta-beta");
  }

  @Test
  public void idsAreOldestFirstAndDeleteRemoves() throws IOException {
    for (long id : new long[] {2, 10, 1}) {
      store.save(manifest(id, blobs("x" + id)), blobs("x" + id));
    }
    assertThat(store.ids()).containsExactly(1L, 2L, 10L);
    store.delete(2);
    assertThat(store.ids()).containsExactly(1L, 10L);
  }

  @Test
  public void truncatedManifestIsCorrupt() throws IOException {
    store.save(manifest(1, blobs("a")), blobs("a"));
    tamper(1, MANIFEST, b -> java.util.Arrays.copyOf(b, b.length / 2));
    assertThatThrownBy(() -> store.load(1)).isInstanceOf(LaminarException.class)
        .hasMessageContaining("LDB-6004");
  }

  @Test
  public void alteredManifestThatStillParsesIsCorrupt() throws IOException {
    store.save(manifest(1, blobs("a")), blobs("a"));
    tamper(1, MANIFEST, b -> new String(b, StandardCharsets.UTF_8)
        .replace("\"rows\":10", "\"rows\":90").getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> store.load(1)).hasMessageContaining("LDB-6004").hasMessageContaining("checksum");
  }

  @Test
  public void flippedByteInAStateFileIsCorrupt() throws IOException {
    store.save(manifest(1, blobs("abcdef")), blobs("abcdef"));
    tamper(1, "state-0.bin", b -> {
      b[2] ^= 0x10;
      return b;
    });
    assertThatThrownBy(() -> store.load(1)).hasMessageContaining("LDB-6004").hasMessageContaining("state-0.bin");
  }

  @Test
  public void missingStateFileIsCorrupt() throws IOException {
    store.save(manifest(1, blobs("abc", "def")), blobs("abc", "def"));
    tamper(1, "state-1.bin", null);
    assertThatThrownBy(() -> store.load(1)).hasMessageContaining("LDB-6004").hasMessageContaining("missing");
  }

  @Test
  public void aFailedSaveLeavesEarlierCheckpointsIntactAndPublishesNothing() throws IOException {
    store.save(manifest(1, blobs("first")), blobs("first"));
    failAfterFirstWrite();
    assertThatThrownBy(() -> store.save(manifest(2, blobs("second-state", "more")), blobs("second-state", "more")))
        .isInstanceOfAny(IOException.class, LaminarException.class);
    heal();
    assertThat(store.ids()).containsExactly(1L);
    store.cleanPartial();
    assertThat(store.ids()).containsExactly(1L);
    assertThat(new String(store.load(1).states().get("operator/q/0"), StandardCharsets.UTF_8)).isEqualTo("first");
    store.save(manifest(2, blobs("second")), blobs("second"));
    assertThat(store.ids()).containsExactly(1L, 2L);
  }

  @Test
  public void anIoErrorWhilePublishingKeepsTheStoreConsistent() throws IOException {
    store.save(manifest(1, blobs("first")), blobs("first"));
    failManifestWrites();
    assertThatThrownBy(() -> store.save(manifest(2, blobs("x")), blobs("x")))
        .isInstanceOfAny(IOException.class, LaminarException.class);
    heal();
    assertThat(store.ids()).containsExactly(1L);
    assertThat(store.load(1).manifest().checkpointId()).isEqualTo(1);
  }
}
