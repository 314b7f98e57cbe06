# Lies: each scenario asserts something false about payments in another sound protocol and must
# FAIL at its last step, every step before it passing (DESIGN §3: every assertion step has a test
# in which it fails).
@lie @acoustic @mdb
Feature: Lies about payments in another sound protocol

  Scenario: An offline reader declines a heard payment code for being offline, not as used
    Given the reader listens for ggwave sound
    And a vending machine selling "Sparkling water" at 1.50 from slot 12
    And the phone has a barcode key from the backend
    And the reader has no network
    When the shopper selects slot 12
    And the phone sounds a payment code
    Then the reader declines the payment code: barcode already used

  Scenario: A heard payment code the offline reader declined is charged nowhere
    Given the reader listens for ggwave sound
    And a vending machine selling "Sparkling water" at 1.50 from slot 12
    And the phone has a barcode key from the backend
    And the reader has no network
    When the shopper selects slot 12
    And the phone sounds a payment code
    Then the reader declines the payment code: reader offline
    And the backend has charged 1.50 for the payment code

  Scenario: A heard payment code that paid was seen by the backend
    Given the reader listens for ggwave sound
    And a vending machine selling "Sparkling water" at 1.50 from slot 12
    And the phone has a barcode key from the backend
    When the shopper selects slot 12
    And the phone sounds a payment code
    Then the reader approves a vend of 1.50 on the MDB bus
    And the backend has not seen the payment code

  Scenario: A reader that declined a heard code showed it on the display
    Given the reader listens for ggwave sound
    And a vending machine selling "Sparkling water" at 1.50 from slot 12
    And the phone has a barcode key from the backend
    And the reader has no network
    When the shopper selects slot 12
    And the phone sounds a payment code
    Then the machine's display shows nothing from the reader
