package nl.partnershipregistry.projections.query;

import static nl.partnershipregistry.projections.testing.Story.employer;
import static nl.partnershipregistry.projections.testing.Story.inGroup;
import static nl.partnershipregistry.projections.testing.Story.org;
import static nl.partnershipregistry.projections.testing.Story.school;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.time.LocalDate;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.InvalidValue;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.organisation.OrganisationMerged;
import nl.partnershipregistry.core.organisation.OrganisationRenamed;
import nl.partnershipregistry.core.organisation.OrganisationType;
import nl.partnershipregistry.core.organisation.SchoolLevel;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.projections.query.organisation.FindOrganisation;
import nl.partnershipregistry.projections.query.organisation.FindOrganisations;
import nl.partnershipregistry.projections.query.organisation.OrganisationPage;
import nl.partnershipregistry.projections.query.organisation.OrganisationProfile;
import nl.partnershipregistry.projections.testing.ReadModelFixture;
import nl.partnershipregistry.projections.testing.Story;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Four organisations: Stork, its subsidiary HiTecs (in Stork's group from 1998), the Hogeschool
 * that renamed itself "École Technique" in 2005, and Fokker, which merged into Stork in 2010.
 * HiTecs led STBK from 2001 to 2008 and the school was a core partner from 2001.
 */
class OrganisationsTest {

  private static final Recording RECORDED =
      Recording.of(Instant.parse("2000-01-01T09:00:00Z"), "registrar");

  private final ReadModelFixture readModels = ReadModelFixture.embedded();

  OrganisationsTest() {
    readModels.feed(
        employer("stork", "Stork"),
        employer("hitecs", "HiTecs B.V."),
        inGroup("hitecs", "stork", "1998"),
        school("hva", "Hogeschool Techniek", SchoolLevel.HBO),
        new OrganisationRenamed(
            org("hva"),
            FactId.of("hva-renamed"),
            FactDate.parse("2005-09"),
            "École Technique",
            Story.SOURCE,
            RECORDED),
        employer("fokker", "Fokker"),
        new OrganisationMerged(
            org("fokker"),
            FactId.of("fokker-merged"),
            FactDate.parse("2010"),
            org("stork"),
            Story.SOURCE,
            RECORDED));
    Story stbk = new Story("stbk");
    stbk.registered("2001", "STBK", PartnershipKind.DUAL_TRAJECTORY);
    stbk.joined("2001", "hitecs", PartnerRole.LEAD);
    stbk.joined("2001", "hva", PartnerRole.CORE);
    stbk.left("2008-06", "hitecs");
    readModels.feed(stbk.events().toArray());
  }

  @AfterEach
  void close() {
    readModels.close();
  }

  private OrganisationPage find(String text, OrganisationType type, String group) {
    return readModels
        .registry()
        .handle(
            new FindOrganisations(
                text,
                type,
                group == null ? null : org(group),
                LocalDate.parse("2012-01-01"),
                null,
                null,
                null));
  }

  @Test
  void search_ignores_case_and_accents_and_finds_former_names_and_parts_of_words() {
    assertThat(find("hitec", null, null).items())
        .extracting(OrganisationPage.Listing::name)
        .containsExactly("HiTecs B.V.");
    assertThat(find("ecole", null, null).items())
        .extracting(OrganisationPage.Listing::name, OrganisationPage.Listing::formerNames)
        .containsExactly(tuple("École Technique", java.util.List.of("Hogeschool Techniek")));
    assertThat(find("HOGESCHOOL", null, null).total()).isEqualTo(1);
  }

  @Test
  void the_list_is_sorted_by_name_with_group_merger_and_the_number_of_partnerships() {
    OrganisationPage all = find(null, null, null);

    assertThat(all.total()).isEqualTo(4);
    assertThat(all.items())
        .extracting(
            OrganisationPage.Listing::name,
            OrganisationPage.Listing::groupName,
            OrganisationPage.Listing::mergedIntoName,
            OrganisationPage.Listing::partnerships)
        .containsExactly(
            tuple("École Technique", null, null, 1),
            tuple("Fokker", null, "Stork", 0),
            tuple("HiTecs B.V.", "Stork", null, 1),
            tuple("Stork", null, null, 0));
    assertThat(all.countsByType())
        .containsEntry(OrganisationType.EMPLOYER, 3L)
        .containsEntry(OrganisationType.SCHOOL, 1L);
  }

  @Test
  void by_type_by_group_and_by_page() {
    assertThat(find(null, OrganisationType.SCHOOL, null).items())
        .extracting(OrganisationPage.Listing::name)
        .containsExactly("École Technique");
    OrganisationPage group = find(null, null, "stork");
    assertThat(group.items())
        .extracting(OrganisationPage.Listing::name)
        .containsExactly("HiTecs B.V.", "Stork");
    OrganisationPage second =
        readModels.registry().handle(new FindOrganisations(null, null, null, null, null, 1, 3));
    assertThat(second.total()).isEqualTo(4);
    assertThat(second.items()).extracting(OrganisationPage.Listing::name).containsExactly("Stork");
    assertThatThrownBy(() -> new FindOrganisations(null, null, null, null, null, -1, null))
        .isInstanceOf(InvalidValue.class);
  }

  @Test
  void a_profile_has_names_over_time_group_merger_and_partnerships_with_role_and_dates() {
    OrganisationProfile hva =
        readModels
            .registry()
            .handle(new FindOrganisation(org("hva"), LocalDate.parse("2012-01-01"), null))
            .orElseThrow();
    assertThat(hva.names())
        .extracting(OrganisationProfile.Name::name, n -> n.since().toString())
        .containsExactly(tuple("Hogeschool Techniek", "1950"), tuple("École Technique", "2005-09"));
    assertThat(hva.partnerships())
        .extracting(
            OrganisationProfile.Participation::partnershipName,
            OrganisationProfile.Participation::role)
        .containsExactly(tuple("STBK", PartnerRole.CORE));

    OrganisationProfile hitecs =
        readModels
            .registry()
            .handle(new FindOrganisation(org("hitecs"), LocalDate.parse("2012-01-01"), null))
            .orElseThrow();
    assertThat(hitecs.groupName()).isEqualTo("Stork");
    assertThat(hitecs.partnerships())
        .extracting(p -> p.role(), p -> p.joinedOn().toString(), p -> p.leftOn().toString())
        .containsExactly(tuple(PartnerRole.LEAD, "2001", "2008-06"));

    OrganisationProfile stork =
        readModels
            .registry()
            .handle(new FindOrganisation(org("stork"), LocalDate.parse("2012-01-01"), null))
            .orElseThrow();
    assertThat(stork.mergedFrom())
        .extracting(OrganisationProfile.Related::name)
        .containsExactly("Fokker");
    assertThat(stork.partnerships()).isEmpty();

    OrganisationProfile fokker2009 =
        readModels
            .registry()
            .handle(new FindOrganisation(org("fokker"), LocalDate.parse("2009-01-01"), null))
            .orElseThrow();
    assertThat(fokker2009.mergedInto()).isNull();

    assertThat(readModels.registry().handle(new FindOrganisation(org("nobody"), null, null)))
        .isEmpty();
  }
}
