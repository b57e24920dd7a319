package nl.partnershipregistry.api.web;

import java.time.Instant;
import java.time.LocalDate;
import nl.partnershipregistry.api.command.InvalidInput;

/**
 * The moment a question is about, from its query parameters: {@code asOf}, the day in the world
 * (default today); {@code asKnownOn}, the registry's knowledge (an instant, or a day meaning its
 * end in the Netherlands; default now); {@code afterCommit}, a commit the read models must have
 * applied before the answer. Each is checked when read, with a 400 naming it.
 */
public record Moment(String asOf, String asKnownOn, String afterCommit) {

  LocalDate day() {
    return TimeParameters.day("asOf", asOf);
  }

  Instant known() {
    return TimeParameters.instant("asKnownOn", asKnownOn);
  }

  /** The commit to wait for, or null. */
  Long commit() {
    if (afterCommit == null || afterCommit.isBlank()) {
      return null;
    }
    try {
      long commit = Long.parseLong(afterCommit.trim());
      if (commit >= 0) {
        return commit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidInput("afterCommit", "must be a commit number: 0 or more");
  }
}
