package io.wavebench.drivers.codes;

import io.wavebench.drivers.optical.OpticalModel;
import io.wavebench.drivers.optical.SimulatedCamera;
import io.wavebench.drivers.optical.SimulatedScreen;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Prints how many frames of the rig's own camera sequence read a payment QR on payment_codes'
 * tilted, glaring screen (sim.yaml: tilt 30° about the hand's 30° axis, glare 0.6, the seed the
 * rig derives for the first presentation), per token and in all, and how many tokens no frame
 * read — the figure the README quotes for the TURNED rung's diagonal turns. Not a test (≈ 45 s):
 * run it by hand after {@code mvn -pl device-drivers -am test-compile}, e.g.
 * {@code java -cp device-drivers/target/classes:device-drivers/target/test-classes:$(cat cp.txt)
 * io.wavebench.drivers.codes.TiltedGlareSequenceBench 30 8}; args: [tokens] [frames per token].
 */
public final class TiltedGlareSequenceBench {

    public static void main(String[] args) {
        int tokens = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int perToken = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        OpticalModel hand = OpticalModel.typical().withDistance(110);
        hand = hand.withTilt(30, hand.tiltAxisDeg()).withGlare(0.6, hand.glareRadius(), 0.5, 0.5).withSeed(2026L * 31 + 1);
        SimulatedScreen screen = new SimulatedScreen();
        SimulatedCamera camera = new SimulatedCamera(screen, hand);
        CodeDecoder qr = CodeDecoder.qr(PayloadCheck.tokenShape(Set.of(201), Set.of(0x01)));
        Random random = new Random(7);
        int read = 0, unreadableTokens = 0;
        long frame = 1000;
        StringBuilder perTokenLine = new StringBuilder();
        for (int t = 0; t < tokens; t++) {
            byte[] token = new byte[201];
            random.nextBytes(token);
            token[0] = 0x01;
            screen.showCode(QrCodes.encode(token));
            int readThis = 0;
            for (int i = 0; i < perToken; i++, frame++) {
                if (qr.decode(camera.frame(frame)) instanceof DecodeResult.Decoded d && Arrays.equals(token, d.bytes())) readThis++;
            }
            read += readThis;
            if (readThis == 0) unreadableTokens++;
            perTokenLine.append(' ').append(readThis);
        }
        System.out.printf(Locale.ROOT, "tilted, glaring screen, %d tokens × %d frames: %d of %d frames read; %d token(s) read in no frame%nper token:%s%n",
                tokens, perToken, read, tokens * perToken, unreadableTokens, perTokenLine);
    }
}
