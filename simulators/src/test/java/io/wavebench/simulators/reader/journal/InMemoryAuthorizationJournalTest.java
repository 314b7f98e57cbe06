package io.wavebench.simulators.reader.journal;

class InMemoryAuthorizationJournalTest extends AuthorizationJournalContract {

    @Override
    AuthorizationJournal newJournal() {
        return new InMemoryAuthorizationJournal();
    }
}
