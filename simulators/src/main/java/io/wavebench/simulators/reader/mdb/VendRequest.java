package io.wavebench.simulators.reader.mdb;

/** What the VMC asks the reader to pay for (MDB 4.2 §7.4.5): the price in minor units and the item number. */
public record VendRequest(long priceMinorUnits, int item) {

    @Override
    public String toString() {
        return "VendRequest[price=" + priceMinorUnits + " item=" + item + "]";
    }
}
