@slow
Feature: Slow scenarios for stopping a run
  Scenarios that take a while, so a test can stop the run half-way (SIGTERM) and see what the
  report keeps of the ones that finished.

  Scenario: a quick one that fails
    Given the number 1
    Then the number is 2

  Scenario: a quick one that passes
    Given the number 1
    Then the number is 1

  Scenario: the first slow one
    Given a scenario that takes 1500 ms

  Scenario: the second slow one
    Given a scenario that takes 1500 ms

  Scenario: the third slow one
    Given a scenario that takes 1500 ms

  Scenario: the fourth slow one
    Given a scenario that takes 1500 ms

  Scenario: the fifth slow one
    Given a scenario that takes 1500 ms

  Scenario: the sixth slow one
    Given a scenario that takes 1500 ms
