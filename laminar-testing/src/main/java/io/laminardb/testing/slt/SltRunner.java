package io.laminardb.testing.slt;

import io.laminardb.ColumnInfo;
import io.laminardb.ExecuteResult;
import io.laminardb.LaminarDB;
import io.laminardb.Row;
import io.laminardb.Subscription;
import io.laminardb.UntypedSourceHandle;
import io.laminardb.common.error.LaminarException;
import io.laminardb.common.time.ManualClock;
import io.laminardb.testing.slt.SltRecord.ExpectedBlock;
import io.laminardb.testing.slt.SltRecord.ExpectedError;
import io.laminardb.testing.slt.SltRecord.RowText;
import io.laminardb.testing.slt.SltRecord.SortMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs {@code .slt} files (dialect: {@link SltParser}) against the embedded database.
 *
 * <p>Each file gets a fresh database built with {@code deterministic(true)} and a {@link ManualClock} at
 * epoch 0, closed when the file ends. Records run in order and a failure does not stop the file, so
 * that one unsupported feature does not hide the rest: a failing {@code statement ok} or {@code push}
 * is recorded and the file goes on; a failed {@code subscribe} is recorded and later {@code expect}
 * records on that name are skipped. Only failures that make the rest meaningless stop the file: a
 * failing {@code control start} or await-idle, an unsupported control record, a malformed push row, an
 * {@code expect} on a name never subscribed. All failures of a file are thrown together as one
 * {@link AssertionError}, each line starting with {@code file.slt:LINE:}.
 *
 * <p>Rewrite mode (system property {@code slt.rewrite=true}) replaces each mismatching expected block
 * with the actual rows, in place, instead of failing; errors and type-letter mismatches still fail.
 * System property {@code slt.timeoutSeconds} (default 60) bounds every await-idle.
 */
public final class SltRunner {
  /** System property enabling rewrite mode. */
  public static final String REWRITE_PROPERTY = "slt.rewrite";

  /** System property bounding each await-idle, in seconds. */
  public static final String TIMEOUT_PROPERTY = "slt.timeoutSeconds";

  /** Features that {@code require} may name and that are not available yet: files needing them skip. */
  public static final Set<String> UNAVAILABLE_FEATURES = Set.of();

  private final boolean rewrite;
  private final Duration timeout;
  private final Set<String> unavailableFeatures;

  /** A runner configured from system properties. */
  public SltRunner() {
    this(Boolean.getBoolean(REWRITE_PROPERTY),
        Duration.ofSeconds(Long.getLong(TIMEOUT_PROPERTY, 60L)), UNAVAILABLE_FEATURES);
  }

  public SltRunner(boolean rewrite, Duration timeout, Set<String> unavailableFeatures) {
    this.rewrite = rewrite;
    this.timeout = timeout;
    this.unavailableFeatures = Set.copyOf(unavailableFeatures);
  }

  /**
   * Runs one file; {@code name} is how failures refer to it (for example {@code ddl/drop.slt}). In
   * rewrite mode, the file is rewritten in place when an expected block changed.
   */
  public void run(Path file, String name) throws IOException {
    SltScript script = SltParser.parse(name, Files.readAllLines(file, StandardCharsets.UTF_8));
    Outcome outcome = run(script);
    if (outcome.rewritten() != null) {
      Files.writeString(file, String.join("\n", outcome.rewritten()) + "\n", StandardCharsets.UTF_8);
    }
    outcome.throwIfFailed();
  }

  /** Runs a parsed script and reports its failures (and, in rewrite mode, the rewritten lines). */
  public Outcome run(SltScript script) {
    FileRun run = new FileRun(script);
    run.execute();
    List<String> rewritten = rewrite && run.rewriter.hasChanges() ? run.rewriter.rewrite() : null;
    return new Outcome(script.name(), run.failures, run.exceptions, rewritten);
  }

  /**
   * What running one file produced.
   *
   * @param failures one message per failure, each starting with {@code file:line:}
   * @param exceptions unexpected exceptions behind some failures (for their stack traces)
   * @param rewritten the file's new lines in rewrite mode, or null when nothing changed
   */
  public record Outcome(String name, List<String> failures, List<Throwable> exceptions,
      List<String> rewritten) {
    public boolean passed() {
      return failures.isEmpty();
    }

    /** Throws an {@link AssertionError} listing every failure, if any. */
    public void throwIfFailed() {
      if (failures.isEmpty()) {
        return;
      }
      String message = failures.size() == 1 ? failures.get(0)
          : failures.size() + " failures in " + name + ":\n" + String.join("\n", failures);
      AssertionError error = new AssertionError(message);
      if (!exceptions.isEmpty()) {
        error.initCause(exceptions.get(0));
        exceptions.stream().skip(1).forEach(error::addSuppressed);
      }
      throw error;
    }
  }

  /** Stops the current file. */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stop() {
      super(null, null, false, false);
    }
  }

  /** The state of one file's run. */
  private final class FileRun {
    private final SltScript script;
    private final ExpectedBlockRewriter rewriter;
    private final List<String> failures = new ArrayList<>();
    private final List<Throwable> exceptions = new ArrayList<>();
    private final Map<String, Subscription<Row>> subscriptions = new LinkedHashMap<>();
    private final Set<String> failedSubscriptions = new HashSet<>();
    private final ManualClock clock = new ManualClock(0L);
    private LaminarDB db;
    private boolean started;

    FileRun(SltScript script) {
      this.script = script;
      this.rewriter = new ExpectedBlockRewriter(script.lines());
    }

    void execute() {
      try {
        for (SltRecord record : script.records()) {
          if (record instanceof SltRecord.Require r) {
            if (unavailableFeatures.contains(r.feature())) {
              Assumptions.abort(script.name() + " requires unavailable feature '" + r.feature() + "'");
            }
            continue;
          }
          if (db == null) {
            db = open(record.line());
          }
          executeRecord(record);
        }
      } catch (Stop stop) {
        // the failure is recorded
      } finally {
        close();
      }
    }

    /** Files that checkpoint or restart run on a temporary storage directory; the others in memory. */
    private java.nio.file.Path storageDir;

    private LaminarDB open(int line) {
      try {
        boolean durable = false;
        for (SltRecord r : script.records()) {
          durable |= r instanceof SltRecord.Checkpoint || r instanceof SltRecord.Restart;
        }
        if (durable && storageDir == null) {
          storageDir = java.nio.file.Files.createTempDirectory("slt-recovery-");
        }
        LaminarDB.Builder builder = LaminarDB.builder().deterministic(true).clock(clock);
        return durable ? builder.storageDir(storageDir).build() : builder.build();
      } catch (java.io.IOException e) {
        throw stop(line, "could not create a storage directory: " + e, e);
      } catch (RuntimeException e) {
        throw stop(line, "could not open the database: " + describe(e), e);
      }
    }

    private void close() {
      for (Subscription<Row> s : subscriptions.values()) {
        try {
          s.close();
        } catch (RuntimeException e) {
          fail(0, "closing subscription " + s.name() + " failed: " + describe(e), e);
        }
      }
      if (db != null) {
        try {
          db.close();
        } catch (RuntimeException e) {
          fail(0, "closing the database failed: " + describe(e), e);
        }
      }
      if (storageDir != null) {
        try (java.util.stream.Stream<java.nio.file.Path> paths = java.nio.file.Files.walk(storageDir)) {
          for (java.nio.file.Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
            java.nio.file.Files.deleteIfExists(p);
          }
        } catch (java.io.IOException e) {
          fail(0, "removing the storage directory failed: " + e, e);
        }
      }
    }

    private void restart(int line) {
      if (started) {
        awaitIdle(line);
      }
      for (Subscription<Row> s : subscriptions.values()) {
        s.close();
      }
      db.shutdownNow();
      db = open(line);
      for (Map.Entry<String, Subscription<Row>> e : subscriptions.entrySet()) {
        try {
          e.setValue(db.subscribe(e.getKey()));
        } catch (RuntimeException ex) {
          throw stop(line, "re-subscribing to " + e.getKey() + " after the restart failed: " + describe(ex), ex);
        }
      }
      if (started) {
        try {
          db.start();
        } catch (RuntimeException ex) {
          throw stop(line, "start after the restart failed: " + describe(ex), ex);
        }
      }
    }

    private void executeRecord(SltRecord record) {
      switch (record) {
        case SltRecord.StatementOk s -> {
          try {
            db.execute(s.sql());
          } catch (RuntimeException e) {
            fail(s.line(), "expected the statement to succeed but got " + describe(e), e);
          }
        }
        case SltRecord.StatementCount s -> {
          ExecuteResult result;
          try {
            result = db.execute(s.sql());
          } catch (RuntimeException e) {
            fail(s.line(), "expected the statement to succeed but got " + describe(e), e);
            return;
          }
          if (!(result instanceof ExecuteResult.RowsAffected(long count)) || count != s.count()) {
            fail(s.line(), "expected RowsAffected[count=" + s.count() + "] but got " + result, null);
          }
        }
        case SltRecord.StatementError s -> {
          ExecuteResult result;
          try {
            result = db.execute(s.sql());
          } catch (RuntimeException e) {
            checkError(s.line(), s.error(), e);
            return;
          }
          fail(s.line(), "expected " + s.error().describe() + " but the statement succeeded: " + result, null);
        }
        case SltRecord.Query q -> query(q);
        case SltRecord.Push p -> push(p);
        case SltRecord.Watermark w -> {
          try {
            db.sourceUntyped(w.source()).watermark(w.epochMillis());
          } catch (RuntimeException e) {
            fail(w.line(), "watermark " + w.source() + " failed: " + describe(e), e);
          }
        }
        case SltRecord.CheckWatermark c -> checkWatermark(c);
        case SltRecord.Subscribe s -> subscribe(s);
        case SltRecord.Expect e -> expect(e);
        case SltRecord.Start s -> {
          try {
            db.start();
            started = true;
          } catch (RuntimeException e) {
            throw stop(s.line(), "start failed: " + describe(e), e);
          }
        }
        case SltRecord.AwaitIdle a -> {
          if (!started) {
            throw stop(a.line(), "control await-idle before control start would wait forever", null);
          }
          awaitIdle(a.line());
        }
        case SltRecord.AdvanceClock c -> {
          // Time moves between steps: everything pushed so far is processed at the old time.
          if (started) {
            awaitIdle(c.line());
          }
          clock.advance(c.by());
        }
        case SltRecord.Checkpoint c -> {
          if (!started) {
            throw stop(c.line(), "control checkpoint before control start: no step has run", null);
          }
          try {
            db.checkpoint();
          } catch (RuntimeException e) {
            fail(c.line(), "checkpoint failed: " + describe(e), e);
          }
        }
        case SltRecord.Restart r -> restart(r.line());
        case SltRecord.Unsupported u ->
            throw stop(u.line(), u.command() + " is not supported yet (it belongs to the durability work)", null);
        case SltRecord.Require r -> {
          // handled before the database opens
        }
      }
    }

    private void query(SltRecord.Query q) {
      ExecuteResult result;
      try {
        result = db.execute(q.sql());
      } catch (RuntimeException e) {
        fail(q.line(), "expected rows but got " + describe(e), e);
        return;
      }
      if (!(result instanceof ExecuteResult.Rows rows)) {
        fail(q.line(), "expected rows but got " + result, null);
        return;
      }
      compare(q.line(), q.types(), rows.columns(), rows.rows(), q.sort(), q.expected());
    }

    private void push(SltRecord.Push p) {
      boolean lenient = p.error() != null;
      try {
        UntypedSourceHandle source = db.sourceUntyped(p.source());
        List<ColumnInfo> schema = source.schema();
        List<Object[]> values = new ArrayList<>();
        for (RowText row : p.rows()) {
          try {
            values.add(RowLiterals.parseRow(row.text(), schema, lenient));
          } catch (IllegalArgumentException e) {
            throw stop(row.line(), "bad row literal: " + e.getMessage(), null);
          }
        }
        int accepted = source.pushRows(values);
        if (p.error() != null) {
          fail(p.line(), "expected " + p.error().describe() + " but the push succeeded (" + accepted
              + " rows accepted)", null);
        } else if (accepted != values.size()) {
          fail(p.line(), "push accepted " + accepted + " of " + values.size() + " rows", null);
        }
      } catch (Stop s) {
        throw s;
      } catch (RuntimeException e) {
        if (p.error() != null) {
          checkError(p.line(), p.error(), e);
        } else {
          fail(p.line(), "push into " + p.source() + " failed: " + describe(e), e);
        }
      }
    }

    private void checkWatermark(SltRecord.CheckWatermark c) {
      if (started) {
        awaitIdle(c.line());
      }
      long actual;
      try {
        actual = db.sourceUntyped(c.source()).currentWatermark();
      } catch (RuntimeException e) {
        fail(c.line(), "reading the watermark of " + c.source() + " failed: " + describe(e), e);
        return;
      }
      long expected = c.expected() == null ? Long.MIN_VALUE : c.expected();
      if (actual != expected) {
        fail(c.line(), "expected watermark " + watermarkText(expected) + " but got " + watermarkText(actual), null);
      }
    }

    private static String watermarkText(long millis) {
      return millis == Long.MIN_VALUE ? "none" : Long.toString(millis);
    }

    private void subscribe(SltRecord.Subscribe s) {
      if (s.error() == null && subscriptions.containsKey(s.name())) {
        throw stop(s.line(), "already subscribed to " + s.name(), null);
      }
      Subscription<Row> subscription;
      try {
        subscription = db.subscribe(s.name());
      } catch (RuntimeException e) {
        if (s.error() != null) {
          checkError(s.line(), s.error(), e);
          return;
        }
        failedSubscriptions.add(s.name());
        fail(s.line(), "subscribe " + s.name() + " failed: " + describe(e), e);
        return;
      }
      if (s.error() != null) {
        subscription.close();
        fail(s.line(), "expected " + s.error().describe() + " but the subscription opened", null);
        return;
      }
      failedSubscriptions.remove(s.name());
      subscriptions.put(s.name(), subscription);
    }

    private void expect(SltRecord.Expect e) {
      if (failedSubscriptions.contains(e.name())) {
        return; // its subscribe failure is already reported
      }
      Subscription<Row> subscription = subscriptions.get(e.name());
      if (subscription == null) {
        throw stop(e.line(), "no subscription named " + e.name() + "; add 'subscribe " + e.name()
            + "' before it", null);
      }
      if (started) {
        awaitIdle(e.line());
      }
      List<Row> rows;
      try {
        rows = subscription.poll();
      } catch (RuntimeException ex) {
        throw stop(e.line(), "poll of " + e.name() + " failed: " + describe(ex), ex);
      }
      compare(e.line(), e.types(), subscription.columns(), rows == null ? List.of() : rows, e.sort(),
          e.expected());
    }

    private void awaitIdle(int line) {
      try {
        db.awaitIdle(timeout);
      } catch (RuntimeException e) {
        throw stop(line, "await-idle failed: " + describe(e), e);
      }
    }

    private void compare(int line, String types, List<ColumnInfo> columns, List<Row> rows, SortMode sort,
        ExpectedBlock expected) {
      if (types != null && columns != null && types.length() != columns.size()) {
        fail(line, "expected " + types.length() + " columns (" + types + ") but got " + columns.size()
            + ": " + columns, null);
        return;
      }
      List<String> actual = new ArrayList<>(rows.size());
      for (Row row : rows) {
        if (types != null && types.length() != row.size()) {
          fail(line, "expected " + types.length() + " columns (" + types + ") but a row has " + row.size()
              + ": " + row, null);
          return;
        }
        try {
          actual.add(ValueRenderer.renderRow(Arrays.asList(row.values()), types).stripTrailing());
        } catch (ValueRenderer.TypeLetterMismatch m) {
          fail(line, m.getMessage() + " in row " + row, null);
          return;
        }
      }
      List<String> wanted = new ArrayList<>(expected.rows());
      if (sort == SortMode.ROWSORT) {
        actual.sort(null);
        wanted.sort(null);
      }
      if (actual.equals(wanted)) {
        return;
      }
      if (rewrite) {
        rewriter.replace(expected, actual);
        return;
      }
      fail(line, "expected " + block(wanted) + "\n  but got " + block(actual), null);
    }

    private void checkError(int line, ExpectedError expected, RuntimeException e) {
      if (!(e instanceof LaminarException le)) {
        fail(line, "expected " + expected.describe() + " but got " + describe(e), e);
        return;
      }
      boolean codeOk = expected.code() == null || expected.code().equals(le.code());
      boolean messageOk = expected.message() == null
          || expected.message().matcher(String.valueOf(le.getMessage())).find();
      if (!codeOk || !messageOk) {
        fail(line, "expected " + expected.describe() + " but got " + describe(e), null);
      }
    }

    private void fail(int line, String message, Throwable cause) {
      failures.add(script.name() + ":" + line + ": " + message);
      if (cause != null) {
        exceptions.add(cause);
      }
    }

    private Stop stop(int line, String message, Throwable cause) {
      fail(line, message, cause);
      return new Stop();
    }
  }

  private static String block(List<String> rows) {
    if (rows.isEmpty()) {
      return "no rows";
    }
    StringBuilder sb = new StringBuilder().append(rows.size()).append(rows.size() == 1 ? " row:" : " rows:");
    for (String r : rows) {
      sb.append("\n    ").append(r);
    }
    return sb.toString();
  }

  private static String describe(Throwable e) {
    if (e instanceof LaminarException) {
      return e.getMessage();
    }
    return e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
