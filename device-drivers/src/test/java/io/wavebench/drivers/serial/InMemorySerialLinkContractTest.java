package io.wavebench.drivers.serial;

/** The contract on the in-memory cable. */
class InMemorySerialLinkContractTest extends SerialLinkContractTest {

    @Override
    protected SerialLink[] openConnectedEnds() {
        InMemorySerialLink[] ends = InMemorySerialLink.pair("mem-a", "mem-b");
        ends[0].open(SETTINGS);
        ends[1].open(SETTINGS);
        return ends;
    }

    @Override
    protected SerialLink samePortAs(SerialLink end) {
        return end; // an in-memory end is its own port: opening it again is the double open
    }

    @Override
    protected void unplug(SerialLink end) {
        ((InMemorySerialLink) end).unplug();
    }
}
