@optical @card
Feature: Cards of every major scheme
  The reader binds any major scheme's card from a photo (DESIGN §5.4): it reads the number from
  the pixels, checks its length and issuer range and its Luhn digit, and shows the shopper the
  masked number (first 6, last 4) on the vending machine's display once the backend has tokenized it. Schemes differ in what the
  reader must get right: American Express numbers have 15 digits grouped 4-6-5, UnionPay's may
  be longer, and the first digits say the scheme. Each scenario is a seeded synthetic card of
  one scheme (no real card's number), in a random layout, digit style and background.

  Background:
    Given a vending machine selling "Sparkling water" at 1.50 from slot 12

  Scenario Outline: The reader binds <scheme> cards from a photo
    Given the shopper has a photo of a <scheme> card
    When the shopper shows the card photo to the reader
    Then the reader shows the card's masked number
    And the backend knows the card as a <scheme> card, by its first digits

    Examples:
      | scheme           |
      | Visa             |
      | Mastercard       |
      | American Express |
      | Discover         |
      | JCB              |
      | UnionPay         |
