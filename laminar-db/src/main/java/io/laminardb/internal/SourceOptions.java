package io.laminardb.internal;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.pipeline.AlignmentGroup;
import io.laminardb.core.time.KeyedWatermarks;
import io.laminardb.core.type.Schema;
import io.laminardb.core.type.TypeKind;
import io.laminardb.sql.parser.Intervals;
import java.util.Locale;
import java.util.Map;

/**
 * The WITH options of an in-memory source: idle timeout (§4.2), keyed watermarks (F065) and alignment
 * groups (F066). Unknown keys are an error, so a typo never silently falls back to a default.
 */
record SourceOptions(long idleTimeoutMillis, int watermarkKeyColumn, int maxKeys,
    KeyedWatermarks.Eviction eviction, long keyIdleTimeoutMillis, String alignmentGroup,
    long alignmentMaxDriftMillis, AlignmentGroup.Mode alignmentMode, boolean dropLateRows) {

  static final int DEFAULT_MAX_KEYS = 100_000;
  static final long DEFAULT_KEY_IDLE_TIMEOUT_MILLIS = 60_000;
  private static final String SUPPORTED = "idle.timeout, watermark.key, watermark.key.max_keys,"
      + " watermark.key.eviction, watermark.key.idle.timeout, alignment.group, alignment.max_drift,"
      + " alignment.mode, late.rows";

  static SourceOptions parse(String source, Map<String, String> with, Schema schema, int eventTimeColumn) {
    long idleTimeout = 0;
    int keyColumn = -1;
    Integer maxKeys = null;
    KeyedWatermarks.Eviction eviction = null;
    Long keyIdle = null;
    String group = null;
    Long maxDrift = null;
    AlignmentGroup.Mode mode = null;
    boolean dropLate = false;
    for (var option : with.entrySet()) {
      String key = option.getKey();
      String value = option.getValue();
      switch (key) {
        case "idle.timeout", "idle_timeout", "watermark.idle.timeout" ->
            idleTimeout = positiveInterval(source, key, value);
        case "watermark.key" -> {
          keyColumn = schema.indexOf(value);
          if (keyColumn < 0) {
            throw new LaminarException(ErrorCode.SQL_COLUMN_NOT_FOUND, "option 'watermark.key' of source '"
                + source + "' names '" + value + "', which is not a column of the source");
          }
        }
        case "watermark.key.max_keys" -> maxKeys = positiveInt(source, key, value);
        case "watermark.key.eviction" -> eviction = eviction(source, value);
        case "watermark.key.idle.timeout" -> keyIdle = positiveInterval(source, key, value);
        case "alignment.group" -> {
          if (value.isBlank()) {
            throw invalid(source, key, "must name a group");
          }
          group = value;
        }
        case "alignment.max_drift" -> maxDrift = positiveInterval(source, key, value);
        case "alignment.mode" -> mode = alignmentMode(source, value);
        case "late.rows" -> dropLate = lateRows(source, value);
        default -> throw new LaminarException(ErrorCode.INVALID_CONFIG, "unknown option '" + key
            + "' for source '" + source + "'; supported: " + SUPPORTED);
      }
    }
    if (keyColumn < 0 && (maxKeys != null || eviction != null || keyIdle != null)) {
      throw new LaminarException(ErrorCode.INVALID_CONFIG, "source '" + source + "' sets watermark.key.*"
          + " options without 'watermark.key' (the column whose values get their own watermark)");
    }
    if (dropLate && eventTimeColumn < 0) {
      throw new LaminarException(ErrorCode.INVALID_CONFIG, "source '" + source + "': 'late.rows' = 'drop'"
          + " needs a WATERMARK FOR clause (rows are judged against the source watermark)");
    }
    if ((keyColumn >= 0 || group != null) && eventTimeColumn < 0) {
      throw new LaminarException(ErrorCode.INVALID_CONFIG, "source '" + source + "': keyed watermarks and"
          + " alignment groups need a WATERMARK FOR clause on the event-time column");
    }
    if (group == null && (maxDrift != null || mode != null)) {
      throw new LaminarException(ErrorCode.INVALID_CONFIG, "source '" + source + "' sets alignment.* options"
          + " without 'alignment.group'");
    }
    if (group != null && maxDrift == null) {
      throw new LaminarException(ErrorCode.INVALID_CONFIG, "source '" + source + "' joins alignment group '"
          + group + "' without 'alignment.max_drift' (e.g. '10s')");
    }
    return new SourceOptions(idleTimeout, keyColumn, maxKeys == null ? DEFAULT_MAX_KEYS : maxKeys,
        eviction == null ? KeyedWatermarks.Eviction.LEAST_RECENTLY_ACTIVE : eviction,
        keyIdle == null ? DEFAULT_KEY_IDLE_TIMEOUT_MILLIS : keyIdle, group,
        maxDrift == null ? 0 : maxDrift, mode == null ? AlignmentGroup.Mode.PAUSE : mode, dropLate);
  }

  KeyedWatermarks keyedWatermarks(Schema schema, long delayMillis) {
    boolean objectKeys = schema.field(watermarkKeyColumn).type().kind().storage() == TypeKind.Storage.OBJECT;
    if (schema.field(watermarkKeyColumn).type().kind().storage() == TypeKind.Storage.DOUBLE) {
      throw new LaminarException(ErrorCode.INVALID_CONFIG, "watermark.key column '"
          + schema.field(watermarkKeyColumn).name() + "' is a floating-point column; use an integer or text key");
    }
    return new KeyedWatermarks(objectKeys, delayMillis, keyIdleTimeoutMillis, maxKeys, eviction);
  }

  private static long positiveInterval(String source, String key, String value) {
    long millis;
    try {
      millis = Intervals.toMillis(value, null);
    } catch (IllegalArgumentException e) {
      throw invalid(source, key, e.getMessage());
    }
    if (millis <= 0) {
      throw invalid(source, key, "must be a positive interval such as '30s'");
    }
    return millis;
  }

  private static int positiveInt(String source, String key, String value) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw invalid(source, key, "must be a positive integer, not '" + value + "'");
  }

  private static KeyedWatermarks.Eviction eviction(String source, String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "least_recently_active", "leastrecentlyactive" -> KeyedWatermarks.Eviction.LEAST_RECENTLY_ACTIVE;
      case "lowest_watermark", "lowestwatermark" -> KeyedWatermarks.Eviction.LOWEST_WATERMARK;
      case "reject_new", "rejectnew" -> KeyedWatermarks.Eviction.REJECT_NEW;
      default -> throw invalid(source, "watermark.key.eviction",
          "must be least_recently_active, lowest_watermark or reject_new, not '" + value + "'");
    };
  }

  private static boolean lateRows(String source, String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "keep" -> false;
      case "drop" -> true;
      default -> throw invalid(source, "late.rows", "must be keep or drop, not '" + value + "'");
    };
  }

  private static AlignmentGroup.Mode alignmentMode(String source, String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "pause" -> AlignmentGroup.Mode.PAUSE;
      case "warn" -> AlignmentGroup.Mode.WARN;
      case "drop" -> AlignmentGroup.Mode.DROP;
      default -> throw invalid(source, "alignment.mode", "must be pause, warn or drop, not '" + value + "'");
    };
  }

  private static LaminarException invalid(String source, String key, String why) {
    return new LaminarException(ErrorCode.INVALID_CONFIG, "option '" + key + "' of source '" + source + "' "
        + why);
  }
}
