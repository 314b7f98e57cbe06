# Lies: each scenario asserts something false about payment codes and must FAIL at its last
# step, every step before it passing (DESIGN §3: every assertion step has a test in which it fails).
@lie @optical @mdb
Feature: Lies about payment codes

  Background:
    Given a vending machine selling "Sparkling water" at 1.50 from slot 12
    And a shopper's phone holding a credential from the issuer with an offline limit of 20.00
    And the phone has a barcode key from the backend

  Scenario: An offline reader declines a barcode for being offline, not as used
    Given the reader has no network
    When the shopper selects slot 12
    And the phone shows a payment barcode to the reader
    Then the reader declines the barcode: barcode already used

  Scenario: A barcode the offline reader declined is charged nowhere
    Given the reader has no network
    When the shopper selects slot 12
    And the phone shows a payment barcode to the reader
    Then the reader declines the barcode: reader offline
    And the backend has charged 1.50 for the barcode

  Scenario: A barcode the reader never presented can still pay
    Given the reader has no network
    When the shopper selects slot 12
    And the phone shows a payment barcode to the reader
    Then the reader declines the barcode: reader offline
    And the barcode cannot pay again

  Scenario: A barcode that paid was seen by the backend
    When the shopper selects slot 12
    And the phone shows a payment barcode to the reader
    Then the reader approves a vend of 1.50 on the MDB bus
    And the backend has not seen the barcode
