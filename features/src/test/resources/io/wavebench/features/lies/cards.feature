# Lies: each scenario asserts something false about card photos and must FAIL at its last step,
# every step before it passing (DESIGN §3: every assertion step has a test in which it fails).
@lie @optical @card
Feature: Lies about card photos

  Background:
    Given a vending machine selling "Sparkling water" at 1.50 from slot 12

  Scenario: A blurry photo is not bound
    Given the shopper has a blurry photo of a bank card
    When the shopper shows the card photo to the reader
    Then the reader shows the card's masked number

  Scenario: A number that fails the Luhn check gets no token
    Given the shopper has a photo of a card whose number fails the Luhn check
    When the shopper shows the card photo to the reader
    Then the reader refuses the card: FAILS_LUHN
    And the backend holds a token for the card under its masked number only

  Scenario: A Visa card is filed as a Visa card
    Given the shopper has a photo of a Visa card
    When the shopper shows the card photo to the reader
    Then the reader shows the card's masked number
    And the backend knows the card as a Mastercard card, by its first digits

  Scenario: A sharp photo needs no retake
    Given the shopper has a photo of a bank card
    When the shopper shows the card photo to the reader
    Then the reader asks for another photo because it is too blurry

  Scenario: A good card is not refused
    Given the shopper has a photo of a bank card
    When the shopper shows the card photo to the reader
    Then the reader refuses the card: FAILS_LUHN

  Scenario: A bound card has a token
    Given the shopper has a photo of a bank card
    When the shopper shows the card photo to the reader
    Then the reader shows the card's masked number
    And the backend holds no card token

  Scenario: A card number written into the backend's records is found there
    Given the shopper has a photo of a bank card
    And someone registers a reader at the backend under the card's number
    When the shopper shows the card photo to the reader
    Then the reader shows the card's masked number
    And the card number appears in no log line, report file or database row so far
