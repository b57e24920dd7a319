package nl.partnershipregistry.core.common;

/**
 * Where a fact comes from: a document (report, letter, retrospective, interview), the page or
 * passage that says it, a URL where there is one, and a note on how far the source can be trusted
 * for this fact (for example "written by a participant 17 years later").
 */
public record SourceCitation(String document, String passage, String url, String reliability) {

  public SourceCitation {
    document = Require.name(document, "source.document");
    passage = Require.optionalText(passage, "source.passage");
    url = Require.optionalName(url, "source.url");
    reliability = Require.optionalText(reliability, "source.reliability");
    if (url != null && !url.matches("(?i)https?://\\S+")) {
      throw new InvalidValue("source.url", "must be an http or https address");
    }
  }

  public static SourceCitation of(String document, String passage) {
    return new SourceCitation(document, passage, null, null);
  }
}
