package hermes.plugin.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import hermes.api.Caller;
import hermes.api.SessionSpec;

class ChatOptionsTest {

    private static final List<String> Q = List.of("-q", "--query");
    private static final String USAGE = "hermes chat -q \"your message\"";

    @Test
    void noFlagsMeanTheConfiguredDefaults() {
        assertThat(parse()).isEqualTo(new ChatOptions.Parsed(ChatOptions.DEFAULTS, Optional.empty()));
        assertThat(ChatOptions.DEFAULTS.spec()).isEqualTo(SessionSpec.of(Caller.localUser()));
    }

    @Test
    void everyFlagHasAShortAndALongForm() {
        ChatOptions expected = new ChatOptions(Optional.of("anthropic/claude-sonnet-4"), Optional.of("openrouter"),
                List.of("terminal", "web"), true, OptionalInt.of(12), true, Optional.empty(), false);
        assertThat(parse("-q", "hi", "-m", "anthropic/claude-sonnet-4", "--provider", "openrouter", "-t",
                "terminal, web", "--yolo", "--max-turns", "12", "-Q"))
                .isEqualTo(new ChatOptions.Parsed(expected, Optional.of("hi")));
        assertThat(parse("--query", "hi", "--model", "anthropic/claude-sonnet-4", "--provider=openrouter",
                "--toolsets=terminal,web", "--yolo", "--max-turns=12", "--quiet"))
                .isEqualTo(new ChatOptions.Parsed(expected, Optional.of("hi")));
    }

    @Test
    void aLaterFlagWins() {
        assertThat(parse("-m", "a", "-m", "b").options().model()).contains("b");
    }

    @Test
    void providerAndModelMakeOneProviderModelName() {
        SessionSpec spec = parse("--provider", "openrouter", "-m", "anthropic/claude-sonnet-4").options().spec();
        assertThat(spec.model()).contains("openrouter:anthropic/claude-sonnet-4");
        assertThat(spec.settings()).isEmpty();
    }

    @Test
    void aProviderAloneLeavesTheModelToTheRuntime() {
        SessionSpec spec = parse("--provider", "zai").options().spec();
        assertThat(spec.model()).isEmpty();
        assertThat(spec.settings()).isEqualTo(Map.of("model.provider", "zai"));
    }

    @Test
    void yoloAndMaxTurnsAreSessionSettings() {
        SessionSpec spec = parse("--yolo", "--max-turns", "7", "-t", "terminal").options().spec();
        assertThat(spec.settings()).isEqualTo(Map.of("approvals.yolo", "true", "agent.max_turns", "7"));
        assertThat(spec.toolsets()).containsExactly("terminal");
        assertThat(spec.caller()).isEqualTo(Caller.localUser());
    }

    @Test
    void maxTurnsMustBeAPositiveWholeNumber() {
        for (String wrong : List.of("0", "-3", "ten", "1.5", "")) {
            assertThatIllegalArgumentException().isThrownBy(() -> parse("--max-turns", wrong))
                    .withMessage("--max-turns needs a positive whole number, got '" + wrong
                            + "': for example --max-turns 30");
        }
    }

    @Test
    void aMissingOrEmptyValueNamesTheFlagAndAnExample() {
        assertThatIllegalArgumentException().isThrownBy(() -> parse("-m"))
                .withMessage("-m needs a value: -m MODEL");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--provider", " "))
                .withMessage("--provider is empty: give it a provider name, for example --provider openrouter");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("-t", ","))
                .withMessage("-t names no toolset: give a comma-separated list, for example -t terminal,file");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("-q", "  "))
                .withMessage("the message after -q is empty: " + USAGE);
    }

    @Test
    void switchesTakeNoValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--yolo=false"))
                .withMessage("--yolo takes no value, got 'false': write --yolo alone");
    }

    @Test
    void strayWordsAndUnknownOptionsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> parse("hello"))
                .withMessage("unexpected argument 'hello': quote the whole message, " + USAGE);
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--image", "x.png"))
                .withMessageStartingWith("unknown option '--image': the chat options are");
    }

    private static ChatOptions.Parsed parse(String... arguments) {
        return ChatOptions.parse(List.of(arguments), Q, USAGE);
    }
}
