package io.wavebench.drivers.serial;

/** The contract on real ttys: jSerialComm at both ends of a {@link VirtualSerialPair}. */
class JSerialCommLinkContractTest extends SerialLinkContractTest {

    private VirtualSerialPair pair;

    @Override
    protected SerialLink[] openConnectedEnds() {
        pair = VirtualSerialPair.open("contract-test");
        JSerialCommLink endA = new JSerialCommLink(pair.pathA());
        JSerialCommLink endB = new JSerialCommLink(pair.pathB());
        endA.open(SETTINGS);
        endB.open(SETTINGS);
        return new SerialLink[] {endA, endB};
    }

    @Override
    protected SerialLink samePortAs(SerialLink end) {
        return new JSerialCommLink(end.name());
    }

    @Override
    protected void unplug(SerialLink end) {
        pair.unplug(end.name().equals(pair.pathA()) ? VirtualSerialPair.End.A : VirtualSerialPair.End.B);
    }

    @Override
    protected void releaseCable() {
        pair.close();
    }
}
