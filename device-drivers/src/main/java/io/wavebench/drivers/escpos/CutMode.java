package io.wavebench.drivers.escpos;

/** GS V: a full cut separates the ticket; a partial cut leaves one point attached. */
public enum CutMode { FULL, PARTIAL }
