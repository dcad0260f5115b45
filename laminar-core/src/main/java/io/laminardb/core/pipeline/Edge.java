package io.laminardb.core.pipeline;

import io.laminardb.core.operator.Operator;

/** A consumer of a stream node: one input port of one operator, belonging to one query. */
record Edge(QueryRuntime query, Operator operator, int port) {}
