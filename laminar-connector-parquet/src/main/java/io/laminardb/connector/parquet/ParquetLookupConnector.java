package io.laminardb.connector.parquet;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.type.Field;
import io.laminardb.core.type.Schema;
import io.laminardb.internal.lookup.LookupConnector;
import io.laminardb.internal.lookup.LookupQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * A Parquet file, or a directory of {@code *.parquet} files, as a lookup connector (F-LOOKUP-008): static
 * reference data loaded whole into a full cache. Columns are matched by name; only the projected columns
 * are decoded (the read schema is the projection), and predicates are applied as rows are read. A keyed
 * fetch is a scan that keeps the wanted keys, so partial caches work but are only sensible for small files.
 */
final class ParquetLookupConnector implements LookupConnector {
  private final String table;
  private final Schema schema;
  private final int[] primaryKey;
  private final Path path;

  ParquetLookupConnector(String table, Schema schema, int[] primaryKey, Path path) {
    this.table = table;
    this.schema = schema;
    this.primaryKey = primaryKey.clone();
    this.path = path;
  }

  @Override
  public void validate() {
    for (Path file : files()) {
      MessageType fileSchema = footer(file);
      for (Field f : schema.fields()) {
        Type column = fileSchema.containsField(f.name()) ? fileSchema.getType(f.name()) : null;
        if (column == null || !ParquetValues.compatible(column, f.type())) {
          throw new LaminarException(ErrorCode.LOOKUP_SCHEMA_MISMATCH, "lookup table '" + table + "': column '"
              + f.name() + "' declared " + f.type().sql() + (column == null ? " is not in " : " cannot be read"
              + " from " + column + " in ") + file);
        }
      }
    }
  }

  @Override
  public void fetch(List<Object[]> keys, LookupQuery query, Consumer<Object[]> rows) {
    Set<List<Object>> wanted = new HashSet<>();
    for (Object[] key : keys) {
      wanted.add(Arrays.asList(key));
    }
    scan(query, row -> {
      Object[] key = new Object[primaryKey.length];
      for (int k = 0; k < key.length; k++) {
        key[k] = row[primaryKey[k]];
      }
      if (wanted.contains(Arrays.asList(key))) {
        rows.accept(row);
      }
    });
  }

  @Override
  public void scan(LookupQuery query, Consumer<Object[]> rows) {
    int[] projected = query.readColumns(schema.size(), primaryKey);
    // Predicates are evaluated here, so their columns are decoded too and blanked after the test.
    int[] columns = withPredicateColumns(projected, query);
    for (Path file : files()) {
      MessageType fileSchema = footer(file);
      List<Type> readTypes = new ArrayList<>();
      PrimitiveType[] types = new PrimitiveType[columns.length];
      for (int i = 0; i < columns.length; i++) {
        Type t = fileSchema.getType(schema.field(columns[i]).name());
        readTypes.add(t);
        types[i] = t.asPrimitiveType();
      }
      MessageType readSchema = Types.buildMessage().addFields(readTypes.toArray(new Type[0]))
          .named(fileSchema.getName());
      PlainParquetConfiguration conf = new PlainParquetConfiguration();
      conf.set(ReadSupport.PARQUET_READ_SCHEMA, readSchema.toString());
      try (ParquetReader<Group> reader = new GroupReader(new LocalInputFile(file), conf).build()) {
        for (Group g = reader.read(); g != null; g = reader.read()) {
          Object[] row = new Object[schema.size()];
          for (int i = 0; i < columns.length; i++) {
            row[columns[i]] = ParquetValues.read(g, i, types[i], schema.field(columns[i]).type());
          }
          if (query.matches(row)) {
            if (columns.length != projected.length) {
              blankOutside(row, projected);
            }
            rows.accept(row);
          }
        }
      } catch (IOException | RuntimeException e) {
        if (e instanceof LaminarException le) {
          throw le;
        }
        throw new LaminarException(ErrorCode.CONNECTOR_READ, "lookup table '" + table + "': cannot read "
            + file + ": " + e.getMessage(), e);
      }
    }
  }

  private static int[] withPredicateColumns(int[] projected, LookupQuery query) {
    java.util.TreeSet<Integer> all = new java.util.TreeSet<>();
    for (int c : projected) {
      all.add(c);
    }
    for (var p : query.predicates()) {
      all.add(p.column());
    }
    return all.stream().mapToInt(Integer::intValue).toArray();
  }

  private static void blankOutside(Object[] row, int[] projected) {
    boolean[] keep = new boolean[row.length];
    for (int c : projected) {
      keep[c] = true;
    }
    for (int c = 0; c < row.length; c++) {
      if (!keep[c]) {
        row[c] = null;
      }
    }
  }

  /** Reads {@link Group}s through the local-file API (no Hadoop file system). */
  private static final class GroupReader extends ParquetReader.Builder<Group> {
    GroupReader(InputFile file, PlainParquetConfiguration conf) {
      super(file, conf);
    }

    @Override
    protected ReadSupport<Group> getReadSupport() {
      return new GroupReadSupport();
    }
  }

  private MessageType footer(Path file) {
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
      return reader.getFooter().getFileMetaData().getSchema();
    } catch (IOException | RuntimeException e) {
      throw new LaminarException(ErrorCode.CONNECTOR_READ, "lookup table '" + table + "': cannot read the"
          + " Parquet footer of " + file + ": " + e.getMessage(), e);
    }
  }

  private List<Path> files() {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      throw new LaminarException(ErrorCode.CONNECTOR_READ, "lookup table '" + table + "': no file or directory "
          + path);
    }
    try (Stream<Path> list = Files.list(path)) {
      List<Path> files = list.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
      if (files.isEmpty()) {
        throw new LaminarException(ErrorCode.CONNECTOR_READ, "lookup table '" + table + "': no *.parquet file"
            + " in " + path);
      }
      return files;
    } catch (IOException e) {
      throw new LaminarException(ErrorCode.CONNECTOR_READ, "lookup table '" + table + "': cannot list " + path
          + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String describe() {
    return "parquet " + path;
  }

  @Override
  public void close() {
    // files are opened per scan
  }
}
