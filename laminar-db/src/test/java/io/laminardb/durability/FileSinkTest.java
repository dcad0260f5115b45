package io.laminardb.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laminardb.Durability;
import io.laminardb.LaminarDB;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** INTO FILES: epochs become visible at checkpoints, exactly once across crashes. */
class FileSinkTest {
  static final String DDL = """
      CREATE SOURCE t (k VARCHAR NOT NULL, v BIGINT NOT NULL, ts BIGINT NOT NULL,
                       WATERMARK FOR ts AS ts - INTERVAL '0' MILLISECOND);
      CREATE STREAM w AS SELECT k, TUMBLE_START(ts, INTERVAL '10' MILLISECOND) AS ws, COUNT(*) AS n
        FROM t GROUP BY k, TUMBLE(ts, INTERVAL '10' MILLISECOND);
      """;

  static LaminarDB open(Path dir) {
    return LaminarDB.builder().storageDir(dir).durability(Durability.GROUP).deterministic(true).build();
  }

  /** Committed output: the part files in epoch order, concatenated. */
  static List<String> committed(Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return lines;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList()) {
        lines.addAll(Files.readAllLines(p));
      }
    }
    return lines;
  }

  static void push(LaminarDB db, int from, int to) {
    for (int i = from; i < to; i++) {
      db.sourceUntyped("t").push("k" + (i % 2), (long) i, (long) i);
    }
  }

  static List<String> expected(int rows) {
    List<String> out = new ArrayList<>();
    for (int w = 0; w + 10 <= rows; w += 10) {
      for (String k : new String[] {"k0", "k1"}) {
        out.add("{\"k\":\"" + k + "\",\"ws\":\"" + java.time.LocalDateTime.ofEpochSecond(0, w * 1_000_000,
            java.time.ZoneOffset.UTC) + "\",\"n\":5}");
      }
    }
    return out;
  }

  @Test
  void outputAppearsOnlyAtCheckpointsAndExactlyOnceAfterACrash(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("out");
    try (LaminarDB db = open(dir)) {
      db.execute(DDL + "CREATE SINK s FROM w INTO FILES (path = 'out', format = 'jsonl');");
      db.start();
      push(db, 0, 21);
      db.awaitIdle();
      assertThat(committed(out)).isEmpty();
      db.checkpoint();
      assertThat(sorted(committed(out))).isEqualTo(sorted(expected(20)));
      push(db, 21, 45);
      db.awaitIdle();
      db.shutdownNow();
    }
    assertThat(sorted(committed(out))).isEqualTo(sorted(expected(20)));
    try (LaminarDB db = open(dir)) {
      assertThat(db.recoveredCheckpoint().resumePosition("t")).isEqualTo(45);
      db.start();
      push(db, 45, 60);
      db.sourceUntyped("t").watermark(60);
    }
    List<String> all = committed(out);
    assertThat(sorted(all)).isEqualTo(sorted(expected(60)));
    assertThat(all).doesNotHaveDuplicates();
    try (Stream<Path> pending = Files.list(out.resolve(".pending"))) {
      assertThat(pending.toList()).isEmpty();
    }
  }

  @Test
  void csvFormat(@TempDir Path dir) throws IOException {
    try (LaminarDB db = open(dir)) {
      db.execute("CREATE SOURCE s (a VARCHAR, b BIGINT); CREATE SINK f FROM s INTO FILES (path = 'csv', "
          + "format = 'csv')");
      db.start();
      db.sourceUntyped("s").push("plain", 1L);
      db.sourceUntyped("s").push("with, comma \"q\"", null);
      db.checkpoint();
    }
    assertThat(committed(dir.resolve("csv"))).containsExactly("plain,1", "\"with, comma \"\"q\"\"\",");
  }

  @Test
  void upsertModeKeepsTheLatestRowPerKey(@TempDir Path dir) throws IOException {
    // The query's own key (GROUP BY k) is the upsert key when none is given.
    try (LaminarDB db = open(dir)) {
      db.execute("CREATE SOURCE s (k VARCHAR NOT NULL, v BIGINT NOT NULL);"
          + "CREATE SINK totals INTO FILES (path = 'up', mode = 'upsert') AS SELECT k, SUM(v) AS total FROM s"
          + " GROUP BY k");
      db.start();
      db.sourceUntyped("s").push("x", 1L);
      db.sourceUntyped("s").push("x", 2L);
    }
    assertThat(Files.readAllLines(dir.resolve("up").resolve("current.jsonl")))
        .containsExactly("{\"k\":\"x\",\"total\":3}");
    assertThatThrownBy(() -> {
      try (LaminarDB db = LaminarDB.open()) {
        db.execute("CREATE SOURCE s (a BIGINT); CREATE SINK f FROM s INTO FILES (path = 'x')");
      }
    }).hasMessageContaining("LDB-5005").hasMessageContaining("storageDir");
    Path dir2 = dir.resolve("second");
    try (LaminarDB db = open(dir2)) {
      db.execute("CREATE SOURCE s (k VARCHAR NOT NULL, v BIGINT NOT NULL);"
          + "CREATE STREAM sums AS SELECT k, SUM(v) AS total FROM s GROUP BY k;"
          + "CREATE SINK totals FROM sums INTO FILES (path = 'up', mode = 'upsert', key = 'k');");
      db.start();
      db.sourceUntyped("s").push("a", 1L);
      db.sourceUntyped("s").push("b", 2L);
      db.sourceUntyped("s").push("a", 3L);
      db.checkpoint();
      assertThat(Files.readAllLines(dir2.resolve("up").resolve("current.jsonl")))
          .containsExactly("{\"k\":\"b\",\"total\":2}", "{\"k\":\"a\",\"total\":4}");
      db.sourceUntyped("s").push("b", 10L);
      db.awaitIdle();
      db.shutdownNow();
    }
    try (LaminarDB db = open(dir2)) {
      db.start();
      db.sourceUntyped("s").push("c", 5L);
    }
    assertThat(Files.readAllLines(dir2.resolve("up").resolve("current.jsonl")))
        .containsExactlyInAnyOrder("{\"k\":\"a\",\"total\":4}", "{\"k\":\"b\",\"total\":12}",
            "{\"k\":\"c\",\"total\":5}");
  }

  @Test
  void badOptionsAreClearErrors(@TempDir Path dir) {
    try (LaminarDB db = open(dir)) {
      db.execute("CREATE SOURCE s (a BIGINT)");
      assertThatThrownBy(() -> db.execute("CREATE SINK f FROM s INTO FILES (format = 'csv')"))
          .hasMessageContaining("LDB-5005").hasMessageContaining("path");
      assertThatThrownBy(() -> db.execute("CREATE SINK f FROM s INTO FILES (path = 'x', format = 'xml')"))
          .hasMessageContaining("LDB-5005").hasMessageContaining("xml");
      assertThatThrownBy(() -> db.execute("CREATE SINK f FROM s INTO FILES (path = 'x', colour = 'red')"))
          .hasMessageContaining("LDB-5005").hasMessageContaining("colour");
      assertThatThrownBy(() -> db.execute("CREATE SINK f FROM s INTO FILES (path = 'x', mode = 'upsert')"))
          .hasMessageContaining("LDB-5005").hasMessageContaining("key");
      assertThatThrownBy(() -> db.execute("CREATE SINK f FROM s INTO KAFKA (topic = 'x')"))
          .hasMessageContaining("LDB-5005");
    }
  }

  static List<String> sorted(List<String> lines) {
    List<String> copy = new ArrayList<>(lines);
    copy.sort(null);
    return copy;
  }
}
