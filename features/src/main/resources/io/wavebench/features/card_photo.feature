@optical @card
Feature: Card photo capture
  A shopper can bind a bank card to the wallet by showing a photo of it on the phone, held over
  the reader at a vending machine. The reader's camera sees the phone's screen; the reader finds
  the card in the frame, straightens it, and reads the number and the expiry from the pixels with
  a real OCR engine (Tesseract). It checks the number's length, its issuer range and its Luhn
  check digit, and takes it only when two camera frames read the same number. Then the full number
  goes to the backend's tokenization endpoint and nowhere else: the reader keeps the token and the
  masked number (first 6, last 4), and says what it made of the photo on the vending machine's
  display: the masked number, a refusal, or a request for another photo.

  The card number is a secret (DESIGN §5.4, PCI DSS): it must not reach a log, the report, an
  attachment or a database, and no camera frame of a card photo is kept as evidence.

  Background:
    Given a vending machine selling "Sparkling water" at 1.50 from slot 12

  Scenario: Bind a card by its photo and see the masked number
    Given the shopper has a photo of a bank card
    When the shopper shows the card photo to the reader
    Then the reader shows the card's masked number
    And the backend holds a token for the card under its masked number only

  Scenario: A blurry photo asks for a retake
    Given the shopper has a blurry photo of a bank card
    When the shopper shows the card photo to the reader
    Then the reader asks for another photo because it is too blurry
    And the backend holds no card token

  Scenario: A number that fails the Luhn check is refused
    Given the shopper has a photo of a card whose number fails the Luhn check
    When the shopper shows the card photo to the reader
    Then the reader refuses the card: FAILS_LUHN
    And the backend holds no card token

  Scenario: An expired card is refused
    Given the shopper has a photo of a card that expired last year
    When the shopper shows the card photo to the reader
    Then the reader refuses the card: CARD_EXPIRED
    And the backend holds no card token

  Scenario: The card number appears nowhere in the evidence
    Given the shopper has a photo of a bank card
    When the shopper shows the card photo to the reader
    Then the reader shows the card's masked number
    And the card number appears in no log line, report file or database row so far
