package io.wavebench.drivers.serial;

/** The contract on a FaultySerialLink with no faults set: wearing the decorator changes nothing. */
class FaultySerialLinkContractTest extends SerialLinkContractTest {

    @Override
    protected SerialLink[] openConnectedEnds() {
        InMemorySerialLink[] ends = InMemorySerialLink.pair("mem-a", "mem-b");
        SerialLink[] faulty = {new FaultySerialLink(ends[0], 1), new FaultySerialLink(ends[1], 2)};
        faulty[0].open(SETTINGS);
        faulty[1].open(SETTINGS);
        return faulty;
    }

    @Override
    protected SerialLink samePortAs(SerialLink end) {
        return end;
    }

    @Override
    protected void unplug(SerialLink end) {
        ((FaultySerialLink) end).unplug();
    }
}
