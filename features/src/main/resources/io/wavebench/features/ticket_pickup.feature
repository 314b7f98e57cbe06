@optical @escpos
Feature: Picking up a movie ticket at the kiosk
  A ticket bought online is a signed ticket code on the phone (DESIGN §5.5). At the cinema the
  shopper holds it over the kiosk's window. The kiosk checks it offline — the ticketing key's
  signature, this cinema, a show not over — and that it was not picked up before (its own
  journal, and the backend when the kiosk is online). It prints the ticket on its receipt printer
  over a serial line, asking the printer's status (DLE EOT) before and after, and only when the
  ticket is out does it count it as redeemed and tell the backend. A kiosk that was offline tells
  the backend when it is back; the backend flags a ticket two kiosks printed. A ticket it does not
  print, it reports to the backend as refused, with why.

  What the kiosk did is read where anyone outside it would see it: what came out of its printer,
  and what the backend holds — its redemptions and its refusals. Its own screen is not read.

  Background:
    Given the shopper bought a ticket online for seats G12 and G13 at a show starting in 2 hours

  Scenario: Pickup prints the ticket
    When the phone shows the ticket code to kiosk "kiosk-1"
    Then kiosk "kiosk-1" prints the ticket with seats G12 and G13
    And the backend records the ticket as redeemed at kiosk "kiosk-1"

  Scenario: The second pickup of a ticket is refused
    Given the ticket was picked up at kiosk "kiosk-1"
    When the phone shows the ticket code to kiosk "kiosk-1" again
    Then kiosk "kiosk-1" refuses the ticket: already redeemed
    And kiosk "kiosk-1" printed 1 ticket

  Scenario: Paper out redeems nothing, and the pickup works after a refill
    Given the printer of kiosk "kiosk-1" is out of paper
    When the phone shows the ticket code to kiosk "kiosk-1"
    Then kiosk "kiosk-1" refuses the ticket: printer out of paper
    And kiosk "kiosk-1" printed 0 tickets
    And the backend has no redemption of the ticket
    When the printer of kiosk "kiosk-1" is refilled
    And the phone shows the ticket code to kiosk "kiosk-1" again
    Then kiosk "kiosk-1" prints the ticket with seats G12 and G13
    And the backend records the ticket as redeemed at kiosk "kiosk-1"

  Scenario: Pickup while the kiosk is offline is reported when it is back
    Given kiosk "kiosk-1" has no network
    When the phone shows the ticket code to kiosk "kiosk-1"
    Then kiosk "kiosk-1" prints the ticket with seats G12 and G13
    And the backend has no redemption of the ticket
    When the network of kiosk "kiosk-1" comes back
    Then the backend records the ticket as redeemed at kiosk "kiosk-1"

  Scenario: Two offline kiosks redeeming one ticket are flagged at sync
    Given kiosk "kiosk-1" has no network
    And kiosk "kiosk-2" has no network
    When the phone shows the ticket code to kiosk "kiosk-1"
    Then kiosk "kiosk-1" prints the ticket with seats G12 and G13
    When the phone shows the ticket code to kiosk "kiosk-2"
    Then kiosk "kiosk-2" prints the ticket with seats G12 and G13
    When the network of kiosk "kiosk-1" comes back
    And the network of kiosk "kiosk-2" comes back
    Then the backend flags the ticket as redeemed at both kiosk "kiosk-1" and kiosk "kiosk-2"

  Scenario: A ticket for a show that is over is refused
    Given the shopper also bought a ticket for seat A1 at a show that started 3 hours ago
    When the phone shows that ticket code to kiosk "kiosk-1"
    Then kiosk "kiosk-1" refuses the ticket: show is over
    And kiosk "kiosk-1" printed 0 tickets
