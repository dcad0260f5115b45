package io.laminardb.sql.translate;

/**
 * What the text rewrite of an ASOF or temporal join kept aside, because Calcite's ASOF JOIN only carries one
 * comparison: one per such join, in text order (the order the translator meets them, left-deep).
 *
 * @param isNearest MATCH_CONDITION(NEAREST(l.ts, r.ts))
 * @param toleranceMillis the tolerance conjunct or TOLERANCE clause, {@link Long#MAX_VALUE} when absent
 * @param isTemporal written as {@code JOIN r FOR SYSTEM_TIME AS OF l.ts}
 */
public record AsofClause(boolean isNearest, long toleranceMillis, boolean isTemporal) {}
