package nl.partnershipregistry.projections.query.state;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.partnership.Existence;
import nl.partnershipregistry.core.partnership.PartnershipAsOf;
import nl.partnershipregistry.core.partnership.PartnershipHistory;
import nl.partnershipregistry.core.partnership.event.ActivityStarted;
import nl.partnershipregistry.core.partnership.event.PartnershipRegistered;
import nl.partnershipregistry.core.partnership.vocabulary.KatapultType;
import nl.partnershipregistry.core.partnership.vocabulary.LearningForm;
import nl.partnershipregistry.core.partnership.vocabulary.LedFrom;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.projections.analysis.OrganisationDirectory;
import nl.partnershipregistry.projections.query.funding.FundingAnswers;
import nl.partnershipregistry.projections.time.TimeSlice;

/** Builds {@link PartnershipState} from a partnership as of a date. */
public final class StateAnswers {

  private StateAnswers() {}

  /**
   * The state on the slice's valid date; {@code history} is the whole history as known, whose
   * registration identifies the partnership on a date before it started.
   */
  public static PartnershipState state(
      PartnershipId id,
      TimeSlice slice,
      PartnershipHistory history,
      PartnershipAsOf partnership,
      OrganisationDirectory organisations) {
    var phase = partnership.currentPhase();
    Optional<PartnershipRegistered> registration =
        partnership.registration().or(history::registration);
    Existence existence =
        registration
            .map(r -> Existence.of(r, partnership.hasStarted(), slice.asOf()))
            .orElse(Existence.UNKNOWN);
    boolean before = !existence.existed();
    return new PartnershipState(
        id,
        slice.asOf(),
        slice.asKnownOn(),
        existence,
        before ? registration.map(PartnershipRegistered::name).orElse(null) : partnership.name(),
        before ? registration.map(PartnershipRegistered::kind).orElse(null) : partnership.kind(),
        partnership.region(),
        partnership.sector(),
        partnership.goal(),
        registration
            .filter(PartnershipRegistered::startKnown)
            .map(PartnershipRegistered::occurredOn)
            .orElse(null),
        registration
            .filter(r -> !r.startKnown())
            .map(PartnershipRegistered::occurredOn)
            .orElse(null),
        phase.map(PartnershipAsOf.PhasePeriod::phase).orElse(null),
        phase.map(PartnershipAsOf.PhasePeriod::since).orElse(null),
        phase.map(PartnershipAsOf.PhasePeriod::factId).orElse(null),
        partnership
            .discontinuation()
            .map(
                d ->
                    new PartnershipState.Discontinuation(
                        d.reason(), d.explanation(), d.successor(), d.occurredOn(), d.factId()))
            .orElse(null),
        partnership.activePartners().stream()
            .map(
                p -> {
                  var organisation = organisations.find(p.organisationId());
                  var group = organisations.dependencyUnit(p.organisationId());
                  return new PartnershipState.ActivePartner(
                      p.organisationId(),
                      organisations.nameOf(p.organisationId()),
                      organisation.map(OrganisationDirectory.OrganisationAsOf::type).orElse(null),
                      organisation
                          .map(OrganisationDirectory.OrganisationAsOf::schoolLevel)
                          .orElse(null),
                      p.role(),
                      p.joinedOn(),
                      group,
                      organisations.nameOf(group),
                      p.factIds());
                })
            .toList(),
        partnership.commitments().stream()
            .filter(c -> c.isInForce(slice.asOf()))
            .map(
                c ->
                    new PartnershipState.CommitmentInForce(
                        c.commitmentId(),
                        c.organisationId(),
                        c.type(),
                        c.quantity(),
                        c.period(),
                        c.description(),
                        c.factId()))
            .toList(),
        partnership.fundings().stream()
            .filter(f -> f.isInForce(slice.asOf()))
            .map(
                f ->
                    new PartnershipState.FundingInForce(
                        f.fundingId(),
                        f.type(),
                        f.instrument(),
                        f.funder(),
                        f.amount(),
                        f.period(),
                        f.disbursed(),
                        f.factIds()))
            .toList(),
        partnership.keyPersons().stream()
            .filter(PartnershipAsOf.KeyPerson::isActive)
            .map(
                k ->
                    new PartnershipState.KeyPerson(
                        k.keyPersonId(),
                        k.assigned().name(),
                        k.assigned().keyPersonRole(),
                        k.assigned().organisationId(),
                        k.assigned().organisationId() == null
                            ? null
                            : organisations.nameOf(k.assigned().organisationId()),
                        k.assigned().withMandate(),
                        k.assigned().occurredOn(),
                        k.assigned().factId()))
            .toList(),
        partnership
            .governance()
            .map(
                g ->
                    new PartnershipState.Governance(
                        g.form(), g.entityName(), g.establishedOn(), g.since(), g.factIds()))
            .orElse(null),
        katapult(partnership));
  }

  public static PartnershipState.KatapultProfile katapult(PartnershipAsOf partnership) {
    Map<KatapultType, Integer> byType = new EnumMap<>(KatapultType.class);
    List<FactId> factIds = new ArrayList<>();
    int outside = 0;
    int formal = 0;
    int flexible = 0;
    int active = 0;
    for (PartnershipAsOf.Activity activity : partnership.activities()) {
      if (!activity.isActive()) {
        continue;
      }
      ActivityStarted started = activity.started();
      active++;
      factIds.add(started.factId());
      byType.merge(KatapultType.of(started.ledFrom(), started.learningForm()), 1, Integer::sum);
      outside += started.ledFrom() == LedFrom.OUTSIDE_EDUCATION ? 1 : 0;
      formal += started.learningForm() == LearningForm.FORMAL ? 1 : 0;
      flexible += started.flexibleFormat() ? 1 : 0;
    }
    KatapultType type = null;
    if (active > 0 && outside * 2 != active && formal * 2 != active) {
      type =
          KatapultType.of(
              outside * 2 > active ? LedFrom.OUTSIDE_EDUCATION : LedFrom.INSIDE_EDUCATION,
              formal * 2 > active ? LearningForm.FORMAL : LearningForm.NON_FORMAL);
    }
    BigDecimal all = BigDecimal.valueOf(active);
    return new PartnershipState.KatapultProfile(
        type,
        active,
        byType,
        flexible,
        factIds,
        active == 0 ? null : FundingAnswers.share(BigDecimal.valueOf(outside), all),
        active == 0 ? null : FundingAnswers.share(BigDecimal.valueOf(formal), all));
  }
}
