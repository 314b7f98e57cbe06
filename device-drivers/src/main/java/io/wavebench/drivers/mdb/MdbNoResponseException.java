package io.wavebench.drivers.mdb;

/**
 * A peripheral did not answer a command usefully within the allowed attempts. Names the port,
 * the command, what went wrong last and the last words seen, so a failed scenario says where.
 */
public class MdbNoResponseException extends RuntimeException {

    private final String port;

    public MdbNoResponseException(String port, String command, int attempts, String lastProblem, String lastWordsSeen) {
        super(port + ": no valid response to " + command + " after " + attempts + " attempt(s); last problem: " + lastProblem
                + " (last words seen: " + (lastWordsSeen.isEmpty() ? "none" : lastWordsSeen) + ")");
        this.port = port;
    }

    public String port() {
        return port;
    }
}
