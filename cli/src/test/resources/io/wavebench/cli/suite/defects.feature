@defects
Feature: Defects for testing the console
  One scenario the product fails, one the specification gets wrong, one that passes: the
  console must say each once, and blame each on the right party.

  Scenario: a sum the product gets wrong
    Given the number 2
    When 2 is added
    Then the number is 5

  Scenario: a purchase the reader never heard
    Given the number 1
    Then the rig saw "air: 3 soundings, SNR in band -12 dB; reader: LISTENING, no frame" and the scenario fails

  Scenario: a step nobody has written
    Given the number 2
    When the number is squared twice over
    Then the number is 16

  Scenario: a sum that is right
    Given the number 2
    When 2 is added
    Then the number is 4
