package io.laminardb.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laminardb.core.storage.FaultInjectingStorageFiles;
import io.laminardb.core.storage.LocalStorageFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCheckpointStoreTest extends AbstractCheckpointStoreContractTest {
  @TempDir
  Path root;

  private FaultInjectingStorageFiles files;

  @Override
  protected CheckpointStore newStore() {
    files = new FaultInjectingStorageFiles(LocalStorageFiles.INSTANCE);
    return new LocalCheckpointStore(root.resolve("checkpoints"), files);
  }

  @Override
  protected void failAfterFirstWrite() {
    files.diskFullAfter(12);
  }

  @Override
  protected void failManifestWrites() {
    files.failPathsContaining(MANIFEST);
  }

  @Override
  protected void heal() {
    files.heal();
  }

  @Test
  void aFullDiskSaysSo() throws IOException {
    failAfterFirstWrite();
    assertThatThrownBy(() -> store.save(manifest(1, blobs("0123456789")), blobs("0123456789")))
        .isInstanceOf(IOException.class).hasMessageContaining("No space left");
  }

  @Override
  protected void tamper(long id, String file, UnaryOperator<byte[]> change) throws IOException {
    Path p = root.resolve("checkpoints").resolve(String.format("checkpoint-%020d", id)).resolve(file);
    if (change == null) {
      Files.delete(p);
    } else {
      Files.write(p, change.apply(Files.readAllBytes(p)));
    }
  }
}
