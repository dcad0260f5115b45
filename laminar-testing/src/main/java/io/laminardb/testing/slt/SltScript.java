package io.laminardb.testing.slt;

import java.util.List;

/**
 * A parsed {@code .slt} file.
 *
 * @param name how failures name the file, for example {@code ddl/drop.slt}
 * @param lines the file's lines, kept so that rewrite mode can replace expected blocks
 * @param records the records in file order
 */
public record SltScript(String name, List<String> lines, List<SltRecord> records) {
  public SltScript {
    lines = List.copyOf(lines);
    records = List.copyOf(records);
  }
}
