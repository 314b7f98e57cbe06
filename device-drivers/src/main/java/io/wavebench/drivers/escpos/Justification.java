package io.wavebench.drivers.escpos;

/** ESC a n: n = 0 (or 48) left, 1 (49) centre, 2 (50) right; the ordinal is the n sent. */
public enum Justification { LEFT, CENTER, RIGHT }
