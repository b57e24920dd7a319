package nl.partnershipregistry.projections.query.registry;

import static nl.partnershipregistry.projections.query.common.PlainText.plain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.partnershipregistry.core.common.InvalidValue;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.Existence;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import nl.partnershipregistry.projections.analysis.OrganisationDirectory;
import nl.partnershipregistry.projections.analysis.SummaryAsOf;
import nl.partnershipregistry.projections.query.common.PlainText;
import nl.partnershipregistry.projections.query.registry.PartnershipPage.Field;
import nl.partnershipregistry.projections.query.registry.PartnershipPage.Match;

/**
 * The registry list's search criteria of one question ({@link FindPartnerships}): its text, its
 * partner, its region and its sector, read once, with the names of the partners made plain once per
 * question, however many partnerships share them.
 *
 * <p>Each word of the text is first looked for in the partnerships' own parts all at once, and
 * scored in each that holds it, once while they stay the same ({@link OwnTexts#word}); and in the
 * names of every partner some partnership names. A partnership is read only when each word was
 * found in its own parts or could be in its partners' names, and its partners only for a word its
 * own parts hold no better than a partner's name could.
 *
 * <p>A word of the text scores where it is found best: in the partnership's name above a former
 * name, above a partner's name, above the region or sector, above the goal or id; and in each, as a
 * whole word above the start of a word above any other part of one. A partnership's score is the
 * sum of its words' scores.
 */
public final class RegistrySearch {

  /** How much a match counts in each part of a partnership (see the class comment). */
  private static final Map<Field, Integer> WEIGHT = new EnumMap<>(Field.class);

  static {
    WEIGHT.put(Field.NAME, 6);
    WEIGHT.put(Field.FORMER_NAME, 5);
    WEIGHT.put(Field.PARTNER, 4);
    WEIGHT.put(Field.REGION, 3);
    WEIGHT.put(Field.SECTOR, 3);
    WEIGHT.put(Field.GOAL, 2);
    WEIGHT.put(Field.ID, 2);
  }

  private static final int WHOLE_WORD = 3;
  private static final int START_OF_WORD = 2;
  private static final int PART_OF_WORD = 1;

  /** The most a word scores in a partner's name: a partnership's own parts beyond it need none. */
  private static final int BEST_IN_A_PARTNER = weighted(Field.PARTNER, WHOLE_WORD);

  /** The score of a partnership a word of the text is found nowhere in ({@link #score}). */
  static final int NO_MATCH = -1;

  /** A name an organisation carries or carried: as written, and plain. */
  private record Name(String text, String plain) {}

  /**
   * A partner as the question reads it: the names it carried up to the date, and which words of the
   * text they hold (bit {@code i} for the {@code i}th word).
   */
  private record Partner(List<Name> names, long holds) {}

  private final List<String> terms;
  private final List<String> region;
  private final List<String> sector;
  private final OrganisationId partnerId;
  private final List<String> partnerName;
  private final OrganisationDirectory organisations;
  private final Map<OrganisationId, Partner> partners = new HashMap<>();

  /**
   * Which words of the text the names of some partnership's partner hold ({@link Partner#holds}).
   */
  private final long anyPartnerHolds;

  /**
   * Per word of the text, the summaries (by index) whose own parts hold it and what it scores in
   * them.
   */
  private final OwnTexts.Word[] words;

  /** The summaries' own parts, by index. */
  private final OwnTexts ownTexts;

  private RegistrySearch(
      List<String> terms,
      List<String> region,
      List<String> sector,
      OrganisationId partnerId,
      List<String> partnerName,
      OrganisationDirectory organisations,
      Set<OrganisationId> partnersNamed,
      OwnTexts ownTexts) {
    this.terms = terms;
    this.region = region;
    this.sector = sector;
    this.partnerId = partnerId;
    this.partnerName = partnerName;
    this.organisations = organisations;
    long anyPartnerHolds = 0;
    if (!terms.isEmpty()) {
      for (OrganisationId partner : partnersNamed) {
        anyPartnerHolds |= partner(partner).holds();
      }
    }
    this.anyPartnerHolds = anyPartnerHolds;
    this.ownTexts = ownTexts;
    this.words = new OwnTexts.Word[terms.size()];
    for (int i = 0; i < terms.size(); i++) {
      words[i] = ownTexts.word(terms.get(i));
    }
  }

  /**
   * The question's criteria; {@code organisations} name the partners, and {@code partnersNamed},
   * every organisation some partnership had as a partner up to the date, tell whether the partner
   * asked for is an organisation's id that some partnership names and which words of the text any
   * partner's names hold; {@code ownTexts} are the summaries' own parts, in the order in which they
   * are asked about.
   */
  static RegistrySearch of(
      FindPartnerships query,
      OrganisationDirectory organisations,
      Set<OrganisationId> partnersNamed,
      OwnTexts ownTexts) {
    OrganisationId partnerId = null;
    List<String> partnerName = null;
    if (asked(query.partner())) {
      partnerId = knownId(query.partner().strip(), organisations, partnersNamed);
      if (partnerId == null) {
        partnerName = PlainText.words(query.partner());
      }
    }
    return new RegistrySearch(
        PlainText.words(query.text()).stream().distinct().toList(),
        asked(query.region()) ? PlainText.words(query.region()) : null,
        asked(query.sector()) ? PlainText.words(query.sector()) : null,
        partnerId,
        partnerName,
        organisations,
        partnersNamed,
        ownTexts);
  }

  /** Whether the question needs the organisations' names: it has a text or names a partner. */
  public static boolean needsNames(FindPartnerships query) {
    return asked(query.text()) || asked(query.partner());
  }

  private static boolean asked(String criterion) {
    return criterion != null && !criterion.isBlank();
  }

  /** The organisation whose id the value is, if the registry knows one by it; else null. */
  private static OrganisationId knownId(
      String value, OrganisationDirectory organisations, Set<OrganisationId> partnersNamed) {
    OrganisationId id;
    try {
      id = OrganisationId.of(value);
    } catch (InvalidValue e) {
      return null;
    }
    if (organisations.find(id).isPresent() || partnersNamed.contains(id)) {
      return id;
    }
    return null;
  }

  /** Whether the partner asked for (if any) was a partner of the partnership up to the date. */
  boolean hasPartner(SummaryAsOf summary) {
    if (partnerId != null) {
      return summary.everPartners().contains(partnerId);
    }
    if (partnerName == null) {
      return true;
    }
    for (OrganisationId partner : summary.everPartners()) {
      for (Name name : partner(partner).names()) {
        if (PlainText.containsAll(name.plain(), partnerName)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the question asks nothing of a partnership but its kind and phase: no text, partner,
   * region or sector.
   */
  boolean asksKindAndPhaseOnly() {
    return terms.isEmpty()
        && region == null
        && sector == null
        && partnerId == null
        && partnerName == null;
  }

  boolean inRegion(SummaryAsOf summary) {
    return region == null || PlainText.containsAll(plain(summary.region()), region);
  }

  boolean inSector(SummaryAsOf summary) {
    return sector == null || PlainText.containsAll(plain(summary.sector()), sector);
  }

  /**
   * Whether the summary at {@code index} may match the text: each word of it is part of its own
   * parts or of some partnership's partner's names. Told without reading the summary.
   */
  boolean mayMatch(int index) {
    for (int i = 0; i < terms.size(); i++) {
      if (!words[i].holding().get(index) && (anyPartnerHolds & (1L << i)) == 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether the question has a text: a partnership's score tells how well it matches it. */
  boolean hasText() {
    return !terms.isEmpty();
  }

  /**
   * How well the partnership matches the text: the sum of its words' scores, {@link #NO_MATCH} when
   * a word of it is found nowhere, 0 when there is no text. {@code index} is the summary's place
   * among the summaries the search was made for. Where each word was found is told apart, for the
   * partnerships shown ({@link #matchedIn}).
   */
  int score(SummaryAsOf summary, int index) {
    int score = 0;
    for (int i = 0; i < terms.size(); i++) {
      int best = words[i].points()[index];
      // A partner's name counts less than the partnership's names, more than its other parts.
      if (best < BEST_IN_A_PARTNER && (anyPartnerHolds & (1L << i)) != 0) {
        best = Math.max(best, partnerPoints(summary, i));
      }
      if (best == 0) {
        return NO_MATCH;
      }
      score += best;
    }
    return score;
  }

  /**
   * What the text's {@code i}th word scores at best in the names of the partnership's partners; 0
   * when none holds it.
   */
  private int partnerPoints(SummaryAsOf summary, int i) {
    int best = 0;
    for (OrganisationId id : summary.everPartners()) {
      Partner partner = partner(id);
      if ((partner.holds() & (1L << i)) != 0) {
        for (Name name : partner.names()) {
          best = Math.max(best, points(terms.get(i), Field.PARTNER, name.plain()));
        }
      }
    }
    return best;
  }

  /**
   * What the term scores at best in the partnership's own parts ({@link OwnParts#all}); 0 if none.
   */
  static int ownPoints(String term, OwnParts own) {
    int best = 0;
    for (Place place : own.all()) {
      best = Math.max(best, points(term, place.field(), place.plain()));
    }
    return best;
  }

  /**
   * Where the text was found in a partnership that {@link #score matches} it, best first (each
   * place scored by the best word found in it), the parts in their order between equals; none when
   * there is no text.
   */
  List<Match> matchedIn(SummaryAsOf summary, int index) {
    if (terms.isEmpty()) {
      return List.of();
    }
    List<Place> places = places(summary, ownTexts.parts(index));
    Map<Match, Integer> found = new LinkedHashMap<>();
    for (String term : terms) {
      for (Place place : places) {
        int points = points(term, place.field(), place.plain());
        if (points > 0) {
          found.merge(place.match(), points, Math::max);
        }
      }
    }
    List<Match> matchedIn = new ArrayList<>(found.keySet());
    matchedIn.sort(
        Comparator.comparing((Match m) -> -found.get(m)).thenComparing(m -> m.field().ordinal()));
    return List.copyOf(matchedIn);
  }

  /**
   * What the term scores in a part of a partnership, plain: the part's weight and how it occurs
   * there; 0 if not.
   */
  private static int points(String term, Field field, String plain) {
    int strength = strength(term, plain);
    return strength == 0 ? 0 : weighted(field, strength);
  }

  /** The points of a word found in a part of a partnership with the strength given (not 0). */
  private static int weighted(Field field, int strength) {
    return WEIGHT.get(field) * 10 + strength;
  }

  /**
   * A summary's own parts as the list reads them, made once when the summary enters a snapshot:
   * {@code text}, its names, region, sector, goal and id, plain, one a line (a word of a text,
   * which holds no line break, is part of one of them when it is part of this); the same as places
   * to score a word in, its names (the current one first) apart from the others (region, sector,
   * goal, id), since a partner's names come between them; its name as sorted and its id, which
   * order it among the others; and its region, sector, existence, kind and phase, which the list
   * counts and filters by without reading the summary.
   */
  record OwnParts(
      String text,
      List<Place> names,
      List<Place> others,
      List<Place> all,
      String sortName,
      String id,
      String region,
      String sector,
      Existence existence,
      PartnershipKind kind,
      Phase phase) {}

  static OwnParts ownParts(SummaryAsOf summary) {
    List<Place> names = new ArrayList<>();
    List<String> all = summary.names();
    for (int i = all.size() - 1; i >= 0; i--) {
      String name = all.get(i);
      boolean current = i == all.size() - 1;
      if (current || !name.equals(summary.name())) {
        names.add(new Place(current ? Field.NAME : Field.FORMER_NAME, name, plain(name)));
      }
    }
    List<Place> others = new ArrayList<>();
    if (summary.region() != null) {
      others.add(new Place(Field.REGION, summary.region(), plain(summary.region())));
    }
    if (summary.sector() != null) {
      others.add(new Place(Field.SECTOR, summary.sector(), plain(summary.sector())));
    }
    if (summary.goal() != null) {
      others.add(new Place(Field.GOAL, null, plain(summary.goal())));
    }
    String id = summary.partnershipId().value();
    others.add(new Place(Field.ID, id, plain(id)));
    List<Place> both = new ArrayList<>(names);
    both.addAll(others);
    return new OwnParts(
        ownText(summary),
        List.copyOf(names),
        List.copyOf(others),
        List.copyOf(both),
        summary.name().toLowerCase(Locale.ROOT),
        id,
        summary.region(),
        summary.sector(),
        summary.existence(),
        summary.kind(),
        summary.phase());
  }

  /** The summary's own parts, plain, one a line (see {@link OwnParts#text}). */
  static String ownText(SummaryAsOf summary) {
    StringBuilder text = new StringBuilder();
    for (String name : summary.names()) {
      text.append(plain(name)).append('\n');
    }
    return text.append(plain(summary.region()))
        .append('\n')
        .append(plain(summary.sector()))
        .append('\n')
        .append(plain(summary.goal()))
        .append('\n')
        .append(plain(summary.partnershipId().value()))
        .toString();
  }

  /** A part of a partnership the text is looked for in, as shown and plain. */
  record Place(Field field, String text, String plain) {
    Match match() {
      return new Match(field, text);
    }
  }

  /**
   * Where the text is looked for in a partnership: its names, the names of its partners that hold a
   * word of the text (none read when no partner's do), its region, sector, goal and id.
   */
  private List<Place> places(SummaryAsOf summary, OwnParts own) {
    if (anyPartnerHolds == 0) {
      return own.all();
    }
    List<Place> places = new ArrayList<>(own.names());
    for (OrganisationId id : summary.everPartners()) {
      Partner partner = partner(id);
      if (partner.holds() != 0) {
        for (Name name : partner.names()) {
          places.add(new Place(Field.PARTNER, name.text(), name.plain()));
        }
      }
    }
    places.addAll(own.others());
    return places;
  }

  /**
   * The partner as this question reads it, once: the names it carried up to the date, newest first
   * (its id when none is known), and which words of the text they hold.
   */
  private Partner partner(OrganisationId id) {
    Partner partner = partners.get(id);
    if (partner == null) {
      List<Name> names = new ArrayList<>();
      organisations
          .find(id)
          .ifPresentOrElse(
              o -> {
                for (int i = o.names().size() - 1; i >= 0; i--) {
                  String name = o.names().get(i).name();
                  names.add(new Name(name, plain(name)));
                }
              },
              () -> names.add(new Name(id.value(), plain(id.value()))));
      long holds = 0;
      for (int i = 0; i < terms.size(); i++) {
        for (Name name : names) {
          if (name.plain().contains(terms.get(i))) {
            holds |= 1L << i;
            break;
          }
        }
      }
      partner = new Partner(List.copyOf(names), holds);
      partners.put(id, partner);
    }
    return partner;
  }

  /**
   * How the term occurs in the plain text at best: as a whole word, at the start of one, inside
   * one, or not (0).
   */
  static int strength(String term, String plain) {
    int best = 0;
    int from = plain.indexOf(term);
    while (from >= 0 && best < WHOLE_WORD) {
      int end = from + term.length();
      boolean starts = from == 0 || !Character.isLetterOrDigit(plain.charAt(from - 1));
      boolean ends = end == plain.length() || !Character.isLetterOrDigit(plain.charAt(end));
      best = Math.max(best, starts ? (ends ? WHOLE_WORD : START_OF_WORD) : PART_OF_WORD);
      from = plain.indexOf(term, from + 1);
    }
    return best;
  }
}
