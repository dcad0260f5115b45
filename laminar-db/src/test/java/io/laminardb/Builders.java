package io.laminardb;

import io.laminardb.core.storage.StorageFiles;

/** Test access to the builder's package-private fault-injection hook. */
public final class Builders {
  private Builders() {}

  public static LaminarDB.Builder withFiles(LaminarDB.Builder builder, StorageFiles files) {
    return builder.storageFiles(files);
  }
}
