package io.wavebench.simulators.backend.api;

/** Every error response: the {@code BackendError} name and what exactly was refused. */
public record ErrorBody(String error, String message) {}
