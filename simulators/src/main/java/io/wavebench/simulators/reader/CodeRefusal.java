package io.wavebench.simulators.reader;

import io.wavebench.simulators.backend.BackendError;
import io.wavebench.simulators.refusal.Refusal;
import io.wavebench.simulators.token.RejectionReason;

/**
 * Why the reader declined a payment barcode (DESIGN §5.2), each with its own code, shown on the
 * VMC's display like a token's {@code RejectionReason}: {@code DECLINED 21 READER OFFLINE}.
 */
public enum CodeRefusal implements Refusal {
    /** The reader cannot reach the backend, and a barcode can only be verified online. */
    READER_OFFLINE(0x21, "reader offline", "READER OFFLINE"),
    UNKNOWN_BARCODE(0x22, "unknown barcode", "UNKNOWN CODE"),
    EXPIRED_BARCODE(0x23, "expired barcode", "CODE EXPIRED"),
    BARCODE_ALREADY_USED(0x24, "barcode already used", "CODE ALREADY USED"),
    /** The backend refused for another reason (its error name is in the reader's event). */
    BACKEND_REFUSED(0x25, "refused by the backend", "REFUSED ONLINE");

    private final int code;
    private final String description;
    private final String displayLabel;

    CodeRefusal(int code, String description, String displayLabel) {
        this.code = code;
        this.description = description;
        this.displayLabel = displayLabel;
    }

    @Override
    public int code() {
        return code;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String displayText() {
        return RejectionReason.declined(code, displayLabel);
    }

    static CodeRefusal of(BackendError error) {
        return switch (error) {
            case BACKEND_UNREACHABLE -> READER_OFFLINE;
            case BARCODE_UNKNOWN -> UNKNOWN_BARCODE;
            case BARCODE_EXPIRED -> EXPIRED_BARCODE;
            case BARCODE_ALREADY_USED -> BARCODE_ALREADY_USED;
            default -> BACKEND_REFUSED;
        };
    }
}
