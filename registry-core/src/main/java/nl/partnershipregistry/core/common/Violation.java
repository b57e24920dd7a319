package nl.partnershipregistry.core.common;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * One fact of a history that contradicts the facts before it, and the rule it breaks.
 *
 * <p>Facts may be recorded in any order, years after they happened, so an aggregate judges a new
 * fact by the whole history it would join: it refuses a command when the history with the fact has
 * a violation that the history without it had not (see {@link #requireNoneNew}).
 */
public record Violation(FactId factId, DomainRuleViolation problem) {

  /** The registry's calendar: a fact dated today in the Netherlands is not in the future. */
  public static final ZoneId REGISTRY_ZONE = ZoneId.of("Europe/Amsterdam");

  /**
   * Throws the first violation of {@code after} that {@code before} has not: one of the {@code
   * concerned} fact's own if there is one, otherwise the first of another fact, wrapped by {@code
   * contradiction} so that the registrar sees which recorded fact the change would contradict.
   */
  public static void requireNoneNew(
      Collection<Violation> before,
      Collection<Violation> after,
      FactId concerned,
      BiFunction<FactId, DomainRuleViolation, DomainRuleViolation> contradiction) {
    Set<String> known = before.stream().map(Violation::key).collect(Collectors.toSet());
    List<Violation> fresh = after.stream().filter(v -> !known.contains(v.key())).toList();
    for (Violation violation : fresh) {
      if (violation.factId().equals(concerned)) {
        throw violation.problem();
      }
    }
    if (!fresh.isEmpty()) {
      throw contradiction.apply(fresh.get(0).factId(), fresh.get(0).problem());
    }
  }

  /** The problem when a fact is dated after the day it is recorded, or null. */
  public static FactDatedInFuture ifInFuture(FactDate occurredOn, Recording recorded) {
    LocalDate recordedOn = recorded.at().atZone(REGISTRY_ZONE).toLocalDate();
    return occurredOn.isCertainlyAfter(recordedOn)
        ? new FactDatedInFuture(occurredOn, recordedOn)
        : null;
  }

  private String key() {
    return factId + "/" + problem.rule();
  }
}
