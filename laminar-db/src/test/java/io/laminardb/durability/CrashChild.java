package io.laminardb.durability;

import io.laminardb.Durability;
import io.laminardb.LaminarDB;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The pipeline {@link CrashRecoveryTest} kills: durable pushes into a windowed aggregate, a cascaded stream
 * on top of it and an exactly-once file sink. It resumes from what recovery reports and prints every
 * acknowledged row ({@code ACK i}) once its push has returned, i.e. once the row is on disk.
 *
 * <p>Arguments: storage directory, total rows.
 */
public final class CrashChild {
  static final String DDL = """
      CREATE SOURCE t (k VARCHAR NOT NULL, v BIGINT NOT NULL, ts BIGINT NOT NULL,
                       WATERMARK FOR ts AS ts - INTERVAL '0' MILLISECOND);
      CREATE STREAM w AS SELECT k, TUMBLE_START(ts, INTERVAL '20' MILLISECOND) AS ws, COUNT(*) AS n,
                                SUM(v) AS s
        FROM t GROUP BY k, TUMBLE(ts, INTERVAL '20' MILLISECOND);
      CREATE STREAM big AS SELECT k, ws, n, s * 10 AS s10 FROM w WHERE n > 1;
      CREATE SINK out FROM big INTO FILES (path = 'out', format = 'jsonl');
      """;

  private CrashChild() {}

  static Object[] row(long i) {
    return new Object[] {"k" + (i * 31 % 5), (i * 7919) % 1000, i};
  }

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    long total = Long.parseLong(args[1]);
    PrintStream out = System.out;
    try (LaminarDB db = LaminarDB.builder().storageDir(dir).durability(Durability.GROUP).deterministic(true)
        .checkpointInterval(Duration.ofMillis(25)).build()) {
      db.execute(DDL);
      db.start();
      long resume = db.recoveredCheckpoint().resumePosition("t");
      out.println("RESUME " + resume);
      out.flush();
      var source = db.sourceUntyped("t");
      for (long i = resume; i < total; i++) {
        source.push(row(i));
        out.println("ACK " + i);
        if (i % 97 == 0) {
          db.checkpoint();
        }
      }
      source.watermark(total + 1000);
    }
    out.println("DONE");
    out.flush();
  }
}
