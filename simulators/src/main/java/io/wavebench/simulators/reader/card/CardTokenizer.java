package io.wavebench.simulators.reader.card;

import io.wavebench.simulators.backend.api.CardToken;
import io.wavebench.simulators.card.Expiry;
import io.wavebench.simulators.card.Pan;

/**
 * Where the reader sends a full card number (DESIGN §5.4: only to the backend's tokenization
 * endpoint); {@code BackendClient::tokenize} over HTTP is the one the rig uses.
 */
@FunctionalInterface
public interface CardTokenizer {
    CardToken tokenize(Pan pan, Expiry expiry, String readerId);
}
