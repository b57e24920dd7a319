package nl.partnershipregistry.projections.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.PartnershipHistory;
import nl.partnershipregistry.core.partnership.event.FactCorrected;
import nl.partnershipregistry.core.partnership.event.FactRetracted;
import nl.partnershipregistry.core.partnership.event.PartnerJoined;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import nl.partnershipregistry.core.partnership.event.PartnershipFact;
import nl.partnershipregistry.core.partnership.event.PartnershipRegistered;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import org.junit.jupiter.api.Test;

/** Hand-computed expectations for the transaction-time axis. */
class KnownHistoryTest {

  private static final PartnershipId CEW = PartnershipId.of("cew");
  private static final SourceCitation SOURCE =
      SourceCitation.of("003_704af519c4b8398b.txt", "CEW Water Technology, Leeuwarden");
  private static final Instant JAN_2012 = Instant.parse("2012-01-10T09:00:00Z");
  private static final Instant MAR_2012 = Instant.parse("2012-03-01T09:00:00Z");
  private static final Instant JUN_2012 = Instant.parse("2012-06-01T09:00:00Z");

  private final PartnershipRegistered registered =
      new PartnershipRegistered(
          CEW,
          FactId.of("cew-registered"),
          FactDate.year(2011),
          "CEW",
          PartnershipKind.CENTRE_OF_EXPERTISE,
          "Leeuwarden",
          "water technology",
          null,
          null,
          SOURCE,
          Recording.of(JAN_2012, "registrar"));
  private final PartnerJoined wetsusJoinedIn2012 =
      joined(FactDate.year(2012), Recording.of(JAN_2012, "registrar"));
  private final FactCorrected correctedTo2011 =
      new FactCorrected(
          CEW,
          FactId.of("correction"),
          FactId.of("wetsus-joined"),
          "the founding document lists Wetsus among the eight primary partners",
          joined(FactDate.year(2011), Recording.of(MAR_2012, "auditor")),
          SOURCE,
          Recording.of(MAR_2012, "auditor"));
  private final FactRetracted retracted =
      new FactRetracted(
          CEW,
          FactId.of("retraction"),
          FactId.of("wetsus-joined"),
          "Wetsus was never a partner",
          SOURCE,
          Recording.of(JUN_2012, "auditor"));
  private final List<PartnershipEvent> events =
      List.of(registered, wetsusJoinedIn2012, correctedTo2011, retracted);

  @Test
  void a_fact_is_unknown_before_it_was_recorded() {
    PartnershipHistory before = KnownHistory.of(events, JAN_2012.minusSeconds(1));

    assertThat(before.isEmpty()).isTrue();
  }

  @Test
  void a_corrected_fact_shows_its_old_value_before_the_correction_and_the_new_one_after() {
    assertThat(joinDate(KnownHistory.of(events, JAN_2012))).isEqualTo(FactDate.year(2012));
    assertThat(joinDate(KnownHistory.of(events, MAR_2012.minusMillis(1))))
        .isEqualTo(FactDate.year(2012));
    assertThat(joinDate(KnownHistory.of(events, MAR_2012))).isEqualTo(FactDate.year(2011));
  }

  @Test
  void a_retracted_fact_is_gone_from_the_retraction_on() {
    assertThat(KnownHistory.of(events, JUN_2012.minusMillis(1)).fact(FactId.of("wetsus-joined")))
        .isPresent();
    assertThat(KnownHistory.of(events, JUN_2012).fact(FactId.of("wetsus-joined"))).isEmpty();
    assertThat(KnownHistory.of(events, JUN_2012).timeline()).containsExactly(registered);
  }

  private static FactDate joinDate(PartnershipHistory history) {
    return history.fact(FactId.of("wetsus-joined")).map(PartnershipFact::occurredOn).orElseThrow();
  }

  private static PartnerJoined joined(FactDate date, Recording recorded) {
    return new PartnerJoined(
        CEW,
        FactId.of("wetsus-joined"),
        date,
        OrganisationId.of("wetsus"),
        PartnerRole.CORE,
        SOURCE,
        recorded);
  }
}
