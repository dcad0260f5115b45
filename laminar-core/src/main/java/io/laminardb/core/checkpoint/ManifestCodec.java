package io.laminardb.core.checkpoint;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The manifest as JSON. Its last field is a CRC32C of every byte before it, so a truncated or altered
 * manifest is recognised even where the damage still parses.
 */
public final class ManifestCodec {
  private static final String CHECKSUM_FIELD = ",\"manifest_crc32c\":";

  private ManifestCodec() {}

  public static byte[] encode(CheckpointManifest m) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("version", (long) CheckpointManifest.VERSION);
    root.put("checkpoint_id", m.checkpointId());
    root.put("epoch", m.epoch());
    root.put("timestamp_ms", m.timestampMs());
    root.put("wal_lsn", m.walLsn());
    Map<String, Object> sources = new LinkedHashMap<>();
    for (Map.Entry<String, CheckpointManifest.SourceCheckpoint> e : m.sources().entrySet()) {
      CheckpointManifest.SourceCheckpoint s = e.getValue();
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("object_id", s.objectId());
      o.put("rows", s.rows());
      o.put("watermark_calls", s.watermarkCalls());
      o.put("watermark", s.watermark());
      o.put("max_event_time", s.maxEventTime());
      List<Object> parts = new ArrayList<>();
      for (CheckpointManifest.PartitionCheckpoint p : s.partitions()) {
        Map<String, Object> po = new LinkedHashMap<>();
        po.put("partition", (long) p.partition());
        po.put("max_event_time", p.maxEventTime());
        po.put("watermark", p.watermark());
        po.put("idle", p.idle());
        parts.add(po);
      }
      o.put("partitions", parts);
      sources.put(e.getKey(), o);
    }
    root.put("source_offsets", sources);
    root.put("query_watermarks", new LinkedHashMap<>(m.queryWatermarks()));
    root.put("sink_epochs", new LinkedHashMap<>(m.sinkEpochs()));
    List<Object> states = new ArrayList<>();
    for (CheckpointManifest.StateEntry s : m.states()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("key", s.key());
      o.put("fingerprint", s.fingerprint());
      o.put("file", s.file());
      o.put("length", s.length());
      o.put("crc32c", s.crc32c());
      states.add(o);
    }
    root.put("operator_states", states);
    String body = Json.write(root);
    body = body.substring(0, body.length() - 1);
    String text = body + CHECKSUM_FIELD + crc(body.getBytes(StandardCharsets.UTF_8)) + "}\n";
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Parses and verifies a manifest; any damage is {@code LDB-6004}. */
  public static CheckpointManifest decode(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    int at = text.lastIndexOf(CHECKSUM_FIELD);
    if (at < 0) {
      throw corrupt("the manifest has no checksum (truncated?)");
    }
    String body = text.substring(0, at);
    long expected;
    try {
      expected = Long.parseLong(text.substring(at + CHECKSUM_FIELD.length()).replace("}", "").trim());
    } catch (NumberFormatException e) {
      throw corrupt("the manifest checksum is unreadable (truncated?)");
    }
    if (crc(body.getBytes(StandardCharsets.UTF_8)) != expected) {
      throw corrupt("the manifest checksum does not match its contents");
    }
    try {
      return fromJson(Json.object(Json.parse(body + "}"), "manifest"));
    } catch (LaminarException e) {
      throw corrupt("the manifest is malformed: " + e.getMessage());
    }
  }

  private static CheckpointManifest fromJson(Map<String, Object> root) {
    long version = Json.number(root.get("version"), "version");
    if (version != CheckpointManifest.VERSION) {
      throw corrupt("unsupported manifest version " + version);
    }
    Map<String, CheckpointManifest.SourceCheckpoint> sources = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : Json.object(root.get("source_offsets"), "source_offsets").entrySet()) {
      Map<String, Object> o = Json.object(e.getValue(), "source");
      List<CheckpointManifest.PartitionCheckpoint> parts = new ArrayList<>();
      for (Object p : Json.array(o.get("partitions"), "partitions")) {
        Map<String, Object> po = Json.object(p, "partition");
        parts.add(new CheckpointManifest.PartitionCheckpoint((int) Json.number(po.get("partition"), "partition"),
            Json.number(po.get("max_event_time"), "max_event_time"), Json.number(po.get("watermark"), "watermark"),
            Boolean.TRUE.equals(po.get("idle"))));
      }
      sources.put(e.getKey(), new CheckpointManifest.SourceCheckpoint(Json.number(o.get("object_id"), "object_id"),
          Json.number(o.get("rows"), "rows"), Json.number(o.get("watermark_calls"), "watermark_calls"),
          Json.number(o.get("watermark"), "watermark"), Json.number(o.get("max_event_time"), "max_event_time"),
          parts));
    }
    Map<String, Long> watermarks = longs(root.get("query_watermarks"), "query_watermarks");
    Map<String, Long> sinks = longs(root.get("sink_epochs"), "sink_epochs");
    List<CheckpointManifest.StateEntry> states = new ArrayList<>();
    for (Object s : Json.array(root.get("operator_states"), "operator_states")) {
      Map<String, Object> o = Json.object(s, "state");
      states.add(new CheckpointManifest.StateEntry(Json.string(o.get("key"), "key"),
          Json.string(o.get("fingerprint"), "fingerprint"), Json.string(o.get("file"), "file"),
          Json.number(o.get("length"), "length"), Json.number(o.get("crc32c"), "crc32c")));
    }
    return new CheckpointManifest(Json.number(root.get("checkpoint_id"), "checkpoint_id"),
        Json.number(root.get("epoch"), "epoch"), Json.number(root.get("timestamp_ms"), "timestamp_ms"),
        Json.number(root.get("wal_lsn"), "wal_lsn"), sources, watermarks, sinks, states);
  }

  private static Map<String, Long> longs(Object value, String what) {
    Map<String, Long> map = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : Json.object(value, what).entrySet()) {
      map.put(e.getKey(), Json.number(e.getValue(), what));
    }
    return map;
  }

  public static long crc(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length);
    return crc.getValue();
  }

  static LaminarException corrupt(String why) {
    return new LaminarException(ErrorCode.CHECKPOINT_CORRUPT, why);
  }
}
