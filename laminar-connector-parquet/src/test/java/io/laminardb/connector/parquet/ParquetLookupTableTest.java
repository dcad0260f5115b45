package io.laminardb.connector.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laminardb.ExecuteResult;
import io.laminardb.LaminarDB;
import io.laminardb.Row;
import io.laminardb.core.lookup.LookupSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CREATE LOOKUP TABLE ... FROM PARQUET over files written here with parquet-hadoop's example writer. */
class ParquetLookupTableTest {
  private static final MessageType FILE_SCHEMA = MessageTypeParser.parseMessageType("message instruments {"
      + " required int64 id; optional binary symbol (STRING); optional double weight;"
      + " optional int32 listed (DATE); optional int64 updated (TIMESTAMP(MILLIS,true));"
      + " optional int64 price (DECIMAL(12,2)); optional boolean active; }");

  @TempDir
  Path dir;
  private LaminarDB db;

  @BeforeEach
  void open() {
    db = LaminarDB.open();
  }

  @AfterEach
  void close() {
    db.close();
  }

  private Path write(String name, CompressionCodecName codec, Object[]... rows) throws IOException {
    Path file = dir.resolve(name);
    SimpleGroupFactory groups = new SimpleGroupFactory(FILE_SCHEMA);
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withConf(new PlainParquetConfiguration()).withType(FILE_SCHEMA).withCompressionCodec(codec).build()) {
      for (Object[] r : rows) {
        Group g = groups.newGroup().append("id", (Long) r[0]);
        if (r[1] != null) {
          g.append("symbol", (String) r[1]);
        }
        if (r[2] != null) {
          g.append("weight", (Double) r[2]);
        }
        g.append("listed", (int) ((LocalDate) r[3]).toEpochDay());
        g.append("updated", (Long) r[4]);
        g.append("price", (Long) r[5]);
        g.append("active", (Boolean) r[6]);
        w.write(g);
      }
    }
    return file;
  }

  private static List<List<Object>> values(ExecuteResult r) {
    List<List<Object>> out = new ArrayList<>();
    for (Row row : r.rows()) {
      out.add(Arrays.asList(row.values()));
    }
    return out;
  }

  @Test
  void readsTypedRowsFromAFileAndAnswersLookups() throws IOException {
    Path file = write("a.parquet", CompressionCodecName.SNAPPY,
        new Object[] {1L, "AAPL", 0.5, LocalDate.of(1980, 12, 12), 1_700_000_000_123L, 18_950L, true},
        new Object[] {2L, null, null, LocalDate.of(2000, 1, 1), 0L, -5L, false});
    db.execute("CREATE LOOKUP TABLE instruments (id BIGINT PRIMARY KEY, symbol VARCHAR, weight DOUBLE,"
        + " listed DATE, updated TIMESTAMP, price DECIMAL(12, 2), active BOOLEAN) FROM PARQUET (path = '"
        + file + "')");
    assertThat(values(db.execute("SELECT * FROM instruments ORDER BY id"))).containsExactly(
        List.of(1L, "AAPL", 0.5, LocalDate.of(1980, 12, 12), LocalDateTime.of(2023, 11, 14, 22, 13, 20, 123_000_000),
            new BigDecimal("189.50"), true),
        Arrays.asList(2L, null, null, LocalDate.of(2000, 1, 1), LocalDateTime.of(1970, 1, 1, 0, 0),
            new BigDecimal("-0.05"), false));
    assertThat(values(db.execute("SHOW LOOKUP TABLES"))).containsExactly(List.of("instruments", "id",
        "parquet " + file, "full"));
    assertThat(db.metrics().lookups().get("instruments").rowsLoaded()).isEqualTo(2);
    assertThat(values(db.execute("SELECT id FROM instruments WHERE active"))).containsExactly(List.of(1L));
    assertThat(values(db.execute("SELECT id FROM instruments WHERE NOT active AND price < 0")))
        .containsExactly(List.of(2L));
  }

  @Test
  void projectionAndPredicatesReadOnlyWhatAQueryNeeds() throws IOException {
    Path file = write("b.parquet", CompressionCodecName.UNCOMPRESSED,
        new Object[] {1L, "A", 1.0, LocalDate.EPOCH, 0L, 1L, true},
        new Object[] {2L, "B", 2.0, LocalDate.EPOCH, 0L, 2L, false},
        new Object[] {3L, "C", 3.0, LocalDate.EPOCH, 0L, 3L, true});
    var schema = new io.laminardb.core.type.Schema(List.of(
        new io.laminardb.core.type.Field("id", io.laminardb.core.type.DataType.of(
            io.laminardb.core.type.TypeKind.BIGINT)),
        new io.laminardb.core.type.Field("symbol", io.laminardb.core.type.DataType.of(
            io.laminardb.core.type.TypeKind.VARCHAR)),
        new io.laminardb.core.type.Field("active", io.laminardb.core.type.DataType.of(
            io.laminardb.core.type.TypeKind.BOOLEAN))));
    var connector = new ParquetLookupConnectorFactory().create("t", schema, new int[] {0},
        java.util.Map.of("path", dir.toString()));
    try (var table = new io.laminardb.internal.lookup.ConnectorLookupTable("t", schema, new int[] {0}, connector,
        io.laminardb.internal.lookup.LookupCacheConfig.of(io.laminardb.internal.lookup.LookupCacheConfig.Mode.FULL),
        java.time.Clock.systemUTC(), e -> { })) {
      LookupSource active = table.restrict(List.of(new io.laminardb.core.lookup.LookupPredicate(2,
          io.laminardb.core.lookup.LookupPredicate.Op.EQ, List.of(1L))), new int[] {1});
      assertThat(active.lookupLong(1)).containsExactly(1L, "A", null);
      assertThat(active.lookupLong(2)).isNull();
      assertThat(table.lookupLong(2)).containsExactly(2L, "B", 0L);
      assertThat(table.cachedRows()).isEqualTo(5);
    }
  }

  @Test
  void streamJoinsAParquetLookupTable() throws IOException {
    Path file = write("d.parquet", CompressionCodecName.SNAPPY,
        new Object[] {1L, "AAPL", 0.5, LocalDate.EPOCH, 0L, 100L, true},
        new Object[] {2L, "MSFT", 0.25, LocalDate.EPOCH, 0L, 200L, false});
    db.execute("CREATE LOOKUP TABLE instruments (id BIGINT PRIMARY KEY, symbol VARCHAR, weight DOUBLE,"
        + " active BOOLEAN) FROM PARQUET (path = '" + file + "')");
    db.execute("CREATE SOURCE trades (instrument BIGINT NOT NULL, qty BIGINT NOT NULL)");
    db.execute("CREATE STREAM weighted AS SELECT i.symbol, t.qty * i.weight AS exposure FROM trades t"
        + " JOIN instruments i ON t.instrument = i.id WHERE i.weight > 0.3");
    var sub = db.subscribe("weighted", Row.class);
    db.start();
    var trades = db.sourceUntyped("trades");
    trades.push(1L, 10L);
    trades.push(2L, 10L);
    trades.push(3L, 10L);
    trades.push(1L, 4L);
    db.awaitIdle();
    List<List<Object>> out = new ArrayList<>();
    for (Row r : sub.poll()) {
      out.add(Arrays.asList(r.values()));
    }
    assertThat(out).containsExactly(List.of("AAPL", 5.0), List.of("AAPL", 2.0));
    assertThatThrownBy(() -> db.execute("DROP LOOKUP TABLE instruments")).hasMessageStartingWith("[LDB-1002]")
        .hasMessageContaining("weighted");
    db.execute("DROP LOOKUP TABLE instruments CASCADE");
    assertThat(values(db.execute("SHOW STREAMS"))).isEmpty();
  }

  @Test
  void mismatchedAndMissingFilesAreReportedWithCodes() throws IOException {
    Path file = write("c.parquet", CompressionCodecName.UNCOMPRESSED,
        new Object[] {1L, "A", 1.0, LocalDate.EPOCH, 0L, 1L, true});
    assertThatThrownBy(() -> db.execute("CREATE LOOKUP TABLE t (id BIGINT PRIMARY KEY, symbol BIGINT) FROM"
        + " PARQUET (path = '" + file + "')")).hasMessageStartingWith("[LDB-5100]")
        .hasMessageContaining("'symbol'");
    assertThatThrownBy(() -> db.execute("CREATE LOOKUP TABLE t (id BIGINT PRIMARY KEY, nope INT) FROM"
        + " PARQUET (path = '" + file + "')")).hasMessageStartingWith("[LDB-5100]")
        .hasMessageContaining("is not in");
    assertThatThrownBy(() -> db.execute("CREATE LOOKUP TABLE t (id BIGINT PRIMARY KEY) FROM PARQUET (path = '"
        + dir.resolve("missing.parquet") + "')")).hasMessageStartingWith("[LDB-5003]");
    assertThatThrownBy(() -> db.execute("CREATE LOOKUP TABLE t (id BIGINT PRIMARY KEY) FROM PARQUET"
        + " (file = 'x')")).hasMessageStartingWith("[LDB-5005]");
  }
}
