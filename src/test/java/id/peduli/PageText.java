package id.peduli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small helpers to read a rendered page in a test: its visible text, one element by id, the links of a list. */
public final class PageText {

    private static final Pattern SCRIPT_OR_STYLE = Pattern.compile("(?is)<(script|style|head)\\b.*?</\\1>");
    /** Tags that do not break a line of text: removed without leaving a space. */
    private static final Pattern INLINE_TAG =
            Pattern.compile("(?is)</?(span|a|strong|em|b|i|small|code|abbr|mark|time)\\b[^>]*>");

    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern HREF = Pattern.compile("<a\\b[^>]*\\bhref=\"([^\"]*)\"");

    private PageText() {}

    /** What a reader sees: the text without tags, scripts and styles, entities decoded, spaces collapsed. */
    public static String text(String html) {
        String text = SCRIPT_OR_STYLE.matcher(html).replaceAll(" ");
        text = INLINE_TAG.matcher(text).replaceAll("");
        text = TAG.matcher(text).replaceAll(" ");
        text = text.replace("&nbsp;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&#34;", "\"")
                .replace("&amp;", "&");
        return text.replaceAll("\\s+", " ").trim();
    }

    /**
     * The element with this id, from its opening tag to its matching closing tag (elements of the same name nested
     * in it are counted); empty when there is none.
     */
    public static String element(String html, String id) {
        Matcher open = Pattern.compile("<([a-zA-Z0-9]+)\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>")
                .matcher(html);
        if (!open.find()) {
            return "";
        }
        String name = open.group(1);
        Pattern tags = Pattern.compile("(?i)<(/?)" + name + "\\b[^>]*>");
        Matcher m = tags.matcher(html);
        int depth = 0;
        m.region(open.start(), html.length());
        while (m.find()) {
            depth += m.group(1).isEmpty() ? 1 : -1;
            if (depth == 0) {
                return html.substring(open.start(), m.end());
            }
        }
        return html.substring(open.start());
    }

    /** The first element with this class (in its class attribute), as {@link #element} does for an id. */
    public static String byClass(String html, String cssClass) {
        Matcher open = Pattern.compile("<([a-zA-Z0-9]+)\\b[^>]*\\bclass=\"(?:[^\"]*\\s)?" + Pattern.quote(cssClass)
                        + "(?:\\s[^\"]*)?\"[^>]*>")
                .matcher(html);
        if (!open.find()) {
            return "";
        }
        String marker = "pagetext-" + System.nanoTime();
        String tagged = html.substring(0, open.start())
                + open.group().replaceFirst("<" + open.group(1), "<" + open.group(1) + " id=\"" + marker + "\"")
                + html.substring(open.end());
        return element(tagged, marker);
    }

    /** The targets of the links in this piece of HTML, in order. */
    public static List<String> hrefs(String html) {
        List<String> found = new ArrayList<>();
        Matcher m = HREF.matcher(html);
        while (m.find()) {
            found.add(m.group(1).replace("&amp;", "&"));
        }
        return found;
    }
}
