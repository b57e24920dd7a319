package nl.partnershipregistry.core.partnership;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.FactIdAlreadyUsed;
import nl.partnershipregistry.core.common.SameFact;
import nl.partnershipregistry.core.common.Violation;
import nl.partnershipregistry.core.partnership.command.CorrectFact;
import nl.partnershipregistry.core.partnership.command.PartnershipCommand;
import nl.partnershipregistry.core.partnership.command.RegisterPartnership;
import nl.partnershipregistry.core.partnership.command.RetractFact;
import nl.partnershipregistry.core.partnership.event.FactAmendment;
import nl.partnershipregistry.core.partnership.event.FactCorrected;
import nl.partnershipregistry.core.partnership.event.FactRetracted;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import nl.partnershipregistry.core.partnership.event.PartnershipFact;
import nl.partnershipregistry.core.partnership.event.PartnershipRegistered;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * A partnership and its whole sourced history.
 *
 * <p>Facts arrive in any order, often years after they happened, so each command is judged against
 * the history as it would be with the new fact in it: on the fact's own date, and for every fact
 * already recorded (see {@link HistoryCheck}). A command repeated with the same fact id and the
 * same content changes nothing, which makes retries and repeated imports safe.
 */
public class Partnership {

  @AggregateIdentifier private PartnershipId partnershipId;

  private final PartnershipHistory history = new PartnershipHistory();

  /**
   * The rules the history as it stands breaks (none, for a history recorded through these rules),
   * as the last check found them; null until checked after the history changed otherwise. Derived
   * from the history, so not part of the aggregate's state (transient).
   */
  private transient List<Violation> violations;

  /** For Axon, which rebuilds the aggregate from its events. */
  protected Partnership() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public void handle(RegisterPartnership command) {
    if (partnershipId != null) {
      boolean repeated =
          history
              .recorded(command.factId())
              .filter(registration -> SameFact.as(registration, command.toFact()))
              .isPresent();
      if (repeated) {
        return;
      }
      throw new PartnershipAlreadyRegistered(command.partnershipId());
    }
    record(command);
  }

  /**
   * Records the fact a command proposes, for every kind of fact but the registration: such commands
   * reach this one handler under one name, the name of {@link PartnershipCommand} ({@link
   * FactCommandRouting#RECORD_FACT}).
   */
  @CommandHandler
  public void handle(PartnershipCommand command) {
    if (command instanceof RegisterPartnership registration) {
      handle(registration);
    } else {
      record(command);
    }
  }

  @CommandHandler
  public void handle(CorrectFact command) {
    FactCorrected correction = command.toEvent();
    if (isRepeated(correction)) {
      return;
    }
    PartnershipFact original = amendable(command.correctedFactId());
    PartnershipFact replacement = command.replacement();
    if (replacement.getClass() != original.getClass()
        || !replacement.factId().equals(original.factId())
        || !replacement.partnershipId().equals(partnershipId)) {
      throw new FactNotAmendable(
          original.factId(),
          "the replacement must be a %s of partnership %s with fact id %s"
              .formatted(original.getClass().getSimpleName(), partnershipId, original.factId()));
    }
    PartnershipFact known = history.fact(original.factId()).orElseThrow();
    if (SameFact.as(known, replacement)) {
      throw new FactNotAmendable(original.factId(), "the replacement is the fact as it stands");
    }
    recordChecked(correction, original.factId());
  }

  @CommandHandler
  public void handle(RetractFact command) {
    FactRetracted retraction = command.toEvent();
    if (isRepeated(retraction)) {
      return;
    }
    PartnershipFact original = amendable(command.retractedFactId());
    if (original instanceof PartnershipRegistered) {
      throw new FactNotAmendable(
          original.factId(), "a registration cannot be retracted; correct it instead");
    }
    recordChecked(retraction, original.factId());
  }

  @EventSourcingHandler
  void on(PartnershipFact fact) {
    partnershipId = fact.partnershipId();
    history.add(fact);
    violations = null;
  }

  @EventSourcingHandler
  void on(FactAmendment amendment) {
    history.add(amendment);
    violations = null;
  }

  private void record(PartnershipCommand command) {
    PartnershipFact fact = command.toFact();
    if (isRepeated(fact)) {
      return;
    }
    recordChecked(fact, fact.factId());
  }

  /**
   * Records an event if the history with it breaks no rule that the history without it did not
   * break; the history's violations are kept for the next command, so that a command walks the
   * history once, with its event.
   */
  private void recordChecked(PartnershipEvent event, FactId concerned) {
    if (violations == null) {
      violations = history.violations();
    }
    List<Violation> after = history.with(event).violations();
    HistoryCheck.requireNoNewViolations(violations, after, concerned);
    apply(event);
    violations = after;
  }

  /**
   * True when an event with this fact id was recorded before with the same content; refuses a
   * different event under a fact id already used.
   */
  private boolean isRepeated(PartnershipEvent event) {
    return history
        .recorded(event.factId())
        .map(
            earlier -> {
              if (!SameFact.as(earlier, event)) {
                throw new FactIdAlreadyUsed(event.factId());
              }
              return true;
            })
        .orElse(false);
  }

  /** The fact an amendment may name: a known fact of this partnership, not itself an amendment. */
  private PartnershipFact amendable(FactId factId) {
    PartnershipEvent event =
        history.recorded(factId).orElseThrow(() -> new UnknownFact(factId, partnershipId));
    if (!(event instanceof PartnershipFact)) {
      throw new FactNotAmendable(
          factId, "it is itself a correction or retraction; amend the original fact");
    }
    if (history.isRetracted(factId)) {
      throw new FactNotAmendable(factId, "it was retracted");
    }
    return history.fact(factId).orElseThrow();
  }
}
