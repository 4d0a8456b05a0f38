package hermes.runtime.internal.tools;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import hermes.runtime.internal.core.CallContext;

/** The calls running in one registered tool now, so an unbind can wait for them and then cancel them (DESIGN §8.1). */
public final class InFlight {

    private final Set<CallContext> calls = ConcurrentHashMap.newKeySet();

    public void enter(CallContext call) {
        calls.add(call);
    }

    public void exit(CallContext call) {
        calls.remove(call);
    }

    boolean isEmpty() {
        return calls.isEmpty();
    }

    void cancelAll() {
        calls.forEach(CallContext::cancel);
    }
}
