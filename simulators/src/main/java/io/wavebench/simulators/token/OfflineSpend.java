package io.wavebench.simulators.token;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last rule of DESIGN §5.1: what a credential spent offline at this reader since its last
 * sync, plus the price, must stay within the credential's offline limit.
 */
public final class OfflineSpend {

    private final Map<Long, Long> spentSinceSync = new ConcurrentHashMap<>();

    public boolean allows(Credential credential, long price) {
        return spentSinceSync.getOrDefault(credential.credentialId(), 0L) + price <= credential.offlineLimit();
    }

    public void record(Credential credential, long amount) {
        spentSinceSync.merge(credential.credentialId(), amount, Long::sum);
    }

    /** A voided authorization (vend failed, approval never delivered): the amount is spendable again. */
    public void release(Credential credential, long amount) {
        spentSinceSync.computeIfPresent(credential.credentialId(), (id, spent) -> Math.max(0, spent - amount));
    }

    /** After a restart: what each credential spent since the last sync, from the journal. */
    public void restore(Map<Long, Long> spentSinceSync) {
        this.spentSinceSync.clear();
        this.spentSinceSync.putAll(spentSinceSync);
    }

    public long spent(Credential credential) {
        return spentSinceSync.getOrDefault(credential.credentialId(), 0L);
    }
}
