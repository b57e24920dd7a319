package nl.partnershipregistry.projections.query.survival;

import java.time.Instant;
import java.time.LocalDate;

/**
 * How long do partnerships last? Kaplan-Meier survival from start to discontinuation, the still
 * running censored on {@code asOf}: in all, by kind, by funding profile and by employer
 * concentration. Answered with {@link SurvivalCurves}.
 */
public record FindSurvivalCurves(LocalDate asOf, Instant asKnownOn) {}
