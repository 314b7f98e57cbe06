@acoustic @mdb
Feature: Paying in another sound protocol
  The phone's sound is a plug-in (DESIGN §4): wavebench's own modem is one protocol, and any other
  on the class path can take its place — for the phone that sounds and for the reader that hears.
  ggwave, the most used open data-over-sound library (tones with Reed-Solomon codes, at most 140
  bytes a message), is one wavebench did not design. Its messages are too short for a signed
  offline token; what rides on it is what subway vending machines took by sound in 2013: a short
  one-time payment code the machine checks online — here the 18-digit payment code (prefix 28, a
  new one every minute, one use) that the backend verifies, as it does a barcode. A reader that
  listens for one protocol takes nothing from another: no session, and nothing taken for a token.

  The protocol is chosen first in a scenario, before the rig is assembled. A reader the rig does not
  assemble listens for what its rig file states (`acoustic.protocol`); a scenario for another
  protocol is ABORTED there.

  Scenario: A purchase by a payment code in ggwave sound, approved online
    Given the reader listens for ggwave sound
    And a vending machine selling "Sparkling water" at 1.50 from slot 12
    And the phone has a barcode key from the backend
    When the shopper selects slot 12
    And the phone sounds a payment code
    Then the reader approves a vend of 1.50 on the MDB bus
    And the machine dispenses slot 12
    And the backend has charged 1.50 for the payment code

  # The reader's network is the rig's: a relay between the reader and the backend, which the rig
  # cuts. A bench whose reader reaches its backend on a network of its own ABORTS this scenario.
  Scenario: A payment code heard while the reader is offline is declined with its reason
    Given the reader listens for ggwave sound
    And a vending machine selling "Sparkling water" at 1.50 from slot 12
    And the phone has a barcode key from the backend
    And the reader has no network
    When the shopper selects slot 12
    And the phone sounds a payment code
    Then the reader declines the payment code: reader offline
    And no vend is approved
    And the backend has not seen the payment code

  Scenario: A payment code heard twice is refused the second time
    Given the reader listens for ggwave sound
    And a vending machine selling "Sparkling water" at 1.50 from slot 12
    And the phone has a barcode key from the backend
    And the shopper selects slot 12
    And the phone sounds a payment code
    And the machine dispenses slot 12
    And the session completes
    When the shopper selects slot 12
    And the phone sounds the same payment code again
    Then the reader declines the payment code: barcode already used
    And no vend is approved

  Scenario: ggwave sound to a reader listening for wavebench's protocol opens nothing
    Given the reader listens for wavebench sound
    And a vending machine selling "Sparkling water" at 1.50 from slot 12
    And the phone has a barcode key from the backend
    When the shopper selects slot 12
    And the phone sounds a payment code in ggwave sound
    Then no session opens on the MDB bus
    And the machine's display shows nothing from the reader

  Scenario: wavebench sound to a reader listening for ggwave is never taken for a token
    Given the reader listens for ggwave sound
    And a vending machine selling "Sparkling water" at 1.50 from slot 12
    And a shopper's phone holding a credential from the issuer with an offline limit of 20.00
    When the shopper selects slot 12
    And the phone plays a payment token in wavebench sound
    Then no session opens on the MDB bus
    And the machine's display shows nothing from the reader
