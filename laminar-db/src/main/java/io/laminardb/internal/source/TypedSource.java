package io.laminardb.internal.source;

import io.laminardb.SourceHandle;
import io.laminardb.UntypedSourceHandle;
import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A source handle for records or POJOs, mapped to columns by position. */
public final class TypedSource<T> implements SourceHandle<T> {
  private final PushSource target;
  private final RecordLayout<T> layout;

  public TypedSource(PushSource target, Class<T> type) {
    this.target = target;
    this.layout = new RecordLayout<>(type);
    int columns = target.schema().size();
    if (layout.size() != columns) {
      throw new LaminarException(ErrorCode.SCHEMA_MISMATCH, type.getName() + " has " + layout.size()
          + " fields but source '" + target.name() + "' has " + columns + " columns " + target.schema());
    }
  }

  @Override
  public String name() {
    return target.name();
  }

  @Override
  public boolean push(T event) {
    List<Object[]> rows = new ArrayList<>(1);
    rows.add(layout.read(event));
    return target.pushRows(rows) == 1;
  }

  @Override
  public int pushBatch(Collection<? extends T> events) {
    List<Object[]> rows = new ArrayList<>(events.size());
    for (T e : events) {
      rows.add(layout.read(e));
    }
    return target.pushRows(rows);
  }

  @Override
  public void watermark(long epochMillis) {
    target.watermark(epochMillis);
  }

  @Override
  public long currentWatermark() {
    return target.currentWatermark();
  }

  @Override
  public long pending() {
    return target.pending();
  }

  @Override
  public long capacity() {
    return target.capacity();
  }

  @Override
  public boolean isBackpressured() {
    return target.isBackpressured();
  }

  @Override
  public UntypedSourceHandle untyped() {
    return target;
  }
}
