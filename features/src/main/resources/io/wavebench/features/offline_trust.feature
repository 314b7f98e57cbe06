@acoustic @mdb @trust
Feature: Offline trust
  The shopper's phone, and often the reader too, is offline when a payment is made. What makes
  that safe is, in the reader, a fixed order of offline rules — the token parses strictly, the
  issuer is known and its signature good, the credential's window covers the reader's clock
  (give or take a stated allowance for clock skew), the credential is not revoked, the device
  signature is good, the token is fresh, its counter is new here, and the offline limit is not
  spent — each refusal with its own code, shown on the vending machine's display; a journal that
  keeps every approval through a power cut; and, when readers come online, a settlement service
  that catches what one reader alone cannot: the same token spent at two machines.

  This reader allows 120 seconds of clock skew and takes tokens up to 60 seconds old.

  Background:
    Given a vending machine selling "Sparkling water" at 1.50 from slot 12

  Scenario: The offline limit is reached
    Given a shopper's phone holding a credential from the issuer with an offline limit of 4.00
    And the phone has no network
    And the reader has no network
    And the shopper has bought slot 12 by sound 2 times
    When the shopper selects slot 12
    And the phone plays a payment token
    Then the reader opens a session with 1.00 available
    And the reader denies the vend: offline limit exceeded
    And the machine has dispensed 2 items in all

  Scenario: An expired credential is refused
    Given a shopper's phone holding a credential from the issuer that expired 5 minutes ago
    And the phone has no network
    When the shopper selects slot 12
    And the phone plays a payment token
    Then the reader declines the token: credential expired
    And no vend is approved

  Scenario Outline: A phone whose clock is off within the allowance still pays
    Given a shopper's phone holding a credential from the issuer with an offline limit of 20.00
    And the phone has no network
    And the phone's clock is <seconds> seconds <direction> the reader's
    When the shopper selects slot 12
    And the phone plays a payment token
    Then the reader approves a vend of 1.50 on the MDB bus

    Examples:
      | seconds | direction |
      | 110     | ahead of  |
      | 170     | behind    |

  Scenario Outline: A phone whose clock is off beyond the allowance is refused
    Given a shopper's phone holding a credential from the issuer with an offline limit of 20.00
    And the phone has no network
    And the phone's clock is <seconds> seconds <direction> the reader's
    When the shopper selects slot 12
    And the phone plays a payment token
    Then the reader declines the token: stale token
    And no vend is approved

    Examples:
      | seconds | direction |
      | 130     | ahead of  |
      | 190     | behind    |

  Scenario Outline: A credential issued by a clock ahead of the reader's, at the edge of the allowance
    Given a shopper's phone holding a credential from an issuer whose clock is <seconds> seconds ahead of the reader's
    And the phone has no network
    When the shopper selects slot 12
    And the phone plays a payment token
    Then the reader <answers>

    Examples:
      | seconds | answers                                      |
      | 110     | approves a vend of 1.50 on the MDB bus       |
      | 130     | declines the token: credential not yet valid |

  Scenario: A revoked credential is refused after the reader's next sync
    Given a shopper's phone enrolled with the backend with an offline limit of 20.00
    And the phone has no network
    And the reader has no network
    And the issuer has revoked the shopper's credential
    When the shopper selects slot 12
    And the phone plays a payment token
    Then the reader approves a vend of 1.50 on the MDB bus
    And the machine dispenses slot 12
    And the session completes
    When the reader goes online and syncs
    And the shopper selects slot 12
    And the phone plays a payment token
    Then the reader declines the token: credential revoked
    And no vend is approved

  Scenario: The same token at two machines is caught at settlement
    Given a second vending machine elsewhere selling "Cola" at 1.50 from slot 3
    And a shopper's phone enrolled with the backend with an offline limit of 20.00
    And the phone has no network
    When the shopper selects slot 12
    And the phone plays a payment token
    Then the reader approves a vend of 1.50 on the MDB bus
    And the machine dispenses slot 12
    When someone selects slot 3 at the second machine
    And plays a recording of the shopper's payment sound there
    Then the second machine's reader approves a vend of 1.50
    And the second machine dispenses slot 3
    When both readers go online and sync
    Then settlement flags the shopper's token as spent at both machines
    And the shopper's account is charged 1.50 once
    And the shopper's credential is on the revocation list

  @needs:reader-power
  Scenario: Power lost at the reader between approval and vend
    Given a shopper's phone enrolled with the backend with an offline limit of 20.00
    And the phone has no network
    And the machine takes 1 second to drop an item
    When the shopper selects slot 12
    And the phone plays a payment token
    Then the reader approves a vend of 1.50 on the MDB bus
    When the reader loses power while the machine drops the item
    Then the machine dispenses slot 12 and finds the reader gone
    When power returns to the reader
    Then the machine sets up and enables the reader again
    When the reader goes online and syncs
    Then settlement charges the shopper 1.50 once, booked as a reset after approval
    And settlement of the reader has every journal entry and none pending

  Scenario: A phone that comes back online gets a fresh credential
    Given a shopper's phone enrolled with the backend with an offline limit of 20.00
    And the phone has no network
    When the phone comes back online
    Then the phone holds a fresh credential from the backend for the same account and limit
    When the phone has no network
    And the shopper selects slot 12
    And the phone plays a payment token
    Then the reader approves a vend of 1.50 on the MDB bus
    And the machine dispenses slot 12

  Scenario: Two-way mode: the phone signs the reader's challenge into its token
    Given a shopper's phone holding a credential from the issuer with an offline limit of 20.00
    And the phone has no network
    And the reader sounds a challenge for each payment and refuses tokens without one
    When the shopper selects slot 12
    And the phone asks for the reader's challenge and pays with a token that answers it
    Then the reader approves a vend of 1.50 on the MDB bus
    And the machine dispenses slot 12
    And the token the reader took carries the challenge the reader sounded

  Scenario: Two-way mode refuses a token that answers no challenge
    Given a shopper's phone holding a credential from the issuer with an offline limit of 20.00
    And the phone has no network
    And the reader sounds a challenge for each payment and refuses tokens without one
    When the shopper selects slot 12
    And the phone plays a payment token
    Then the reader declines the token: challenge mismatch
    And no vend is approved
