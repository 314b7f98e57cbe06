# The conditions are the simulated optics (the rig file's codes.conditions); on a bench the phone is
# a display fixed in front of the reader.
@optical @mdb @needs:channel-model
Feature: Codes read the way shoppers hold their phones
  The reader decodes a payment code from its camera's pixels, and shoppers hold phones every which
  way. The optical benchmark (`OpticalBenchmark`, in the README) measures how many single camera
  frames decode at each distortion level; the reader captures many frames while the phone is
  held, so where single frames decode at least 95 % of the time a purchase must go through. These
  are those levels, each the typical hand (tilted 15°, turned 12°, a little soft and moving, some
  glare and noise, JPEG) with one thing changed, as the rig file's `codes.conditions` state them.
  Levels below 95 % — a QR code turned 45°, a barcode under glare, anything tilted 45° — are
  benchmark figures, not promises.

  Background:
    Given a vending machine selling "Sparkling water" at 1.50 from slot 12
    And a shopper's phone holding a credential from the issuer with an offline limit of 20.00

  Scenario Outline: A QR code held <condition>
    Given the phone has no network
    And the phone is held "<condition>"
    When the shopper selects slot 12
    And the phone shows a payment QR code to the reader
    Then the reader approves a vend of 1.50 on the MDB bus
    And the machine dispenses slot 12

    Examples:
      | condition                      |
      | straight and still             |
      | with glare on the screen       |
      | with the screen dimmed to 15 % |
      | with a noisy camera image      |

  Scenario Outline: A barcode held <condition>
    Given the phone has a barcode key from the backend
    And the phone is held "<condition>"
    When the shopper selects slot 12
    And the phone shows a payment barcode to the reader
    Then the reader approves a vend of 1.50 on the MDB bus
    And the machine dispenses slot 12
    And the backend has charged 1.50 for the barcode

    Examples:
      | condition                      |
      | straight and still             |
      | turned 45° in the hand         |
      | with the screen dimmed to 15 % |
      | with a noisy camera image      |
