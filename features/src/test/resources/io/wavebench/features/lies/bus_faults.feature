@lie @acoustic @mdb
Feature: Lies about faults on the MDB link
  Each scenario ends with a false claim about how the bus repaired a fault, which must fail (LiesTest).

  Background:
    Given a vending machine selling "Sparkling water" at 1.50 from slot 12
    And a shopper's phone holding a credential from the issuer with an offline limit of 20.00
    And the phone has no network

  Scenario: A lost acknowledgement is not a bad checksum
    Given the machine will misbehave once on the bus: NO_ACK
    When the phone plays a payment token
    Then the reader opens a session with 20.00 available
    When the shopper selects slot 12
    Then the machine dispenses slot 12
    And the session completes
    And the machine saw the reader NAK a command with a bad checksum, and sent it again

  Scenario: Two purchases after a fault are not one
    Given the machine will misbehave once on the bus: NO_ACK
    When the shopper selects slot 12
    And the phone plays a payment token
    Then the machine dispenses slot 12
    And the session completes
    When the shopper selects slot 12
    And the phone plays a payment token
    Then the machine dispenses slot 12
    And the machine approved and dispensed exactly once

  Scenario: An earlier reset does not answer for a later purchase
    Given the machine will misbehave once on the bus: OUT_OF_SEQUENCE
    Then the machine resets the reader after COMMAND OUT OF SEQUENCE, and sets it up and enables it again
    When the shopper selects slot 12
    And the phone plays a payment token
    Then the reader approves a vend of 1.50 on the MDB bus
    And the machine resets the reader after COMMAND OUT OF SEQUENCE, and sets it up and enables it again
