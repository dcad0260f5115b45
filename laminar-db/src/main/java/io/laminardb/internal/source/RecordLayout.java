package io.laminardb.internal.source;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * The positional layout of a record (its components) or POJO (its declared instance fields, in
 * declaration order): reads an object into values and builds one from values.
 */
public final class RecordLayout<T> {
  private final Class<T> type;
  private final List<Class<?>> fieldTypes = new ArrayList<>();
  private final List<java.lang.reflect.Method> accessors = new ArrayList<>();
  private final List<Field> fields = new ArrayList<>();
  private final Constructor<T> constructor;

  public RecordLayout(Class<T> type) {
    this.type = type;
    try {
      if (type.isRecord()) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] params = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
          params[i] = components[i].getType();
          fieldTypes.add(params[i]);
          java.lang.reflect.Method accessor = components[i].getAccessor();
          accessor.setAccessible(true);
          accessors.add(accessor);
        }
        constructor = type.getDeclaredConstructor(params);
      } else {
        for (Field f : type.getDeclaredFields()) {
          if (Modifier.isStatic(f.getModifiers()) || Modifier.isTransient(f.getModifiers())
              || f.isSynthetic()) {
            continue;
          }
          f.setAccessible(true);
          fields.add(f);
          fieldTypes.add(f.getType());
        }
        constructor = type.getDeclaredConstructor();
      }
      constructor.setAccessible(true);
    } catch (NoSuchMethodException | RuntimeException e) {
      throw new LaminarException(ErrorCode.SCHEMA_MISMATCH, type.getName()
          + " must be a record or a class with a no-argument constructor: " + e.getMessage());
    }
  }

  public int size() {
    return fieldTypes.size();
  }

  public Class<?> fieldType(int i) {
    return fieldTypes.get(i);
  }

  public Object[] read(T object) {
    Object[] values = new Object[size()];
    try {
      for (int i = 0; i < values.length; i++) {
        values[i] = type.isRecord() ? accessors.get(i).invoke(object) : fields.get(i).get(object);
      }
    } catch (ReflectiveOperationException e) {
      throw new LaminarException(ErrorCode.INTERNAL, "cannot read " + type.getName() + ": " + e, e);
    }
    return values;
  }

  public T create(Object[] values) {
    try {
      if (type.isRecord()) {
        return constructor.newInstance(values);
      }
      T object = constructor.newInstance();
      for (int i = 0; i < values.length; i++) {
        fields.get(i).set(object, values[i]);
      }
      return object;
    } catch (ReflectiveOperationException | IllegalArgumentException e) {
      throw new LaminarException(ErrorCode.SCHEMA_MISMATCH, "cannot build " + type.getName()
          + " from row values: " + e.getMessage(), e);
    }
  }
}
