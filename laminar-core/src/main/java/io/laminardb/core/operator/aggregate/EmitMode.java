package io.laminardb.core.operator.aggregate;

/** When an aggregate emits (spec §6). */
public enum EmitMode {
  /** Default for windows: once when the watermark passes the window end; late rows update it. */
  ON_WATERMARK,
  /** Once, when the watermark passes end + allowed lateness. */
  ON_WINDOW_CLOSE,
  /** Once at the window end; lateness forced to 0, later rows are late. */
  FINAL,
  /** After every step that changed a group: its current row (upsert). Default without windows. */
  ON_UPDATE,
  /** After every step: -1 old / +1 new rows with a trailing __weight column. */
  CHANGES,
  /** On each processing-time tick, rows changed since their last emission; windows also at close. */
  EVERY_INTERVAL
}
