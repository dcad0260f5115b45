package io.laminardb.testing.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests: a fresh cluster in a temporary directory, listening on loopback at a
 * free high port, with its unix socket in that directory. It uses the distribution's binaries
 * ({@code apt-get install postgresql}; {@code scripts/test.sh} installs them) and runs them as the
 * {@code postgres} user when the tests run as root, because {@code initdb} refuses root.
 *
 * <p>{@link #stop()} and {@link #start()} take the same cluster down and up again on the same port, so
 * failure tests can see a client lose and regain its server. Trust authentication; user {@code postgres}.
 */
public final class PostgresTestServer implements AutoCloseable {
  private static final long COMMAND_TIMEOUT_SECONDS = 120;

  private final Path binDir;
  private final Path dir;
  private final Path data;
  private final int port;
  private final boolean asPostgresUser;
  private boolean running;

  private PostgresTestServer(Path binDir, Path dir, int port, boolean asPostgresUser) {
    this.binDir = binDir;
    this.dir = dir;
    this.data = dir.resolve("data");
    this.port = port;
    this.asPostgresUser = asPostgresUser;
  }

  /** Creates a new cluster and starts it. */
  public static PostgresTestServer start(String name) {
    Path bin = findBinaries();
    boolean root = "root".equals(System.getProperty("user.name"));
    try {
      Path dir = Files.createTempDirectory("laminar-pg-" + name + "-");
      PostgresTestServer server = new PostgresTestServer(bin, dir, freePort(), root);
      if (root) {
        server.run(List.of("chown", "postgres", dir.toString()), false);
      }
      server.run(List.of(bin.resolve("initdb").toString(), "-D", server.data.toString(), "-A", "trust",
          "-U", "postgres", "-E", "UTF8", "--no-sync", "--locale=C"), root);
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the (stopped) cluster again on the same port; returns once it accepts connections. */
  public synchronized void start() {
    if (running) {
      return;
    }
    String options = "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
        + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=50 -c log_statement=all";
    run(List.of(binDir.resolve("pg_ctl").toString(), "-D", data.toString(), "-o", options, "-l",
        dir.resolve("server.log").toString(), "-w", "-t", "60", "start"), asPostgresUser);
    running = true;
  }

  /** Stops the server (fast shutdown: open connections are closed); the cluster stays for {@link #start()}. */
  public synchronized void stop() {
    if (!running) {
      return;
    }
    run(List.of(binDir.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "-t", "60",
        "stop"), asPostgresUser);
    running = false;
  }

  public synchronized boolean isRunning() {
    return running;
  }

  public int port() {
    return port;
  }

  public String host() {
    return "127.0.0.1";
  }

  /** {@code jdbc:postgresql://127.0.0.1:PORT/postgres?user=postgres}. */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
  }

  /** Runs SQL through {@code psql} (for set-up without a JDBC driver); returns its unaligned output. */
  public String psql(String sql) {
    return run(List.of(binDir.resolve("psql").toString(), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
        "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", "-d", "postgres", "-c", sql), false);
  }

  @Override
  public synchronized void close() {
    try {
      stop();
    } finally {
      deleteTree(dir);
    }
  }

  private static Path findBinaries() {
    String override = System.getenv("LAMINAR_PG_BIN");
    if (override != null && Files.isExecutable(Path.of(override, "initdb"))) {
      return Path.of(override);
    }
    Path root = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(root)) {
      try (Stream<Path> versions = Files.list(root)) {
        Path best = versions.map(v -> v.resolve("bin"))
            .filter(b -> Files.isExecutable(b.resolve("initdb")))
            .max(Comparator.comparingInt(PostgresTestServer::majorVersion)).orElse(null);
        if (best != null) {
          return best;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException("PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin;"
        + " install them with 'apt-get install -y postgresql' (scripts/test.sh does) or set LAMINAR_PG_BIN");
  }

  private static int majorVersion(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private String run(List<String> command, boolean asPostgres) {
    List<String> full = new ArrayList<>();
    if (asPostgres) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    try {
      Process p = new ProcessBuilder(full).redirectErrorStream(true).directory(dir.toFile()).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out: " + full);
      }
      String text = new String(out, StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new IllegalStateException("command failed (exit " + p.exitValue() + "): " + full + "\n" + text
            + serverLog());
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + full, e);
    }
  }

  /**
   * The server log so far. Every statement is logged ({@code log_statement = all}), so tests can check what
   * a client actually sent.
   */
  public String log() {
    try {
      Path log = dir.resolve("server.log");
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String serverLog() {
    Path log = dir.resolve("server.log");
    try {
      return Files.exists(log) ? "\nserver.log:\n" + Files.readString(log) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
