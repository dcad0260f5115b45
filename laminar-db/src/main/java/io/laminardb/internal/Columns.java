package io.laminardb.internal;

import io.laminardb.ColumnInfo;
import io.laminardb.core.type.Field;
import io.laminardb.core.type.Schema;
import java.util.ArrayList;
import java.util.List;

/** Public column descriptions of internal schemas. */
final class Columns {
  private Columns() {}

  static List<ColumnInfo> of(Schema schema) {
    List<ColumnInfo> list = new ArrayList<>(schema.size());
    for (Field f : schema.fields()) {
      list.add(new ColumnInfo(f.name(), f.type().sql(), f.nullable()));
    }
    return List.copyOf(list);
  }
}
