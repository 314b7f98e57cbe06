package io.wavebench.simulators.ticket;

/** Bytes that do not parse strictly as a ticket code (DESIGN §5.5); {@link #problem()} names why. */
public final class MalformedTicketException extends Exception {

    /** What was wrong, by name, so a kiosk, a test or a report can tell them apart. */
    public enum Problem { WRONG_LENGTH, UNKNOWN_VERSION, BAD_SEAT_COUNT, BAD_SEAT }

    private final Problem problem;

    public MalformedTicketException(Problem problem, String message) {
        super(problem + ": " + message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
