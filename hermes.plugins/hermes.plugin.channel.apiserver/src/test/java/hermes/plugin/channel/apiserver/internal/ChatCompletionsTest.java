package hermes.plugin.channel.apiserver.internal;

import static hermes.plugin.channel.apiserver.internal.ServerUnderTest.MAPPER;
import static hermes.plugin.channel.apiserver.internal.ServerUnderTest.json;
import static hermes.plugin.channel.apiserver.internal.ServerUnderTest.messages;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import hermes.api.Caller;
import hermes.api.ContentPart;
import hermes.api.Event;
import hermes.api.Message;
import hermes.api.SessionSpec;
import hermes.api.Submission;
import hermes.api.ToolResult;
import hermes.api.Usage;

class ChatCompletionsTest {

    private ServerUnderTest server;

    @BeforeEach
    void start() throws Exception {
        server = ServerUnderTest.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aPlainRequestIsAnsweredWithAChatCompletionOfTheTurn() throws Exception {
        HttpResponse<String> response = server.chat(messages(false, "user", "Say hello"));

        assertThat(response.statusCode()).isEqualTo(200);
        var body = json(response);
        assertThat(body.path("id").asText()).matches("chatcmpl-[0-9a-f]{29}");
        assertThat(body.path("object").asText()).isEqualTo("chat.completion");
        assertThat(body.path("created").asLong()).isPositive();
        assertThat(body.path("model").asText()).isEqualTo("my-model");
        assertThat(body.path("choices")).isEqualTo(MAPPER.readTree("""
                [{"index": 0, "message": {"role": "assistant", "content": "Hello, world"}, "finish_reason": "stop"}]
                """));
        assertThat(body.path("usage")).isEqualTo(MAPPER.readTree("""
                {"prompt_tokens": 12, "completion_tokens": 5, "total_tokens": 17,
                 "prompt_tokens_details": {"cached_tokens": 4}, "completion_tokens_details": {"reasoning_tokens": 1}}
                """));
        FakeSession session = server.runtime.onlySession();
        assertThat(response.headers().firstValue("X-Hermes-Session-Id")).hasValue(session.id());
        assertThat(session.submissions).containsExactly(Submission.UserTurn.text("Say hello"));
        ServerUnderTest.await(session::isClosed);
    }

    @Test
    void theSessionServesTheApiServerPlatformAsAnAuthorisedCaller() throws Exception {
        String body = MAPPER.createObjectNode().put("user", "alice").set("messages", MAPPER.readTree(
                "[{\"role\": \"user\", \"content\": \"hi\"}]")).toString();

        server.chat(body);

        SessionSpec spec = server.runtime.opened.getFirst();
        Caller caller = spec.caller();
        assertThat(caller.platform()).isEqualTo("api_server");
        assertThat(caller.trust()).isEqualTo(Caller.Trust.AUTHORIZED);
        assertThat(caller.userId()).hasValue("alice");
        assertThat(caller.chatId()).isPresent();
        assertThat(caller.threadId()).isEmpty();
        assertThat(spec.resume()).isEmpty();
        assertThat(spec.systemPrompt()).as("Hermes keeps its own prompt").isEmpty();
    }

    @Test
    void onlyAStreamedRequestAsksTheModelToStream() throws Exception {
        server.chat(messages(false, "user", "whole, please"));
        server.chat(messages(true, "user", "as it comes, please"));

        assertThat(server.runtime.opened.get(0).settings()).containsEntry("agent.stream", "false");
        assertThat(server.runtime.opened.get(1).settings()).doesNotContainKey("agent.stream");
    }

    @Test
    void earlierMessagesAreSeededAndOnlyTheLastUserMessageIsTheTurn() throws Exception {
        server.chat(messages(false, "system", "Answer in French.", "user", "My name is Ada.",
                "assistant", "Enchantée, Ada.", "system", "Be brief.", "user", "What is my name?"));

        FakeSession session = server.runtime.onlySession();
        assertThat(session.submissions).containsExactly(
                new Submission.Seed(List.of(Message.system("Answer in French.\nBe brief."),
                        Message.user("My name is Ada."), Message.assistant("Enchantée, Ada."))),
                Submission.UserTurn.text("What is my name?"));
    }

    @Test
    void toolMessagesOfTheClientAreDroppedFromTheSeed() throws Exception {
        server.chat("""
                {"messages": [
                  {"role": "user", "content": "What's the weather?"},
                  {"role": "assistant", "content": null, "tool_calls": [{"id": "c1", "type": "function",
                     "function": {"name": "weather", "arguments": "{}"}}]},
                  {"role": "tool", "tool_call_id": "c1", "content": "sunny"},
                  {"role": "assistant", "content": "It is sunny."},
                  {"role": "user", "content": "Thanks"}]}
                """);

        assertThat(server.runtime.onlySession().submitted(Submission.Seed.class).getFirst().messages())
                .containsExactly(Message.user("What's the weather?"), Message.assistant("It is sunny."));
    }

    @Test
    void theSessionHeaderContinuesTheStoredSessionWithOnlyTheNewMessage() throws Exception {
        HttpResponse<String> first = server.chat(messages(false, "user", "Remember: the code is 7."));
        String id = first.headers().firstValue("X-Hermes-Session-Id").orElseThrow();

        HttpResponse<String> second = server.chat(messages(false, "system", "Be brief.",
                "user", "Remember: the code is 7.", "assistant", "Hello, world", "user", "What is the code?"),
                "X-Hermes-Session-Id", id);

        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.headers().firstValue("X-Hermes-Session-Id")).hasValue(id);
        assertThat(server.runtime.opened.get(1).resume()).hasValue(id);
        FakeSession continued = server.runtime.sessions.get(1);
        assertThat(continued.submissions).as("the stored history is the context; nothing is seeded twice")
                .containsExactly(Submission.UserTurn.text("What is the code?"));
    }

    @Test
    void anUnknownSessionIdIs404AndOpensNothing() throws Exception {
        HttpResponse<String> response = server.chat(messages(false, "user", "hi"),
                "X-Hermes-Session-Id", "20991231_235959_abcdef");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("error").path("code").asText()).isEqualTo("session_not_found");
        assertThat(json(response).path("error").path("message").asText()).contains("20991231_235959_abcdef");
        assertThat(server.runtime.opened).isEmpty();
    }

    @Test
    void sessionsOfOtherPlatformsCannotBeContinued() throws Exception {
        server.runtime.store.add("20260101_090000_c11c11", "cli");

        HttpResponse<String> response = server.chat(messages(false, "user", "show me your history"),
                "X-Hermes-Session-Id", "20260101_090000_c11c11");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(server.runtime.opened).isEmpty();
    }

    @Test
    void anOverlongSessionIdIs400() throws Exception {
        HttpResponse<String> response = server.chat(messages(false, "user", "hi"),
                "X-Hermes-Session-Id", "x".repeat(257));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").path("param").asText()).isEqualTo("X-Hermes-Session-Id");
    }

    @Test
    void continuingWithoutASessionStoreIs503() throws Exception {
        server.close();
        server = ServerUnderTest.withoutStore();

        HttpResponse<String> response = server.chat(messages(false, "user", "hi"),
                "X-Hermes-Session-Id", "20260101_120000_000001");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).path("error").path("message").asText()).contains("no session store");
    }

    @Test
    void continuingASessionNeedsAConfiguredKey() throws Exception {
        server.close();
        server = ServerUnderTest.start(ServerSettings.KEY, "");

        HttpResponse<String> response = server.chat(messages(false, "user", "hi"),
                "X-Hermes-Session-Id", "20260101_120000_000001");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).path("error").path("message").asText()).contains("API_SERVER_KEY");
        assertThat(server.runtime.opened).isEmpty();
    }

    @Test
    void aTurnThatOutlivesTheGatewayTimeoutIsInterruptedAndAnswered504() throws Exception {
        server.close();
        server = ServerUnderTest.start(ServerSettings.GATEWAY_TIMEOUT, "1");
        server.runtime.script = FakeRuntime.Script.hang("still going");

        HttpResponse<String> response = server.chat(messages(false, "user", "never ends"));

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(json(response).path("error").path("message").asText()).contains("agent.gateway_timeout");
        FakeSession session = server.runtime.onlySession();
        assertThat(session.submitted(Submission.Interrupt.class)).hasSize(1);
        ServerUnderTest.await(session::isClosed);
    }

    @Test
    void malformedRequestsAre400WithTheFieldAndTheFix() throws Exception {
        HttpResponse<String> notJson = server.chat("{\"messages\": [");
        HttpResponse<String> noMessages = server.chat("{\"model\": \"hermes-agent\"}");
        HttpResponse<String> endsWithAssistant = server.chat(messages(false, "user", "hi", "assistant", "hello"));
        HttpResponse<String> badRole = server.chat(messages(false, "wizard", "hi"));
        HttpResponse<String> badStream = server.chat("{\"stream\": \"yes\", \"messages\": "
                + "[{\"role\": \"user\", \"content\": \"hi\"}]}");

        assertThat(List.of(notJson, noMessages, endsWithAssistant, badRole, badStream))
                .allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(400));
        assertThat(json(notJson).path("error").path("message").asText()).startsWith("the request body is not valid");
        assertThat(json(noMessages).path("error").path("param").asText()).isEqualTo("messages");
        assertThat(json(endsWithAssistant).path("error").path("message").asText()).contains("must have role user");
        assertThat(json(badRole).path("error").path("param").asText()).isEqualTo("messages[0].role");
        assertThat(json(badStream).path("error").path("param").asText()).isEqualTo("stream");
        assertThat(server.runtime.opened).isEmpty();
    }

    @Test
    void imagesArriveAsContentPartsAndUploadedFilesAreRefused() throws Exception {
        server.chat("""
                {"messages": [{"role": "user", "content": [
                  {"type": "text", "text": "What is this?"},
                  {"type": "image_url", "image_url": {"url": "https://example.com/cat.png"}},
                  {"type": "image_url", "image_url": {"url": "data:image/webp;base64,UklGRg=="}}]}]}
                """);
        HttpResponse<String> file = server.chat("""
                {"messages": [{"role": "user", "content": [{"type": "file", "file": {"file_id": "f1"}}]}]}
                """);
        HttpResponse<String> localFile = server.chat("""
                {"messages": [{"role": "user", "content": [
                  {"type": "image_url", "image_url": {"url": "file:///etc/passwd"}}]}]}
                """);

        assertThat(server.runtime.onlySession().submissions).containsExactly(new Submission.UserTurn(List.of(
                new ContentPart.Text("What is this?"), new ContentPart.Image("image/png", "https://example.com/cat.png"),
                new ContentPart.Image("image/webp", "data:image/webp;base64,UklGRg=="))));
        assertThat(file.statusCode()).isEqualTo(400);
        assertThat(json(file).path("error").path("code").asText()).isEqualTo("unsupported_content_type");
        assertThat(localFile.statusCode()).isEqualTo(400);
        assertThat(json(localFile).path("error").path("code").asText()).isEqualTo("invalid_image_url");
    }

    @Test
    void aTurnThatFailsIsA502WithTheRuntimesMessage() throws Exception {
        server.runtime.script = (session, turn) -> {
            session.emit(new Event.Error("the model provider refused the key: check OPENAI_API_KEY"));
            session.emit(new Event.TurnFinished("error", Usage.NONE, 1, ""));
        };

        HttpResponse<String> response = server.chat(messages(false, "user", "hi"));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(json(response)).isEqualTo(MAPPER.readTree("""
                {"error": {"message": "the model provider refused the key: check OPENAI_API_KEY",
                           "type": "server_error", "param": null, "code": "agent_error"}}
                """));
        ServerUnderTest.await(server.runtime.onlySession()::isClosed);
    }

    @Test
    void aTurnOutOfIterationsFinishesWithLength() throws Exception {
        server.runtime.script = (session, turn) ->
                session.emit(new Event.TurnFinished("max_turns", FakeRuntime.USAGE, 90, "I ran out of steps."));

        var body = json(server.chat(messages(false, "user", "do everything")));

        assertThat(body.path("choices").get(0).path("finish_reason").asText()).isEqualTo("length");
        assertThat(body.path("choices").get(0).path("message").path("content").asText())
                .isEqualTo("I ran out of steps.");
    }

    @Test
    void approvalPromptsAreDeniedAtOnceBecauseApiCallersCannotAnswerThem() throws Exception {
        server.runtime.script = (session, turn) -> {
            session.emit(new Event.ToolStarted("c1", "terminal", "{\"command\": \"rm -rf /tmp/x\"}"));
            session.emit(new Event.ApprovalRequested("a1", "rm -rf /tmp/x", "recursive delete",
                    Instant.now().plusSeconds(60)));
            boolean denied = session.submitted(Submission.ApprovalAnswer.class).contains(
                    new Submission.ApprovalAnswer("a1", Submission.ApprovalAnswer.Decision.DENY));
            session.emit(new Event.ToolFinished("c1", "terminal", ToolResult.error("denied"),
                    Duration.ofMillis(3)));
            session.emit(new Event.TurnFinished("stop", FakeRuntime.USAGE, 2, denied ? "It was denied." : "?"));
        };

        var body = json(server.chat(messages(false, "user", "clean up")));

        assertThat(body.path("choices").get(0).path("message").path("content").asText()).isEqualTo("It was denied.");
    }

    @Test
    void aSessionAnsweringOneRequestRefusesASecondAtTheSameTimeWith409() throws Exception {
        String id = server.chat(messages(false, "user", "start")).headers().firstValue("X-Hermes-Session-Id")
                .orElseThrow();
        CountDownLatch release = new CountDownLatch(1);
        server.runtime.script = (session, turn) -> {
            awaitQuietly(release);
            session.emit(new Event.TurnFinished("stop", FakeRuntime.USAGE, 1, "done"));
        };
        try (ExecutorService client = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<HttpResponse<String>> first = client.submit(() -> server.chat(messages(false, "user", "long job"),
                    "X-Hermes-Session-Id", id));
            ServerUnderTest.await(() -> server.runtime.sessions.size() == 2);

            HttpResponse<String> second = server.chat(messages(false, "user", "again"), "X-Hermes-Session-Id", id);
            release.countDown();

            assertThat(second.statusCode()).isEqualTo(409);
            assertThat(json(second).path("error").path("code").asText()).isEqualTo("session_busy");
            assertThat(first.get().statusCode()).isEqualTo(200);
        }
        HttpResponse<String> afterwards = server.chat(messages(false, "user", "and now?"), "X-Hermes-Session-Id", id);
        assertThat(afterwards.statusCode()).as("the session is free again once its request ended").isEqualTo(200);
    }

    @Test
    void aClientThatSendsItsNextTurnTheMomentItHasAnAnswerFindsTheSessionFree() throws Exception {
        String id = server.chat(messages(false, "user", "turn 0")).headers().firstValue("X-Hermes-Session-Id")
                .orElseThrow();

        for (int turn = 1; turn <= 20; turn++) {
            HttpResponse<String> answer = server.chat(messages(false, "user", "turn " + turn),
                    "X-Hermes-Session-Id", id);

            assertThat(answer.statusCode()).as("turn %d: %s", turn, answer.body()).isEqualTo(200);
            assertThat(server.runtime.sessions.get(turn).isClosed())
                    .as("the answer goes out only once its session is closed").isTrue();
        }
    }

    @Test
    void manyConcurrentRequestsEachGetTheirOwnSession() throws Exception {
        server.runtime.script = (session, turn) -> session.emit(new Event.TurnFinished("stop", FakeRuntime.USAGE, 1,
                "echo: " + ((ContentPart.Text) turn.content().getFirst()).text()));
        List<Callable<HttpResponse<String>>> requests = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            String text = "request " + i;
            requests.add(() -> server.chat(messages(false, "user", text)));
        }

        List<Future<HttpResponse<String>>> responses;
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            responses = clients.invokeAll(requests);
        }

        Set<String> answers = new HashSet<>();
        Set<String> sessionIds = new HashSet<>();
        for (Future<HttpResponse<String>> response : responses) {
            answers.add(json(response.get()).path("choices").get(0).path("message").path("content").asText());
            sessionIds.add(response.get().headers().firstValue("X-Hermes-Session-Id").orElseThrow());
        }
        assertThat(answers).hasSize(64).contains("echo: request 0", "echo: request 63");
        assertThat(sessionIds).hasSize(64);
        assertThat(server.runtime.sessions).hasSize(64);
        ServerUnderTest.await(() -> server.runtime.sessions.stream().allMatch(FakeSession::isClosed));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
