@acoustic @mdb
Feature: Tokens the reader refuses
  The reader takes a token only if it passes every offline rule of DESIGN §5.1, in order: it
  parses strictly, its issuer is known and the issuer's signature over the credential is good,
  the credential's window covers the reader's clock, it is not revoked, the device signature is
  good, it is fresh, and its counter is above the highest this reader took for the credential.
  Each refusal has its own code, which the reader puts on the machine's display: DECLINED 01
  MALFORMED, 03 FORGED CREDENTIAL, 07 FORGED TOKEN, 08 STALE TOKEN, 09 REPLAY.

  These are the ways a broken or tampered phone, or someone with a recorder, gets a token
  refused. (A replayed recording, a flipped signature bit and an unknown issuer are in the
  offline purchase; validity windows, revocation, clock skew and the offline limit in offline
  trust.) After any refusal the reader must still take an honest token.

  Background:
    Given a vending machine selling "Sparkling water" at 1.50 from slot 12
    And a shopper's phone holding a credential from the issuer with an offline limit of 20.00
    And the phone has no network

  Scenario Outline: Refused as <reason>: <token>
    When the shopper selects slot 12
    And the phone plays <token>
    Then the reader declines the token: <reason>
    And no vend is approved

    Examples: The token does not parse
      | token                                                     | reason            |
      | a token cut short by its last 4 bytes                     | malformed token   |
      | a token of a type the reader does not know                | malformed token   |
      | a token whose credential is of a version the reader does not know | malformed token |

    Examples: Someone else's signature
      | token                                                     | reason            |
      | a token whose credential's offline limit was raised after the issuer signed it | forged credential |
      | a token signed by another phone with the shopper's credential | forged token   |

    Examples: An old token
      | token                                                     | reason            |
      | a token it made 4 minutes ago                             | stale token       |

  Scenario: A token older than the last one the reader took is refused as a replay
    The phone made a token it did not get to play, then paid with a newer one. Someone who
    recorded the older sound plays it now: its counter is below the one the reader took last.

    Given the phone has made a payment token without playing it
    And the shopper has bought slot 12 by sound
    When the shopper selects slot 12
    And someone plays the token the phone made without playing it
    Then the reader declines the token: replay
    And no vend is approved

  Scenario: After a refusal the reader takes an honest token
    When the shopper selects slot 12
    And the phone plays a token cut short by its last 4 bytes
    Then the reader declines the token: malformed token
    When the phone plays a payment token
    Then the reader approves a vend of 1.50 on the MDB bus
    And the machine dispenses slot 12
