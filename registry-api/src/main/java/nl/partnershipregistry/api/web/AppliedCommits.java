package nl.partnershipregistry.api.web;

import java.time.Duration;
import nl.partnershipregistry.api.events.EventArchive;
import nl.partnershipregistry.api.operations.ReadModelReadiness;
import nl.partnershipregistry.api.operations.ReadModelsNotReady;
import nl.partnershipregistry.projections.query.FindProjectionPosition;
import nl.partnershipregistry.projections.query.ProjectionPosition;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Waiting until the read models have applied a commit, so that an answer reflects it: the JSON
 * API's {@code afterCommit} and the pages' live updates (which tell a page to reload only once its
 * answer shows the new fact) both wait here. For one partnership, its own read model must have
 * applied the commit (or, when the commit is about another aggregate, the processor as a whole);
 * otherwise every segment of the processor; and no filling of the read models may be pending.
 */
@Component
public class AppliedCommits {

  /** The longest a wait lasts before it ends with {@link ReadModelsNotReady} ("behind"). */
  public static final Duration WAIT = Duration.ofSeconds(10);

  private static final Duration POLL = Duration.ofMillis(20);

  private final QueryGateway queries;
  private final ReadModelReadiness readiness;

  public AppliedCommits(QueryGateway queries, ReadModelReadiness readiness) {
    this.queries = queries;
    this.readiness = readiness;
  }

  /**
   * Completes once the read models have applied {@code commit} as {@code progress} measures it and
   * are not being filled; fails with {@link ReadModelsNotReady} after {@link #WAIT}.
   */
  public Mono<Void> await(long commit, FindProjectionPosition progress) {
    long position = EventArchive.firstPosition(commit);
    Mono<Boolean> reached =
        progress(progress)
            .flatMap(
                p ->
                    p.hasApplied(position) || progress.partnershipId() == null
                        ? Mono.just(p.hasApplied(position))
                        // The commit may be about another aggregate (an organisation's new name):
                        // then the processor as a whole must have passed it.
                        : progress(FindProjectionPosition.overall())
                            .map(overall -> overall.hasApplied(position)))
            .flatMap(
                applied ->
                    applied
                        ? OffTheEventLoop.call(() -> readiness.pending().isEmpty())
                        : Mono.just(false));
    return Mono.defer(() -> reached)
        .filter(Boolean::booleanValue)
        .repeatWhenEmpty(attempts -> attempts.delayElements(POLL))
        .timeout(
            WAIT,
            Mono.error(
                new ReadModelsNotReady(
                    "behind",
                    "The read models have not yet applied commit "
                        + commit
                        + "; ask again shortly")))
        .then();
  }

  private Mono<ProjectionPosition> progress(FindProjectionPosition query) {
    return OffTheEventLoop.call(
        () -> queries.query(query, ResponseTypes.instanceOf(ProjectionPosition.class)).join());
  }
}
