package io.wavebench.simulators.backend.api;

/** A ticket sold: its id and the signed ticket code the phone shows as a QR (base64 in JSON). */
public record SoldTicket(long ticketId, byte[] code) {}
