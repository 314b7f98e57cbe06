@lie @acoustic @mdb
Feature: Lies about the vending machine's bus
  Each scenario is built from the specification's own steps and ends with a claim that is false.
  LiesTest requires every step before the last to pass and the last one to fail: a step that an
  earlier event, a glance at the wrong moment or a loose match could satisfy shows up here.

  Background:
    Given a vending machine selling "Sparkling water" at 1.50 from slot 12
    And a shopper's phone holding a credential from the issuer with an offline limit of 20.00
    And the phone has no network

  Scenario: An earlier purchase does not answer for a dispense after a refused replay
    Given the shopper has bought slot 12 by sound
    When the shopper selects slot 12
    And someone plays a recording of the earlier payment sound
    Then the reader declines the token: replay
    And the machine dispenses slot 12

  Scenario: A refused replay completes no session
    Given the shopper has bought slot 12 by sound
    When the shopper selects slot 12
    And someone plays a recording of the earlier payment sound
    Then the reader declines the token: replay
    And the session completes

  Scenario: An honest token gets its vend approved
    When the shopper selects slot 12
    And the phone plays a payment token
    Then no vend is approved

  Scenario: An earlier approval does not answer for a refused replay
    Given the shopper has bought slot 12 by sound
    When the shopper selects slot 12
    And someone plays a recording of the earlier payment sound
    Then the reader declines the token: replay
    And the reader approves a vend of 1.50 on the MDB bus

  Scenario: An earlier refusal does not answer for an honest token
    When the shopper selects slot 12
    And the phone plays a token cut short by its last 4 bytes
    Then the reader declines the token: malformed token
    When the phone plays a payment token
    Then the reader declines the token: malformed token
