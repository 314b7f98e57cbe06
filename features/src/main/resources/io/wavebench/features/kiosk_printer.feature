@optical @escpos
Feature: The kiosk's printer in trouble
  A kiosk counts a ticket as picked up only once it is printed (DESIGN §5.5): it asks the
  printer's status (DLE EOT) before printing and again after, and redeems the ticket only if the
  printer was ready both times. Otherwise it redeems nothing, so the shopper's code still works,
  tells the shopper what went wrong, in words a shopper can pass on to staff, and reports the
  refusal to the backend with those words. These are the ways a receipt printer on a serial line
  stops; each is read from what the printer itself reports. What the kiosk did is read from its
  printer's output and the backend's records, never from its screen.

  Background:
    Given the shopper bought a ticket online for seats G12 and G13 at a show starting in 2 hours

  Scenario Outline: A printer that <trouble> redeems nothing, and the pickup works once it is put right
    Given the printer of kiosk "kiosk-1" <trouble>
    When the phone shows the ticket code to kiosk "kiosk-1"
    Then kiosk "kiosk-1" refuses the ticket: <refusal>, saying "<why>"
    And no whole ticket came out of kiosk "kiosk-1"
    And the backend has no redemption of the ticket
    When the printer of kiosk "kiosk-1" is put right
    And the phone shows the ticket code to kiosk "kiosk-1" again
    Then kiosk "kiosk-1" prints the ticket with seats G12 and G13
    And the backend records the ticket as redeemed at kiosk "kiosk-1"

    Examples:
      | trouble                                     | refusal              | why                      |
      | has its cover open                          | printer not ready    | COVER OPEN               |
      | is offline                                  | printer not ready    | PRINTER OFFLINE          |
      | does not answer                             | printer not ready    | PRINTER NOT ANSWERING    |
      | runs out of paper in the middle of a ticket | printer out of paper | PAPER RAN OUT MID-TICKET |

  Scenario: A jammed cutter leaves the ticket hanging, and redeems nothing
    The ticket is printed, but the cutter cannot cut it off and the printer reports an autocutter
    error after the job. The kiosk cannot know the shopper got a usable ticket, so it redeems
    nothing and asks for staff; the code stays valid.

    Given the printer of kiosk "kiosk-1" has a jammed cutter
    When the phone shows the ticket code to kiosk "kiosk-1"
    Then kiosk "kiosk-1" refuses the ticket: printer not ready, saying "CUTTER JAMMED"
    And no whole ticket came out of kiosk "kiosk-1"
    And the backend has no redemption of the ticket
