package io.laminardb.core.operator.over;

/** One ORDER BY column of a top-N operator. */
public record SortKey(int column, boolean isDescending, boolean isNullsFirst) {}
