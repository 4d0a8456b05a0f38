package hermes.plugin.skills.internal.guard;

import static hermes.plugin.skills.internal.guard.Category.CREDENTIAL_EXPOSURE;
import static hermes.plugin.skills.internal.guard.Category.EXFILTRATION;
import static hermes.plugin.skills.internal.guard.Category.INJECTION;
import static hermes.plugin.skills.internal.guard.Category.OBFUSCATION;
import static hermes.plugin.skills.internal.guard.GuardPattern.of;
import static hermes.plugin.skills.internal.guard.Severity.CRITICAL;
import static hermes.plugin.skills.internal.guard.Severity.HIGH;
import static hermes.plugin.skills.internal.guard.Severity.MEDIUM;

import java.util.List;

/**
 * The guard's patterns against the agent itself and the user's secrets: exfiltration, prompt injection, obfuscation
 * and credentials written into a skill. Each pattern is tuned so ordinary documentation (an {@code Authorization}
 * header, {@code cat .env.example}, "tell the user what changed") does not fire; the test table holds one match and
 * one near miss for every id.
 */
final class AttackPatterns {

    private static final String SECRET_VARIABLE = "\\$\\{?\\w*(key|token|secret|passw|credential)";

    static final List<GuardPattern> ALL = List.of(
            // exfiltration
            of("secret_in_url_query", CRITICAL, EXFILTRATION,
                    "\\b(curl|wget|invoke-webrequest|iwr|fetch)\\b.*[?&][\\w.-]+=" + SECRET_VARIABLE,
                    "a secret environment variable sent in a URL query"),
            of("secret_in_request_body", CRITICAL, EXFILTRATION,
                    "\\b(curl|wget)\\b.*\\s(-d|--data[\\w-]*|-F|--form|--post-data)[\\s=]+['\"]?[^'\"\\s]*"
                            + SECRET_VARIABLE,
                    "a secret environment variable sent as request data"),
            of("env_dump_to_network", CRITICAL, EXFILTRATION,
                    "\\b(env|printenv|set)\\s*\\|\\s*(curl|wget|nc|ncat|netcat|socat)\\b",
                    "the whole environment piped to a network tool"),
            of("secret_file_upload", CRITICAL, EXFILTRATION,
                    "\\b(curl|wget)\\b.*(\\s-T\\s*|--upload-file\\s*|@)['\"]?[~$\\w{}/.-]*(\\.env\\b|\\.ssh/"
                            + "|\\.aws/credentials|\\.netrc|\\.npmrc|\\.pypirc|\\.pgpass|\\.git-credentials"
                            + "|\\.kube/config)",
                    "a credential file uploaded with curl or wget"),
            of("read_ssh_private_key", HIGH, EXFILTRATION,
                    "\\b(cat|less|more|head|tail|base64|xxd|od|strings)\\b[^|;\\n]*\\.ssh/(id_[a-z0-9]++"
                            + "|[\\w.-]*_key)(?!\\.pub)\\b",
                    "an SSH private key read out"),
            of("read_cloud_credentials", HIGH, EXFILTRATION,
                    "\\b(cat|less|more|head|tail|base64|cp|type|get-content)\\b[^|;\\n]*(\\.aws/credentials"
                            + "|\\.config/gcloud/[\\w/.-]*credentials|\\.azure/(accesstokens|msal_token_cache)"
                            + "|\\.docker/config\\.json)",
                    "cloud or registry credentials read out"),
            of("hermes_env_access", CRITICAL, EXFILTRATION,
                    "\\b(cat|less|more|head|tail|base64|grep|cp|scp|curl|type|get-content)\\b[^|;\\n]*"
                            + "\\.hermes/\\.env\\b",
                    "Hermes' own secrets file read or copied"),
            of("dotenv_read", MEDIUM, EXFILTRATION,
                    "\\b(cat|less|more|head|tail|base64|type)\\s+[\\w~$/{}.-]*\\.env(?![\\w.])",
                    "a .env file printed (it usually holds secrets)"),
            of("netrc_read", HIGH, EXFILTRATION,
                    "\\b(cat|less|more|head|tail|base64|cp|type)\\b[^|;\\n]*(\\.netrc|\\.pgpass|\\.npmrc|\\.pypirc"
                            + "|\\.git-credentials)\\b",
                    "a password or token file read out"),
            of("browser_profile_access", HIGH, EXFILTRATION,
                    "(google-chrome|google/chrome|chromium|\\.mozilla/firefox|firefox/profiles|brave-browser)"
                            + ".*(login.{0,2}data|cookies|key4\\.db|logins\\.json|web.{0,2}data)",
                    "saved browser passwords or cookies accessed"),
            of("paste_service_upload", HIGH, EXFILTRATION,
                    "\\b(curl|wget|nc|http|invoke-webrequest|iwr)\\b.*(pastebin\\.com|paste\\.ee|hastebin"
                            + "|transfer\\.sh|0x0\\.st|termbin\\.com|requestbin|webhook\\.site|pipedream\\.net"
                            + "|interact\\.sh|oast\\.(fun|me|pro|live|site|online)|burpcollaborator)",
                    "data sent to a paste, request-capture or out-of-band service"),
            of("dns_exfiltration", HIGH, EXFILTRATION,
                    "\\b(dig|nslookup|host|ping)\\b.*\\$\\((whoami|hostname|cat|id|env|printenv|base64)",
                    "command output smuggled out in a DNS lookup"),
            of("conversation_exfiltration", HIGH, EXFILTRATION,
                    "\\b(send|post|upload|transmit|forward|exfiltrate)\\b.{0,80}\\b(conversation|chat history"
                            + "|system prompt|previous messages|memory files?)\\b.{0,80}https?://",
                    "the conversation or prompt sent to a URL"),
            of("home_directory_archive", HIGH, EXFILTRATION,
                    "\\b(tar|zip|7z)\\b.*\\s(~|\\$home|\\$\\{home\\})/?(\\s|$)",
                    "the whole home directory packed into an archive"),
            // injection
            of("ignore_previous_instructions", CRITICAL, INJECTION,
                    "\\bignore\\b(\\s+\\w+){0,4}?\\s+(previous|prior|above|earlier|preceding|all|any)\\b"
                            + "(\\s+\\w+){0,3}?\\s+(instructions|rules|guidelines|directions|directives|prompts?)\\b",
                    "an attempt to make the agent drop its instructions"),
            of("disregard_rules", CRITICAL, INJECTION,
                    "\\b(disregard|forget)\\b(\\s+\\w+){0,2}?\\s+(your|all|any|previous|prior|the\\s+system)\\b"
                            + "(\\s+\\w+){0,2}?\\s+(instructions|rules|guidelines|guardrails|safety\\s+policies)\\b",
                    "an attempt to make the agent disregard its rules"),
            of("system_prompt_override", CRITICAL, INJECTION,
                    "\\b(new|updated|replacement|override)\\s+system\\s+prompt\\b|\\bsystem\\s+prompt\\s+override\\b",
                    "a claimed replacement of the system prompt"),
            of("unrestricted_persona", HIGH, INJECTION,
                    "\\byou\\s+are\\s+now\\b(\\s+\\w+){0,4}?\\s+(with\\s+no|without\\s+any|unrestricted|uncensored"
                            + "|unfiltered|jailbroken|free\\s+of)\\b",
                    "a new identity without rules"),
            of("bypass_restrictions", HIGH, INJECTION,
                    "\\b(act|behave|respond|answer)\\s+as\\s+(if|though)\\s+you\\b(\\s+\\w+){0,2}?\\s+(have\\s+no"
                            + "|don't\\s+have|do\\s+not\\s+have)\\b(\\s+\\w+){0,2}?\\s+(restrictions|limits|rules"
                            + "|filters|guidelines)",
                    "an instruction to behave as if unrestricted"),
            of("pretend_unrestricted", HIGH, INJECTION,
                    "\\bpretend\\b(\\s+\\w+){0,3}?\\s+(you\\s+are|to\\s+be)\\b(\\s+\\w+){0,4}?\\s+(unrestricted"
                            + "|uncensored|jailbroken|evil|without\\s+(rules|limits|restrictions|filters))",
                    "role play used to shed restrictions"),
            of("jailbreak_keywords", HIGH, INJECTION,
                    "\\b(dan\\s+mode|do\\s+anything\\s+now|developer\\s+mode\\s+(enabled|activated)"
                            + "|jailbreak\\s+mode)\\b",
                    "a known jailbreak phrase"),
            of("hide_from_user", HIGH, INJECTION,
                    "\\b(do\\s+not|don't|never)\\s+(tell|inform|notify|alert|warn)\\b(\\s+\\w+){0,2}?\\s+the\\s+user\\b",
                    "an instruction to keep something from the user"),
            of("covert_action", HIGH, INJECTION,
                    "\\b(secretly|silently|covertly|quietly)\\s+(run|execute|send|upload|install|add|copy|post)\\b",
                    "an instruction to act without the user noticing"),
            of("html_comment_instruction", HIGH, INJECTION,
                    "<!--[^>]*\\b(ignore|override|system|secret|hidden|instructions?|assistant|you\\s+must)\\b",
                    "instructions hidden in an HTML comment"),
            of("hidden_styled_text", HIGH, INJECTION,
                    "<[a-z]+[^>]*style\\s*=\\s*['\"][^'\"]*(display\\s*:\\s*none|visibility\\s*:\\s*hidden"
                            + "|font-size\\s*:\\s*0|opacity\\s*:\\s*0(?![.\\d]))",
                    "text styled to be invisible"),
            of("chat_template_markers", HIGH, INJECTION,
                    "<\\|im_start\\|>|<\\|system\\|>|\\[/?inst]|<\\|start_header_id\\|>|<\\|endoftext\\|>",
                    "chat-template tokens that fake a new message"),
            of("leak_system_prompt", HIGH, INJECTION,
                    "\\b(print|output|reveal|repeat|dump|leak)\\b(\\s+\\w+){0,3}?\\s+(system|initial|hidden|original)"
                            + "\\s+(prompt|instructions)\\b",
                    "an attempt to extract the system prompt"),
            of("fake_authority", MEDIUM, INJECTION,
                    "\\bthis\\s+(message|instruction)\\s+(is|comes)\\s+from\\s+(the\\s+)?(developer|administrator"
                            + "|anthropic|openai|system)\\b|\\b(authorized|approved)\\s+by\\s+(anthropic|openai"
                            + "|the\\s+developers)\\b",
                    "a message that claims authority it cannot have"),
            // obfuscation
            of("base64_pipe_shell", CRITICAL, OBFUSCATION,
                    "\\bbase64\\s+(-d|--decode|-D)\\b.*\\|\\s*(sudo\\s+)?(ba|z|k|da)?sh\\b",
                    "decoded base64 run by a shell"),
            of("eval_decoded_payload", CRITICAL, OBFUSCATION,
                    "\\b(eval|exec)\\b.*\\b(atob|b64decode|base64_decode|fromcharcode|unhexlify|frombase64string)\\b",
                    "an encoded payload decoded and evaluated"),
            of("exec_compressed_payload", CRITICAL, OBFUSCATION,
                    "\\bexec\\s*\\(\\s*(zlib|marshal|codecs|bytes\\.fromhex|__import__)",
                    "compressed or marshalled code executed"),
            of("hex_escape_payload", HIGH, OBFUSCATION, "(\\\\x[0-9a-f]{2}){16,}",
                    "a long run of hex escapes"),
            of("long_base64_blob", MEDIUM, OBFUSCATION, "[a-z0-9+/]{200,}={0,2}",
                    "a long base64-like blob"),
            of("char_code_assembly", MEDIUM, OBFUSCATION,
                    "(chr\\(\\s*\\d+\\s*\\)\\s*\\+\\s*){5,}|fromcharcode\\(\\s*\\d+(\\s*,\\s*\\d+){8,}",
                    "a string assembled from character codes"),
            of("reversed_string_shell", HIGH, OBFUSCATION,
                    "\\brev\\b.*\\|\\s*(ba|z)?sh\\b|\\[::-1].*\\b(os\\.system|subprocess|exec)\\b",
                    "a reversed string run as a command"),
            of("powershell_encoded_command", CRITICAL, OBFUSCATION,
                    "\\b(powershell|pwsh)(\\.exe)?\\b.*\\s-(e|ec|enc|encodedcommand)\\s+[a-z0-9+/=]{16,}",
                    "an encoded PowerShell command"),
            of("unicode_escape_payload", MEDIUM, OBFUSCATION, "(\\\\u[0-9a-f]{4}){12,}",
                    "a long run of unicode escapes"),
            // credentials written into the skill
            of("hardcoded_secret", HIGH, CREDENTIAL_EXPOSURE,
                    "\\b(api[_-]?key|secret[_-]?key|access[_-]?token|auth[_-]?token|client[_-]?secret|password"
                            + "|passwd)\\b['\"]?\\s*[:=]\\s*['\"][a-z0-9_\\-+/=.]{20,}['\"]",
                    "a secret written out as a literal"),
            of("openai_key_literal", CRITICAL, CREDENTIAL_EXPOSURE, "\\bsk-(proj-|ant-)?[a-z0-9_-]{32,}",
                    "an OpenAI or Anthropic API key"),
            of("aws_access_key_literal", CRITICAL, CREDENTIAL_EXPOSURE,
                    "(?-i)\\b(AKIA|ASIA)(?![0-9A-Z]*EXAMPLE)[0-9A-Z]{16}\\b",
                    "an AWS access key id"),
            of("github_token_literal", CRITICAL, CREDENTIAL_EXPOSURE,
                    "(?-i)\\b(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}\\b|\\bgithub_pat_[A-Za-z0-9_]{60,}",
                    "a GitHub token"),
            of("private_key_block", CRITICAL, CREDENTIAL_EXPOSURE, "-----BEGIN\\s+([a-z]+\\s+)?private\\s+key-----",
                    "a private key"),
            of("slack_token_literal", HIGH, CREDENTIAL_EXPOSURE, "\\bxox[baprs]-\\d{8,}-[a-z0-9-]{8,}",
                    "a Slack token"),
            of("echo_secret_variable", MEDIUM, CREDENTIAL_EXPOSURE,
                    "\\b(echo|printf|print|console\\.log|write-host)\\b[^|\\n]*\\$\\{?\\w*(api_?key|token|secret"
                            + "|password)\\w*}?[^|\\n]*$",
                    "a secret printed where transcripts and logs keep it"));

    private AttackPatterns() {
    }
}
