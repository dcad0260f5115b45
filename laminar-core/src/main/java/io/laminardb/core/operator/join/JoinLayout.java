package io.laminardb.core.operator.join;

import io.laminardb.core.type.Field;
import io.laminardb.core.type.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape shared by the two-input joins: inputs, equality keys (pairwise, same storage kinds), event-time
 * columns (-1 when a join kind needs none) and the output: left columns then right columns (made nullable
 * where a side may be NULL-padded; a right {@code __weight} is renamed {@code __weight_right}), or left
 * columns only for SEMI and ANTI.
 */
public record JoinLayout(JoinType type, Schema leftSchema, Schema rightSchema, int[] leftKeys, int[] rightKeys,
    int leftTime, int rightTime) {
  public Schema outputSchema() {
    List<Field> fields = new ArrayList<>();
    boolean leftNullable = type.keepsUnmatchedRight();
    boolean rightNullable = type.keepsUnmatchedLeft();
    for (Field f : leftSchema.fields()) {
      fields.add(leftNullable ? new Field(f.name(), f.type().withNullable(true)) : f);
    }
    if (!type.leftOnly()) {
      for (Field f : rightSchema.fields()) {
        // A versioned (changelog) right side's weight is not the weight of the join's output rows.
        String name = f.name().equals("__weight") ? "__weight_right" : f.name();
        fields.add(new Field(name, rightNullable ? f.type().withNullable(true) : f.type()));
      }
    }
    return new Schema(fields);
  }
}
