package io.laminardb.core.function;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public static method as the implementation of SQL function(s) for compiled expressions. The
 * method receives arguments in internal form (long for integers and temporal values, double, String,
 * BigDecimal, boolean, byte[]); SYMBOL arguments (units of EXTRACT, TRIM flags) arrive as their name.
 * Functions are strict: any NULL argument gives NULL without calling the method.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SqlName {
  /** Upper-case SQL names this method implements. */
  String[] value();
}
