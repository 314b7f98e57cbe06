@acoustic @mdb @timing
Feature: A purchase in each modem profile
  The acoustic modem has three profiles with the same framing (DESIGN §4): robust, audible and
  made for noise and echo; fast, audible, for quiet places, in a third of the time; ultrasonic,
  above most people's hearing, for payments nobody should notice. A reader is set up for one
  profile. The simulated reader can be set to any of them; a real reader on a bench listens for
  the profile its rig file states (`acoustic.profile`), and a scenario for another profile is
  ABORTED there rather than failed.

  These are also the scenarios that time the reader. Each runs alone (`@timing`: no other
  scenario shares the machine while it runs), so its vend latency — end of the sound to VEND
  APPROVED on the bus, at most 300 ms — and the reader's MDB response time — at most 5 ms — are
  judged against their limits in the report (DESIGN §6). Figures taken while other scenarios ran
  are shown, and not judged.

  Scenario Outline: A purchase in the <profile> profile
    Given the reader listens for the "<profile>" modem profile
    And a vending machine selling "Sparkling water" at 1.50 from slot 12
    And a shopper's phone holding a credential from the issuer with an offline limit of 20.00
    And the phone has no network
    When the shopper selects slot 12
    And the phone plays a payment token
    Then the reader approves a vend of 1.50 on the MDB bus
    And the machine dispenses slot 12
    And the payment sound lasted at most <airtime> s, with at least 90 % of its energy between <low> and <high> kHz

    Examples:
      | profile    | airtime | low  | high |
      | robust     | 1.0     | 1.5  | 9.5  |
      | fast       | 0.35    | 1.0  | 12.0 |
      | ultrasonic | 2.0     | 17.5 | 20.5 |
