package io.laminardb.sql.planner;

import io.laminardb.core.plan.QueryPlan;

/** A continuous query ready to run: its physical plan and the optimized logical plan text. */
public record PlannedQuery(QueryPlan plan, String logicalPlan) {}
