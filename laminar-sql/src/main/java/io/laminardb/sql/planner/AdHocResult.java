package io.laminardb.sql.planner;

import io.laminardb.core.type.Schema;
import java.util.List;

/** The rows of an ad-hoc query, values in storage form (Long, Double or objects; epoch ms timestamps). */
public record AdHocResult(Schema schema, List<Object[]> rows) {}
