package nl.partnershipregistry.api.operations;

import java.time.Duration;
import nl.partnershipregistry.projections.query.registry.FindPartnerships;
import nl.partnershipregistry.projections.query.registry.PartnershipPage;
import nl.partnershipregistry.projections.query.survival.FindSurvivalCurves;
import nl.partnershipregistry.projections.query.survival.SurvivalCurves;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Asks the registry list once as soon as the read models may answer after a start, in the
 * background, so that the first person to open it does not wait while every partnership's summary
 * timeline is walked from its events (4.5 s at 2,000 partnerships of 100 events, kept afterwards),
 * then today's survival curves, which are made from those summaries and kept while they hold (up to
 * a second at a million events among other questions, every asker of the first ones paying for it).
 * Nothing depends on it: a question asked before it ends makes what it needs itself.
 */
public class ReadModelWarmUp {

  private static final Logger LOG = LoggerFactory.getLogger(ReadModelWarmUp.class);

  /** How long to wait for the read models to be ready before giving up. */
  static final Duration PATIENCE = Duration.ofMinutes(30);

  private final ReadModelReadiness readiness;
  private final QueryGateway queries;

  public ReadModelWarmUp(ReadModelReadiness readiness, QueryGateway queries) {
    this.readiness = readiness;
    this.queries = queries;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void start() {
    Thread thread = new Thread(this::warmUp, "read-model-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  private void warmUp() {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    try {
      while (readiness.pending().isPresent()) {
        if (System.nanoTime() > deadline) {
          return;
        }
        Thread.sleep(200);
      }
      long started = System.nanoTime();
      queries
          .query(
              new FindPartnerships(null, null, null, null, null, null, null, null, 0, 1),
              ResponseTypes.instanceOf(PartnershipPage.class))
          .join();
      long walked = System.nanoTime();
      queries
          .query(new FindSurvivalCurves(null, null), ResponseTypes.instanceOf(SurvivalCurves.class))
          .join();
      LOG.info(
          "Summaries of the partnerships walked in {} ms, today's survival curves made in {} ms",
          Duration.ofNanos(walked - started).toMillis(),
          Duration.ofNanos(System.nanoTime() - walked).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warn(
          "Warming up the registry list and survival curves failed; the first question will do it",
          e);
    }
  }
}
