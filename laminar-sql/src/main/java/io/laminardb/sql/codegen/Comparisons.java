package io.laminardb.sql.codegen;

/** Java text comparing two non-null compiled values with a SQL comparison operator. */
final class Comparisons {
  private Comparisons() {}

  static String compare(Value a, Value b, String op) {
    JavaType ta = a.type();
    JavaType tb = b.type();
    if ((ta == JavaType.LONG || ta == JavaType.DOUBLE) && (tb == JavaType.LONG || tb == JavaType.DOUBLE)) {
      if (ta == JavaType.DOUBLE || tb == JavaType.DOUBLE) {
        // SQL compares NaN equal to itself and greater than any number (total order).
        return "(Double.compare((double) " + a.value() + ", (double) " + b.value() + ") " + op + " 0)";
      }
      return "(" + a.value() + " " + op + " " + b.value() + ")";
    }
    if (ta == JavaType.BOOLEAN && tb == JavaType.BOOLEAN) {
      return "(Boolean.compare(" + a.value() + ", " + b.value() + ") " + op + " 0)";
    }
    if (ta == JavaType.DECIMAL || tb == JavaType.DECIMAL) {
      return "(" + decimal(a) + ".compareTo(" + decimal(b) + ") " + op + " 0)";
    }
    if (ta == JavaType.BYTES) {
      return "(java.util.Arrays.compare(" + a.value() + ", " + b.value() + ") " + op + " 0)";
    }
    if (op.equals("==")) {
      return a.value() + ".equals(" + b.value() + ")";
    }
    if (op.equals("!=")) {
      return "!" + a.value() + ".equals(" + b.value() + ")";
    }
    return "(" + a.value() + ".compareTo(" + b.value() + ") " + op + " 0)";
  }

  private static String decimal(Value v) {
    return switch (v.type()) {
      case DECIMAL -> v.value();
      case LONG -> "java.math.BigDecimal.valueOf(" + v.value() + ")";
      case DOUBLE -> "java.math.BigDecimal.valueOf(" + v.value() + ")";
      default -> "new java.math.BigDecimal(String.valueOf(" + v.value() + "))";
    };
  }
}
