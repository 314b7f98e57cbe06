# Lies: each scenario asserts something false about ticket pickup and the kiosk's printer and must
# FAIL at its last step, every step before it passing (DESIGN §3: every assertion step has a test
# in which it fails).
@lie @optical @escpos
Feature: Lies about ticket pickup

  Background:
    Given the shopper bought a ticket online for seats G12 and G13 at a show starting in 2 hours

  Scenario: A kiosk out of paper prints no ticket
    Given the printer of kiosk "kiosk-1" is out of paper
    When the phone shows the ticket code to kiosk "kiosk-1"
    Then kiosk "kiosk-1" prints the ticket with seats G12 and G13

  Scenario: A first pickup is not refused as already redeemed
    Given the printer of kiosk "kiosk-1" has its cover open
    When the phone shows the ticket code to kiosk "kiosk-1"
    Then kiosk "kiosk-1" refuses the ticket: already redeemed

  Scenario: A kiosk out of paper printed nothing
    Given the printer of kiosk "kiosk-1" is out of paper
    When the phone shows the ticket code to kiosk "kiosk-1"
    Then kiosk "kiosk-1" refuses the ticket: printer out of paper
    And kiosk "kiosk-1" printed 1 ticket

  Scenario: A ticket refused for want of paper is not redeemed
    Given the printer of kiosk "kiosk-1" is out of paper
    When the phone shows the ticket code to kiosk "kiosk-1"
    Then kiosk "kiosk-1" refuses the ticket: printer out of paper
    And the backend records the ticket as redeemed at kiosk "kiosk-1"

  Scenario: A ticket printed online is redeemed at the backend
    When the phone shows the ticket code to kiosk "kiosk-1"
    Then kiosk "kiosk-1" prints the ticket with seats G12 and G13
    And the backend has no redemption of the ticket

  Scenario: One pickup is no conflict
    When the phone shows the ticket code to kiosk "kiosk-1"
    Then kiosk "kiosk-1" prints the ticket with seats G12 and G13
    And the backend flags the ticket as redeemed at both kiosk "kiosk-1" and kiosk "kiosk-2"

  Scenario: A kiosk says what its printer reported, not another trouble
    Given the printer of kiosk "kiosk-1" has its cover open
    When the phone shows the ticket code to kiosk "kiosk-1"
    Then kiosk "kiosk-1" refuses the ticket: printer not ready, saying "PRINTER OFFLINE"

  Scenario: A ticket printed whole came out whole
    When the phone shows the ticket code to kiosk "kiosk-1"
    Then kiosk "kiosk-1" prints the ticket with seats G12 and G13
    And no whole ticket came out of kiosk "kiosk-1"
