package nl.partnershipregistry.core.partnership.event;

import java.util.ArrayList;
import java.util.List;

/** The concrete event types of a partnership's history, read from the sealed hierarchy. */
public final class PartnershipEvents {

  private PartnershipEvents() {}

  /** Every record type that can stand in a partnership's history. */
  public static List<Class<? extends PartnershipEvent>> types() {
    List<Class<? extends PartnershipEvent>> types = new ArrayList<>();
    collect(PartnershipEvent.class, types);
    return List.copyOf(types);
  }

  /** Every record type that is a fact about the world (not an amendment). */
  public static List<Class<? extends PartnershipEvent>> factTypes() {
    return types().stream().filter(PartnershipFact.class::isAssignableFrom).toList();
  }

  @SuppressWarnings("unchecked")
  private static void collect(Class<?> type, List<Class<? extends PartnershipEvent>> into) {
    if (type.isRecord()) {
      into.add((Class<? extends PartnershipEvent>) type);
      return;
    }
    for (Class<?> permitted : type.getPermittedSubclasses()) {
      collect(permitted, into);
    }
  }
}
