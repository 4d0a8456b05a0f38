package hermes.plugin.skills.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import hermes.api.SkillSource.Activation;

class SkillValidatorTest {

    private static final String FULL = """
            ---
            name: vllm-serving
            description: Serve a model with vLLM and check its throughput.
            version: 1.2
            author: Ops
            license: MIT
            platforms: [linux, macos]
            metadata:
              hermes:
                tags: [inference, gpu]
                related_skills: [triton]
                category: mlops
                fallback_for_tools: [serve_model]
                requires_toolsets: [terminal]
                config:
                  - key: vllm.port
                    description: the port
                    default: 8000
            required_environment_variables:
              - name: HF_TOKEN
                prompt: Hugging Face token
                help: https://huggingface.co/settings/tokens
            required_credential_files:
              - path: hf_token.json
                description: cached login
            allowed-tools: [terminal]
            ---
            # vLLM
            Start the server.
            """;

    @Test
    void aCompleteSkillReadsEveryField() {
        SkillManifest manifest = SkillValidator.validate(FULL, true);

        assertThat(manifest.name()).isEqualTo("vllm-serving");
        assertThat(manifest.version()).contains("1.2");
        assertThat(manifest.platforms()).containsExactly("linux", "macos");
        assertThat(manifest.tags()).containsExactly("inference", "gpu");
        assertThat(manifest.category()).contains("mlops");
        assertThat(manifest.activation()).isEqualTo(new Activation(List.of("linux", "macos"),
                List.of("serve_model"), List.of(), List.of(), List.of("terminal")));
        assertThat(manifest.requiredEnvironment()).singleElement()
                .satisfies(variable -> assertThat(variable.prompt()).contains("Hugging Face token"));
        assertThat(manifest.credentialFiles()).extracting(SkillManifest.CredentialFile::path)
                .containsExactly("hf_token.json");
        assertThat(manifest.settings()).hasSize(1);
        assertThat(manifest.allowedTools()).containsExactly("terminal");
    }

    @Test
    void aMissingFrontMatterSaysHowToStartTheFile() {
        assertThatThrownBy(() -> SkillValidator.validate("# Just text\n", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must start with a '---' line");
        assertThatThrownBy(() -> SkillValidator.validate("---\nname: x\n", true))
                .hasMessageContaining("never closed");
        assertThatThrownBy(() -> SkillValidator.validate("---\nname: [unclosed\n---\nbody\n", true))
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> SkillValidator.validate("---\n- a\n- b\n---\nbody\n", true))
                .hasMessageContaining("must be a mapping");
    }

    @Test
    void everyProblemIsListedWithTheFieldAndTheFix() {
        String bad = """
                ---
                name: My Skill
                platforms: [linux, solaris]
                metadata:
                  hermes:
                    tags: gpu
                required_environment_variables:
                  - prompt: no name here
                ---
                """;

        assertThatThrownBy(() -> SkillValidator.validate(bad, true))
                .hasMessage("""
                        invalid SKILL.md:
                        - name: 'My Skill' is not a valid skill name; use lowercase letters, digits, '.', '_' and '-', \
                        starting with a letter or digit (for example 'my-skill')
                        - description: missing; add one line saying what the skill does and when to use it \
                        ('description: ...')
                        - platforms: 'solaris' is not one of macos, linux, windows; remove it or use one of those
                        - metadata.hermes.tags: must be a list of names, for example [a, b]
                        - required_environment_variables[0]: needs a 'name' that is a variable name (for example \
                        name: GITHUB_TOKEN)
                        - body: the instructions after the front matter are empty; write the steps the agent should \
                        follow when the skill applies""");
    }

    @Test
    void limitsApplyToNameDescriptionAndLength() {
        String longName = "a".repeat(65);
        assertThatThrownBy(() -> SkillValidator.validate(TestSkills.skillMd(longName, "d", "body"), false))
                .hasMessageContaining("name: 65 characters is over the limit of 64");
        assertThatThrownBy(() -> SkillValidator.validate(TestSkills.skillMd("x", "d".repeat(1025), "body"), false))
                .hasMessageContaining("description: 1025 characters is over the limit of 1024");
        assertThatThrownBy(() -> SkillValidator.validate(TestSkills.skillMd("x", "d", "b".repeat(100_000)), false))
                .hasMessageContaining("over the limit of 100,000");
    }

    @Test
    void humanNamesPassWhenTheAgentRuleIsOff() {
        assertThat(SkillValidator.validate(TestSkills.skillMd("My Skill", "d", "body"), false).name())
                .isEqualTo("My Skill");
        assertThatThrownBy(() -> SkillValidator.checkAgentName("-dash-first"))
                .hasMessageStartingWith("name: '-dash-first' is not a valid skill name")
                .hasMessageEndingWith("(for example 'dash-first')");
    }
}
