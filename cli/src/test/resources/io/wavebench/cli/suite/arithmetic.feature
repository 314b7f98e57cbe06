Feature: Arithmetic for testing the run command
  Scenarios that take no time, so the run command's planning, sharding, reruns and merging
  can be tested on a suite of known shape.

  Scenario: one plus one
    Given the number 1
    When 1 is added
    Then the number is 2

  Scenario: two plus two
    Given the number 2
    When 2 is added
    Then the number is 4

  Scenario Outline: adding <a> to <b>
    Given the number <a>
    When <b> is added
    Then the number is <sum>

    Examples:
      | a | b | sum |
      | 1 | 2 | 3   |
      | 5 | 5 | 10  |
      | 0 | 7 | 7   |

  Scenario: a step that fails on its first try and passes when run again
    Given the number 3
    Then it fails on the first try only

  @needs:a-capability-no-rig-has
  Scenario: a scenario needing a capability no rig has
    Given the number 3
    Then the number is 3
