package nl.partnershipregistry.core.partnership.vocabulary;

import nl.partnershipregistry.core.common.Require;

/** Identifies one key person's assignment within its partnership. */
public record KeyPersonId(String value) {

  public KeyPersonId {
    Require.identifier(value, "keyPersonId");
  }

  public static KeyPersonId of(String value) {
    return new KeyPersonId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
