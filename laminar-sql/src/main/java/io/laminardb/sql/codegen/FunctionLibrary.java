package io.laminardb.sql.codegen;

import io.laminardb.core.function.SqlName;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Implementations of SQL functions for compiled code: the public static methods annotated with
 * {@link SqlName} in the registered classes, looked up by upper-case name and argument count.
 */
public final class FunctionLibrary {
  private final Map<String, List<Method>> byName = new HashMap<>();

  public FunctionLibrary(List<Class<?>> classes) {
    for (Class<?> c : classes) {
      for (Method m : c.getMethods()) {
        SqlName names = m.getAnnotation(SqlName.class);
        if (names != null && Modifier.isStatic(m.getModifiers())) {
          for (String name : names.value()) {
            byName.computeIfAbsent(name.toUpperCase(Locale.ROOT), k -> new ArrayList<>()).add(m);
          }
        }
      }
    }
  }

  /**
   * The best method for {@code name} with these argument types: exact Java types first, then one that
   * needs only numeric widening (BIGINT or DECIMAL to DOUBLE). Null when none fits.
   */
  Method find(String name, List<JavaType> args) {
    List<Method> candidates = byName.get(name.toUpperCase(Locale.ROOT));
    if (candidates == null) {
      return null;
    }
    Method widened = null;
    for (Method m : candidates) {
      Class<?>[] params = m.getParameterTypes();
      if (params.length != args.size()) {
        continue;
      }
      boolean exact = true;
      boolean fits = true;
      for (int i = 0; i < params.length; i++) {
        JavaType want = JavaType.of(params[i]);
        JavaType have = args.get(i) == JavaType.SYMBOL ? JavaType.STRING : args.get(i);
        if (want != have) {
          exact = false;
          if (!(want == JavaType.DOUBLE && (have == JavaType.LONG || have == JavaType.DECIMAL))) {
            fits = false;
          }
        }
      }
      if (exact) {
        return m;
      }
      if (fits && widened == null) {
        widened = m;
      }
    }
    return widened;
  }

  public boolean knows(String name) {
    return byName.containsKey(name.toUpperCase(Locale.ROOT));
  }
}
