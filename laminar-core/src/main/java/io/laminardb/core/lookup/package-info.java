/**
 * The lookup contract between lookup joins and reference data. {@link io.laminardb.core.lookup.LookupSource}
 * is what a join probes; {@link io.laminardb.core.lookup.InMemoryLookupTable} backs CREATE TABLE; connector
 * lookup tables (CREATE LOOKUP TABLE ... FROM POSTGRES / PARQUET) implement the same interface behind their
 * caches and register it with the database under the table's name, where the planner finds it.
 */
package io.laminardb.core.lookup;
