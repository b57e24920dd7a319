package nl.partnershipregistry.api.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import nl.partnershipregistry.api.command.InvalidInput;
import nl.partnershipregistry.api.events.EventArchive;
import nl.partnershipregistry.api.operations.ReadModelReadiness;
import nl.partnershipregistry.api.problems.NotFound;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.eventstore.HashChainVerifier;
import nl.partnershipregistry.projections.query.FindProjectionPosition;
import nl.partnershipregistry.projections.query.ProjectionPosition;
import nl.partnershipregistry.projections.query.audit.AuditTrail;
import nl.partnershipregistry.projections.query.audit.FindAuditTrail;
import nl.partnershipregistry.projections.query.audit.FindKnowledgeChanges;
import nl.partnershipregistry.projections.query.audit.KnowledgeChanges;
import nl.partnershipregistry.projections.query.cohort.CohortOutcomes;
import nl.partnershipregistry.projections.query.cohort.FindCohortOutcomes;
import nl.partnershipregistry.projections.query.dossier.FindRenewalDossier;
import nl.partnershipregistry.projections.query.dossier.RenewalDossier;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators;
import nl.partnershipregistry.projections.query.durability.FindDurabilityIndicators;
import nl.partnershipregistry.projections.query.funding.FindFundingMix;
import nl.partnershipregistry.projections.query.funding.FundingMix;
import nl.partnershipregistry.projections.query.ledger.CommitmentLedger;
import nl.partnershipregistry.projections.query.ledger.FindCommitmentLedger;
import nl.partnershipregistry.projections.query.ledger.FindTrackRecord;
import nl.partnershipregistry.projections.query.ledger.TrackRecord;
import nl.partnershipregistry.projections.query.registry.PartnershipPage;
import nl.partnershipregistry.projections.query.state.FindPartnershipState;
import nl.partnershipregistry.projections.query.state.PartnershipState;
import nl.partnershipregistry.projections.query.survival.FindSurvivalCurves;
import nl.partnershipregistry.projections.query.survival.SurvivalCurves;
import nl.partnershipregistry.projections.query.timeline.FindTimeline;
import nl.partnershipregistry.projections.query.timeline.Timeline;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The durability questions, answered by the read models through the query gateway. Every question
 * takes {@code asOf} (a day; default today) and {@code asKnownOn} (an instant or a day; default
 * now), and {@code afterCommit}: the answer waits until the read models have applied that commit,
 * so that a client reads its own writes. The tables are also CSV ({@code Accept: text/csv} or
 * {@code ?format=csv}, see {@link ResponseFormat}): {@link CsvTables}, {@link CsvAnswers}. While
 * the read models are being filled (start-up import, rebuild, catch-up after a start) questions are
 * refused with 503 and {@code Retry-After} ({@link ReadModelReadiness}); with {@code afterCommit}
 * they wait for that too, up to 10 seconds.
 */
@RestController
public class QueryController {

  private final QueryGateway queries;
  private final EventArchive archive;
  private final ReadModelReadiness readiness;
  private final AppliedCommits appliedCommits;

  public QueryController(
      QueryGateway queries,
      EventArchive archive,
      ReadModelReadiness readiness,
      AppliedCommits appliedCommits) {
    this.queries = queries;
    this.archive = archive;
    this.readiness = readiness;
    this.appliedCommits = appliedCommits;
  }

  @GetMapping(path = "/api/partnerships", produces = "application/json")
  public Mono<PartnershipPage> partnerships(PartnershipSelection selection, Moment at) {
    return after(at, () -> ask(selection.query(at.day(), at.known()), PartnershipPage.class));
  }

  /** The registry list as CSV: the same selection and page, one row per partnership. */
  @GetMapping(path = "/api/partnerships", produces = "text/csv")
  public Mono<String> partnershipsCsv(PartnershipSelection selection, Moment at) {
    return partnerships(selection, at).map(RegistryCsv::partnerships);
  }

  @GetMapping(path = "/api/partnerships/{id}", produces = "application/json")
  public Mono<PartnershipState> state(@PathVariable String id, Moment at) {
    return one(
        at,
        id,
        () -> new FindPartnershipState(partnership(id), at.day(), at.known()),
        PartnershipState.class);
  }

  /** The state's active partners as CSV, one row per partner. */
  @GetMapping(path = "/api/partnerships/{id}", produces = "text/csv")
  public Mono<String> stateCsv(@PathVariable String id, Moment at) {
    return state(id, at).map(CsvAnswers::partners);
  }

  @GetMapping(path = "/api/partnerships/{id}/timeline", produces = "application/json")
  public Mono<Timeline> timeline(@PathVariable String id, Moment at) {
    return one(
        at, id, () -> new FindTimeline(partnership(id), at.day(), at.known()), Timeline.class);
  }

  @GetMapping(path = "/api/partnerships/{id}/timeline", produces = "text/csv")
  public Mono<String> timelineCsv(@PathVariable String id, Moment at) {
    return timeline(id, at).map(CsvTables::timeline);
  }

  @GetMapping(path = "/api/partnerships/{id}/funding", produces = "application/json")
  public Mono<FundingMix> funding(@PathVariable String id, Moment at) {
    return one(
        at, id, () -> new FindFundingMix(partnership(id), at.day(), at.known()), FundingMix.class);
  }

  @GetMapping(path = "/api/partnerships/{id}/funding", produces = "text/csv")
  public Mono<String> fundingCsv(@PathVariable String id, Moment at) {
    return funding(id, at).map(CsvTables::funding);
  }

  @GetMapping(path = "/api/partnerships/{id}/commitments", produces = "application/json")
  public Mono<CommitmentLedger> commitments(@PathVariable String id, Moment at) {
    return one(
        at,
        id,
        () -> new FindCommitmentLedger(partnership(id), at.day(), at.known()),
        CommitmentLedger.class);
  }

  @GetMapping(path = "/api/partnerships/{id}/commitments", produces = "text/csv")
  public Mono<String> commitmentsCsv(@PathVariable String id, Moment at) {
    return commitments(id, at).map(CsvTables::commitments);
  }

  @GetMapping(path = "/api/partnerships/{id}/durability", produces = "application/json")
  public Mono<DurabilityIndicators> durability(@PathVariable String id, Moment at) {
    return one(
        at,
        id,
        () -> new FindDurabilityIndicators(partnership(id), at.day(), at.known()),
        DurabilityIndicators.class);
  }

  @GetMapping(path = "/api/partnerships/{id}/durability", produces = "text/csv")
  public Mono<String> durabilityCsv(@PathVariable String id, Moment at) {
    return durability(id, at).map(CsvTables::durability);
  }

  @GetMapping(path = "/api/partnerships/{id}/cohorts", produces = "application/json")
  public Mono<CohortOutcomes> cohorts(@PathVariable String id, Moment at) {
    return one(
        at,
        id,
        () -> new FindCohortOutcomes(partnership(id), at.day(), at.known()),
        CohortOutcomes.class);
  }

  @GetMapping(path = "/api/partnerships/{id}/cohorts", produces = "text/csv")
  public Mono<String> cohortsCsv(@PathVariable String id, Moment at) {
    return cohorts(id, at).map(CsvAnswers::cohorts);
  }

  /**
   * A funder's dossier for renewing a subsidy: the partnership as the registry knew it at the end
   * of the decision day (unless {@code asKnownOn} says otherwise), as it stood on that day.
   */
  @GetMapping("/api/partnerships/{id}/renewal-dossier")
  public Mono<RenewalDossier> renewalDossier(
      @PathVariable String id, @RequestParam(required = false) String decisionDate, Moment at) {
    LocalDate decision = TimeParameters.day("decisionDate", decisionDate);
    Instant known =
        at.asKnownOn() != null
            ? at.known()
            : decision == null ? null : TimeParameters.instant("decisionDate", decisionDate);
    return one(
        at,
        id,
        () -> new FindRenewalDossier(partnership(id), decision, known),
        RenewalDossier.class);
  }

  /**
   * What changed in what the registry knew about a partnership between two moments of its
   * knowledge: {@code from} (default a year before {@code to}) and {@code to} (default now), each
   * an instant or a day meaning its end. Facts added, corrected and retracted in between, and the
   * durability verdicts on {@code asOf} that changed; {@code from} after {@code to} is a 400.
   */
  @GetMapping("/api/partnerships/{id}/changes")
  public Mono<KnowledgeChanges> changes(
      @PathVariable String id,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Moment at) {
    return one(
        at,
        id,
        () ->
            new FindKnowledgeChanges(
                partnership(id),
                at.day(),
                TimeParameters.instant("from", from),
                TimeParameters.instant("to", to)),
        KnowledgeChanges.class);
  }

  /**
   * The audit of one partnership: who recorded what and when, every correction and retraction with
   * its reason, and the verification of its hash chain in the event store.
   */
  @GetMapping(path = "/api/partnerships/{id}/audit", produces = "application/json")
  public Mono<Audit> audit(@PathVariable String id, Moment at) {
    return one(at, id, () -> new FindAuditTrail(partnership(id), at.known()), AuditTrail.class)
        .flatMap(
            trail ->
                OffTheEventLoop.call(() -> archive.verify(id))
                    .map(verification -> new Audit(trail, verification)));
  }

  /**
   * The audit of a partnership.
   *
   * @param trail the recordings, amendments and recorders, from the read models
   * @param hashChain the check of the stored events against their hash chain
   */
  public record Audit(AuditTrail trail, HashChainVerifier.Verification hashChain) {}

  /** The audit's recordings as CSV, one row per recording (the chain's check is in the JSON). */
  @GetMapping(path = "/api/partnerships/{id}/audit", produces = "text/csv")
  public Mono<String> auditCsv(@PathVariable String id, Moment at) {
    return one(at, id, () -> new FindAuditTrail(partnership(id), at.known()), AuditTrail.class)
        .map(CsvAnswers::audit);
  }

  /**
   * Kaplan-Meier survival of partnerships from start to discontinuation, the still active ones
   * censored on {@code asOf}: overall, by kind, by funding profile and by employer concentration.
   */
  @GetMapping(path = "/api/analytics/survival", produces = "application/json")
  public Mono<SurvivalCurves> survival(Moment at) {
    return after(at, () -> ask(new FindSurvivalCurves(at.day(), at.known()), SurvivalCurves.class));
  }

  /** The survival curves as CSV, one row per group and step. */
  @GetMapping(path = "/api/analytics/survival", produces = "text/csv")
  public Mono<String> survivalCsv(Moment at) {
    return survival(at).map(CsvAnswers::survival);
  }

  /** The track record as CSV, one row per commitment with its partnership. */
  @GetMapping(path = "/api/organisations/{id}/track-record", produces = "text/csv")
  public Mono<String> trackRecordCsv(@PathVariable String id, Moment at) {
    return trackRecord(id, at).map(CsvAnswers::trackRecord);
  }

  @GetMapping(path = "/api/organisations/{id}/track-record", produces = "application/json")
  public Mono<TrackRecord> trackRecord(@PathVariable String id, Moment at) {
    return after(
            at,
            () ->
                askOptional(
                    new FindTrackRecord(
                        Parameters.identifier("id", id, OrganisationId::new), at.day(), at.known()),
                    TrackRecord.class))
        .flatMap(
            found ->
                found
                    .map(Mono::just)
                    .orElseGet(
                        () ->
                            Mono.error(new NotFound("No organisation is registered under " + id))));
  }

  /**
   * How far the read models are: the last commit they applied, in the numbers writes answer with,
   * and the global position of its last event applied.
   */
  @GetMapping("/api/projections/position")
  public Mono<Position> position() {
    return progress(FindProjectionPosition.overall())
        .map(
            p ->
                new Position(
                    p.processingGroup(), EventArchive.commitOf(p.lastApplied()), p.lastApplied()));
  }

  /**
   * How far the read models are.
   *
   * @param lastAppliedCommit the last commit applied (wholly or in part), -1 before the first: the
   *     number a write answers with and {@code afterCommit} takes
   * @param lastApplied the global position of the last event applied (its commit times 65,536 plus
   *     its index in the commit), -1 before the first, for tools that count events
   */
  public record Position(String processingGroup, long lastAppliedCommit, long lastApplied) {}

  // Asking

  private <R> Mono<R> one(Moment at, String id, Supplier<Object> query, Class<R> answer) {
    return after(
            at, FindProjectionPosition.of(partnership(id)), () -> askOptional(query.get(), answer))
        .flatMap(found -> found.map(Mono::just).orElseGet(() -> notFound(id, at)));
  }

  /**
   * No partnership under the id; or, asked as known on a moment before the registry recorded it,
   * none known then: said so, with the moment it was first recorded (from its audit trail as known
   * now), so that a client can tell the two apart and ask again.
   */
  private <R> Mono<R> notFound(String id, Moment at) {
    Instant known = at.known();
    if (known == null) {
      return Mono.error(new NotFound("No partnership is registered under " + id));
    }
    return askOptional(new FindAuditTrail(partnership(id), null), AuditTrail.class)
        .flatMap(
            trail ->
                Mono.error(
                    trail
                        .flatMap(
                            t ->
                                t.recordings().stream()
                                    .min(Comparator.comparing(AuditTrail.Recorded::recordedAt)))
                        .<RuntimeException>map(
                            first ->
                                new NotFound(
                                    "The registry did not yet know a partnership under "
                                        + id
                                        + " on "
                                        + known
                                        + " (asKnownOn): it first recorded it at "
                                        + first.recordedAt()
                                        + ". Ask as known on that moment or later, or without"
                                        + " asKnownOn.",
                                    first.recordedAt()))
                        .orElseGet(
                            () -> new NotFound("No partnership is registered under " + id))));
  }

  <R> Mono<Optional<R>> askOptional(Object query, Class<R> answer) {
    return answered(() -> queries.query(query, ResponseTypes.optionalInstanceOf(answer)));
  }

  <R> Mono<R> ask(Object query, Class<R> answer) {
    return answered(() -> queries.query(query, ResponseTypes.instanceOf(answer)));
  }

  /**
   * Asks the query gateway off the event loop (the query bus runs the handler, which reads MongoDB
   * with the blocking driver, in the thread that asks), unless the read models are being filled:
   * then the question is refused (503). Readiness is checked before and after answering, so that
   * neither an answer from part of the data nor a 404 for a partnership not yet replayed leaves
   * when a rebuild begins while the question is answered.
   */
  private <R> Mono<R> answered(Supplier<CompletableFuture<R>> question) {
    return OffTheEventLoop.call(
        () -> {
          long since = readiness.requireReady();
          R answer = question.get().join();
          // Also when the read models were rebuilt, however quickly, while the answer was read.
          readiness.requireReadySince(since);
          return answer;
        });
  }

  /** How far the read models are; answered also while they are being filled. */
  private Mono<ProjectionPosition> progress(FindProjectionPosition query) {
    return OffTheEventLoop.call(
        () -> queries.query(query, ResponseTypes.instanceOf(ProjectionPosition.class)).join());
  }

  /**
   * Runs the question once the read models have applied {@code afterCommit}, if given, and are not
   * being filled: for a question about one partnership, once its own read model has; otherwise once
   * every segment of the processor has. Also {@link OrganisationController}'s way of asking.
   */
  <R> Mono<R> after(Moment at, Supplier<Mono<R>> question) {
    return after(at, FindProjectionPosition.overall(), question);
  }

  private <R> Mono<R> after(
      Moment at, FindProjectionPosition progress, Supplier<Mono<R>> question) {
    Long afterCommit;
    try {
      afterCommit = at.commit();
    } catch (InvalidInput e) {
      return Mono.error(e);
    }
    if (afterCommit == null) {
      return Mono.defer(question);
    }
    long wanted = afterCommit;
    // A commit beyond the last one stored was never answered to a write: waiting for it would
    // only end in the timeout.
    return OffTheEventLoop.call(archive::head)
        .flatMap(
            head ->
                wanted > head
                    ? Mono.error(
                        new InvalidInput(
                            "afterCommit",
                            "is "
                                + wanted
                                + ", but the last commit stored is "
                                + head
                                + "; ask after a commit that a write answered with"))
                    : waitFor(wanted, progress, question));
  }

  private <R> Mono<R> waitFor(
      long afterCommit, FindProjectionPosition progress, Supplier<Mono<R>> question) {
    return appliedCommits.await(afterCommit, progress).then(Mono.defer(question));
  }

  private static PartnershipId partnership(String id) {
    return Parameters.identifier("id", id, PartnershipId::new);
  }
}
