package io.laminardb.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laminardb.Builders;
import io.laminardb.Durability;
import io.laminardb.LaminarDB;
import io.laminardb.PipelineState;
import io.laminardb.common.error.LaminarException;
import io.laminardb.common.time.ManualClock;
import io.laminardb.core.storage.FaultInjectingStorageFiles;
import io.laminardb.core.storage.LocalStorageFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Damaged checkpoints, periodic checkpoints, retention, and I/O faults during checkpoints and logging. */
class CheckpointFaultTest {
  static LaminarDB.Builder builder(Path dir, Durability d) {
    return LaminarDB.builder().storageDir(dir).durability(d).deterministic(true);
  }

  static Path checkpointDir(Path dir, long id) {
    return dir.resolve("checkpoints").resolve(String.format("checkpoint-%020d", id));
  }

  static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void aLogTruncatedForAnUnrestorableCheckpointIsRefusedNotReplayedPastTheGap(@TempDir Path dir)
      throws IOException {
    // Retention 1 with small segments: the checkpoint lets the log drop everything before it.
    try (LaminarDB db = builder(dir, Durability.GROUP).checkpointRetention(1).walSegmentBytes(1024).build()) {
      db.execute(RecoveryTest.DDL);
      db.start();
      RecoveryTest.push(db, 0, 60);
      db.checkpoint();
      RecoveryTest.push(db, 60, 70);
      db.shutdownNow();
    }
    Path only = checkpointDir(dir, 1);
    byte[] b = Files.readAllBytes(only.resolve("state-0.bin"));
    b[b.length / 2] ^= 0x01;
    Files.write(only.resolve("state-0.bin"), b);
    assertThatThrownBy(() -> builder(dir, Durability.GROUP).build())
        .hasMessageContaining("LDB-6007").hasMessageContaining("are gone");
  }

  @ParameterizedTest
  @ValueSource(strings = {"truncated manifest", "flipped state byte", "missing state file"})
  void aDamagedNewestCheckpointFallsBackToThePreviousOne(String damage, @TempDir Path dir) throws IOException {
    try (LaminarDB db = builder(dir, Durability.GROUP).build()) {
      db.execute(RecoveryTest.DDL);
      db.start();
      RecoveryTest.push(db, 0, 30);
      db.checkpoint();
      RecoveryTest.push(db, 30, 60);
      db.checkpoint();
      RecoveryTest.push(db, 60, 70);
      db.shutdownNow();
    }
    Path newest = checkpointDir(dir, 2);
    switch (damage) {
      case "truncated manifest" -> {
        Path m = newest.resolve("manifest.json");
        byte[] b = Files.readAllBytes(m);
        Files.write(m, java.util.Arrays.copyOf(b, b.length - 30));
      }
      case "flipped state byte" -> {
        Path s = newest.resolve("state-0.bin");
        byte[] b = Files.readAllBytes(s);
        b[b.length / 2] ^= 0x01;
        Files.write(s, b);
      }
      default -> Files.delete(newest.resolve("state-0.bin"));
    }
    try (LaminarDB db = builder(dir, Durability.GROUP).build()) {
      var recovered = db.recoveredCheckpoint();
      assertThat(recovered.checkpointId()).isEqualTo(1);
      assertThat(recovered.sourcePosition("t")).isEqualTo(30);
      assertThat(recovered.skipped()).singleElement().asString().startsWith("checkpoint 2:").contains("LDB-6004");
      // The log was kept back to the oldest retained checkpoint, so nothing acknowledged is lost.
      assertThat(recovered.resumePosition("t")).isEqualTo(70);
      db.start();
      RecoveryTest.push(db, 70, 90);
      db.sourceUntyped("t").watermark(10_000);
      db.awaitIdle();
      assertThat(RecoveryTest.render(RecoveryTest.totals(db)))
          .isEqualTo(RecoveryTest.render(RecoveryTest.expectedTotals(90, 10_000)));
      assertThat(db.checkpoint().checkpointId()).isEqualTo(3);
    }
  }

  @Test
  void periodicCheckpointsFollowTheInjectedClockAndRetentionKeepsTheNewest(@TempDir Path dir) throws IOException {
    ManualClock clock = new ManualClock(0);
    try (LaminarDB db = builder(dir, Durability.GROUP).clock(clock).checkpointInterval(Duration.ofSeconds(10))
        .checkpointRetention(2).walSegmentBytes(1024).build()) {
      db.execute(RecoveryTest.DDL);
      db.start();
      for (int round = 0; round < 4; round++) {
        RecoveryTest.push(db, round * 40, round * 40 + 40);
        db.awaitIdle();
        clock.advance(Duration.ofSeconds(10));
        RecoveryTest.push(db, round * 40 + 40, round * 40 + 40);
        db.sourceUntyped("t").watermark(0);
        db.awaitIdle();
        // The periodic checkpoint runs at the end of the step after the clock passed the interval.
        db.execute("SELECT * FROM totals");
      }
      db.shutdownNow();
    }
    List<Path> kept = list(dir.resolve("checkpoints"));
    assertThat(kept).hasSize(2);
    try (LaminarDB db = builder(dir, Durability.GROUP).build()) {
      assertThat(db.recoveredCheckpoint().checkpointId()).isGreaterThanOrEqualTo(3);
      assertThat(db.recoveredCheckpoint().resumePosition("t")).isEqualTo(160);
    }
    // Segments the retained checkpoints cover were truncated: far fewer than 160 rows' worth remain.
    assertThat(list(dir.resolve("wal")).size()).isLessThan(8);
  }

  @Test
  void diskFullDuringACheckpointIsAClearErrorAndThePreviousCheckpointSurvives(@TempDir Path dir) {
    FaultInjectingStorageFiles files = new FaultInjectingStorageFiles(LocalStorageFiles.INSTANCE);
    try (LaminarDB db = Builders.withFiles(builder(dir, Durability.NONE), files).build()) {
      db.execute(RecoveryTest.DDL);
      db.start();
      RecoveryTest.push(db, 0, 20);
      assertThat(db.checkpoint().checkpointId()).isEqualTo(1);
      RecoveryTest.push(db, 20, 40);
      files.diskFullAfter(10);
      assertThatThrownBy(db::checkpoint).isInstanceOf(LaminarException.class).hasMessageContaining("LDB-6001")
          .hasMessageContaining("No space left").hasMessageContaining("previous checkpoints are intact");
      assertThat(db.pipelineState()).isEqualTo(PipelineState.RUNNING);
      files.heal();
      RecoveryTest.push(db, 40, 50);
      assertThat(db.checkpoint().checkpointId()).isEqualTo(3);
      files.failPathsContaining("checkpoints");
      db.shutdownNow();
    }
    try (LaminarDB db = builder(dir, Durability.NONE).build()) {
      assertThat(db.recoveredCheckpoint().checkpointId()).isEqualTo(3);
      assertThat(db.recoveredCheckpoint().sourcePosition("t")).isEqualTo(50);
    }
  }

  @Test
  void aFailingLogFaultsThePipeline(@TempDir Path dir) {
    FaultInjectingStorageFiles files = new FaultInjectingStorageFiles(LocalStorageFiles.INSTANCE);
    try (LaminarDB db = Builders.withFiles(builder(dir, Durability.EVERY_PUSH), files).build()) {
      db.execute(RecoveryTest.DDL);
      db.start();
      RecoveryTest.push(db, 0, 10);
      files.diskFullAfter(0);
      assertThatThrownBy(() -> RecoveryTest.push(db, 10, 11)).hasMessageContaining("LDB-6006")
          .hasMessageContaining("No space left");
      assertThat(db.pipelineState()).isEqualTo(PipelineState.FAULTED);
      files.heal();
      assertThatThrownBy(() -> RecoveryTest.push(db, 11, 12)).hasMessageContaining("LDB-6008");
      assertThatThrownBy(db::checkpoint).hasMessageContaining("LDB-6008");
      db.shutdownNow();
    }
    try (LaminarDB db = builder(dir, Durability.EVERY_PUSH).build()) {
      assertThat(db.recoveredCheckpoint().resumePosition("t")).isEqualTo(10);
    }
  }

  @Test
  void anUnusableStorageDirectoryIsAClearError(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    assertThatThrownBy(() -> builder(file.resolve("db"), Durability.GROUP).build())
        .isInstanceOf(LaminarException.class).hasMessageContaining("LDB-6003")
        .hasMessageContaining("plain-file");
  }
}
