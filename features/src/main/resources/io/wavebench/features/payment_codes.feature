@optical @mdb
Feature: Paying with a code on the phone's screen
  Besides sound, the reader has a camera behind its window and reads codes the phone shows
  (DESIGN §5.2). A QR code carries the same signed offline token the sound carries, and the reader
  checks it offline by the same rules. A barcode — 18 digits starting 28, a new one every minute —
  carries no token: only the backend can check it, so the reader asks the backend, and a barcode
  pays once. The reader decodes everything from its camera's pixels: the phone is held at a
  distance, tilted and turned, with glare and noise, as the rig file's optical model says.

  Background:
    Given a vending machine selling "Sparkling water" at 1.50 from slot 12
    And a shopper's phone holding a credential from the issuer with an offline limit of 20.00

  Scenario: A purchase with a QR code while the phone is offline
    Given the phone has no network
    When the shopper selects slot 12
    And the phone shows a payment QR code to the reader
    Then the reader approves a vend of 1.50 on the MDB bus
    And the machine dispenses slot 12
    And the session completes

  Scenario: A purchase with a barcode, verified online
    Given the phone has a barcode key from the backend
    When the shopper selects slot 12
    And the phone shows a payment barcode to the reader
    Then the reader approves a vend of 1.50 on the MDB bus
    And the machine dispenses slot 12
    And the backend has charged 1.50 for the barcode
    And the barcode cannot pay again

  # The reader's network is the rig's: a relay between the reader and the backend, which the rig
  # cuts. A bench whose reader reaches its backend on a network of its own ABORTS this scenario.
  Scenario: A barcode while the reader is offline is declined with its own reason
    Given the phone has a barcode key from the backend
    And the reader has no network
    When the shopper selects slot 12
    And the phone shows a payment barcode to the reader
    Then the reader declines the barcode: reader offline
    And no vend is approved
    And the backend has not seen the barcode

  # Tilt and glare are the simulated optics (the rig file's codes.conditions); on a bench the
  # phone is a display fixed in front of the reader.
  @needs:channel-model
  Scenario: A QR code on a tilted screen with glare
    Given the phone has no network
    And the phone is held "tilted, with glare on the screen"
    When the shopper selects slot 12
    And the phone shows a payment QR code to the reader
    Then the reader approves a vend of 1.50 on the MDB bus
    And the machine dispenses slot 12
