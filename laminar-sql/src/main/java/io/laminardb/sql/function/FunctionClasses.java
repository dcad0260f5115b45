package io.laminardb.sql.function;

import io.laminardb.core.function.Casts;
import io.laminardb.core.function.DateTimeFunctions;
import io.laminardb.core.function.MathFunctions;
import io.laminardb.core.function.RegexFunctions;
import io.laminardb.core.function.StringFunctions;
import java.util.List;

/** The classes whose {@code @SqlName} methods implement scalar functions in compiled expressions. */
public final class FunctionClasses {
  private FunctionClasses() {}

  public static List<Class<?>> all() {
    return List.of(StringFunctions.class, MathFunctions.class, DateTimeFunctions.class,
        RegexFunctions.class, Casts.class);
  }
}
