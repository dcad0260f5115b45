package io.laminardb.core.lookup;

import io.laminardb.core.type.Schema;
import java.util.List;

/** The default {@link LookupSource#restrict}: probes the underlying source and drops rows failing a predicate. */
final class LocallyFilteredLookup implements LookupSource {
  private final LookupSource source;
  private final LookupPredicate[] predicates;

  LocallyFilteredLookup(LookupSource source, List<LookupPredicate> predicates) {
    this.source = source;
    this.predicates = predicates.toArray(new LookupPredicate[0]);
  }

  @Override
  public Schema schema() {
    return source.schema();
  }

  @Override
  public int[] primaryKey() {
    return source.primaryKey();
  }

  @Override
  public Object[] lookup(Object[] key) {
    return accept(source.lookup(key));
  }

  @Override
  public Object[] lookupLong(long key) {
    return accept(source.lookupLong(key));
  }

  @Override
  public void lookupAll(Object[][] keys, int count, Object[][] results) {
    source.lookupAll(keys, count, results);
    for (int i = 0; i < count; i++) {
      results[i] = accept(results[i]);
    }
  }

  @Override
  public boolean batchesMisses() {
    return source.batchesMisses();
  }

  private Object[] accept(Object[] row) {
    if (row == null) {
      return null;
    }
    for (LookupPredicate p : predicates) {
      if (!p.test(row)) {
        return null;
      }
    }
    return row;
  }

  @Override
  public long sizeBytes() {
    return source.sizeBytes();
  }
}
