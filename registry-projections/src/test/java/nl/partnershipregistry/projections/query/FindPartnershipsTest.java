package nl.partnershipregistry.projections.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.InvalidValue;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.organisation.SchoolLevel;
import nl.partnershipregistry.core.partnership.Existence;
import nl.partnershipregistry.core.partnership.event.PartnershipDiscontinued;
import nl.partnershipregistry.core.partnership.event.PartnershipRegistered;
import nl.partnershipregistry.core.partnership.event.PartnershipRenamed;
import nl.partnershipregistry.core.partnership.vocabulary.DiscontinuationReason;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import nl.partnershipregistry.projections.query.registry.FindPartnerships;
import nl.partnershipregistry.projections.query.registry.PartnershipPage;
import nl.partnershipregistry.projections.query.registry.PartnershipPage.Field;
import nl.partnershipregistry.projections.query.registry.PartnershipPage.Match;
import nl.partnershipregistry.projections.testing.ReadModelFixture;
import nl.partnershipregistry.projections.testing.Story;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FindPartnershipsTest {

  private static final Instant LATER = Instant.parse("2022-01-01T09:00:00Z");

  private final ReadModelFixture readModels = ReadModelFixture.embedded();
  private final Story stbk = new Story("stbk");
  private final Story rdm = new Story("rdm");
  private final Story cew = new Story("cew");
  private final Story woerden = new Story("technohub-woerden");
  private final PartnershipRegistered cewRegistered;
  private final PartnershipDiscontinued rdmDiscontinued;

  FindPartnershipsTest() {
    stbk.registered("2001", "STBK", PartnershipKind.DUAL_TRAJECTORY, "Amsterdam", "metal");
    stbk.joined("2001", "hitecs", PartnerRole.CORE);
    stbk.phase("2003", Phase.STRUCTURAL);
    stbk.discontinued("2008", DiscontinuationReason.ECONOMIC_DOWNTURN);
    rdm.registered(
        "2009",
        "RDM Centre of Expertise",
        PartnershipKind.CENTRE_OF_EXPERTISE,
        "Rotterdam",
        "port");
    rdm.joined("2009", "port-of-rotterdam", PartnerRole.CORE);
    rdm.phase("2012", Phase.STRUCTURAL);
    rdmDiscontinued = rdm.discontinued("2015", DiscontinuationReason.OTHER);
    rdm.recordedOn(LATER).retracted(rdmDiscontinued, "RDM still runs");
    cewRegistered =
        cew.registered(
            "2011", "CEW", PartnershipKind.CENTRE_OF_EXPERTISE, "Leeuwarden", "water technology");
    cew.recordedOn(LATER)
        .corrected(
            new PartnershipRegistered(
                cew.id(),
                cewRegistered.factId(),
                cewRegistered.occurredOn(),
                "Centre of Expertise Water Technology",
                PartnershipKind.CENTRE_OF_EXPERTISE,
                "Leeuwarden",
                "water technology",
                null,
                null,
                Story.SOURCE,
                cewRegistered.recorded()),
            "the full name");
    woerden.recordedOn(LATER);
    woerden.registered(
        "2018", "TechnoHUB Woerden", PartnershipKind.TECHNOHUB, "Utrecht", "technology");
    readModels.feed(stbk.events().toArray());
    readModels.feed(rdm.events().toArray());
    readModels.feed(cew.events().toArray());
    readModels.feed(woerden.events().toArray());
  }

  @AfterEach
  void close() {
    readModels.close();
  }

  private PartnershipPage find(FindPartnerships query) {
    return readModels.registry().handle(query);
  }

  private static FindPartnerships query(
      String text, PartnershipKind kind, Phase phase, String asOf, Integer page, Integer size) {
    return new FindPartnerships(
        text,
        kind,
        phase,
        null,
        null,
        null,
        asOf == null ? null : LocalDate.parse(asOf),
        null,
        page,
        size);
  }

  @Test
  void lists_every_partnership_by_name_with_counts_by_kind_and_phase() {
    PartnershipPage page = find(FindPartnerships.all());

    assertThat(page.items())
        .extracting(PartnershipPage.Listing::name)
        .containsExactly(
            "Centre of Expertise Water Technology",
            "RDM Centre of Expertise",
            "STBK",
            "TechnoHUB Woerden");
    assertThat(page.total()).isEqualTo(4);
    assertThat(page.countsByKind())
        .containsEntry(PartnershipKind.CENTRE_OF_EXPERTISE, 2L)
        .containsEntry(PartnershipKind.DUAL_TRAJECTORY, 1L)
        .containsEntry(PartnershipKind.TECHNOHUB, 1L);
    assertThat(page.countsByPhase())
        .containsEntry(Phase.STRUCTURAL, 1L)
        .containsEntry(Phase.DISCONTINUED, 1L)
        .containsEntry(Phase.UNKNOWN, 2L);
  }

  @Test
  void lists_a_partnership_whose_existence_the_sources_leave_open_by_name_and_kind_only() {
    Story klooster = new Story("leerhotel-het-klooster");
    klooster.registeredExistingBy(
        "[..2015]", "Leerhotel Het Klooster", PartnershipKind.LEARNING_COMPANY);
    klooster.joined("[..2015]", "mbo-amersfoort", PartnerRole.CORE);
    Story technasium = new Story("technasium");
    technasium.registered("2003~", "Technasium", PartnershipKind.EDUCATION_CONCEPT);
    readModels.feed(klooster.events().toArray());
    readModels.feed(technasium.events().toArray());

    PartnershipPage in2002 = find(query(null, null, null, "2002-06-30", null, null));
    PartnershipPage in2015 = find(query(null, null, null, "2015-06-30", null, null));

    assertThat(in2002.items())
        .extracting(PartnershipPage.Listing::name, PartnershipPage.Listing::existence)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Leerhotel Het Klooster", Existence.UNKNOWN),
            org.assertj.core.groups.Tuple.tuple("STBK", Existence.STARTED),
            org.assertj.core.groups.Tuple.tuple("Technasium", Existence.UNKNOWN));
    assertThat(in2002.existenceUnknown()).isEqualTo(2);
    assertThat(in2002.countsByPhase()).doesNotContainKey(null);
    PartnershipPage.Listing open = in2015.items().get(1);
    assertThat(open.name()).isEqualTo("Leerhotel Het Klooster");
    assertThat(open.existence()).isEqualTo(Existence.UNKNOWN);
    assertThat(open.phase()).isNull();
    assertThat(open.activePartners()).isEmpty();
    assertThat(open.existingBy().toString()).isEqualTo("[..2015]");
    assertThat(
            find(query(null, null, null, "2016-01-01", null, null)).items().stream()
                .filter(l -> l.name().equals("Leerhotel Het Klooster"))
                .map(PartnershipPage.Listing::existence))
        .containsExactly(Existence.EXISTING);
    assertThat(find(query(null, null, Phase.UNKNOWN, "2015-06-30", null, null)).items())
        .extracting(PartnershipPage.Listing::name)
        .as("no phase criterion matches a partnership whose existence is open")
        .doesNotContain("Leerhotel Het Klooster");
    assertThat(find(query(null, null, null, "2001-06-30", null, null)).items())
        .extracting(PartnershipPage.Listing::name)
        .as("circa 2003 cannot mean 2001: not yet started, not listed")
        .doesNotContain("Technasium");
  }

  @Test
  void lists_a_partnership_whose_start_is_unknown_as_existing_by_its_evidence() {
    Story klooster = new Story("leerhotel-het-klooster");
    klooster.registeredExistingBy(
        "2015", "Leerhotel Het Klooster", PartnershipKind.LEARNING_COMPANY);
    readModels.feed(klooster.events().toArray());

    PartnershipPage page = find(query("Klooster", null, null, null, null, null));

    assertThat(page.items())
        .extracting(PartnershipPage.Listing::startedOn, PartnershipPage.Listing::existingBy)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(null, FactDate.year(2015)));
    assertThat(find(query("STBK", null, null, null, null, null)).items())
        .extracting(PartnershipPage.Listing::startedOn, PartnershipPage.Listing::existingBy)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(FactDate.year(2001), null));
    assertThat(find(query("Klooster", null, null, "2014-12-31", null, null)).items())
        .extracting(PartnershipPage.Listing::existence)
        .as("before its earliest evidence: listed, whether it existed not known")
        .containsExactly(Existence.UNKNOWN);
  }

  @Test
  void finds_by_kind_and_by_phase_on_a_past_date() {
    assertThat(
            find(query(null, PartnershipKind.CENTRE_OF_EXPERTISE, null, null, null, null)).items())
        .extracting(l -> l.partnershipId().value())
        .containsExactly("cew", "rdm");
    assertThat(find(query(null, null, Phase.STRUCTURAL, "2005-01-01", null, null)).items())
        .extracting(l -> l.partnershipId().value())
        .containsExactly("stbk");
    assertThat(find(query(null, null, Phase.DISCONTINUED, "2010-01-01", null, null)).items())
        .extracting(l -> l.partnershipId().value())
        .containsExactly("stbk");
  }

  @Test
  void a_partnership_that_had_not_started_on_the_date_is_not_listed() {
    assertThat(find(query(null, null, null, "2005-01-01", null, null)).items())
        .extracting(l -> l.partnershipId().value())
        .containsExactly("stbk");
  }

  @Test
  void finds_by_free_text_ignoring_case_and_by_partner() {
    assertThat(find(query("WATER", null, null, null, null, null)).items())
        .extracting(l -> l.partnershipId().value())
        .containsExactly("cew");
    assertThat(
            find(new FindPartnerships(
                    null, null, null, null, null, "hitecs", null, null, null, null))
                .items())
        .extracting(l -> l.partnershipId().value())
        .containsExactly("stbk");
  }

  @Test
  void finds_a_partnership_by_the_name_of_a_partner_it_had_by_the_date() {
    readModels.feed(Story.employer("hitecs", "HiTecs B.V."));
    readModels.feed(Story.employer("port-of-rotterdam", "Havenbedrijf Rotterdam"));

    assertThat(find(query("hitecs b.v", null, null, null, null, null)).items())
        .extracting(l -> l.partnershipId().value())
        .containsExactly("stbk");
    assertThat(find(query("Havenbedrijf", null, null, null, null, null)).items())
        .extracting(l -> l.partnershipId().value())
        .containsExactly("rdm");
    assertThat(find(query("Havenbedrijf", null, null, "2005-01-01", null, null)).items()).isEmpty();
  }

  @Test
  void pages_through_the_matches() {
    PartnershipPage second = find(query(null, null, null, null, 1, 3));

    assertThat(second.items())
        .extracting(PartnershipPage.Listing::name)
        .containsExactly("TechnoHUB Woerden");
    assertThat(second.total()).isEqualTo(4);
  }

  @Test
  void the_list_as_known_earlier_has_the_old_name_the_retracted_end_and_not_the_late_partnership() {
    PartnershipPage earlier =
        find(
            new FindPartnerships(
                null, null, null, null, null, null, null, LATER.minusSeconds(1), null, null));

    assertThat(earlier.items())
        .extracting(
            l -> l.partnershipId().value(),
            PartnershipPage.Listing::name,
            PartnershipPage.Listing::phase)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("cew", "CEW", Phase.UNKNOWN),
            org.assertj.core.groups.Tuple.tuple(
                "rdm", "RDM Centre of Expertise", Phase.DISCONTINUED),
            org.assertj.core.groups.Tuple.tuple("stbk", "STBK", Phase.DISCONTINUED));
    assertThat(find(FindPartnerships.all()).items().get(1).phase()).isEqualTo(Phase.STRUCTURAL);
  }

  private static FindPartnerships sorted(FindPartnerships.Sort sort, boolean descending) {
    return new FindPartnerships(
        null, null, null, null, null, null, null, null, null, null, sort, descending);
  }

  @Test
  void sorts_by_kind_phase_start_and_active_partners_either_way_ties_by_name() {
    assertThat(find(sorted(FindPartnerships.Sort.START, false)).items())
        .extracting(l -> l.partnershipId().value())
        .containsExactly("stbk", "rdm", "cew", "technohub-woerden");
    assertThat(find(sorted(FindPartnerships.Sort.START, true)).items())
        .extracting(l -> l.partnershipId().value())
        .containsExactly("technohub-woerden", "cew", "rdm", "stbk");
    assertThat(find(sorted(FindPartnerships.Sort.KIND, false)).items())
        .extracting(l -> l.partnershipId().value())
        .containsExactly("stbk", "technohub-woerden", "cew", "rdm");
    assertThat(find(sorted(FindPartnerships.Sort.PHASE, true)).items())
        .extracting(l -> l.partnershipId().value())
        .containsExactly("stbk", "rdm", "cew", "technohub-woerden");
    assertThat(find(sorted(FindPartnerships.Sort.ACTIVE_PARTNERS, true)).items())
        .extracting(l -> l.partnershipId().value())
        .containsExactly("rdm", "stbk", "cew", "technohub-woerden");
    assertThat(find(sorted(FindPartnerships.Sort.NAME, true)).items())
        .extracting(PartnershipPage.Listing::name)
        .containsExactly(
            "TechnoHUB Woerden",
            "STBK",
            "RDM Centre of Expertise",
            "Centre of Expertise Water Technology");
  }

  @Test
  void a_partnership_whose_start_is_unknown_comes_after_the_dated_ones_either_way() {
    Story klooster = new Story("leerhotel-het-klooster");
    klooster.registeredExistingBy(
        "2015", "Leerhotel Het Klooster", PartnershipKind.LEARNING_COMPANY);
    readModels.feed(klooster.events().toArray());

    assertThat(find(sorted(FindPartnerships.Sort.START, false)).items())
        .extracting(l -> l.partnershipId().value())
        .endsWith("technohub-woerden", "leerhotel-het-klooster");
    assertThat(find(sorted(FindPartnerships.Sort.START, true)).items())
        .extracting(l -> l.partnershipId().value())
        .endsWith("stbk", "leerhotel-het-klooster");
  }

  @Test
  void counts_by_region_and_sector_whatever_the_region_or_sector_chosen() {
    PartnershipPage all = find(FindPartnerships.all());
    assertThat(all.countsByRegion())
        .containsExactly(
            org.assertj.core.data.MapEntry.entry("Amsterdam", 1L),
            org.assertj.core.data.MapEntry.entry("Leeuwarden", 1L),
            org.assertj.core.data.MapEntry.entry("Rotterdam", 1L),
            org.assertj.core.data.MapEntry.entry("Utrecht", 1L));
    assertThat(all.countsBySector()).containsKeys("metal", "port", "technology");

    PartnershipPage inRotterdam =
        find(
            new FindPartnerships(
                null, null, null, "rotterdam", null, null, null, null, null, null));
    assertThat(inRotterdam.items())
        .extracting(l -> l.partnershipId().value())
        .containsExactly("rdm");
    assertThat(inRotterdam.countsByRegion()).hasSize(4);
    assertThat(inRotterdam.countsBySector())
        .containsExactly(org.assertj.core.data.MapEntry.entry("port", 1L));

    PartnershipPage centres =
        find(
            new FindPartnerships(
                null,
                PartnershipKind.CENTRE_OF_EXPERTISE,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
    assertThat(centres.countsByRegion()).containsOnlyKeys("Leeuwarden", "Rotterdam");
  }

  @Test
  void counts_a_region_written_in_another_case_with_it_under_the_spelling_most_have() {
    Story lowercase = new Story("hub-utrecht-west");
    lowercase.registered(
        "2019", "Hub Utrecht West", PartnershipKind.TECHNOHUB, "utrecht", "Technology");
    readModels.feed(lowercase.events().toArray());

    PartnershipPage all = find(FindPartnerships.all());
    assertThat(all.countsByRegion())
        .containsExactly(
            org.assertj.core.data.MapEntry.entry("Amsterdam", 1L),
            org.assertj.core.data.MapEntry.entry("Leeuwarden", 1L),
            org.assertj.core.data.MapEntry.entry("Rotterdam", 1L),
            // One each: the first in Unicode order.
            org.assertj.core.data.MapEntry.entry("Utrecht", 2L));
    assertThat(all.countsBySector()).containsEntry("Technology", 2L);

    Story another = new Story("hub-utrecht-oost");
    another.registered(
        "2020", "Hub Utrecht Oost", PartnershipKind.TECHNOHUB, "utrecht", "technology");
    readModels.feed(another.events().toArray());
    assertThat(find(FindPartnerships.all()).countsByRegion()).containsEntry("utrecht", 3L);

    PartnershipPage woerden = find(text("woerden"));
    assertThat(woerden.countsByRegion())
        .containsExactly(org.assertj.core.data.MapEntry.entry("Utrecht", 1L));
  }

  private List<String> ids(FindPartnerships query) {
    return find(query).items().stream().map(l -> l.partnershipId().value()).toList();
  }

  private static FindPartnerships text(String text) {
    return query(text, null, null, null, null, null);
  }

  private static FindPartnerships partner(String partner) {
    return new FindPartnerships(null, null, null, null, null, partner, null, null, null, null);
  }

  /** The Luchtvaartcollege with KLM and ROC van Amsterdam, and EGC Lille, named with accents. */
  private void feedAviationAndLille() {
    readModels.feed(
        Story.employer("klm", "KLM"),
        Story.school("roc-van-amsterdam", "ROC van Amsterdam", SchoolLevel.MBO),
        Story.school("hva", "Hogeschool van Amsterdam", SchoolLevel.HBO),
        Story.employer("hitecs", "HiTecs B.V."));
    Story college = new Story("luchtvaartcollege-schiphol");
    college.registered(
        "2007",
        "Luchtvaartcollege Schiphol",
        PartnershipKind.LEARNING_COMPANY,
        "Noord-Holland",
        "airport services");
    college.joined("2007", "roc-van-amsterdam", PartnerRole.LEAD);
    college.joined("2012", "klm", PartnerRole.CORE);
    Story lille = new Story("egc-lille");
    lille.registered(
        "1995",
        "EGC Lille, École de Gestion et de Commerce",
        PartnershipKind.EDUCATION_CONCEPT,
        "Hauts-de-France",
        "commerce");
    lille.joined("1995", "hva", PartnerRole.MEMBER);
    readModels.feed(college.events().toArray());
    readModels.feed(lille.events().toArray());
  }

  @Test
  void finds_by_text_whatever_its_case_and_accents_and_by_part_of_a_word() {
    feedAviationAndLille();

    assertThat(ids(text("HÌTÉCS"))).containsExactly("stbk");
    assertThat(ids(text("hogeschool"))).containsExactly("egc-lille");
    assertThat(ids(text("ecole"))).containsExactly("egc-lille");
    assertThat(ids(text("GESTIÓN"))).containsExactly("egc-lille");
    assertThat(ids(text("luchtvaart"))).containsExactly("luchtvaartcollege-schiphol");
    assertThat(ids(text("vaartcol"))).containsExactly("luchtvaartcollege-schiphol");
  }

  @Test
  void every_word_of_the_text_must_be_found_each_anywhere() {
    feedAviationAndLille();

    assertThat(ids(text("luchtvaart KLM"))).containsExactly("luchtvaartcollege-schiphol");
    assertThat(ids(text("schiphol roc noord"))).containsExactly("luchtvaartcollege-schiphol");
    assertThat(ids(text("luchtvaart hitecs"))).isEmpty();
    assertThat(ids(text("stbk, hitecs b.v."))).containsExactly("stbk");
  }

  @Test
  void
      ranks_a_match_in_the_name_first_a_whole_word_before_the_start_of_one_before_a_part_ties_by_name() {
    readModels.feed(Story.employer("vitens", "Vitens Water"));
    Story academy = new Story("tech-academy");
    academy.registered("2015", "Tech Academy", PartnershipKind.OTHER);
    Story campus = new Story("hightech-campus");
    campus.registered("2015", "Hightech Campus", PartnershipKind.OTHER);
    Story delta = new Story("blue-delta");
    delta.registered("2015", "Blue Delta", PartnershipKind.OTHER);
    delta.joined("2015", "vitens", PartnerRole.CORE);
    Story pilot = new Story("friesland-pilot");
    pilot.registered("2015", "Friesland Pilot", PartnershipKind.OTHER, "Friesland", "water");
    readModels.feed(academy.events().toArray());
    readModels.feed(campus.events().toArray());
    readModels.feed(delta.events().toArray());
    readModels.feed(pilot.events().toArray());

    assertThat(ids(text("tech")))
        .containsExactly("tech-academy", "cew", "technohub-woerden", "hightech-campus");
    assertThat(ids(text("water"))).containsExactly("cew", "blue-delta", "friesland-pilot");

    PartnershipPage.Listing best = find(text("water")).items().get(0);
    assertThat(best.matchedIn())
        .containsExactly(
            new Match(Field.NAME, "Centre of Expertise Water Technology"),
            new Match(Field.SECTOR, "water technology"));
    assertThat(find(text("water")).items().get(1).matchedIn())
        .containsExactly(new Match(Field.PARTNER, "Vitens Water"));
    assertThat(best.score()).isGreaterThan(find(text("water")).items().get(1).score());
  }

  @Test
  void ranked_only_without_another_order_asked_for_and_without_a_score_when_there_is_no_text() {
    FindPartnerships byName =
        new FindPartnerships(
            "tech",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            FindPartnerships.Sort.NAME,
            false);
    assertThat(byName.sortOrDefault()).isEqualTo(FindPartnerships.Sort.NAME);
    assertThat(text("tech").sortOrDefault()).isEqualTo(FindPartnerships.Sort.RELEVANCE);
    assertThat(FindPartnerships.all().sortOrDefault()).isEqualTo(FindPartnerships.Sort.NAME);

    assertThat(find(FindPartnerships.all()).items())
        .allSatisfy(
            l -> {
              assertThat(l.score()).isNull();
              assertThat(l.matchedIn()).isEmpty();
            });
  }

  @Test
  void a_search_after_a_rename_finds_the_new_name_of_the_one_renamed_and_the_others_as_before() {
    feedAviationAndLille();
    assertThat(ids(text("luchtvaart"))).containsExactly("luchtvaartcollege-schiphol");
    assertThat(ids(text("aerospace"))).isEmpty();
    assertThat(ids(text("hitecs"))).containsExactly("stbk");

    readModels.feed(
        new PartnershipRenamed(
            PartnershipId.of("luchtvaartcollege-schiphol"),
            FactId.of("schiphol-renamed"),
            Story.date("2020"),
            "Aerospace College Schiphol",
            Story.SOURCE,
            Recording.of(Instant.parse("2021-01-01T09:00:00Z"), "registrar")));

    assertThat(ids(text("aerospace"))).containsExactly("luchtvaartcollege-schiphol");
    assertThat(find(text("luchtvaart")).items().get(0).matchedIn())
        .contains(new Match(Field.FORMER_NAME, "Luchtvaartcollege Schiphol"));
    assertThat(ids(text("hitecs"))).containsExactly("stbk");
    assertThat(ids(text("hogeschool"))).containsExactly("egc-lille");
  }

  @Test
  void finds_a_partnership_by_a_former_name_and_says_so() {
    Story douai = new Story("douai");
    douai.registered("1991", "Douai Business School", PartnershipKind.DUAL_TRAJECTORY);
    readModels.feed(douai.events().toArray());
    readModels.feed(
        new PartnershipRenamed(
            douai.id(),
            FactId.of("douai-renamed"),
            Story.date("2005"),
            "Douai Hogeschool",
            Story.SOURCE,
            Recording.of(Instant.parse("2021-01-01T09:00:00Z"), "registrar")));

    PartnershipPage found = find(text("business"));

    assertThat(found.items())
        .extracting(PartnershipPage.Listing::name)
        .containsExactly("Douai Hogeschool");
    assertThat(found.items().get(0).matchedIn())
        .containsExactly(new Match(Field.FORMER_NAME, "Douai Business School"));
  }

  @Test
  void finds_a_partnership_by_the_id_of_a_partner_the_registry_has_no_organisation_for() {
    Story hub = new Story("delta-hub");
    hub.registered("2015", "Delta Hub", PartnershipKind.OTHER);
    hub.joined("2015", "acme-robotics", PartnerRole.CORE);
    readModels.feed(hub.events().toArray());

    assertThat(ids(text("robotics"))).containsExactly("delta-hub");
    assertThat(find(text("robotics")).items().get(0).matchedIn())
        .containsExactly(new Match(Field.PARTNER, "acme-robotics"));
    // One word in the partnership's own name, the other only in its partner's id.
    assertThat(ids(text("delta acme"))).containsExactly("delta-hub");
    assertThat(find(text("delta acme")).items().get(0).matchedIn())
        .containsExactly(
            new Match(Field.NAME, "Delta Hub"),
            new Match(Field.PARTNER, "acme-robotics"),
            new Match(Field.ID, "delta-hub"));
    assertThat(ids(text("delta hitecs"))).isEmpty();
  }

  @Test
  void a_text_of_more_than_64_different_words_is_refused_and_64_are_answered() {
    String words64 = IntStream.range(0, 64).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
    assertThat(ids(text(words64 + " w0 W1"))).isEmpty();
    assertThatThrownBy(() -> text(words64 + " w64"))
        .isInstanceOf(InvalidValue.class)
        .hasMessageContaining("text")
        .hasMessageContaining("64");
  }

  @Test
  void finds_by_partner_by_its_id_or_by_part_of_its_name() {
    feedAviationAndLille();

    assertThat(ids(partner("klm"))).containsExactly("luchtvaartcollege-schiphol");
    assertThat(ids(partner("KLM"))).containsExactly("luchtvaartcollege-schiphol");
    assertThat(ids(partner("hitecs"))).containsExactly("stbk");
    assertThat(ids(partner("HiTécs b.v."))).containsExactly("stbk");
    assertThat(ids(partner("roc amsterdam"))).containsExactly("luchtvaartcollege-schiphol");
    assertThat(ids(partner("amsterdam")))
        .containsExactly("egc-lille", "luchtvaartcollege-schiphol");
    assertThat(ids(partner("nobody"))).isEmpty();
    assertThat(
            ids(
                new FindPartnerships(
                    null,
                    null,
                    null,
                    null,
                    null,
                    "klm",
                    LocalDate.parse("2010-01-01"),
                    null,
                    null,
                    null)))
        .isEmpty();
  }

  @Test
  void finds_by_part_of_a_region_or_sector_and_counts_the_others_alike() {
    PartnershipPage water =
        find(new FindPartnerships(null, null, null, null, "WATER", null, null, null, null, null));

    assertThat(water.items()).extracting(l -> l.partnershipId().value()).containsExactly("cew");
    assertThat(water.countsByRegion())
        .containsExactly(org.assertj.core.data.MapEntry.entry("Leeuwarden", 1L));
    assertThat(water.countsBySector()).containsKeys("metal", "port", "technology");
    assertThat(
            ids(
                new FindPartnerships(
                    null, null, null, "leeuw", null, null, null, null, null, null)))
        .containsExactly("cew");
    assertThat(
            ids(
                new FindPartnerships(
                    null, null, null, null, "technology", null, null, null, null, null)))
        .containsExactly("cew", "technohub-woerden");
  }
}
