package io.wavebench.simulators.printer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Receipts written by an ESC/POS encoder that shares no code with wavebench: npm
 * {@code @point-of-sale/receipt-printer-encoder} (pinned in src/test/node/escpos/package-lock.json)
 * under Node, installed by ./test with {@code npm ci} into target/escpos-node, and zbar's
 * {@code zbarimg} (Debian zbar-tools) to read the printed codes. A test that needs them calls
 * {@link #assumeEncoder()} and is skipped, with the reason, where they
 * are missing.
 */
final class ReceiptEncoderNode {

    static final Path HOME = Path.of(System.getProperty("wavebench.escposNode", "target/escpos-node"));
    private static final Path SCRIPT = Path.of("src/test/node/escpos/write-receipts.js");
    private static final Path MODULE = HOME.resolve("node_modules/@point-of-sale/receipt-printer-encoder");

    /** One receipt the encoder wrote: its bytes and what it must show ("line: TEXT", "qr: TEXT", "barcode: TEXT", "image: WxH"). */
    record Receipt(String name, byte[] bytes, List<String> expected) { }

    private ReceiptEncoderNode() {
    }

    static void assumeEncoder() {
        assumeTrue(runs(List.of(node(), "--version")), "no Node.js (`" + node() + " --version` failed): the receipts of an independent ESC/POS encoder need it; ./test installs it");
        assumeTrue(Files.isRegularFile(MODULE.resolve("package.json")),
                "@point-of-sale/receipt-printer-encoder is not installed in " + HOME.toAbsolutePath() + " (./test runs npm ci there from src/test/node/escpos)");
    }


    /** Runs the encoder's script into {@code dir} and reads back every receipt it wrote. */
    static List<Receipt> write(Path dir) throws IOException, InterruptedException {
        ProcessBuilder b = new ProcessBuilder(node(), SCRIPT.toAbsolutePath().toString(), dir.toAbsolutePath().toString()).redirectErrorStream(true);
        b.environment().put("ESCPOS_ENCODER_MODULE", MODULE.toAbsolutePath().toString());
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("the encoder script failed: " + out);
        List<Receipt> receipts = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path bin : files.filter(f -> f.toString().endsWith(".bin")).sorted().toList()) {
                String name = bin.getFileName().toString().replace(".bin", "");
                receipts.add(new Receipt(name, Files.readAllBytes(bin), Files.readAllLines(dir.resolve(name + ".txt"))));
            }
        }
        if (receipts.isEmpty()) throw new IOException("the encoder script wrote no receipts into " + dir + ": " + out);
        return receipts;
    }

    private static String node() {
        return System.getProperty("wavebench.node", "node");
    }

    private static boolean runs(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
