package io.laminardb.internal.connector.file;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.batch.Batch;
import io.laminardb.core.json.Json;
import io.laminardb.core.type.Schema;
import io.laminardb.internal.value.ValueCodec;
import java.util.LinkedHashMap;
import java.util.Map;

/** One output row as a line of JSON (an object keyed by column name) or of CSV (RFC 4180 quoting). */
enum RowFormat {
  JSONL("jsonl"),
  CSV("csv");

  private final String extension;

  RowFormat(String extension) {
    this.extension = extension;
  }

  String extension() {
    return extension;
  }

  static RowFormat of(String name) {
    for (RowFormat f : values()) {
      if (f.extension.equalsIgnoreCase(name) || (f == JSONL && "json".equalsIgnoreCase(name))) {
        return f;
      }
    }
    throw new LaminarException(ErrorCode.CONNECTOR_CONFIG, "file sink format '" + name
        + "' is not supported; use 'jsonl' or 'csv'");
  }

  String line(Schema schema, Batch rows, int row) {
    if (this == JSONL) {
      Map<String, Object> object = new LinkedHashMap<>();
      for (int c = 0; c < schema.size(); c++) {
        object.put(schema.field(c).name(), jsonValue(ValueCodec.toJava(schema.field(c).type(),
            rows.getStored(c, row))));
      }
      return Json.write(object) + "\n";
    }
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < schema.size(); c++) {
      if (c > 0) {
        line.append(',');
      }
      Object v = ValueCodec.toJava(schema.field(c).type(), rows.getStored(c, row));
      if (v != null) {
        String text = String.valueOf(v);
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
            || text.indexOf('\r') >= 0) {
          text = '"' + text.replace("\"", "\"\"") + '"';
        }
        line.append(text);
      }
    }
    return line.append('\n').toString();
  }

  private static Object jsonValue(Object v) {
    return switch (v) {
      case null -> null;
      case Long l -> l;
      case Integer i -> (long) i;
      case Short s -> (long) s;
      case Double d -> d.isNaN() || d.isInfinite() ? d.toString() : d;
      case Float f -> (double) f;
      case Boolean b -> b;
      case String s -> s;
      default -> v.toString();
    };
  }
}
