package hermes.plugin.channel.email.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import hermes.api.Channel;

/**
 * The email channel's configuration, read once per {@link Channel#start}. Every key is looked up first in
 * {@code config.yaml} under {@code platforms.email.extra.<key>} (the original's per-platform block), then as its
 * environment variable ({@code $HERMES_HOME/.env} wins over the process environment; the host resolves that). The
 * variable names and defaults are the original's; the two security settings are ours (the original always used
 * implicit TLS for IMAP and STARTTLS for SMTP, which stay the defaults).
 *
 * @param address the bot's mailbox, also the IMAP and SMTP login ({@code EMAIL_ADDRESS})
 * @param password its password or app password ({@code EMAIL_PASSWORD})
 * @param imapHost {@code EMAIL_IMAP_HOST}
 * @param imapPort {@code EMAIL_IMAP_PORT}, default 993 (143 without implicit TLS)
 * @param imapSecurity {@code EMAIL_IMAP_SECURITY}: {@code ssl} (default), {@code starttls} or {@code none}
 * @param smtpHost {@code EMAIL_SMTP_HOST}
 * @param smtpPort {@code EMAIL_SMTP_PORT}, default 587 (465 with implicit TLS)
 * @param smtpSecurity {@code EMAIL_SMTP_SECURITY}: {@code starttls} (default), {@code ssl} or {@code none}
 * @param pollInterval {@code EMAIL_POLL_INTERVAL} in seconds, default 15; used when the server has no IDLE
 * @param skipAttachments {@code platforms.email.extra.skip_attachments}: ignore attached files entirely
 */
record EmailSettings(String address, String password, String imapHost, int imapPort, Security imapSecurity,
                     String smtpHost, int smtpPort, Security smtpSecurity, Duration pollInterval,
                     boolean skipAttachments) {

    static final String ADDRESS = "EMAIL_ADDRESS";
    static final String PASSWORD = "EMAIL_PASSWORD";
    static final String IMAP_HOST = "EMAIL_IMAP_HOST";
    static final String IMAP_PORT = "EMAIL_IMAP_PORT";
    static final String IMAP_SECURITY = "EMAIL_IMAP_SECURITY";
    static final String SMTP_HOST = "EMAIL_SMTP_HOST";
    static final String SMTP_PORT = "EMAIL_SMTP_PORT";
    static final String SMTP_SECURITY = "EMAIL_SMTP_SECURITY";
    static final String POLL_INTERVAL = "EMAIL_POLL_INTERVAL";
    static final String SKIP_ATTACHMENTS = "skip_attachments";
    /** Where {@code config.yaml} keeps the same settings: {@code platforms.email.extra.imap_host}, … */
    static final String CONFIG_PREFIX = "platforms.email.extra.";
    static final long DEFAULT_POLL_SECONDS = 15;

    /** How a connection is protected. */
    enum Security {
        /** TLS from the first byte (IMAPS 993, SMTPS 465). */
        SSL,
        /** Plain connect, then a required STARTTLS upgrade. */
        STARTTLS,
        /** No encryption: loopback test servers only. */
        NONE;

        static Security parse(String setting, String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(setting + " is '" + value + "'; use ssl, starttls or none", e);
            }
        }
    }

    /**
     * The settings {@code host} gives.
     *
     * @throws IllegalArgumentException when a required setting is missing or a value is malformed; the message names
     *     the setting and the fix
     */
    static EmailSettings from(Channel.Host host) {
        String address = required(host, ADDRESS);
        String password = required(host, PASSWORD);
        String imapHost = required(host, IMAP_HOST);
        String smtpHost = required(host, SMTP_HOST);
        Security imapSecurity = read(host, IMAP_SECURITY).map(v -> Security.parse(IMAP_SECURITY, v))
                .orElse(Security.SSL);
        Security smtpSecurity = read(host, SMTP_SECURITY).map(v -> Security.parse(SMTP_SECURITY, v))
                .orElse(Security.STARTTLS);
        int imapPort = read(host, IMAP_PORT).map(v -> number(IMAP_PORT, v))
                .orElse(imapSecurity == Security.SSL ? 993 : 143);
        int smtpPort = read(host, SMTP_PORT).map(v -> number(SMTP_PORT, v))
                .orElse(smtpSecurity == Security.SSL ? 465 : 587);
        long poll = read(host, POLL_INTERVAL).map(v -> number(POLL_INTERVAL, v)).orElse((int) DEFAULT_POLL_SECONDS);
        if (poll < 1) {
            throw new IllegalArgumentException(POLL_INTERVAL + " is " + poll + "; use a number of seconds >= 1");
        }
        boolean skip = host.setting(CONFIG_PREFIX + SKIP_ATTACHMENTS).map(EmailSettings::truthy).orElse(false);
        if (!address.contains("@")) {
            throw new IllegalArgumentException(ADDRESS + " is '" + address + "', not an email address");
        }
        return new EmailSettings(address.strip(), password, imapHost, imapPort, imapSecurity, smtpHost, smtpPort,
                smtpSecurity, Duration.ofSeconds(poll), skip);
    }

    /** The domain of {@link #address()}, for the Message-IDs we make. */
    String domain() {
        return address.substring(address.lastIndexOf('@') + 1);
    }

    private static String required(Channel.Host host, String variable) {
        return read(host, variable).orElseThrow(() -> new IllegalArgumentException("email is enabled but " + variable
                + " is not set; set it in $HERMES_HOME/.env (or " + CONFIG_PREFIX
                + variable.substring("EMAIL_".length()).toLowerCase(Locale.ROOT) + " in config.yaml)"));
    }

    private static Optional<String> read(Channel.Host host, String variable) {
        String configKey = CONFIG_PREFIX + variable.substring("EMAIL_".length()).toLowerCase(Locale.ROOT);
        return host.setting(configKey).or(() -> host.setting(variable)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static int number(String setting, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting + " is '" + value + "'; it must be a whole number", e);
        }
    }

    private static boolean truthy(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            default -> false;
        };
    }
}
