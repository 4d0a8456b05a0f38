package hermes.plugin.channel.email.internal;

import java.util.regex.Pattern;

/** Plain text from an HTML-only email: good enough for a model to read, not a renderer. */
final class Html {

    private static final Pattern HIDDEN = Pattern.compile("(?is)<(script|style|head)[^>]*>.*?</\\1\\s*>");
    private static final Pattern QUOTE = Pattern.compile("(?is)<blockquote[^>]*>.*?</blockquote\\s*>");
    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>|</?(p|div|li|tr|h[1-6])(\\s[^>]*)?>");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n(\\s*\\n)+");

    private Html() {
    }

    /** The text of {@code html}: tags dropped, block ends as line breaks, quoted blocks left out, entities decoded. */
    static String toText(String html) {
        String text = HIDDEN.matcher(html).replaceAll("");
        text = QUOTE.matcher(text).replaceAll("");
        text = BREAK.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        return BLANK_LINES.matcher(text).replaceAll("\n\n").strip();
    }
}
