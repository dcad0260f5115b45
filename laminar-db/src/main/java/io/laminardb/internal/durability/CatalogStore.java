package io.laminardb.internal.durability;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.json.Json;
import io.laminardb.core.state.TaggedValues;
import io.laminardb.core.storage.StorageFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored catalog, {@code catalog.json}: every object's id, kind, name and defining statement in creation
 * order, and the rows of tables. Rewritten atomically after each change (DDL is a cold path).
 */
final class CatalogStore {
  /** One stored object; {@code rows} only for tables. */
  record StoredObject(long id, String kind, String name, String sql, List<Object[]> rows) {}

  private final Path file;
  private final StorageFiles files;
  private final Map<String, StoredObject> objects = new LinkedHashMap<>();
  private long nextId = 1;

  CatalogStore(Path file, StorageFiles files) {
    this.file = file;
    this.files = files;
  }

  /** Reads the stored catalog (empty when there is none yet). */
  List<StoredObject> load() throws IOException {
    byte[] bytes;
    try {
      bytes = files.read(file);
    } catch (NoSuchFileException e) {
      return List.of();
    }
    try {
      Map<String, Object> root = Json.object(Json.parse(new String(bytes, StandardCharsets.UTF_8)), "catalog");
      nextId = Json.number(root.get("next_id"), "next_id");
      for (Object o : Json.array(root.get("objects"), "objects")) {
        Map<String, Object> m = Json.object(o, "object");
        List<Object[]> rows = m.containsKey("rows") ? decodeRows(Json.string(m.get("rows"), "rows")) : null;
        StoredObject so = new StoredObject(Json.number(m.get("id"), "id"), Json.string(m.get("kind"), "kind"),
            Json.string(m.get("name"), "name"), Json.string(m.get("sql"), "sql"), rows);
        objects.put(so.name(), so);
      }
    } catch (LaminarException e) {
      throw new LaminarException(ErrorCode.CATALOG_CORRUPT, "the stored catalog " + file + " is unreadable: "
          + e.getMessage(), e);
    }
    return new ArrayList<>(objects.values());
  }

  StoredObject find(String name) {
    return objects.get(name);
  }

  long idOf(String name) {
    StoredObject o = objects.get(name);
    return o == null ? 0 : o.id();
  }

  /** Records a new object (a fresh id, or {@code id} when replaying); persists. */
  long add(String kind, String name, String sql, List<Object[]> rows, long id) throws IOException {
    long assigned = id > 0 ? id : nextId++;
    nextId = Math.max(nextId, assigned + 1);
    objects.put(name, new StoredObject(assigned, kind, name, sql, rows));
    save();
    return assigned;
  }

  void remove(String name) throws IOException {
    if (objects.remove(name) != null) {
      save();
    }
  }

  void updateRows(String name, List<Object[]> rows) throws IOException {
    StoredObject o = objects.get(name);
    if (o != null) {
      objects.put(name, new StoredObject(o.id(), o.kind(), o.name(), o.sql(), rows));
      save();
    }
  }

  private void save() throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("version", 1L);
    root.put("next_id", nextId);
    List<Object> list = new ArrayList<>();
    for (StoredObject o : objects.values()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", o.id());
      m.put("kind", o.kind());
      m.put("name", o.name());
      m.put("sql", o.sql());
      if (o.rows() != null) {
        m.put("rows", encodeRows(o.rows()));
      }
      list.add(m);
    }
    root.put("objects", list);
    files.writeAtomically(file, (Json.write(root) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Table rows in storage form, tagged binary, base64 (values such as DECIMAL or BYTEA are not JSON). */
  private static String encodeRows(List<Object[]> rows) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(rows.size());
    for (Object[] row : rows) {
      out.writeInt(row.length);
      for (Object v : row) {
        TaggedValues.write(out, v);
      }
    }
    out.flush();
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  private static List<Object[]> decodeRows(String text) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(text)));
      int n = in.readInt();
      List<Object[]> rows = new ArrayList<>(n);
      for (int r = 0; r < n; r++) {
        Object[] row = new Object[in.readInt()];
        for (int c = 0; c < row.length; c++) {
          row[c] = TaggedValues.read(in);
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException | IllegalArgumentException e) {
      throw new LaminarException(ErrorCode.CATALOG_CORRUPT, "stored table rows are unreadable: " + e, e);
    }
  }
}
