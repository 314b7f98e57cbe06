Feature: More arithmetic for testing the run command

  Background:
    Given the number 10

  Scenario: ten minus nothing
    Then the number is 10

  Scenario: ten plus three
    When 3 is added
    Then the number is 13

  Scenario: ten plus four
    When 4 is added
    Then the number is 14

  @rig
  Scenario: a scenario standing on the rig
    Given the rig is assembled
    Then the number is 10
