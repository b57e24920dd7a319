package nl.partnershipregistry.api.health;

import java.util.Optional;
import nl.partnershipregistry.api.events.EventArchive;
import nl.partnershipregistry.api.operations.ReadModelReadiness;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Whether the read models may answer questions ({@link ReadModelReadiness}): {@code OUT_OF_SERVICE}
 * while they are being filled at start-up, by the start-up import or by a rebuild, {@code UP} once
 * they hold every event stored when that began. Part of the readiness group, so that an instance is
 * not sent questions it would answer from part of the data. Its detail {@code lastAppliedCommit} is
 * the last commit they applied, as {@code /api/projections/position} says.
 */
@Component("readModels")
public class ReadModelsHealthIndicator extends AbstractHealthIndicator {

  private final ReadModelReadiness readiness;

  public ReadModelsHealthIndicator(ReadModelReadiness readiness) {
    super("Read models health check failed");
    this.readiness = readiness;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Optional<ReadModelReadiness.Filling> filling = readiness.pending();
    if (filling.isPresent()) {
      builder
          .outOfService()
          .withDetail("reason", filling.get().reason())
          .withDetail("detail", filling.get().message());
    } else {
      builder.up();
    }
    builder.withDetail("lastAppliedCommit", EventArchive.commitOf(readiness.lastApplied()));
  }
}
