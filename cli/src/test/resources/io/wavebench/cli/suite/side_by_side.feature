@sidebyside
Feature: Scenarios side by side, and a timing scenario alone

  Background:
    Given the number 1

  Scenario: the first of several that may run together
    Given another scenario has had a moment to start beside this one
    When 1 is added
    Then the number is 2

  Scenario: the second of several that may run together
    Given another scenario has had a moment to start beside this one
    When 2 is added
    Then the number is 3

  @timing
  Scenario: a timing scenario runs alone
    Then no other scenario ran while this one did

  Scenario: the third of several that may run together
    Given another scenario has had a moment to start beside this one
    When 3 is added
    Then the number is 4

  Scenario: the fourth of several that may run together
    Given another scenario has had a moment to start beside this one
    When 4 is added
    Then the number is 5
