@acoustic @mdb
Feature: Offline purchase by sound
  A shopper whose phone has no network pays at a vending machine with a short sound. While it
  was last online, the phone got a credential from the issuer: the issuer's signature over the
  phone's own key, an account and an offline spending limit. To pay, the phone signs a fresh
  payment token with its key and plays it. The reader inside the machine hears it, checks it
  offline — issuer signature, validity, device signature, freshness, and that this exact token
  was never used before — and only then tells the machine, over the MDB bus, to vend.

  Everything below is observed where a real reader can be observed too: on the MDB bus between
  reader and vending machine controller, and on the machine's display (DESIGN §3).

  Background:
    Given a vending machine selling "Sparkling water" at 1.50 from slot 12
    And a shopper's phone holding a credential from the issuer with an offline limit of 20.00
    And the phone has no network

  Scenario: A purchase with the phone offline
    When the shopper selects slot 12
    And the phone plays a payment token
    Then the reader approves a vend of 1.50 on the MDB bus
    And the machine dispenses slot 12
    And the session completes

  Scenario: The recorded sound of an earlier purchase is refused as a replay
    Given the shopper has bought slot 12 by sound
    When the shopper selects slot 12
    And someone plays a recording of the earlier payment sound
    Then the reader declines the token: replay
    And no vend is approved

  Scenario: A token with a forged device signature is refused
    When the shopper selects slot 12
    And the phone plays a token whose device signature is forged
    Then the reader declines the token: forged token
    And no vend is approved

  Scenario: A token under a credential from an unknown issuer is refused
    Given the shopper's credential comes from an issuer the reader does not know
    When the shopper selects slot 12
    And the phone plays a payment token
    Then the reader declines the token: unknown issuer
    And no vend is approved
