@acoustic @mdb
Feature: Paying by sound where it is loud
  People pay where they are: on a subway platform as a train comes in, in a shopping mall, in a
  school canteen, in a cinema lobby while the trailers play. The reader hears the payment sound
  through the noise of the place and the echo of its room, from a phone's small speaker into its
  own microphone. Each place's noise bed, room and level are set in the rig file
  (`acoustic.places`), stated as the signal-to-noise ratio over the modem's band (DESIGN §4), so
  a test engineer can make a place louder without touching this specification. On a bench the
  room is the bench's own: a second speaker plays the place's noise bed at the level `wavebench rig
  check` measured (`roles.noise`); a rig with neither simulated air nor a noise speaker ABORTS
  these scenarios.

  Background:
    Given a vending machine selling "Sparkling water" at 1.50 from slot 12
    And a shopper's phone holding a credential from the issuer with an offline limit of 20.00
    And the phone has no network

  Scenario Outline: A purchase in a noisy place: <place>
    Given the shopper is paying in the "<place>"
    When the shopper selects slot 12
    And the phone plays a payment token
    Then the reader approves a vend of 1.50 on the MDB bus
    And the machine dispenses slot 12
    And the session completes

    Examples:
      | place          |
      | subway station |
      | shopping mall  |
      | school canteen |
      | cinema lobby   |

  Scenario: A neighbour paying at the next machine at the same moment
    Two phones sounding at once may cost the shopper a retry, but the reader must never make a
    token out of the two sounds, nor charge the neighbour for the shopper's water. Whose token
    opened the session shows on the bus: BEGIN SESSION offers what is left of that credential's
    offline limit, and the neighbour's limit is another. (That two sounds at once never yield a
    token nobody sent is a property of the modem, tested with it.)

    Given a neighbour's phone at the next machine, 12 dB quieter at the reader than the shopper's, with an offline limit of 15.00
    When the shopper selects slot 12
    And both phones play a payment token at the same moment
    Then the reader approves a vend of 1.50 on the MDB bus
    And the reader took the shopper's token, not the neighbour's
    And the machine dispenses slot 12
