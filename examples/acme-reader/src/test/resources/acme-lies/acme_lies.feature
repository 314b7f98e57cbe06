@lie
Feature: Claims Acme's steps must refuse
  Each scenario is true up to its last step, which claims something false: AcmeLiesTest checks
  that the last step, one of Acme's own, FAILS there with an assertion.

  Background:
    Given a vending machine selling "Acme Cola" at 2.20 from slot 7
    And a shopper's phone holding a credential from the issuer with an offline limit of 5.00
    And the phone has no network

  Scenario: A cola is not approved at a price Acme does not charge
    When the shopper pays for slot 7 by sound
    Then Acme is paid 2.50 for slot 7

  Scenario: The refusal past the offline limit is not worded as another refusal
    Given the reader has no network
    And the shopper has bought slot 7 by sound 2 times
    When the shopper pays for slot 7 by sound
    Then Acme's display reads "DECLINED 09 REPLAY"
