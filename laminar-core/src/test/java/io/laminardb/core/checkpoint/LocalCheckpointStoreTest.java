package io.laminardb.core.checkpoint;

import io.laminardb.core.storage.FaultInjectingStorageFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.io.TempDir;

class LocalCheckpointStoreTest extends AbstractCheckpointStoreContractTest {
  @TempDir
  Path root;

  @Override
  protected CheckpointStore newStore(FaultInjectingStorageFiles storageFiles) {
    return new LocalCheckpointStore(root.resolve("checkpoints"), storageFiles);
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
