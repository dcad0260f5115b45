package io.laminardb.core.operator.join;

/**
 * Which right row an ASOF join picks for a left row at {@code t} (spec §10.2): BACKWARD the latest
 * {@code r.ts <= t} ({@code < t} when strict), FORWARD the earliest {@code r.ts >= t} ({@code > t} when strict),
 * NEAREST the closest either way (a tie goes to the earlier row).
 */
public enum AsofDirection { BACKWARD, FORWARD, NEAREST }
