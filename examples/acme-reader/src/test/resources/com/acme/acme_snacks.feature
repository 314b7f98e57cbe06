@acoustic @mdb
Feature: Acme's S-200 snack machine takes payment by sound
  Acme's reader sits in the S-200 snack machine. A cola costs 2.20; a shopper's phone that is
  offline may spend up to its offline limit, and past it the reader refuses on the machine's
  display, in the words Acme's service staff know from the manual.

  Background:
    Given a vending machine selling "Acme Cola" at 2.20 from slot 7
    And a shopper's phone holding a credential from the issuer with an offline limit of 5.00
    And the phone has no network

  Scenario: A cola paid by sound is approved at Acme's price
    When the shopper pays for slot 7 by sound
    Then Acme is paid 2.20 for slot 7
    And the session completes

  Scenario: A third cola is past the phone's offline limit, and the display says so
    Given the reader has no network
    And the shopper has bought slot 7 by sound 2 times
    When the shopper pays for slot 7 by sound
    Then the reader opens a session with 0.60 available
    And Acme's display reads "DECLINED 0A OFFLINE LIMIT"
    And the machine has dispensed 2 items in all
