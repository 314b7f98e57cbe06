@acoustic @mdb
Feature: Faults on the MDB link
  MDB is a noisy, slow serial bus (MDB/ICP 4.2 §2): a byte can be lost, a block can arrive with a
  bad checksum, a device can stall for a moment. The protocol says how each is repaired — a
  command that goes unanswered is sent again and must not be acted on twice; a reply with a bad
  checksum is not taken and is asked for again with RET; a command with a bad checksum is NAKed and sent again; a
  reply whose ACK was lost is repeated at the next POLL and taken once — and a device that
  answers out of turn is reset. Each scenario below makes one of these faults happen once, on
  purpose (a named `MdbFault`), in the middle of a purchase, and checks on the bus, as the
  vending machine saw it, that it was repaired and that the shopper got one item for one payment.

  Faults of the reader's side need the simulated reader's insides to inject them
  (`@needs:reader-internals`); faults of the machine's side are wavebench's own, so they run
  against a real reader on a bench too.

  Background:
    Given a vending machine selling "Sparkling water" at 1.50 from slot 12
    And a shopper's phone holding a credential from the issuer with an offline limit of 20.00
    And the phone has no network

  @needs:reader-internals
  Scenario Outline: The reader's <fault> fault is repaired on the bus
    Given the reader will misbehave once on the bus: <fault>
    When the shopper selects slot 12
    And the phone plays a payment token
    Then the reader approves a vend of 1.50 on the MDB bus
    And the machine dispenses slot 12
    And the session completes
    And the machine saw <what the machine saw>
    And the machine approved and dispensed exactly once
    And the machine never had to reset the reader

    Examples:
      | fault        | what the machine saw                                                    |
      | NO_ACK       | no answer to a command, sent it again, and got the answer               |
      | SILENCE      | no answer to a command, sent it again, and got the answer               |
      | BAD_CHECKSUM | a reply with a bad checksum, did not take it, and got it again          |

  Scenario Outline: The machine's <fault> fault is repaired on the bus
    Given the machine will misbehave once on the bus: <fault>
    When the phone plays a payment token
    Then the reader opens a session with 20.00 available
    When the shopper selects slot 12
    Then the reader approves a vend of 1.50 on the MDB bus
    And the machine dispenses slot 12
    And the session completes
    And the machine saw <what the machine saw>
    And the machine approved and dispensed exactly once
    And the machine never had to reset the reader

    Examples:
      | fault        | what the machine saw                                                          |
      | NO_ACK       | the reader repeat a reply it had not acknowledged at the next POLL            |
      | BAD_CHECKSUM | the reader NAK a command with a bad checksum, and sent it again               |

  Scenario: A new command stands for the acknowledgement the machine did not send
    MDB 4.2 §2.2: when the machine's ACK of a reply is lost and its next command is not a POLL, the
    reader takes that command as the acknowledgement and does not repeat the reply. Here the
    shopper has already chosen, so the machine answers BEGIN SESSION with its VEND REQUEST.

    Given the machine will misbehave once on the bus: NO_ACK
    When the shopper selects slot 12
    And the phone plays a payment token
    Then the reader approves a vend of 1.50 on the MDB bus
    And the machine dispenses slot 12
    And the session completes
    And the machine saw its next command taken for the acknowledgement it had not sent
    And the machine approved and dispensed exactly once

  @needs:reader-internals
  Scenario: A reader that answers out of turn is reset, and the shopper is not charged
    MDB 4.2 §7.3: a reader that says COMMAND OUT OF SEQUENCE is reset by the machine. Here it says
    so to the machine's VEND REQUEST: no vend was approved, so nothing may be charged once the
    reader has synced, and after the reset the shopper pays again.

    Given the reader will misbehave once on the bus: OUT_OF_SEQUENCE
    When the shopper selects slot 12
    And the phone plays a payment token
    Then the machine resets the reader after COMMAND OUT OF SEQUENCE, and sets it up and enables it again
    And nothing is dispensed
    When the reader goes online and syncs
    Then settlement has charged the shopper nothing
    When the phone plays a payment token
    Then the reader approves a vend of 1.50 on the MDB bus
    And the machine dispenses slot 12

  Scenario: A VEND SUCCESS with no vend in progress is refused, not booked
    A machine whose controller lost track sends VEND SUCCESS out of the blue. The reader must not
    take it for a sale: it answers COMMAND OUT OF SEQUENCE, the machine resets it, and the next
    purchase goes through as usual.

    Given the machine will misbehave once on the bus: OUT_OF_SEQUENCE
    Then the machine resets the reader after COMMAND OUT OF SEQUENCE, and sets it up and enables it again
    When the shopper selects slot 12
    And the phone plays a payment token
    Then the reader approves a vend of 1.50 on the MDB bus
    And the machine dispenses slot 12
    And the machine approved and dispensed exactly once
