package dev.portcullis.users.control;

import dev.portcullis.errors.ValidationFailed;
import dev.portcullis.validation.TextPolicy;
import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address as users are known by: the form it is shown in ({@code display}: NFC, lower case) and
 * the one accounts are told apart by ({@code key}). Look-alikes must not make a second account: the key
 * is the NFKC form, case-folded, with the domain in IDNA ASCII, so {@code ａdmin@x.test} (fullwidth) and
 * {@code 𝐚dmin@x.test} (mathematical bold) are {@code admin@x.test}. The part before the {@code @} must
 * be ASCII once so folded (letters, digits and {@code !#$%&'*+/=?^_`{|}~.-}): a Cyrillic {@code а} would
 * otherwise pass for a Latin one. Invisible and control characters are refused by the text policy
 * before anything else.
 */
public record EmailAddress(String display, String key) {

    public static final int MAX_LENGTH = 320;
    private static final Pattern LOCAL = Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    /** The address, or 400 {@code VALIDATION_FAILED} naming {@code email} and the rule it breaks. */
    public static EmailAddress of(String text) {
        if (text == null) {
            throw refused("is required");
        }
        String problem = TextPolicy.problemWith(text, MAX_LENGTH);
        if (problem != null) {
            throw refused(problem);
        }
        String display = TextPolicy.normalized(text).toLowerCase(Locale.ROOT);
        int at = display.lastIndexOf('@');
        if (at < 1 || at == display.length() - 1 || display.indexOf('@') != at) {
            throw refused("is not an email address");
        }
        String local = Normalizer.normalize(display.substring(0, at), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        if (local.length() > 64 || !LOCAL.matcher(local).matches()) {
            throw refused("must have before its @ only ASCII letters, digits and !#$%&'*+/=?^_`{|}~.- (at most 64, "
                    + "no leading, trailing or double dot)");
        }
        return new EmailAddress(display, local + "@" + asciiDomain(display.substring(at + 1)));
    }

    private static String asciiDomain(String domain) {
        String ascii;
        try {
            ascii = IDN.toASCII(Normalizer.normalize(domain, Normalizer.Form.NFKC), IDN.USE_STD3_ASCII_RULES)
                    .toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notADomain) {
            throw refused("does not have a valid domain after its @");
        }
        String[] labels = ascii.split("\\.", -1);
        if (ascii.length() > 253 || labels.length < 2) {
            throw refused("does not have a valid domain after its @");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw refused("does not have a valid domain after its @");
            }
        }
        return ascii;
    }

    private static ValidationFailed refused(String problem) {
        return new ValidationFailed("email", "email " + problem);
    }
}
