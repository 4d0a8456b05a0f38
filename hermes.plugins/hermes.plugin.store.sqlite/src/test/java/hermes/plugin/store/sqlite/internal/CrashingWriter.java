package hermes.plugin.store.sqlite.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import hermes.api.Message;

/** Run as its own process: writes two turns, then dies without closing anything, as a killed REPL would. */
public final class CrashingWriter {

    static final String SESSION = "20260811_110000_c0ffee";
    static final int HALT_STATUS = 37;

    private CrashingWriter() {
    }

    public static void main(String[] arguments) throws Exception {
        SqliteSessionStore store = new SqliteSessionStore(Path.of(arguments[0]));
        store.create(SqliteSessionStoreTest.session(SESSION, Optional.empty()));
        store.append(SESSION, List.of(Message.user("turn 1"), Message.assistant("done 1")));
        store.append(SESSION, List.of(Message.user("turn 2"), Message.assistant("done 2")));
        Runtime.getRuntime().halt(HALT_STATUS);
    }
}
