package nl.partnershipregistry.core.partnership;

import static nl.partnershipregistry.core.partnership.Facts.HITECS;
import static nl.partnershipregistry.core.partnership.Facts.REGISTRATION;
import static nl.partnershipregistry.core.partnership.Facts.STBK;
import static nl.partnershipregistry.core.partnership.Facts.id;
import static nl.partnershipregistry.core.partnership.Facts.joined;
import static nl.partnershipregistry.core.partnership.Facts.year;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.partnershipregistry.core.common.InvalidValue;
import nl.partnershipregistry.core.partnership.command.CorrectFact;
import nl.partnershipregistry.core.partnership.command.FactCommands;
import nl.partnershipregistry.core.partnership.event.PartnerJoined;
import nl.partnershipregistry.core.partnership.event.PartnershipEvents;
import nl.partnershipregistry.core.partnership.event.PartnershipFact;
import org.junit.jupiter.api.Test;

class FactCommandsTest {

  @Test
  void every_fact_a_partnership_can_hold_has_the_command_that_records_it() {
    for (Class<?> type : PartnershipEvents.factTypes()) {
      @SuppressWarnings("unchecked")
      Class<? extends PartnershipFact> fact = (Class<? extends PartnershipFact>) type;
      assertThat(FactCommands.commandOf(fact)).as(fact.getSimpleName()).isPresent();
    }
  }

  @Test
  void a_replacement_missing_its_date_is_refused_naming_the_field() {
    PartnerJoined joined = joined(HITECS, year(2003));
    PartnerJoined undated =
        new PartnerJoined(
            joined.partnershipId(),
            joined.factId(),
            null,
            joined.organisationId(),
            joined.role(),
            joined.source(),
            joined.recorded());

    assertThatThrownBy(() -> correction(undated))
        .isInstanceOf(InvalidValue.class)
        .hasMessage("replacement.occurredOn: is required")
        .extracting(e -> ((InvalidValue) e).field())
        .isEqualTo("replacement.occurredOn");
  }

  @Test
  void a_replacement_missing_its_role_or_source_is_refused_as_its_command_would_be() {
    PartnerJoined joined = joined(HITECS, year(2003));
    PartnerJoined noRole =
        new PartnerJoined(
            joined.partnershipId(),
            joined.factId(),
            joined.occurredOn(),
            joined.organisationId(),
            null,
            joined.source(),
            joined.recorded());
    PartnerJoined noSource =
        new PartnerJoined(
            joined.partnershipId(),
            joined.factId(),
            joined.occurredOn(),
            joined.organisationId(),
            joined.role(),
            null,
            joined.recorded());

    assertThatThrownBy(() -> correction(noRole)).hasMessage("replacement.role: is required");
    assertThatThrownBy(() -> correction(noSource)).hasMessage("replacement.source: is required");
  }

  @Test
  void a_complete_replacement_is_kept_as_its_command_would_record_it() {
    PartnerJoined joined = joined(HITECS, year(2003));

    assertThat(correction(joined).replacement()).isEqualTo(joined);
  }

  private static CorrectFact correction(PartnershipFact replacement) {
    return new CorrectFact(
        STBK,
        id("correction"),
        REGISTRATION,
        "the source gives another value",
        replacement,
        Facts.SOURCE,
        replacement.recorded());
  }
}
