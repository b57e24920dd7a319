package nl.partnershipregistry.projections.query;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import nl.partnershipregistry.core.organisation.OrganisationFact;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.projections.analysis.OrganisationDirectory;
import nl.partnershipregistry.projections.analysis.SummaryAsOf;
import nl.partnershipregistry.projections.query.common.PartnershipReader;
import nl.partnershipregistry.projections.query.ledger.FindTrackRecord;
import nl.partnershipregistry.projections.query.ledger.LedgerAnswers;
import nl.partnershipregistry.projections.query.ledger.TrackRecord;
import nl.partnershipregistry.projections.query.organisation.FindOrganisation;
import nl.partnershipregistry.projections.query.organisation.FindOrganisations;
import nl.partnershipregistry.projections.query.organisation.OrganisationAnswers;
import nl.partnershipregistry.projections.query.organisation.OrganisationPage;
import nl.partnershipregistry.projections.query.organisation.OrganisationProfile;
import nl.partnershipregistry.projections.query.panel.FindPanel;
import nl.partnershipregistry.projections.query.panel.Panel;
import nl.partnershipregistry.projections.query.panel.PanelAnswers;
import nl.partnershipregistry.projections.query.registry.FindPartnerships;
import nl.partnershipregistry.projections.query.registry.PartnershipPage;
import nl.partnershipregistry.projections.query.registry.RegistryAnswers;
import nl.partnershipregistry.projections.query.registry.RegistrySearch;
import nl.partnershipregistry.projections.query.registry.SummaryTimelines;
import nl.partnershipregistry.projections.query.survival.FindSurvivalCurves;
import nl.partnershipregistry.projections.query.survival.SurvivalAnswers;
import nl.partnershipregistry.projections.query.survival.SurvivalCurves;
import nl.partnershipregistry.projections.time.TimeSlice;
import nl.partnershipregistry.projections.views.ReadModels;
import nl.partnershipregistry.projections.views.StoredEvent;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Serializer;

/**
 * Answers the questions across partnerships: the registry list, the organisations, an
 * organisation's profile and track record, survival curves, the panel, and how far the read models
 * have come.
 */
public class RegistryQueries {

  private final PartnershipReader reader;
  private final SummaryTimelines timelines;
  private final Clock clock;

  /** Held while survival curves are made. */
  private final Object makingSurvival = new Object();

  private final AtomicReference<Map.Entry<SurvivalKey, SurvivalCurves>> lastSurvival =
      new AtomicReference<>();

  public RegistryQueries(MongoDatabase database, Serializer serializer, Clock clock) {
    this(new ReadModels(database, serializer), clock);
  }

  /**
   * The query handlers reading {@code readModels}; given the instance the projection writes with,
   * the list and the other questions across partnerships follow this process's writes without
   * reading every partnership's recordings again after each.
   */
  public RegistryQueries(ReadModels readModels, Clock clock) {
    this.reader = new PartnershipReader(readModels);
    this.timelines = new SummaryTimelines(reader.readModels());
    this.clock = clock;
  }

  @QueryHandler
  public PartnershipPage handle(FindPartnerships query) {
    TimeSlice slice = TimeSlice.of(query.asOf(), query.asKnownOn(), clock);
    OrganisationDirectory organisations =
        RegistrySearch.needsNames(query)
            ? reader.allOrganisations(slice)
            : OrganisationDirectory.empty();
    return RegistryAnswers.page(query, slice, timelines.summariesWithContent(slice), organisations);
  }

  /**
   * Every partnership's summary on the valid date as known then: its state's, read from the
   * timelines kept ({@link SummaryTimelines}).
   */
  private List<SummaryAsOf> summaries(TimeSlice slice) {
    return timelines.summaries(slice);
  }

  @QueryHandler
  public Optional<TrackRecord> handle(FindTrackRecord query) {
    TimeSlice slice = TimeSlice.of(query.asOf(), query.asKnownOn(), clock);
    OrganisationDirectory organisations = reader.allOrganisations(slice);
    Set<OrganisationId> counted = organisations.sameGroupAs(query.organisationId());
    List<TrackRecord.PartnershipRecord> records = records(slice, counted, organisations);
    if (records.isEmpty() && organisations.find(query.organisationId()).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        LedgerAnswers.trackRecord(query.organisationId(), slice, organisations, counted, records));
  }

  @QueryHandler
  public OrganisationPage handle(FindOrganisations query) {
    TimeSlice slice = TimeSlice.of(query.asOf(), query.asKnownOn(), clock);
    return OrganisationAnswers.page(query, slice, reader.allOrganisations(slice), summaries(slice));
  }

  @QueryHandler
  public Optional<OrganisationProfile> handle(FindOrganisation query) {
    TimeSlice slice = TimeSlice.of(query.asOf(), query.asKnownOn(), clock);
    OrganisationDirectory organisations = reader.allOrganisations(slice);
    List<TrackRecord.PartnershipRecord> records =
        records(slice, Set.of(query.organisationId()), organisations);
    if (records.isEmpty() && organisations.find(query.organisationId()).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        OrganisationAnswers.profile(query.organisationId(), slice, organisations, records));
  }

  /**
   * The partnerships, started by the valid date, in which any of {@code counted} was ever a
   * partner, each with the parts and commitments of {@code counted} only.
   */
  private List<TrackRecord.PartnershipRecord> records(
      TimeSlice slice, Set<OrganisationId> counted, OrganisationDirectory organisations) {
    List<String> involved = new ArrayList<>();
    for (SummaryAsOf summary : summaries(slice)) {
      if (summary.hasStarted() && summary.everPartners().stream().anyMatch(counted::contains)) {
        involved.add(summary.partnershipId().value());
      }
    }
    List<TrackRecord.PartnershipRecord> records = new ArrayList<>();
    if (involved.isEmpty()) {
      return records;
    }
    reader
        .readModels()
        .partnerships()
        .load(involved)
        .forEach(
            (id, stored) ->
                PartnershipReader.known(stored, slice.asKnownOn())
                    .ifPresent(
                        known ->
                            records.add(
                                LedgerAnswers.partnershipRecord(
                                    PartnershipId.of(id),
                                    known.asOf(slice.asOf()),
                                    counted,
                                    organisations))));
    return records;
  }

  @QueryHandler
  public SurvivalCurves handle(FindSurvivalCurves query) {
    TimeSlice slice = TimeSlice.of(query.asOf(), query.asKnownOn(), clock);
    // The curves change only when a summary or an organisation known does: a write that changes
    // neither (an evaluation) leaves them as they were, and they are made again only after one.
    SummaryTimelines.Summaries summaries = timelines.summariesWithContent(slice);
    Map<String, List<StoredEvent<OrganisationFact>>> organisations = reader.allOrganisationEvents();
    SurvivalKey key =
        new SurvivalKey(
            summaries.content(),
            organisations,
            slice.asOf(),
            known(organisations, slice.asKnownOn()));
    SurvivalCurves curves = keptSurvival(key);
    if (curves == null) {
      // Made once for questions asked together: the others wait for it rather than each making
      // the same curves beside it on the same cores.
      synchronized (makingSurvival) {
        curves = keptSurvival(key);
        if (curves == null) {
          curves =
              SurvivalAnswers.curves(
                  slice,
                  summaries.all(),
                  PartnershipReader.allOrganisations(slice, organisations.values()));
          lastSurvival.set(Map.entry(key, curves));
        }
      }
    }
    return curves.asKnownOn().equals(slice.asKnownOn()) ? curves : curves.asKnownOn(slice);
  }

  /** The survival curves last made, if made from what {@code key} names, else null. */
  private SurvivalCurves keptSurvival(SurvivalKey key) {
    Map.Entry<SurvivalKey, SurvivalCurves> last = lastSurvival.get();
    return last != null && last.getKey().equals(key) ? last.getValue() : null;
  }

  /**
   * What the survival curves are made from: the summaries' {@link SummaryTimelines#content}, the
   * organisations' events as kept (compared by identity) and how many of them are known, the valid
   * date.
   */
  private record SurvivalKey(
      Object summaries, Object organisations, LocalDate asOf, long organisationEventsKnown) {

    @Override
    public boolean equals(Object other) {
      return other instanceof SurvivalKey k
          && summaries == k.summaries
          && organisations == k.organisations
          && asOf.equals(k.asOf)
          && organisationEventsKnown == k.organisationEventsKnown;
    }

    @Override
    public int hashCode() {
      return Objects.hash(
          System.identityHashCode(summaries),
          System.identityHashCode(organisations),
          asOf,
          organisationEventsKnown);
    }
  }

  /** How many of the organisations' events were recorded by {@code asKnownOn}. */
  private static long known(
      Map<String, List<StoredEvent<OrganisationFact>>> organisations, Instant asKnownOn) {
    long known = 0;
    for (List<StoredEvent<OrganisationFact>> stream : organisations.values()) {
      for (StoredEvent<OrganisationFact> event : stream) {
        known += event.recordedAt().isAfter(asKnownOn) ? 0 : 1;
      }
    }
    return known;
  }

  /**
   * The panel: every partnership in every year it existed on 1 July, from the answers the other
   * questions give for that day ({@link PanelAnswers}).
   */
  @QueryHandler
  public Panel handle(FindPanel query) {
    return PanelAnswers.panel(query, reader, timelines, clock);
  }

  @QueryHandler
  public ProjectionPosition handle(FindProjectionPosition query) {
    ReadModels readModels = reader.readModels();
    long lastApplied =
        query.partnershipId() == null
            ? readModels.lastApplied().orElse(-1)
            : readModels.partnerships().lastApplied(query.partnershipId().value()).orElse(-1L);
    return new ProjectionPosition(ReadModels.PROCESSING_GROUP, query.partnershipId(), lastApplied);
  }
}
