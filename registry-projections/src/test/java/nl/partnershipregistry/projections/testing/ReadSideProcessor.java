package nl.partnershipregistry.projections.testing;

import nl.partnershipregistry.projections.views.ReadModels;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;

/** The read models' processor as the wiring tests register it in a plain Axon configuration. */
public final class ReadSideProcessor {

  private ReadSideProcessor() {}

  /**
   * Registers the {@value ReadModels#PROCESSING_GROUP} tracking processor over the configuration's
   * event store: one thread, batches of {@code batchSize} events.
   */
  public static EventProcessingConfigurer tracking(
      EventProcessingConfigurer processing, int batchSize) {
    return processing.registerTrackingEventProcessor(
        ReadModels.PROCESSING_GROUP,
        Configuration::eventStore,
        c ->
            TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                .andBatchSize(batchSize));
  }
}
