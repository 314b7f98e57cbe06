package io.wavebench.simulators.reader;

import static io.wavebench.simulators.TestKeys.key;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wavebench.drivers.audio.JavaSoundAudioIn;
import io.wavebench.drivers.audio.JavaSoundAudioOut;
import io.wavebench.drivers.audio.loopback.LoopbackCable;
import io.wavebench.drivers.audio.loopback.LoopbackCables;
import io.wavebench.drivers.channel.ChannelModel;
import io.wavebench.drivers.mdb.PtyMdbTransport;
import io.wavebench.drivers.modem.AcousticModem;
import io.wavebench.drivers.modem.ModemProfile;
import io.wavebench.drivers.serial.InMemorySerialLink;
import io.wavebench.simulators.backend.Issuer;
import io.wavebench.simulators.phone.SimulatedPhone;
import io.wavebench.simulators.phone.Wallet;
import io.wavebench.simulators.token.TokenVerifier;
import io.wavebench.simulators.vmc.Catalog;
import io.wavebench.simulators.vmc.SimulatedVmc;
import io.wavebench.simulators.vmc.VmcEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reader between a phone and a VMC, in one JVM: sound through loopback cable 2 in FAST mode
 * with a 20 dB / +100 ppm channel, MDB over an in-memory serial pair. The feature suite does the
 * same over real ptys in real time.
 */
class ReaderPaymentsTest {

    private static final String CABLE = "wavebench loopback 2";
    private static final Duration WITHIN = Duration.ofSeconds(10);

    private final Clock clock = Clock.systemUTC();
    private final Issuer issuer = new Issuer(1, key(1), clock, 100);
    private final AcousticModem modem = AcousticModem.of(ModemProfile.ROBUST, 48_000f);
    private LoopbackCable cable;
    private ReaderPayments reader;
    private SimulatedVmc vmc;
    private PtyMdbTransport vmcTransport;
    private SimulatedPhone phone;

    @BeforeEach
    void assemble() {
        cable = LoopbackCables.cable(CABLE);
        cable.reset();
        cable.mode(LoopbackCable.Mode.FAST)
                .channel(ChannelModel.builder().gainDb(-6).snrDb(20, modem.nominalRms()).clockOffsetPpm(100).seed(3).build());
        InMemorySerialLink[] bus = InMemorySerialLink.pair("reader-mdb", "vmc-mdb");
        TokenVerifier verifier = new TokenVerifier(Map.of(1, issuer.publicKey()), clock, ReaderPolicy.CLOCK_SKEW_ALLOWANCE, ReaderPolicy.TOKEN_FRESHNESS);
        // FAST mode hands a whole sound over at once: the microphone's buffer holds one.
        reader = new ReaderPayments("test-reader", new JavaSoundAudioIn(CABLE, 48_000f, Duration.ofSeconds(5)), modem, new PtyMdbTransport(bus[0]), verifier, clock, 10_000);
        reader.start();
        vmcTransport = new PtyMdbTransport(bus[1]);
        vmcTransport.open();
        vmc = new SimulatedVmc(vmcTransport, Catalog.of(new Catalog.Item(12, "Sparkling water", 150)), Duration.ofMillis(25), Duration.ofMillis(100));
        vmc.start();
        vmc.awaitEvent(VmcEvent.Type.READER_ENABLED, WITHIN);
        phone = new SimulatedPhone("p", new Wallet(key(2)), new JavaSoundAudioOut(CABLE), modem, clock);
        phone.start();
        phone.refreshCredential(issuer, 7, 2000, 978, Duration.ofDays(1));
    }

    @AfterEach
    void takeDown() {
        phone.close();
        vmc.close();
        vmcTransport.close();
        reader.close();
        cable.reset();
    }

    @Test
    void a_token_heard_through_the_channel_pays_for_the_selected_item() {
        vmc.select(12);
        phone.pay();
        phone.play(new float[48_000]); // FAST mode invents no silence: give the receiver the tail a room would
        assertEquals(150, vmc.awaitEvent(VmcEvent.Type.VEND_APPROVED, WITHIN).amountMinorUnits());
        assertEquals(12, vmc.awaitEvent(VmcEvent.Type.DISPENSED, WITHIN).item());
        vmc.awaitEvent(VmcEvent.Type.SESSION_ENDED, WITHIN);
    }

    @Test
    void a_frame_that_is_not_a_token_is_refused_as_malformed_on_the_display() {
        vmc.select(12);
        phone.play(modem.modulate("not a payment token".getBytes()));
        phone.play(new float[48_000]);
        assertEquals("DECLINED 01 MALFORMED", vmc.awaitEvent(VmcEvent.Type.DISPLAYED, WITHIN).detail());
        assertEquals(0, vmc.events().stream().filter(e -> e.type() == VmcEvent.Type.SESSION_BEGAN).count());
    }

}
