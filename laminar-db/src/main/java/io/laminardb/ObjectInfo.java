package io.laminardb;

import java.util.List;

/**
 * A catalog object as listed by {@link LaminarDB#sources()}, {@link LaminarDB#streams()} and friends.
 *
 * @param kind SOURCE, STREAM, MATERIALIZED VIEW, SINK or TABLE
 * @param inputs names of the objects it reads (empty for sources and tables)
 * @param sql the defining statement
 */
public record ObjectInfo(String name, String kind, List<ColumnInfo> columns, List<String> inputs,
    String sql) {}
