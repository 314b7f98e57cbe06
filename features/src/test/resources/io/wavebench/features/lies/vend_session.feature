@lie @acoustic @mdb
Feature: Lies about the vend session
  Each scenario ends with a false claim about the vend session, which must fail (LiesTest).

  Background:
    Given a vending machine selling "Sparkling water" at 1.50 from slot 12
    And a shopper's phone holding a credential from the issuer with an offline limit of 20.00
    And the phone has no network

  Scenario: An earlier session's funds do not answer for a refused token
    Given the shopper has bought slot 12 by sound
    When the phone plays a token whose device signature is forged
    Then the reader declines the token: forged token
    And the reader opens a session with 20.00 available

  Scenario: A session in which a vend was asked is not one without
    When the shopper selects slot 12
    And the phone plays a payment token
    Then the reader approves a vend of 1.50 on the MDB bus
    And the session ends with no vend requested

  Scenario: An earlier failed vend does not answer for a later one
    Given the machine will fail to dispense the next vend
    When the shopper selects slot 12
    And the phone plays a payment token
    Then the reader approves a vend of 1.50 on the MDB bus
    And the machine tells the reader the vend failed
    And the session completes
    When the shopper selects slot 12
    And the phone plays a payment token
    Then the reader approves a vend of 1.50 on the MDB bus
    And the machine tells the reader the vend failed

  Scenario: A plain purchase is no controller restart
    When the shopper selects slot 12
    And the phone plays a payment token
    Then the reader approves a vend of 1.50 on the MDB bus
    And the machine dispenses slot 12
    And the machine resets the reader before saying VEND SUCCESS

  Scenario: A plain purchase does not set the reader up again
    When the shopper selects slot 12
    And the phone plays a payment token
    Then the machine dispenses slot 12
    And the session completes
    And the reader is set up and enabled again

  Scenario: A session the shopper cancelled was not timed out by the reader
    When the phone plays a payment token
    Then the reader opens a session with 20.00 available
    When the shopper presses cancel
    Then the session ends with no vend requested
    And the reader asks the machine to end the session within its session timeout

  Scenario: An enabled reader opens a session
    When the shopper selects slot 12
    And the phone plays a payment token
    Then no session opens on the MDB bus

  Scenario: A machine that reset its reader mid-scenario had to reset it
    Given the machine will misbehave once on the bus: OUT_OF_SEQUENCE
    Then the machine resets the reader after COMMAND OUT OF SEQUENCE, and sets it up and enables it again
    When the shopper selects slot 12
    And the phone plays a payment token
    Then the machine dispenses slot 12
    And the session completes
    And the machine never had to reset the reader

  Scenario: A reader on its cable is not reported lost
    When the phone plays a payment token
    Then the reader opens a session with 20.00 available
    When the shopper presses cancel
    Then the machine reports the reader lost after its non-response time, naming the port

  Scenario: An honest purchase dispenses
    When the shopper selects slot 12
    And the phone plays a payment token
    Then nothing is dispensed
