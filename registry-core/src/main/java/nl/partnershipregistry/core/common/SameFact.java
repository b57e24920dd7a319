package nl.partnershipregistry.core.common;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Objects;

/**
 * Decides whether two recorded facts say the same thing, whoever recorded them when. A command
 * repeated with the same fact id (a retried request, an import run twice) is recognised this way
 * and changes nothing.
 */
public final class SameFact {

  private static final String RECORDING = "recorded";

  private SameFact() {}

  /**
   * True when both are records of the same type whose components are equal, leaving out every
   * component named {@code recorded}, also in nested records.
   */
  public static boolean as(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null || a.getClass() != b.getClass()) {
      return false;
    }
    if (!a.getClass().isRecord()) {
      return a.equals(b);
    }
    for (RecordComponent component : a.getClass().getRecordComponents()) {
      if (component.getName().equals(RECORDING)) {
        continue;
      }
      Object left = read(component, a);
      Object right = read(component, b);
      boolean same =
          left != null && left.getClass().isRecord()
              ? as(left, right)
              : Objects.equals(left, right);
      if (!same) {
        return false;
      }
    }
    return true;
  }

  private static Object read(RecordComponent component, Object record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component.getName(), e);
    }
  }
}
