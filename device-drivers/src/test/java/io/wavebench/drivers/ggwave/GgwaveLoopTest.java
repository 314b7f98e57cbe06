package io.wavebench.drivers.ggwave;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Our transmitter into our receiver, no Node needed: every protocol with its payloads ({@link GgwavePayloads#forProtocol}), both rates. */
class GgwaveLoopTest {

    @ParameterizedTest
    @EnumSource(GgwaveProtocol.class)
    void every_payload_comes_back_at_both_rates(GgwaveProtocol protocol) {
        for (int rate : new int[] {48_000, 44_100}) {
            for (byte[] payload : GgwavePayloads.forProtocol(protocol)) {
                float[] capture = GgwavePayloads.padded(new GgwaveTransmitter(protocol, rate, 25).modulate(payload), rate, 0.7, 0.5);
                List<GgwaveMessage> heard = new ArrayList<>();
                GgwaveReceiver receiver = new GgwaveReceiver(rate, heard::add);
                for (int at = 0; at < capture.length; at += 777) receiver.accept(capture, at, Math.min(777, capture.length - at));
                receiver.flush();
                String what = protocol + " at " + rate + " Hz, " + payload.length + " bytes";
                assertEquals(1, heard.size(), what + ": messages heard");
                assertArrayEquals(payload, heard.get(0).payload(), what);
                assertEquals(protocol, heard.get(0).protocol(), what);
                assertEquals(0.7 * rate, heard.get(0).startSample(), 0.05 * rate, what + ": start");
            }
        }
    }
}
