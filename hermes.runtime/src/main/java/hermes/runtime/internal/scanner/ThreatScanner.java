package hermes.runtime.internal.scanner;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * The prompt-injection and exfiltration scanner shared by memory writes, context files, skill installs and tool
 * results (behaviour reference §4).
 *
 * <p>Invisible characters are looked for in the raw text, then removed and the rest folded with NFKC before the patterns
 * run: NFKC turns full-width and mathematical look-alikes ({@code ｉｇｎｏｒｅ}, {@code 𝐢𝐠𝐧𝐨𝐫𝐞}) into plain letters, and
 * removing the invisible characters keeps a zero-width joiner inside a keyword from hiding the pattern behind it. As in
 * the original, cross-script confusables (a Cyrillic {@code а}) are not folded; that would need the Unicode TR#39 data.
 */
public final class ThreatScanner {

    /** Scanners are advisory: only this many code points are looked at, which bounds the worst-case time. */
    static final int MAX_SCAN_CODE_POINTS = 65_536;

    private static final int EXCERPT_LENGTH = 80;
    private static final int INVISIBLE_CONTEXT = 20;

    private ThreatScanner() {
    }

    /** Every pattern of {@code scope} that matches {@code text}, and every invisible character in it. */
    public static ScanResult scan(String text, Scope scope) {
        String scanned = firstCodePoints(text, MAX_SCAN_CODE_POINTS);
        List<Finding> findings = new ArrayList<>(invisibleCharacters(scanned));
        String normalised = Normalizer.normalize(withoutInvisible(scanned), Normalizer.Form.NFKC);
        for (ThreatPattern pattern : ThreatPatterns.PATTERNS) {
            if (!scope.includes(pattern.scope())) {
                continue;
            }
            Matcher matcher = pattern.regex().matcher(normalised);
            if (matcher.find()) {
                findings.add(new Finding(pattern.id(), pattern.category(), excerpt(matcher.group())));
            }
        }
        return ScanResult.of(findings);
    }

    /** One finding per distinct invisible character, lowest code point first, each with the text around it. */
    private static List<Finding> invisibleCharacters(String text) {
        return text.codePoints().filter(ThreatPatterns.INVISIBLE::contains).distinct().sorted()
                .mapToObj(codePoint -> {
                    int at = text.indexOf(codePoint);
                    int from = Math.max(0, at - INVISIBLE_CONTEXT);
                    int to = Math.min(text.length(), at + 1 + INVISIBLE_CONTEXT);
                    return new Finding("invisible_unicode_" + codePointName(codePoint),
                            ThreatCategory.INVISIBLE_UNICODE, excerpt(showInvisible(text.substring(from, to))));
                })
                .toList();
    }

    private static String codePointName(int codePoint) {
        return String.format(Locale.ROOT, "U+%04X", codePoint);
    }

    private static String withoutInvisible(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(c -> !ThreatPatterns.INVISIBLE.contains(c)).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /** Invisible characters written as {@code [U+200B]}, so the excerpt shows what the finding is about. */
    private static String showInvisible(String text) {
        StringBuilder shown = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (ThreatPatterns.INVISIBLE.contains(c)) {
                shown.append('[').append(codePointName(c)).append(']');
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }

    /** Whitespace runs collapsed to one space and the whole cut to a line's length, so a finding reads on one line. */
    private static String excerpt(String matched) {
        String oneLine = matched.replaceAll("\\s+", " ").strip();
        if (oneLine.codePointCount(0, oneLine.length()) <= EXCERPT_LENGTH) {
            return oneLine;
        }
        return firstCodePoints(oneLine, EXCERPT_LENGTH - 1) + "…";
    }

    static String firstCodePoints(String text, int count) {
        if (text.codePointCount(0, text.length()) <= count) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, count));
    }
}
