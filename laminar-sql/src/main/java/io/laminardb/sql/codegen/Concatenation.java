package io.laminardb.sql.codegen;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * CONCAT and CONCAT_WS, the two string functions that are not strict (PostgreSQL, DataFusion): NULL
 * arguments are skipped, so {@code concat('a', NULL, 'b')} is {@code 'ab'} and {@code concat(NULL)} is the
 * empty string; only a NULL separator makes CONCAT_WS NULL. Arguments of any type are rendered as by
 * {@code CAST(x AS VARCHAR)}. The result is assembled in a builder kept by the compiled kernel, so a row
 * allocates only the result string.
 */
final class Concatenation {
  private Concatenation() {}

  static Value concat(ExpressionCompiler compiler, RexCall call, StringBuilder code) {
    return join(compiler, call, null, call.getOperands(), code);
  }

  static Value concatWs(ExpressionCompiler compiler, RexCall call, StringBuilder code) {
    List<RexNode> ops = call.getOperands();
    Value separator = compiler.compile(ops.get(0), code);
    return join(compiler, call, separator, ops.subList(1, ops.size()), code);
  }

  private static Value join(ExpressionCompiler compiler, RexCall call, Value separator, List<RexNode> parts,
      StringBuilder code) {
    Value out = compiler.declareValue(JavaType.STRING, code);
    String builder = compiler.constant("StringBuilder", "new StringBuilder()");
    String first = compiler.fresh("first");
    if (separator != null && !separator.neverNull()) {
      code.append("if (").append(separator.isNull()).append(") { ").append(out.isNull())
          .append(" = true; } else {\n");
    }
    code.append(builder).append(".setLength(0); boolean ").append(first).append(" = true;\n");
    for (RexNode part : parts) {
      Value v = compiler.compile(part, code);
      String text = text(compiler, v, part.getType(), call.getType(), code);
      code.append("if (!").append(v.isNull()).append(") { ");
      if (separator != null) {
        code.append("if (!").append(first).append(") { ").append(builder).append(".append(")
            .append(separator.value()).append("); } ");
      }
      code.append(builder).append(".append(").append(text).append("); ").append(first)
          .append(" = false; }\n");
    }
    code.append(out.value()).append(" = ").append(builder).append(".toString();\n");
    if (separator != null && !separator.neverNull()) {
      code.append("}\n");
    }
    return out;
  }

  /** Java text appending {@code v} as CAST(v AS VARCHAR) would render it (integers without a copy). */
  private static String text(ExpressionCompiler compiler, Value v, RelDataType type, RelDataType varchar,
      StringBuilder code) {
    if (v.type() == JavaType.STRING) {
      return v.value();
    }
    if (v.type() == JavaType.LONG && SqlTypeFamily.INTEGER.contains(type)) {
      return v.value();
    }
    return Casting.cast(compiler, v, type, varchar, code).value();
  }
}
