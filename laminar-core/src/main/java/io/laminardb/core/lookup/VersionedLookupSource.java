package io.laminardb.core.lookup;

/**
 * A lookup source that keeps every version of a key, each valid from its version time: what a temporal join
 * ({@code JOIN t FOR SYSTEM_TIME AS OF s.ts}) probes against a table with upserts.
 */
public interface VersionedLookupSource extends LookupSource {
  /** The version of {@code key} with the largest version time {@code <= time}, or null. Same key rules as lookup. */
  Object[] lookupAsOf(Object[] key, long time);
}
