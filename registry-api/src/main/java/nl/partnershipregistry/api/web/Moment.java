package nl.partnershipregistry.api.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import nl.partnershipregistry.api.command.InvalidInput;
import org.springdoc.core.annotations.ParameterObject;

/**
 * The moment a question is about, from its query parameters: {@code asOf}, the day in the world
 * (default today); {@code asKnownOn}, the registry's knowledge (an instant, or a day meaning its
 * end in the Netherlands; default now); {@code afterCommit}, a commit the read models must have
 * applied before the answer. Each is checked when read, with a 400 naming it.
 */
@ParameterObject
public record Moment(
    @Parameter(
            in = ParameterIn.QUERY,
            description =
                "How things stood in the world on this day (default today): year-month-day, or a"
                    + " year or a month meaning its last day.",
            example = "2007-07-01",
            schema = @Schema(type = "string", pattern = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"))
        String asOf,
    @Parameter(
            in = ParameterIn.QUERY,
            description =
                "What the registry knew at this instant, or at the end of this day in the"
                    + " Netherlands (default now).",
            example = "2026-11-23T10:00:00Z",
            schema = @Schema(type = "string"))
        String asKnownOn,
    @Parameter(
            in = ParameterIn.QUERY,
            description =
                "A commit number (from a write's receipt) the answer must include: waits up to"
                    + " ten seconds for the read models to apply it.",
            example = "186",
            schema = @Schema(type = "integer", format = "int64", minimum = "0"))
        String afterCommit) {

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
