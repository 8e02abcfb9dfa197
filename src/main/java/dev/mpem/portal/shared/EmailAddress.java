package dev.mpem.portal.shared;

import java.util.regex.Pattern;

/**
 * The one check of an e-mail address's shape, for every form and API that takes one: something, one
 * {@code @}, a domain with a dot, no spaces, at most {@value #MAX} characters. (Whether anyone reads
 * the mailbox only a mail can tell.)
 */
public final class EmailAddress {

    public static final int MAX = 320;
    public static final String REGEXP = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    private static final Pattern PATTERN = Pattern.compile(REGEXP);

    private EmailAddress() {
    }

    public static boolean valid(String address) {
        return address.length() <= MAX && PATTERN.matcher(address).matches();
    }
}
