@mdb
Feature: A reader's microphone and camera failing
  Every device wavebench builds for the reader wears a fault decorator (DESIGN §3): its microphone
  can drop out, click or clip, its camera can drop frames or see only black, on any backing — a
  loopback mixer, a sound server, a screen capture. A reader that loses its senses must take
  nothing it did not perceive, and take the payment once it perceives it again.

  A reader the rig did not assemble (a process, hardware) keeps its microphone and camera inside
  itself: these scenarios are ABORTED there.

  Background:
    Given a vending machine selling "Sparkling water" at 1.50 from slot 12
    And a shopper's phone holding a credential from the issuer with an offline limit of 20.00
    And the phone has no network

  @acoustic
  Scenario: A token sounded while the reader's microphone is out is not taken; sounded again, it pays
    Given the reader's microphone drops out for the next 10 s
    When the shopper selects slot 12
    And the phone plays a payment token
    Then no session opens on the MDB bus
    When the reader's microphone works again
    And the phone plays a payment token
    Then the reader approves a vend of 1.50 on the MDB bus
    And the machine dispenses slot 12

  @optical
  Scenario: A QR code is read through a camera that drops half its frames
    Given the reader's camera drops 50 % of its frames
    When the shopper selects slot 12
    And the phone shows a payment QR code to the reader
    Then the reader approves a vend of 1.50 on the MDB bus
    And the machine dispenses slot 12

  @optical
  Scenario: A QR code shown to a covered camera is not taken; uncovered, it pays
    Given the reader's camera sees only black
    When the shopper selects slot 12
    And the phone shows a payment QR code to the reader
    Then no session opens on the MDB bus
    When the reader's camera works again
    Then the reader approves a vend of 1.50 on the MDB bus
    And the machine dispenses slot 12
