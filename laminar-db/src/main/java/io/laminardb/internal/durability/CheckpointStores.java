package io.laminardb.internal.durability;

import io.laminardb.CheckpointStorage;
import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.checkpoint.CheckpointStore;
import io.laminardb.core.checkpoint.CheckpointStoreFactory;
import io.laminardb.core.checkpoint.LocalCheckpointStore;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * Picks the checkpoint store: {@code <storageDir>/checkpoints} by default, or the store registered for the
 * scheme of {@link CheckpointStorage#location()}, found by ServiceLoader so object-store clients stay out of
 * this module.
 */
final class CheckpointStores {
  private CheckpointStores() {}

  static CheckpointStore open(Path dir, DurabilitySettings settings) {
    CheckpointStorage target = settings.checkpointStorage();
    if (target == null) {
      return new LocalCheckpointStore(dir.resolve("checkpoints"), settings.files());
    }
    String scheme = target.location().getScheme().toLowerCase(Locale.ROOT);
    TreeSet<String> known = new TreeSet<>();
    for (CheckpointStoreFactory f : ServiceLoader.load(CheckpointStoreFactory.class,
        CheckpointStores.class.getClassLoader())) {
      if (f.scheme().equals(scheme)) {
        return f.open(target.location(), target.options());
      }
      known.add(f.scheme());
    }
    throw new LaminarException(ErrorCode.INVALID_CONFIG, "no checkpoint store for '" + scheme + "://' on the"
        + " classpath" + (known.isEmpty() ? "" : " (found: " + known + ")")
        + (scheme.equals("s3") ? "; add the laminar-storage-s3 module" : ""));
  }
}
