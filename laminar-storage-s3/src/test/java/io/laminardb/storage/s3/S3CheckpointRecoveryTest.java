package io.laminardb.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.laminardb.Durability;
import io.laminardb.ExecuteResult;
import io.laminardb.LaminarDB;
import io.laminardb.Row;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** End to end: checkpoints on S3, a crash (shutdownNow), a reopen that restores state from S3. */
class S3CheckpointRecoveryTest {
  private static final String DDL = """
      CREATE SOURCE t (k VARCHAR NOT NULL, v BIGINT NOT NULL, ts BIGINT NOT NULL,
                       WATERMARK FOR ts AS ts - INTERVAL '5' MILLISECOND);
      CREATE STREAM w AS SELECT k, TUMBLE_START(ts, INTERVAL '10' MILLISECOND) AS ws, COUNT(*) AS n, SUM(v) AS s
        FROM t GROUP BY k, TUMBLE(ts, INTERVAL '10' MILLISECOND);
      CREATE MATERIALIZED VIEW totals AS SELECT k, SUM(n) AS n, SUM(s) AS s FROM w GROUP BY k;
      """;

  private final S3TestServer server = S3TestServer.get();

  private LaminarDB open(Path dir, String bucket, Durability durability) {
    return LaminarDB.builder().storageDir(dir).durability(durability).deterministic(true)
        .checkpointStorage(URI.create("s3://" + bucket + "/laminar/db1"), server.options()).build();
  }

  private static void push(LaminarDB db, int from, int to) {
    var source = db.sourceUntyped("t");
    for (int i = from; i < to; i++) {
      source.push("k" + (i % 3), (long) i, 2L * i);
    }
  }

  /** The batch oracle: per key, tumbling 10 ms windows over ts = 2i that the watermark has closed. */
  private static String expected(int rows, long watermark) {
    TreeMap<String, long[]> totals = new TreeMap<>();
    for (int i = 0; i < rows; i++) {
      long ts = 2L * i;
      if (ts - ts % 10 + 10 <= watermark) {
        long[] t = totals.computeIfAbsent("k" + (i % 3), x -> new long[2]);
        t[0]++;
        t[1] += i;
      }
    }
    List<String> parts = new ArrayList<>();
    totals.forEach((k, v) -> parts.add(k + "=" + v[0] + "/" + v[1]));
    return String.join(",", parts);
  }

  private static String totals(LaminarDB db) {
    List<String> parts = new ArrayList<>();
    List<Row> rows = ((ExecuteResult.Rows) db.execute("SELECT k, n, s FROM totals ORDER BY k")).rows();
    for (Row r : rows) {
      parts.add(r.get(0) + "=" + r.get(1) + "/" + r.get(2));
    }
    return String.join(",", parts);
  }

  private List<String> objectKeys(String bucket) {
    try (S3Client c = server.client()) {
      return c.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().map(S3Object::key).sorted()
          .toList();
    }
  }

  @Test
  void windowedAggregateStateComesBackFromS3AfterACrash(@TempDir Path dir) {
    String bucket = server.newBucket();
    try (LaminarDB db = open(dir, bucket, Durability.NONE)) {
      db.execute(DDL);
      db.start();
      push(db, 0, 50);
      var result = db.checkpoint();
      assertThat(result.checkpointId()).isEqualTo(1);
      assertThat(result.stateBytes()).isPositive();
      var status = ((ExecuteResult.Rows) db.execute("SHOW CHECKPOINT STATUS")).rows();
      assertThat(status).hasSize(1);
      assertThat(status.get(0).get(3)).isEqualTo("completed");
      assertThat(status.get(0).get(4)).isEqualTo(result.stateBytes());
      assertThat(status.get(0).get(7)).isEqualTo("s3://" + bucket + "/laminar/db1");
      assertThat(db.metrics().checkpoints().completed()).isEqualTo(1);
      assertThat(db.metrics().checkpoints().lastStateBytes()).isEqualTo(result.stateBytes());
      push(db, 50, 80);
      db.awaitIdle();
      db.shutdownNow();
    }
    // Only checkpoints moved: the catalog is local, no checkpoint directory is.
    assertThat(Files.exists(dir.resolve("catalog.json"))).isTrue();
    assertThat(Files.exists(dir.resolve("checkpoints"))).isFalse();
    assertThat(objectKeys(bucket)).contains("laminar/db1/checkpoint-00000000000000000001/manifest.json")
        .allMatch(k -> k.startsWith("laminar/db1/checkpoint-00000000000000000001/"));

    try (LaminarDB db = open(dir, bucket, Durability.NONE)) {
      assertThat(db.recoveredCheckpoint().restored()).isTrue();
      assertThat(db.recoveredCheckpoint().checkpointId()).isEqualTo(1);
      assertThat(db.recoveredCheckpoint().resumePosition("t")).isEqualTo(50);
      db.start();
      push(db, 50, 100);
      db.sourceUntyped("t").watermark(10_000);
      db.awaitIdle();
      assertThat(totals(db)).isEqualTo(expected(100, 10_000));
    }
  }

  @Test
  void theLogStaysLocalAndReplaysOnTopOfTheS3Checkpoint(@TempDir Path dir) {
    String bucket = server.newBucket();
    try (LaminarDB db = open(dir, bucket, Durability.GROUP)) {
      db.execute(DDL);
      db.start();
      push(db, 0, 40);
      db.checkpoint();
      push(db, 40, 70);
      db.shutdownNow();
    }
    assertThat(Files.isDirectory(dir.resolve("wal"))).isTrue();
    try (LaminarDB db = open(dir, bucket, Durability.GROUP)) {
      assertThat(db.recoveredCheckpoint().sourcePosition("t")).isEqualTo(40);
      assertThat(db.recoveredCheckpoint().replayedRows()).containsEntry("t", 30L);
      db.start();
      push(db, 70, 100);
      db.sourceUntyped("t").watermark(10_000);
      db.awaitIdle();
      assertThat(totals(db)).isEqualTo(expected(100, 10_000));
    }
  }

  @Test
  void aDamagedNewestCheckpointInTheBucketFallsBackToThePreviousOne(@TempDir Path dir) {
    String bucket = server.newBucket();
    try (LaminarDB db = open(dir, bucket, Durability.NONE)) {
      db.execute(DDL);
      db.start();
      push(db, 0, 30);
      db.checkpoint();
      push(db, 30, 60);
      db.checkpoint();
      db.shutdownNow();
    }
    String state = objectKeys(bucket).stream()
        .filter(k -> k.startsWith("laminar/db1/checkpoint-00000000000000000002/") && !k.endsWith("manifest.json"))
        .findFirst().orElseThrow();
    try (S3Client c = server.client()) {
      byte[] b = c.getObjectAsBytes(r -> r.bucket(bucket).key(state)).asByteArray();
      b[b.length / 2] ^= 0x01;
      c.putObject(r -> r.bucket(bucket).key(state), software.amazon.awssdk.core.sync.RequestBody.fromBytes(b));
    }
    try (LaminarDB db = open(dir, bucket, Durability.NONE)) {
      assertThat(db.recoveredCheckpoint().checkpointId()).isEqualTo(1);
      assertThat(db.recoveredCheckpoint().skipped()).singleElement().asString().contains("LDB-6004")
          .contains("fails its checksum");
      assertThat(db.recoveredCheckpoint().resumePosition("t")).isEqualTo(30);
      db.start();
      push(db, 30, 90);
      db.sourceUntyped("t").watermark(10_000);
      db.awaitIdle();
      assertThat(totals(db)).isEqualTo(expected(90, 10_000));
    }
  }

  @Test
  void anUnreachableStoreFailsTheOpenAndReleasesTheDirectory(@TempDir Path dir) {
    java.util.Map<String, String> options = new java.util.HashMap<>(server.options());
    options.put("endpoint", "http://127.0.0.1:1");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LaminarDB.builder().storageDir(dir)
        .checkpointStorage(URI.create("s3://any/laminar"), options).build())
        .hasMessageContaining("LDB-6001").hasMessageContaining("cannot reach the object store (network)");
    try (LaminarDB db = LaminarDB.builder().storageDir(dir).build()) {
      assertThat(db.recoveredCheckpoint().restored()).isFalse();
    }
  }

  @Test
  void retentionDeletesOldCheckpointsFromTheBucket(@TempDir Path dir) {
    String bucket = server.newBucket();
    try (LaminarDB db = LaminarDB.builder().storageDir(dir).durability(Durability.NONE).deterministic(true)
        .checkpointRetention(2)
        .checkpointStorage(URI.create("s3://" + bucket + "/laminar/db1"), server.options()).build()) {
      db.execute(DDL);
      db.start();
      for (int i = 0; i < 4; i++) {
        push(db, i * 10, i * 10 + 10);
        db.checkpoint();
      }
      db.shutdownNow();
    }
    assertThat(objectKeys(bucket)).filteredOn(k -> k.endsWith("/manifest.json")).containsExactly(
        "laminar/db1/checkpoint-00000000000000000003/manifest.json",
        "laminar/db1/checkpoint-00000000000000000004/manifest.json");
    assertThat(objectKeys(bucket)).noneMatch(k -> k.contains("checkpoint-00000000000000000001/")
        || k.contains("checkpoint-00000000000000000002/"));
  }
}
