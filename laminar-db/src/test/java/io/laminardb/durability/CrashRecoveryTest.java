package io.laminardb.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link CrashChild} in a separate JVM, kills it with SIGKILL at seeded random points (always after a
 * positive signal: the child reported a given acknowledged row), restarts it, and finally lets it finish.
 * The committed file-sink output must equal a batch evaluation of all input: nothing acknowledged lost,
 * nothing emitted twice.
 */
class CrashRecoveryTest {
  private static final int ROWS = 1500;
  private static final int KILLS = 20;

  @Test
  void killedAndRestartedPipelineOutputsEveryResultExactlyOnce(@TempDir Path dir) throws Exception {
    Random random = new Random(20261208L);
    long acknowledged = -1;
    int kills = 0;
    while (kills < KILLS) {
      Process child = start(dir);
      try (BufferedReader lines = reader(child)) {
        long resume = resumeOf(lines);
        assertThat(resume).as("resume position after kill %d", kills).isGreaterThan(acknowledged);
        long target = Math.min(ROWS - 1, resume + 1 + random.nextInt(50));
        String line;
        while ((line = lines.readLine()) != null) {
          if (line.startsWith("ACK ")) {
            acknowledged = Math.max(acknowledged, Long.parseLong(line.substring(4)));
            if (acknowledged >= target) {
              break;
            }
          }
        }
      }
      child.destroyForcibly();
      child.waitFor();
      kills++;
    }
    Process last = start(dir);
    boolean done = false;
    try (BufferedReader lines = reader(last)) {
      assertThat(resumeOf(lines)).isGreaterThan(acknowledged);
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.equals("DONE")) {
          done = true;
        }
      }
    }
    int exit = last.waitFor();
    assertThat(exit).as(() -> {
      try {
        return "child stderr:\n" + Files.readString(stderr(dir));
      } catch (IOException e) {
        return e.toString();
      }
    }).isZero();
    assertThat(done).isTrue();
    List<String> output = committed(dir.resolve("out"));
    assertThat(output).doesNotHaveDuplicates();
    List<String> sorted = new ArrayList<>(output);
    sorted.sort(null);
    assertThat(sorted).isEqualTo(expected());
  }

  private static Process start(Path dir) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-Xmx256m", "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(), dir.toString(),
        String.valueOf(ROWS)));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(stderr(dir).toFile()))
        .start();
  }

  private static Path stderr(Path dir) {
    return dir.resolveSibling(dir.getFileName() + "-child-stderr.log");
  }

  private static BufferedReader reader(Process p) {
    return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
  }

  private static long resumeOf(BufferedReader lines) throws IOException {
    String line;
    while ((line = lines.readLine()) != null) {
      if (line.startsWith("RESUME ")) {
        return Long.parseLong(line.substring(7));
      }
    }
    throw new AssertionError("the child ended without reporting its resume position");
  }

  private static List<String> committed(Path out) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(out)) {
      for (Path p : files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList()) {
        lines.addAll(Files.readAllLines(p));
      }
    }
    return lines;
  }

  /** The batch oracle: tumbling 20 ms windows per key over all rows, then the cascaded filter. */
  private static List<String> expected() {
    TreeMap<String, long[]> groups = new TreeMap<>();
    for (long i = 0; i < ROWS; i++) {
      Object[] r = CrashChild.row(i);
      long ws = (long) r[2] - (long) r[2] % 20;
      String key = r[0] + "|" + ws;
      long[] a = groups.computeIfAbsent(key, x -> new long[2]);
      a[0]++;
      a[1] += (long) r[1];
    }
    List<String> lines = new ArrayList<>();
    groups.forEach((key, a) -> {
      if (a[0] > 1) {
        String[] parts = key.split("\\|");
        String ws = java.time.LocalDateTime.ofEpochSecond(0, 0, java.time.ZoneOffset.UTC)
            .plusNanos(Long.parseLong(parts[1]) * 1_000_000).toString();
        lines.add("{\"k\":\"" + parts[0] + "\",\"ws\":\"" + ws + "\",\"n\":" + a[0] + ",\"s10\":" + a[1] * 10
            + "}");
      }
    });
    lines.sort(null);
    return lines;
  }
}
