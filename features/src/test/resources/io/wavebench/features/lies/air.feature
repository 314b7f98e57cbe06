@lie @acoustic @mdb
Feature: Lies about what is on the air
  Each scenario ends with a false claim about the sounds the reader heard, which must fail (LiesTest).

  Background:
    Given a vending machine selling "Sparkling water" at 1.50 from slot 12
    And a shopper's phone holding a credential from the issuer with an offline limit of 20.00
    And the phone has no network

  Scenario: The neighbour's token, played alone, is the neighbour's
    Given a neighbour's phone at the next machine, 12 dB quieter at the reader than the shopper's, with an offline limit of 15.00
    When the shopper selects slot 12
    And the neighbour's phone plays a payment token
    Then the reader approves a vend of 1.50 on the MDB bus
    And the reader took the shopper's token, not the neighbour's

  Scenario: A robust payment sound is not as short as a fast one
    When the shopper selects slot 12
    And the phone plays a payment token
    Then the reader approves a vend of 1.50 on the MDB bus
    And the payment sound lasted at most 0.35 s, with at least 90 % of its energy between 1.5 and 9.5 kHz
