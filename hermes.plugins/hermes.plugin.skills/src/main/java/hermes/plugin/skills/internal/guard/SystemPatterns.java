package hermes.plugin.skills.internal.guard;

import static hermes.plugin.skills.internal.guard.Category.DESTRUCTIVE;
import static hermes.plugin.skills.internal.guard.Category.EXECUTION;
import static hermes.plugin.skills.internal.guard.Category.MINING;
import static hermes.plugin.skills.internal.guard.Category.NETWORK;
import static hermes.plugin.skills.internal.guard.Category.PERSISTENCE;
import static hermes.plugin.skills.internal.guard.Category.PRIVILEGE_ESCALATION;
import static hermes.plugin.skills.internal.guard.Category.SUPPLY_CHAIN;
import static hermes.plugin.skills.internal.guard.Category.TRAVERSAL;
import static hermes.plugin.skills.internal.guard.GuardPattern.of;
import static hermes.plugin.skills.internal.guard.Severity.CRITICAL;
import static hermes.plugin.skills.internal.guard.Severity.HIGH;
import static hermes.plugin.skills.internal.guard.Severity.MEDIUM;

import java.util.List;

/**
 * The guard's patterns against the machine: persistence, supply chain, network backdoors, destruction, code execution,
 * path traversal, privilege escalation and mining. Installing software the usual way ({@code pip install requests},
 * {@code systemctl status}) does not fire; the test table holds one match and one near miss for every id.
 */
final class SystemPatterns {

    static final List<GuardPattern> ALL = List.of(
            // persistence
            of("ssh_authorized_keys_write", CRITICAL, PERSISTENCE,
                    "(>>?|\\btee\\s+(-a\\s+)?)\\s*['\"]?[\\w~$/{}.-]*authorized_keys\\b",
                    "a key added to authorized_keys (remote login for someone else)"),
            of("crontab_install", HIGH, PERSISTENCE,
                    "\\|\\s*crontab\\s+-(\\s|$)|>>?\\s*/etc/cron|/var/spool/cron",
                    "a cron job installed"),
            of("shell_rc_append", MEDIUM, PERSISTENCE,
                    "(>>|\\btee\\s+-a)\\s*['\"]?(~|\\$home|\\$\\{home})/\\.(bashrc|zshrc|profile|bash_profile"
                            + "|zprofile|zshenv|config/fish/config\\.fish)\\b",
                    "a line appended to a shell start-up file"),
            of("systemd_unit_install", MEDIUM, PERSISTENCE,
                    "/etc/systemd/system/[\\w@.-]+\\.(service|timer)|\\bsystemctl\\s+(--user\\s+)?enable\\b",
                    "a service enabled at boot"),
            of("launchd_agent_install", MEDIUM, PERSISTENCE,
                    "library/launch(agents|daemons)/|\\blaunchctl\\s+(load|bootstrap)\\b",
                    "a macOS launch agent installed"),
            of("windows_autorun", HIGH, PERSISTENCE,
                    "currentversion\\\\run(once)?\\b|\\\\start menu\\\\programs\\\\startup|\\bschtasks\\s+/create\\b",
                    "a Windows autorun entry or scheduled task"),
            of("agent_instructions_tamper", MEDIUM, PERSISTENCE,
                    "\\b(append|add|write|insert|inject)\\b.{0,40}\\b(to|into)\\s+.{0,20}\\b(agents\\.md|claude\\.md"
                            + "|\\.cursorrules|\\.clinerules|soul\\.md|memory\\.md)\\b",
                    "text added to a file that steers an agent in later sessions"),
            of("git_hook_install", MEDIUM, PERSISTENCE, ">>?\\s*['\"]?[\\w./-]*\\.git/hooks/[\\w-]+",
                    "a git hook written (runs on every commit or checkout)"),
            // supply chain
            of("curl_pipe_shell", HIGH, SUPPLY_CHAIN,
                    "\\b(curl|wget|iwr|invoke-webrequest)\\b[^|]*\\|\\s*(sudo\\s+(-\\w+\\s+)*)?(ba|z|da|k)?sh\\b",
                    "a downloaded script run unseen by a shell"),
            of("curl_pipe_interpreter", HIGH, SUPPLY_CHAIN,
                    "\\b(curl|wget)\\b[^|]*\\|\\s*(sudo\\s+)?(python[\\d.]*+(?!\\s+-m\\s+json\\.tool)|node|perl|ruby"
                            + "|php)\\b",
                    "downloaded code run unseen by an interpreter"),
            of("package_from_url", MEDIUM, SUPPLY_CHAIN,
                    "\\b(pip3?|uv\\s+pip|pipx)\\s+install\\b.*(https?://|git\\+)|\\bnpm\\s+(i|install)\\b.*(https?://"
                            + "|git\\+|github:)",
                    "a package installed from a URL instead of the registry"),
            of("custom_package_index", HIGH, SUPPLY_CHAIN,
                    "(--index-url|--extra-index-url)[\\s=]+https?://(?!pypi\\.org|files\\.pythonhosted\\.org"
                            + "|download\\.pytorch\\.org)|\\bnpm\\s+config\\s+set\\s+registry\\s+https?://"
                            + "(?!registry\\.npmjs\\.org)|--registry[\\s=]+https?://(?!registry\\.npmjs\\.org)",
                    "packages taken from an unofficial index"),
            of("install_hook_download", MEDIUM, SUPPLY_CHAIN,
                    "['\"](preinstall|postinstall|install|prepare)['\"]\\s*:\\s*['\"][^'\"]*(curl|wget|node\\s+-e"
                            + "|bash\\s+-c|python\\s+-c)",
                    "a package install hook that downloads or runs code"),
            of("remote_script_source", HIGH, SUPPLY_CHAIN, "(\\bsource|\\.)\\s+<\\(\\s*(curl|wget)\\b",
                    "a remote script sourced into the shell"),
            of("git_clone_and_run", MEDIUM, SUPPLY_CHAIN,
                    "\\bgit\\s+clone\\b.*&&.*(\\./[\\w./-]+\\.sh|\\bbash\\s+[\\w./-]+\\.sh|\\bmake\\s+install)",
                    "a freshly cloned repository's script run at once"),
            // network
            of("reverse_shell_dev_tcp", CRITICAL, NETWORK, "/dev/(tcp|udp)/[\\w.-]+/\\d+",
                    "a shell connected to a remote host through /dev/tcp"),
            of("netcat_exec_shell", CRITICAL, NETWORK,
                    "\\b(nc|ncat|netcat)\\b.*\\s-[a-z]*[ec]\\s+[\\w/]*(sh|bash|cmd(\\.exe)?)\\b",
                    "netcat handing a shell to the network"),
            of("socat_exec_shell", CRITICAL, NETWORK, "\\bsocat\\b.*\\b(exec|system):.*\\b(sh|bash)\\b",
                    "socat handing a shell to the network"),
            of("scripted_reverse_shell", CRITICAL, NETWORK,
                    "socket\\.socket\\(.*\\.connect\\(.*(subprocess|pty\\.spawn|os\\.dup2)"
                            + "|pty\\.spawn\\(\\s*['\"]/bin/(ba)?sh|\\bos\\.dup2\\s*\\(\\s*\\w+\\.fileno\\(\\)",
                    "a scripted reverse shell"),
            of("public_ip_endpoint", MEDIUM, NETWORK,
                    "https?://(?!127\\.|0\\.0\\.0\\.0|10\\.|192\\.168\\.|172\\.(1[6-9]|2\\d|3[01])\\.|169\\.254\\.)"
                            + "(\\d{1,3}\\.){3}\\d{1,3}\\b",
                    "a URL with a bare public IP address"),
            of("tunnel_to_internet", MEDIUM, NETWORK,
                    "\\bngrok\\s+(http|tcp|tls)\\b|\\bcloudflared\\s+tunnel\\b|\\bserveo\\.net\\b|\\blocaltunnel\\b"
                            + "|\\blt\\s+--port\\b",
                    "a local port exposed to the internet"),
            of("firewall_disable", HIGH, NETWORK,
                    "\\bufw\\s+disable\\b|\\biptables\\s+(-F|--flush)\\b|\\bsetenforce\\s+0\\b"
                            + "|\\bnetsh\\s+advfirewall\\s+set\\s+\\w+\\s+state\\s+off\\b"
                            + "|set-mppreference\\s+-disablerealtimemonitoring",
                    "a firewall or malware protection switched off"),
            of("remote_port_forward", MEDIUM, NETWORK, "(?-i)\\bssh\\b.*\\s-R\\s*\\d+:",
                    "a local port offered to a remote host"),
            // destructive
            of("rm_rf_root_or_home", CRITICAL, DESTRUCTIVE,
                    "\\brm\\s+(-{1,2}[a-z-]+\\s+)*-[a-z]*r[a-z]*\\s+(-{1,2}[a-z-]+\\s+)*(/|/\\*|~/?\\*?|\\$home/?\\*?"
                            + "|\\$\\{home}/?\\*?)(\\s|$|;|&|\\|)",
                    "the root or home directory deleted"),
            of("disk_wipe", CRITICAL, DESTRUCTIVE,
                    "\\bmkfs(\\.\\w+)?\\s+/dev/|\\bdd\\b.*\\bof=/dev/(sd|hd|nvme|disk|mmcblk|xvd|vd)"
                            + "|\\bwipefs\\s+-a\\b|\\bshred\\b.*/dev/(sd|hd|nvme|disk)",
                    "a disk formatted or overwritten"),
            of("fork_bomb", CRITICAL, DESTRUCTIVE, ":\\(\\)\\s*\\{\\s*:\\s*\\|\\s*:\\s*&\\s*}\\s*;\\s*:",
                    "a fork bomb"),
            of("world_writable_root", HIGH, DESTRUCTIVE,
                    "\\bchmod\\s+(-r\\s+)?(0?777|a\\+rwx|ugo\\+rwx)\\s+(/|~|\\$home)(\\s|$)",
                    "the root or home directory made writable for everyone"),
            of("delete_git_history", HIGH, DESTRUCTIVE, "\\brm\\s+-[a-z]*r[a-z]*\\s+(\\./)?\\.git/?(\\s|$)",
                    "a repository's history deleted"),
            of("drop_database", MEDIUM, DESTRUCTIVE, "\\bdrop\\s+(database|schema)\\b",
                    "a whole database dropped"),
            of("kill_everything", HIGH, DESTRUCTIVE, "\\bkill\\s+-9\\s+-1\\b|\\bkillall5\\b|\\bpkill\\s+-9\\s+-u\\s+root\\b",
                    "every process killed"),
            of("cover_tracks", MEDIUM, DESTRUCTIVE,
                    ">\\s*/var/log/[\\w./-]+|\\bhistory\\s+-c\\b|\\bunset\\s+histfile\\b"
                            + "|\\bshred\\b.*(\\.bash_history|/var/log)",
                    "logs or shell history erased"),
            // execution
            of("shell_true_subprocess", MEDIUM, EXECUTION, "subprocess\\.\\w+\\(.*shell\\s*=\\s*true",
                    "a subprocess run through the shell"),
            of("os_system_dynamic", MEDIUM, EXECUTION,
                    "\\bos\\.(system|popen)\\s*\\(\\s*(f['\"]|[a-z_][\\w.]*\\s*[+%)]|['\"][^'\"]*['\"]\\s*[+%])",
                    "a shell command built from variables"),
            of("eval_untrusted_input", HIGH, EXECUTION,
                    "\\b(eval|exec)\\s*\\(\\s*(input\\s*\\(|request\\.|sys\\.argv|process\\.argv|req\\.(body|query"
                            + "|params))",
                    "untrusted input evaluated as code"),
            of("download_and_run", HIGH, EXECUTION,
                    "\\b(curl|wget)\\b.*\\s(-o|--output)\\s*\\S+.*(&&|;)\\s*(chmod\\s+\\+x|sh\\s|bash\\s|\\./)",
                    "a download made executable or run at once"),
            of("node_exec_dynamic", MEDIUM, EXECUTION, "child_process['\"]?\\)?\\.exec(sync)?\\s*\\(\\s*[`a-z_]",
                    "a shell command built in Node"),
            of("powershell_download_exec", CRITICAL, EXECUTION,
                    "\\b(iex|invoke-expression)\\b.*\\b(downloadstring|iwr|invoke-webrequest|irm|invoke-restmethod)\\b"
                            + "|\\b(iwr|irm|invoke-webrequest|invoke-restmethod)\\b.*\\|\\s*(iex|invoke-expression)\\b",
                    "downloaded PowerShell run at once"),
            // traversal
            of("deep_parent_traversal", HIGH, TRAVERSAL, "(\\.\\./){3,}|(\\.\\.\\\\){3,}",
                    "a path climbing three or more directories up"),
            of("system_secret_files", CRITICAL, TRAVERSAL, "/etc/(shadow|gshadow|sudoers)\\b",
                    "system password or sudo files touched"),
            of("proc_memory_access", HIGH, TRAVERSAL,
                    "/proc/(self|\\d+|\\$\\w+|\\$\\{\\w+})/(environ|mem|maps|cmdline)\\b",
                    "another process's environment or memory read"),
            of("windows_credential_hives", HIGH, TRAVERSAL,
                    "\\\\system32\\\\config\\\\(sam|system|security)\\b|\\breg\\s+save\\s+hklm\\\\(sam|system|security)\\b",
                    "Windows credential hives read"),
            of("hidden_dotdir_traversal", MEDIUM, TRAVERSAL, "\\.\\./+\\.(ssh|aws|gnupg|hermes)\\b",
                    "a relative path into a private dot directory"),
            // privilege escalation
            of("sudoers_nopasswd", CRITICAL, PRIVILEGE_ESCALATION, "nopasswd\\s*:\\s*all\\b",
                    "password-less sudo for everything"),
            of("setuid_bit", HIGH, PRIVILEGE_ESCALATION, "\\bchmod\\s+([ugoa]*\\+s|[24][0-7]{3})\\b",
                    "a setuid or setgid bit set"),
            of("sudo_root_shell", HIGH, PRIVILEGE_ESCALATION, "\\bsudo\\s+(-s|-i|su\\b|(/bin/)?(ba)?sh\\b)(\\s|$)",
                    "a root shell opened"),
            of("docker_socket_mount", HIGH, PRIVILEGE_ESCALATION, "/var/run/docker\\.sock\\s*:",
                    "the Docker socket handed to a container (root on the host)"),
            of("privileged_container", MEDIUM, PRIVILEGE_ESCALATION,
                    "\\bdocker\\s+run\\b.*--privileged\\b|\\bprivileged:\\s*true\\b",
                    "a privileged container"),
            of("file_capabilities", HIGH, PRIVILEGE_ESCALATION, "\\bsetcap\\s+['\"]?cap_\\w+",
                    "Linux capabilities granted to a program"),
            // mining
            of("miner_binary", CRITICAL, MINING,
                    "\\b(xmrig|minerd|cpuminer|cgminer|bfgminer|ethminer|nbminer|phoenixminer|lolminer)\\b",
                    "a cryptocurrency miner"),
            of("mining_pool", CRITICAL, MINING,
                    "stratum\\+(tcp|ssl|tls)://|\\b(minexmr|nanopool\\.org|2miners\\.com|f2pool\\.com"
                            + "|supportxmr\\.com|moneroocean)\\b",
                    "a mining pool"));

    private SystemPatterns() {
    }
}
