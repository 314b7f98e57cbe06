package io.wavebench.simulators.backend.api;

import java.util.List;

/**
 * What an upload changed. Re-uploading the same batch gives {@code unchanged == entries} and no
 * double spends: nothing is written twice.
 *
 * @param recorded entries seen for the first time
 * @param outcomesRecorded entries already known as PENDING whose final outcome this upload brought
 * @param unchanged entries the backend already had exactly so (or with a later outcome)
 * @param doubleSpends double spends this upload revealed
 */
public record UploadReceipt(String readerId, int entries, int recorded, int outcomesRecorded, int unchanged, List<DoubleSpend> doubleSpends) {

    public UploadReceipt {
        doubleSpends = List.copyOf(doubleSpends);
    }
}
