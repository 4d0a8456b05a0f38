package hermes.runtime.internal.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import hermes.api.Message;
import hermes.api.ModelException;
import hermes.api.ModelRequest;
import hermes.api.StreamListener;
import hermes.runtime.internal.models.Cancellation;
import hermes.runtime.internal.models.ModelRoute;

/**
 * One short question to the auxiliary model of a task (reference §9: {@code auxiliary.<task>.provider/model}, else the
 * session's own model): no tools, no streaming, temperature 0, no retries. Used by smart approvals; later by title
 * generation and compaction.
 */
final class AuxiliaryModel {

    private static final System.Logger LOG = System.getLogger(AuxiliaryModel.class.getName());

    private AuxiliaryModel() {
    }

    /** The reply text, or empty when the call failed (the caller falls back to asking a human). */
    static Optional<String> ask(RuntimeSession session, String task, String system, String question, int maxTokens,
                                Cancellation turn) throws InterruptedException {
        SessionSettings settings = session.settings();
        try {
            Optional<String> auxiliary = settings.text("auxiliary." + task + ".model").map(model -> settings
                    .text("auxiliary." + task + ".provider").filter(p -> !p.equals("main")).map(p -> p + ":" + model)
                    .orElse(model));
            List<ModelRoute> routes = auxiliary.isPresent()
                    ? List.of(TurnLoop.router(session).resolve(auxiliary)) : TurnLoop.routes(session);
            ModelRequest request = new ModelRequest(routes.get(0).model(),
                    List.of(Message.system(system), Message.user(question)), List.of(),
                    Map.of(ModelRequest.STREAM, "false", ModelRequest.TEMPERATURE, "0",
                            ModelRequest.MAX_TOKENS, String.valueOf(maxTokens)));
            return Optional.of(session.services().caller().call(session.id(), routes, request, 0,
                    StreamListener.NONE, turn, notice -> { }).response().message().text());
        } catch (ModelException | RuntimeException e) {
            LOG.log(System.Logger.Level.INFO, "auxiliary " + task + " call failed: " + e);
            return Optional.empty();
        }
    }
}
