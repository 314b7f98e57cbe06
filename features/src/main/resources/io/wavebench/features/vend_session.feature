@acoustic @mdb
Feature: A vend session on the MDB bus
  Between the reader and the vending machine's controller, a purchase is a conversation over the
  MDB bus (MDB/ICP 4.2, the reader is cashless device #1): the reader opens a session with the
  funds the shopper's payment allows, the machine asks to vend an item, the reader approves,
  the machine dispenses and says whether it worked, and the session ends. These scenarios are
  the ways that conversation can go besides the plain purchase: the shopper changes their mind,
  the machine fails or restarts, the reader is out of service, the line is noisy, or the
  reader's cable is pulled. Each is judged where a real reader can be watched too: on the bus,
  as the vending machine sees it, and in what settlement books once the reader has synced.

  Background:
    Given a vending machine selling "Sparkling water" at 1.50 from slot 12
    And a shopper's phone holding a credential from the issuer with an offline limit of 20.00
    And the phone has no network

  Scenario: The shopper cancels before anything is vended
    When the phone plays a payment token
    Then the reader opens a session with 20.00 available
    When the shopper presses cancel
    Then the session ends with no vend requested
    When the phone plays a payment token
    Then the reader opens a session with 20.00 available

  Scenario: A vend that fails to dispense is refunded
    Given the machine will fail to dispense the next vend
    When the shopper selects slot 12
    And the phone plays a payment token
    Then the reader approves a vend of 1.50 on the MDB bus
    And the machine tells the reader the vend failed
    And the session completes
    When the phone plays a payment token
    Then the reader opens a session with 20.00 available

  Scenario: A controller restart between approval and success counts as a sale
    MDB 4.2 §7.4.7: a RESET between VEND APPROVED and VEND SUCCESS counts as a sale. The reader
    shows it twice without being asked: its next session offers what is left after the sale, and
    settlement, once the reader has synced, books it as a sale on reset. The reader is offline until
    then: a sync in between would start its offline spend afresh.

    Given the reader has no network
    And the machine's controller will restart during the next vend
    When the shopper selects slot 12
    And the phone plays a payment token
    Then the reader approves a vend of 1.50 on the MDB bus
    And the machine dispenses slot 12
    And the machine resets the reader before saying VEND SUCCESS
    And the reader is set up and enabled again
    When the phone plays a payment token
    Then the reader opens a session with 18.50 available
    When the reader goes online and syncs
    Then settlement charges the shopper 1.50 once, booked as a reset after approval

  Scenario: A session left idle times out
    When the phone plays a payment token
    Then the reader opens a session with 20.00 available
    When the shopper walks away without choosing
    Then the reader asks the machine to end the session within its session timeout
    And the session ends with no vend requested

  Scenario: A reader the machine has disabled ignores payment sounds
    Given the machine has taken the reader out of service
    When the shopper selects slot 12
    And the phone plays a payment token
    Then no session opens on the MDB bus
    When the machine puts the reader back in service
    And the phone plays a payment token
    Then the reader approves a vend of 1.50 on the MDB bus
    And the machine dispenses slot 12

  Scenario: A purchase survives noise on the MDB cable
    Given the MDB cable corrupts 1 % and drops 0.5 % of its bytes
    When the shopper selects slot 12
    And the phone plays a payment token
    Then the reader approves a vend of 1.50 on the MDB bus
    And the machine dispenses slot 12
    And the session completes
    And the machine never had to reset the reader

  Scenario: Pulling the reader's cable mid-session ends with the reader reported lost
    When the phone plays a payment token
    Then the reader opens a session with 20.00 available
    When the reader's MDB cable is unplugged
    Then the machine reports the reader lost after its non-response time, naming the port
    And nothing is dispensed
