package io.laminardb.internal.catalog;

import io.laminardb.core.pipeline.SourceNode;
import io.laminardb.core.type.Schema;
import io.laminardb.internal.connector.SourceConnector;
import io.laminardb.internal.view.RowStore;
import java.util.List;

/**
 * One named object and its running parts.
 *
 * @param inputs objects this one reads (dependency edges)
 * @param sourceNode for sources: the pipeline node pushes go to
 * @param connector for connector-backed sources: the running connector, else null
 * @param store for materialized views and tables: the queryable rows, else null
 * @param primaryKey for tables: key column names
 */
public record CatalogEntry(String name, ObjectKind kind, Schema schema, List<String> inputs, String sql,
    SourceNode sourceNode, SourceConnector connector, RowStore store, List<String> primaryKey) {}
