package io.laminardb.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laminardb.CheckpointStorage;
import io.laminardb.LaminarDB;
import io.laminardb.common.error.LaminarException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Misconfigured checkpoint storage fails at build() with a message that says what to add or fix. */
class CheckpointStorageConfigTest {
  @Test
  void aSchemeWithoutAStoreOnTheClasspathNamesTheModule(@TempDir Path dir) {
    assertThatThrownBy(() -> LaminarDB.builder().storageDir(dir)
        .checkpointStorage(URI.create("s3://bucket/prefix"), Map.of()).build())
        .isInstanceOf(LaminarException.class).hasMessageContaining("LDB-0001")
        .hasMessageContaining("no checkpoint store for 's3://'").hasMessageContaining("laminar-storage-s3");
    // The failed open released the directory: a plain open works.
    try (LaminarDB db = LaminarDB.builder().storageDir(dir).build()) {
      assertThat(db.recoveredCheckpoint().restored()).isFalse();
    }
  }

  @Test
  void checkpointStorageNeedsAStorageDirectory() {
    assertThatThrownBy(() -> LaminarDB.builder().checkpointStorage(URI.create("s3://b/p"), Map.of()).build())
        .hasMessageContaining("LDB-0001").hasMessageContaining("needs storageDir");
  }

  @Test
  void aLocationNeedsAScheme() {
    assertThatThrownBy(() -> CheckpointStorage.of(URI.create("bucket/prefix")))
        .hasMessageContaining("LDB-0001").hasMessageContaining("s3://bucket/prefix");
  }

  @Test
  void optionsAreNotPrinted() {
    assertThat(CheckpointStorage.of(URI.create("s3://b/p")).toString()).isEqualTo("CheckpointStorage[s3://b/p, options=[]]");
    assertThat(new CheckpointStorage(URI.create("s3://b/p"), Map.of("secret_access_key", "hunter2")).toString())
        .doesNotContain("hunter2");
  }
}
